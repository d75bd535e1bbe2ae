/**
 * The requirement templates of a product type at an impact level, as files a
 * procurement office can use: a solicitation-ready DOCX, a compliance matrix
 * XLSX, CSV, Markdown, JSON, and an OSCAL profile of the SP 800-53 controls
 * behind the requirements. All are written from the same rows.
 */
import { createHash } from 'node:crypto';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import { csvText } from '../downloads/csv-text.ts';
import type { CatalogIndex } from '../site/catalog-index.ts';
import { COMPONENT_TYPE_NAMES } from './product-type.ts';
import type { Selection } from './select-requirements.ts';

export const TEMPLATE_COLUMNS = ['id', 'statement', 'component', 'key', 'verification', 'evidence', 'sp800_213a', 'sp800_53', 'selected_by'] as const;
export type TemplateRow = Record<(typeof TEMPLATE_COLUMNS)[number], string>;

export const RESPONSES = ['Comply', 'Partial', 'Does not comply'] as const;

/**
 * Post-market support: the sub-capabilities of SP 800-213A that cover vulnerability
 * reporting and handling (IQR-1), update availability and end of support (DIS-1),
 * security notifications (DIS-2) and secure reprovisioning and disposal (EDU-2).
 * The templates restate their selected requirements as manufacturer obligations
 * beside a field for the committed support period.
 */
export const LIFECYCLE_SUBCAPABILITIES = ['IQR-1', 'DIS-1', 'DIS-2', 'EDU-2'];

export function lifecycleObligations(selection: Selection, index: CatalogIndex): { topic: string; clauses: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const r of selection.requirements) {
    if (r.kind !== 'non-technical' || !LIFECYCLE_SUBCAPABILITIES.includes(r.subCapability)) continue;
    const element = index.elements.get(index.subElements.get(r.element)!.element)!;
    const topic = element.group?.title ?? index.subCapabilities.get(r.subCapability)!.title;
    groups.set(topic, [...(groups.get(topic) ?? []), ...r.clauses.map((c) => c.text)]);
  }
  return [...groups].map(([topic, clauses]) => ({ topic, clauses }));
}

export const SUPPORT_PERIOD_FIELD = 'Committed support period: [number] years from acceptance, with security updates for at least [number] years after the end of sale.';

/** One row per clause: a requirement allocated to two components is two rows. */
export function templateRows(selection: Selection, index: CatalogIndex): TemplateRow[] {
  const names = new Map(selection.type.components.map((c) => [c.id, c.name]));
  return selection.requirements.flatMap((r) =>
    r.clauses.map((c) => ({
      id: r.clauses.length > 1 ? `${r.id}#${c.component}` : r.id,
      statement: c.text,
      component: c.component === 'product' ? (r.kind === 'technical' ? 'IoT product' : 'Manufacturer') : (names.get(c.component) ?? c.component),
      key: r.key ? 'yes' : 'no',
      verification: r.verification,
      evidence: r.evidence,
      sp800_213a: r.element,
      sp800_53: r.controls.map((id) => index.controls.get(id)!.label).join(' '),
      selected_by: r.because.length ? `${r.because.map((b) => b.label).join(' ')} (${selection.level} baseline)` : 'key requirement of this product type',
    })),
  );
}

export function fileBase(selection: Selection): string {
  return `${selection.type.id}-${selection.level.toLowerCase()}`;
}

export function templateCsv(selection: Selection, index: CatalogIndex): string {
  return csvText(TEMPLATE_COLUMNS, templateRows(selection, index));
}

export function templateJson(selection: Selection, index: CatalogIndex): string {
  const { type, level, requirements, unallocated } = selection;
  return `${JSON.stringify({ productType: { id: type.id, name: type.name, components: type.components }, level, rows: templateRows(selection, index), requirements, unallocated }, null, 2)}\n`;
}

const mdCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function templateMarkdown(selection: Selection, index: CatalogIndex): string {
  const { type, level } = selection;
  const rows = templateRows(selection, index);
  return [
    `# ${type.name}: IoT product cybersecurity requirements (${level.toLowerCase()} impact)`,
    '',
    `Generated from NIST SP 800-213A and the SP 800-53B ${level} baseline. Values in [brackets] are for the agency to fill in.`,
    '',
    '## Product',
    '',
    type.description,
    '',
    ...type.components.map((c) => `- **${c.name}** (${COMPONENT_TYPE_NAMES[c.type]}): ${c.does}`),
    '',
    '## Post-market support',
    '',
    SUPPORT_PERIOD_FIELD,
    '',
    ...lifecycleObligations(selection, index).flatMap((g) => [`### ${g.topic}`, '', ...g.clauses.map((c) => `- ${c}`), '']),
    '## Requirements',
    '',
    `| ${TEMPLATE_COLUMNS.join(' | ')} |`,
    `| ${TEMPLATE_COLUMNS.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${TEMPLATE_COLUMNS.map((c) => mdCell(r[c])).join(' | ')} |`),
    '',
  ].join('\n');
}

