/**
 * Reads the hierarchy of an SP 800-213A mapping workbook. NIST's two mapping
 * workbooks (to SP 800-53 and to CSF) share one layout; only column E differs:
 *
 *   technical sheet      A capability | B sub-capability | C its text | D element | E mapping
 *   non-technical sheet  A capability | B sub-capability | C group ("a.") or element ("1.") | D sub-element | E mapping
 *
 * A capability or sub-capability is written once and merged down (or left blank)
 * over the rows below it: both are filled down here. Sheets are found by the
 * header in A1, not by name, because the two workbooks name them differently.
 */
import type ExcelJS from 'exceljs';
import type { Problems } from '../problems.ts';
import { squash } from '../text.ts';
import { type CellText, findSheetByHeader, readRows } from './workbook-cells.ts';

export interface WorkbookLeaf {
  row: number;
  /** Column D as typed. */
  text: string;
  /** Column E. */
  mapping: CellText;
}
export interface WorkbookTechnicalElement extends WorkbookLeaf {
  /** Column C when it introduces only some elements of a sub-capability. */
  leadIn?: string;
}
export interface WorkbookTechnicalSubCapability {
  title: string;
  description: string;
  row: number;
  elements: WorkbookTechnicalElement[];
}
export interface WorkbookTechnicalCapability {
  title: string;
  row: number;
  subCapabilities: WorkbookTechnicalSubCapability[];
}
export interface WorkbookNonTechnicalElement {
  /** `1.` */
  label: string;
  title: string;
  row: number;
  group?: { label: string; title: string; row: number };
  subElements: WorkbookLeaf[];
}
export interface WorkbookNonTechnicalSubCapability {
  label: string;
  title: string;
  row: number;
  elements: WorkbookNonTechnicalElement[];
}
export interface WorkbookNonTechnicalCapability {
  label: string;
  title: string;
  row: number;
  subCapabilities: WorkbookNonTechnicalSubCapability[];
}
export interface CatalogWorkbook {
  file: string;
  technical: { sheet: string; capabilities: WorkbookTechnicalCapability[] };
  nonTechnical: { sheet: string; capabilities: WorkbookNonTechnicalCapability[] };
}

/** `A. Documentation` → { label: 'A.', title: 'Documentation' }; no label → label ''. */
export function splitLabel(text: string): { label: string; title: string } {
  const m = /^\s*([A-Za-z]|\d{1,2})\s*[.)]+(?:\s+|$)/.exec(text);
  if (!m) return { label: '', title: squash(text) };
  return { label: `${m[1]}.`, title: squash(text.slice(m[0].length)) };
}

const COLUMNS = ['A', 'B', 'C', 'D', 'E'];

function own(cell: CellText | undefined): string {
  return cell && !cell.mergedFrom ? cell.text.trim() : '';
}

export function sheetPlace(ws: ExcelJS.Worksheet, row: number): string {
  return `${ws.name.trim()}!${row}`;
}

function readTechnical(ws: ExcelJS.Worksheet, file: string, problems: Problems): WorkbookTechnicalCapability[] {
  const caps: WorkbookTechnicalCapability[] = [];
  let cap: WorkbookTechnicalCapability | undefined;
  let sub: WorkbookTechnicalSubCapability | undefined;
  let leadIn: { text: string; master: string } | undefined;
  for (const { row, cells } of readRows(ws, COLUMNS)) {
    const place = sheetPlace(ws, row);
    const a = own(cells.A);
    const b = own(cells.B);
    if (a) {
      cap = { title: squash(a), row, subCapabilities: [] };
      caps.push(cap);
      sub = undefined;
    }
    if (!cap) {
      problems.error(
        file,
        place,
        'row comes before any capability (column A)',
        'Write the capability in column A of the first row of its block.',
      );
      continue;
    }
    if (b || !sub) {
      if (!b) {
        problems.error(
          file,
          place,
          `row of capability "${cap.title}" has no sub-capability (column B)`,
          'Write the sub-capability in column B of the first row of its block.',
        );
        continue;
      }
      sub = { title: squash(b), description: squash(own(cells.C)), row, elements: [] };
      cap.subCapabilities.push(sub);
      leadIn = undefined;
    } else {
      const c = cells.C!;
      if (own(c)) leadIn = { text: squash(c.text), master: c.address };
      else if (!c.mergedFrom || c.mergedFrom !== leadIn?.master) leadIn = undefined;
    }
    if (cells.D!.mergedFrom) {
      problems.error(
        file,
        `${place} (D)`,
        `element cell is merged with ${cells.D!.mergedFrom}`,
        'Each element has its own row; unmerge column D.',
      );
      continue;
    }
    const d = own(cells.D);
    if (!d) {
      problems.error(
        file,
        place,
        `sub-capability "${sub.title}" has a row without an element (column D)`,
        'Every row of the technical sheet is one element; remove the empty row or fill in column D.',
      );
      continue;
    }
    sub.elements.push({ row, text: d, mapping: cells.E!, ...(leadIn ? { leadIn: leadIn.text } : {}) });
  }
  return caps;
}

