/**
 * Adds the CSF 1.1 subcategories of the CSF mapping workbook to the catalog
 * records. The two NIST workbooks share their rows; each CSF row is joined to
 * the record whose SP 800-53 workbook row has the same text, and rows that do
 * not line up are reported.
 */
import type { Problems } from '../problems.ts';
import { similarity, textKey } from '../text.ts';
import type { CatalogWorkbook, WorkbookLeaf } from '../import/catalog-workbook.ts';
import { parseCsfCell } from '../import/csf-references.ts';
import type { CatalogRecords } from './assemble-requirements.ts';
import type { Element, SubElement } from './schemas/catalog.ts';
import type { Finding } from './schemas/finding.ts';

function leaves(
  wb: CatalogWorkbook,
): { sheet: 'technical' | 'non-technical'; leaf: WorkbookLeaf; sheetName: string }[] {
  return [
    ...wb.technical.capabilities.flatMap((c) =>
      c.subCapabilities.flatMap((s) =>
        s.elements.map((leaf) => ({ sheet: 'technical' as const, leaf, sheetName: wb.technical.sheet })),
      ),
    ),
    ...wb.nonTechnical.capabilities.flatMap((c) =>
      c.subCapabilities.flatMap((s) =>
        s.elements.flatMap((e) =>
          e.subElements.map((leaf) => ({ sheet: 'non-technical' as const, leaf, sheetName: wb.nonTechnical.sheet })),
        ),
      ),
    ),
  ];
}

/** Texts at least this similar on the same row are the same record, typed slightly differently. */
const SAME_TEXT = 0.8;

export function attachCsf(
  records: CatalogRecords,
  csf: CatalogWorkbook,
  source: { id: string; file: string },
  mappingWorkbook: CatalogWorkbook,
  problems: Problems,
  findings: Finding[],
): void {
  const file = source.file;
  // The records carry the 800-53 workbook row; index them by sheet kind and that row, and by text.
  const requirements: (Element | SubElement)[] = [
    ...records.elements.filter((e) => e.kind === 'technical'),
    ...records.subElements,
  ];
  const byRow = new Map<string, Element | SubElement>();
  const byText = new Map<string, (Element | SubElement)[]>();
  const rowOf = (r: Element | SubElement) => Number(r.provenance.place.split('!').pop());
  const mappingLeaves = new Map(leaves(mappingWorkbook).map((l) => [`${l.sheet}|${l.leaf.row}`, l.leaf]));
  for (const r of requirements) {
    byRow.set(`${r.kind}|${rowOf(r)}`, r);
    const leaf = mappingLeaves.get(`${r.kind}|${rowOf(r)}`);
    const key = textKey(leaf?.text ?? r.text);
    byText.set(key, [...(byText.get(key) ?? []), r]);
  }

  const joined = new Set<string>();
  for (const { sheet, leaf, sheetName } of leaves(csf)) {
    const place = `${sheetName}!${leaf.row}`;
    const where = { source: source.id, file, place };
    const sameRow = byRow.get(`${sheet}|${leaf.row}`);
    const sameRowLeaf = mappingLeaves.get(`${sheet}|${leaf.row}`);
    let target: Element | SubElement | undefined;
    const free = sameRow && sameRowLeaf && !joined.has(sameRow.id);
    if (free && textKey(sameRowLeaf.text) === textKey(leaf.text)) target = sameRow;
    else if (free && similarity(sameRowLeaf.text, leaf.text) >= SAME_TEXT) {
      target = sameRow;
      findings.push({
        kind: 'text-differs',
        message: `${sameRow.id} reads differently in the two workbooks: "${leaf.text.trim()}" (CSF workbook) and "${sameRowLeaf.text.trim()}" (SP 800-53 workbook).`,
        records: [sameRow.id],
        where: [where, sameRow.provenance],
      });
    } else {
      const candidates = (byText.get(textKey(leaf.text)) ?? []).filter((r) => r.kind === sheet && !joined.has(r.id));
      target = candidates[0];
      findings.push({
        kind: 'csf-row-mismatch',
        message: target
          ? `CSF workbook row ${place} holds the text of ${target.id}, which the SP 800-53 workbook has on row ${rowOf(target)}.`
          : `CSF workbook row ${place} ("${leaf.text.slice(0, 60)}…") matches no record of the SP 800-53 workbook; its CSF mapping is not used.`,
        records: target ? [target.id] : [],
        where: [where],
      });
    }
    if (!target) continue;
    joined.add(target.id);
    const reading = parseCsfCell(leaf.mapping.text);
    for (const bad of reading.unreadable) {
      problems.error(
        file,
        `${place} (E)`,
        `"${bad}" is not a CSF 1.1 subcategory id`,
        'Write ids such as "PR.AC-1", separated by ";" or new lines, or "No Mapping".',
      );
    }
    if (!reading.ids.length && !reading.noMapping && !reading.unreadable.length) {
      problems.error(
        file,
        `${place} (E)`,
        `${target.id} has no CSF subcategory`,
        'List its subcategories in column E or write "No Mapping".',
      );
    }
    for (const s of reading.slips) {
      findings.push({
        kind: 'csf-id-typo',
        message: `${target.id}: the CSF workbook writes "${s.typed}", read as ${s.read} (${s.why}).`,
        records: [target.id],
        where: [where],
      });
    }
    if (reading.noMapping)
      findings.push({
        kind: 'no-mapping',
        message: `${target.id}: the CSF workbook maps it to no CSF subcategory ("No Mapping").`,
        records: [target.id],
        where: [where],
      });
    target.csf = reading.ids;
    target.csfNoMapping = reading.noMapping;
  }
  for (const r of requirements) {
    if (!joined.has(r.id)) {
      findings.push({
        kind: 'csf-row-mismatch',
        message: `${r.id} has no row in the CSF workbook.`,
        records: [r.id],
        where: [r.provenance],
      });
    }
  }
}