export async function templateXlsx(selection: Selection, index: CatalogIndex): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'iot-guidance-site';
  const ws = wb.addWorksheet('Compliance matrix', { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = [...TEMPLATE_COLUMNS, 'response', 'evidence_reference', 'notes'];
  ws.columns = columns.map((key) => ({ header: key, key, width: key === 'statement' ? 70 : key === 'id' ? 28 : 20 }));
  const rows = templateRows(selection, index);
  for (const r of rows) ws.addRow({ ...r, response: '', evidence_reference: '', notes: '' });
  ws.getRow(1).font = { bold: true };
  ws.getColumn('statement').alignment = { wrapText: true, vertical: 'top' };
  const responseCol = columns.indexOf('response') + 1;
  for (let i = 2; i <= rows.length + 1; i++) {
    ws.getCell(i, responseCol).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${RESPONSES.join(',')}"`], showErrorMessage: true, errorTitle: 'Response', error: `Choose ${RESPONSES.join(', ')}.` };
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: columns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A UUID (version 5 layout) derived from a name, so that rebuilding gives the same document. */
export function stableUuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** An OSCAL 1.0 profile selecting the SP 800-53 controls behind the selected requirements. */
export function templateOscalProfile(selection: Selection, index: CatalogIndex, catalogUrl: string, lastModified: string): object {
  const ids = [...new Set(selection.requirements.flatMap((r) => r.controls))].sort((a, b) => index.controls.get(a)!.sortId.localeCompare(index.controls.get(b)!.sortId));
  return {
    profile: {
      uuid: stableUuid(`profile:${fileBase(selection)}`),
      metadata: {
        title: `${selection.type.name}: SP 800-53 controls behind its SP 800-213A requirements (${selection.level.toLowerCase()} impact)`,
        'last-modified': lastModified,
        version: '1.0',
        'oscal-version': '1.0.6',
        remarks: 'Generated from NIST SP 800-213A and SP 800-53B; not a NIST publication.',
      },
      imports: [{ href: catalogUrl, 'include-controls': [{ 'with-ids': ids }] }],
      merge: { 'as-is': true },
    },
  };
}

export async function templateDocx(selection: Selection, index: CatalogIndex, definitions: { term: string; text: string }[]): Promise<Buffer> {
  const { type, level } = selection;
  const rows = templateRows(selection, index);
  const p = (text: string, opts: { bold?: boolean } = {}) => new Paragraph({ children: [new TextRun({ text, bold: opts.bold ?? false })] });
  const h = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading: level });
  const cell = (text: string, bold = false) => new TableCell({ children: [p(text, { bold })] });
  const header = ['ID', 'Requirement', 'Component', 'Key', 'Verification', 'Evidence', 'Sources'];
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((t) => cell(t, true)) }),
      ...rows.map((r) => new TableRow({ children: [r.id, r.statement, r.component, r.key, r.verification, r.evidence, `SP 800-213A ${r.sp800_213a}; SP 800-53 ${r.sp800_53}; ${r.selected_by}`].map((t) => cell(t)) })),
    ],
  });
  const keyIds = selection.requirements.filter((r) => r.key).map((r) => r.id);
  const doc = new Document({
    creator: 'iot-guidance-site',
    title: `${type.name}: IoT product cybersecurity requirements`,
    sections: [
      {
        children: [
          new Paragraph({ text: `${type.name}: IoT product cybersecurity requirements`, heading: HeadingLevel.TITLE, alignment: AlignmentType.LEFT }),
          p(`Impact level: ${level}. Generated from NIST SP 800-213A and the SP 800-53B ${level} baseline. Text in [brackets] is for the agency to complete.`),
          h('1. Scope', HeadingLevel.HEADING_1),
          p(`These requirements apply to the ${type.name} to be acquired under [solicitation number], including all of its components listed in section 3, and to the manufacturer and its supporting entities for the [committed support period, in years] support period.`),
          h('2. Definitions', HeadingLevel.HEADING_1),
          ...definitions.map((d) => p(`${d.term}: ${d.text}`)),
          h('3. Product description', HeadingLevel.HEADING_1),
          p(type.description),
          ...type.components.map((c) => p(`${c.name} (${COMPONENT_TYPE_NAMES[c.type]}): ${c.does}`)),
          ...type.data.map((d) => p(`Data handled (${d.kind}): ${d.what}`)),
          h('4. Requirements', HeadingLevel.HEADING_1),
          p('Key requirements are marked "yes"; an offer that does not meet one is not acceptable.'),
          table,
          h('5. Post-market support', HeadingLevel.HEADING_1),
          p(SUPPORT_PERIOD_FIELD),
          ...lifecycleObligations(selection, index).flatMap((g) => [p(g.topic, { bold: true }), ...g.clauses.map((c) => p(c))]),
          h('6. Instructions to offerors', HeadingLevel.HEADING_1),
          p('For each requirement, state whether the offered product complies (Comply, Partial, Does not comply), reference the evidence listed for it, and explain any partial compliance. Deliver the compliance matrix provided with this document.'),
          p('Identify the support period you commit to, your vulnerability disclosure policy, and how you notify customers of updates and of the end of support: [agency-defined minimum support period].'),
          h('7. Evaluation criteria', HeadingLevel.HEADING_1),
          p(`Pass/fail: each of the ${keyIds.length} key requirements (${keyIds.join(', ')}), for every component it applies to.`),
          p('Scored: the other requirements, by the completeness of compliance and the quality of the evidence: [agency-defined weights].'),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
