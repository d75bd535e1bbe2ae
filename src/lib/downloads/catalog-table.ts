/**
 * The SP 800-213A catalog as one table, a row per requirement: every technical
 * element and every non-technical sub-element. CSV, JSON and XLSX downloads
 * all write these rows.
 */
import type { Element, NestedItem, SubElement } from '../model/schemas/catalog.ts';
import type { Model } from '../model/schemas/model.ts';

/** A requirement as plain lines (as the workbook cell reads): the sentence, then "- item", "  - sub-item". */
function bulletedTextToPlain(text: string, items: NestedItem[]): string {
  const lines = [text];
  const walk = (list: NestedItem[], depth: number) => {
    for (const i of list) {
      lines.push(`${'  '.repeat(depth)}- ${i.text}`);
      walk(i.items, depth + 1);
    }
  };
  walk(items, 0);
  return lines.join('\n');
}

export const CATALOG_COLUMNS = [
  'id',
  'type',
  'capability',
  'sub_capability',
  'element',
  'sub_element',
  'text',
  'sp800_53',
  'low_baseline_source',
  'low_baseline_profile',
  'csf',
  'source',
] as const;

export type CatalogColumn = (typeof CATALOG_COLUMNS)[number];

export interface CatalogRow {
  id: string;
  type: 'technical' | 'non-technical';
  capability: string;
  sub_capability: string;
  element: string;
  sub_element: string;
  text: string;
  sp800_53: string[];
  low_baseline_source: string[];
  low_baseline_profile: string[];
  csf: string[];
  /** `Sheet!row` of the SP 800-53 mapping workbook. */
  source: string;
}

export function catalogRows(model: Model): CatalogRow[] {
  const caps = new Map(model.capabilities.map((c) => [c.id, c]));
  const subs = new Map(model.subCapabilities.map((s) => [s.id, s]));
  const elements = new Map(model.elements.map((e) => [e.id, e]));
  const subElements = new Map(model.subElements.map((s) => [s.id, s]));
  const row = (leaf: Element | SubElement, element: Element): CatalogRow => {
    const full = bulletedTextToPlain(leaf.text, leaf.items);
    return {
      id: leaf.id,
      type: leaf.kind,
      capability: caps.get(leaf.capability)!.title,
      sub_capability: subs.get(leaf.subCapability)!.title,
      element: bulletedTextToPlain(element.text, element.items),
      sub_element: leaf === element ? '' : full,
      text: full,
      sp800_53: leaf.controls.map((l) => l.control),
      low_baseline_source: leaf.controls.filter((l) => l.lowBaselineSource).map((l) => l.control),
      low_baseline_profile: leaf.controls.filter((l) => l.lowBaselineProfile).map((l) => l.control),
      csf: leaf.csf,
      source: leaf.provenance.place,
    };
  };
  // Catalog order: capability → sub-capability → element → sub-element.
  const rows: CatalogRow[] = [];
  for (const cap of model.capabilities) {
    for (const sid of cap.subCapabilities) {
      for (const eid of subs.get(sid)!.elements) {
        const el = elements.get(eid)!;
        if (el.kind === 'technical') rows.push(row(el, el));
        else for (const seid of el.subElements) rows.push(row(subElements.get(seid)!, el));
      }
    }
  }
  return rows;
}

/** A row as flat strings: lists space-separated, as the CSV and XLSX carry them. */
export function flatRow(r: CatalogRow): Record<CatalogColumn, string> {
  return {
    ...r,
    sp800_53: r.sp800_53.join(' '),
    low_baseline_source: r.low_baseline_source.join(' '),
    low_baseline_profile: r.low_baseline_profile.join(' '),
    csf: r.csf.join(' '),
  };
}