function readNonTechnical(ws: ExcelJS.Worksheet, file: string, problems: Problems): WorkbookNonTechnicalCapability[] {
  const caps: WorkbookNonTechnicalCapability[] = [];
  let cap: WorkbookNonTechnicalCapability | undefined;
  let sub: WorkbookNonTechnicalSubCapability | undefined;
  let group: WorkbookNonTechnicalElement['group'];
  let element: WorkbookNonTechnicalElement | undefined;
  for (const { row, cells } of readRows(ws, COLUMNS)) {
    const place = sheetPlace(ws, row);
    const a = own(cells.A);
    const b = own(cells.B);
    const c = own(cells.C);
    if (a) {
      cap = { ...splitLabel(a), row, subCapabilities: [] };
      caps.push(cap);
      sub = undefined;
    }
    if (!cap) {
      problems.error(
        file,
        place,
        'row comes before any capability (column A)',
        'Write the capability in column A of the first row of its block.',
      );
      continue;
    }
    if (b) {
      sub = { ...splitLabel(b), row, elements: [] };
      cap.subCapabilities.push(sub);
      group = undefined;
      element = undefined;
    }
    if (!sub) {
      problems.error(
        file,
        place,
        `row of capability "${cap.title}" has no sub-capability (column B)`,
        'Write the sub-capability in column B of the first row of its block.',
      );
      continue;
    }
    if (c) {
      const { label, title } = splitLabel(c);
      if (/^[a-z]\.$/.test(label)) {
        group = { label, title, row };
        element = undefined;
      } else if (/^\d+\.$/.test(label)) {
        element = { label, title, row, ...(group ? { group } : {}), subElements: [] };
        sub.elements.push(element);
      } else {
        problems.error(
          file,
          `${place} (C)`,
          `cannot tell whether "${title.slice(0, 60)}" is a group or an element: it starts with neither "a." nor "1."`,
          'Non-technical groups start with a letter ("a.") and elements with a number ("1.").',
        );
        continue;
      }
    }
    if (cells.D!.mergedFrom) {
      problems.error(
        file,
        `${place} (D)`,
        `sub-element cell is merged with ${cells.D!.mergedFrom}`,
        'Each sub-element has its own row; unmerge column D.',
      );
      continue;
    }
    const d = own(cells.D);
    const eHasText = cells.E!.text.trim() !== '';
    if (!d) {
      if (eHasText && !cells.E!.mergedFrom)
        problems.error(
          file,
          `${place} (E)`,
          'a mapping is given for a row without a sub-element (column D)',
          'Put the mapping on the row of the sub-element it belongs to.',
        );
      continue;
    }
    if (!element) {
      problems.error(
        file,
        `${place} (D)`,
        'sub-element comes before any element (a numbered entry in column C)',
        'Number the element in column C ("1. Topic: statement").',
      );
      continue;
    }
    element.subElements.push({ row, text: d, mapping: cells.E! });
  }
  return caps;
}

/** Reads both sheets of a mapping workbook. */
export function readCatalogWorkbook(
  wb: ExcelJS.Workbook,
  file: string,
  problems: Problems,
): CatalogWorkbook | undefined {
  const tech = findSheetByHeader(wb, 'TECHNICAL', file, problems);
  const nonTech = findSheetByHeader(wb, 'NON-TECHNICAL', file, problems);
  if (!tech || !nonTech) return undefined;
  const technical = readTechnical(tech, file, problems);
  const nonTechnical = readNonTechnical(nonTech, file, problems);
  if (!technical.length)
    problems.error(
      file,
      `${tech.name.trim()}!2`,
      'the technical sheet has no rows',
      'The sheet must list capabilities from row 2 on.',
    );
  if (!nonTechnical.length)
    problems.error(
      file,
      `${nonTech.name.trim()}!2`,
      'the non-technical sheet has no rows',
      'The sheet must list capabilities from row 2 on.',
    );
  for (const cap of nonTechnical) {
    for (const sub of cap.subCapabilities) {
      for (const el of sub.elements) {
        if (!el.subElements.length)
          problems.error(
            file,
            sheetPlace(nonTech, el.row),
            `element "${el.label} ${el.title.slice(0, 50)}" has no sub-element (column D)`,
            'Each non-technical element lists its sub-elements in column D on its own and the following rows.',
          );
      }
    }
  }
  return {
    file,
    technical: { sheet: tech.name.trim(), capabilities: technical },
    nonTechnical: { sheet: nonTech.name.trim(), capabilities: nonTechnical },
  };
}
