/**
 * The solicitation files of a product type at an impact level, each written from
 * the one {@link RequirementDocumentModel}: a DOCX a contracting officer attaches
 * as it is, a compliance-matrix XLSX the offeror fills in, CSV, Markdown and JSON
 * with the same requirements, items and sections, and an OSCAL profile of the
 * SP 800-53 controls behind the items with the agency's values as set-parameters.
 * Pure: no file system, so the build and the browser use the same writers.
 */
import { stableUuid } from '../stable-uuid.ts';
import { type Block, type Paragraph, type Run, type Table, writeDocx } from './docx-writer.ts';
import {
  type CellStyle,
  type CellValue,
  columnName,
  type DataValidation,
  writeXlsx,
  type Cell as XlsxCell,
  type Row as XlsxRow,
  type Sheet as XlsxSheet,
} from './xlsx-writer.ts';
import {
  appliesToText,
  componentName,
  itemSentence,
  type RequirementDocumentModel,
  romanOf,
  selectedByText,
} from './requirement-document.ts';
import type { ProductRequirement } from './select-requirements.ts';
import { csvText } from '../downloads/csv-text.ts';

export const ITEM_COLUMNS = [
  'requirement',
  'item',
  'title',
  'applies_to',
  'key',
  'text',
  'sp800_213a',
  'sp800_53',
  'selected_by',
  'verification',
  'evidence',
] as const;
export type ItemRow = Record<(typeof ITEM_COLUMNS)[number], string>;

export const RESPONSES = ['Comply', 'Partial', 'Does not comply', 'Not applicable'] as const;
export const KEY_RESPONSES = ['Comply', 'Does not comply'] as const;

/** One row per item, under its requirement. */
export function itemRows(doc: RequirementDocumentModel): ItemRow[] {
  return [...doc.technical, ...doc.manufacturer].flatMap((r) =>
    r.items.map((i) => ({
      requirement: r.number,
      item: i.number,
      title: r.title,
      applies_to:
        r.kind === 'technical' ? i.components.map((c) => componentName(doc.type, c)).join('; ') : 'Manufacturer',
      key: r.key ? 'yes' : 'no',
      text: itemSentence(doc, r, i),
      sp800_213a: i.record,
      sp800_53: i.controls.join(' '),
      selected_by: selectedByText(doc, i),
      verification: r.verification,
      evidence: r.evidence.join(' '),
    })),
  );
}

export function templateCsv(doc: RequirementDocumentModel): string {
  return csvText(ITEM_COLUMNS, itemRows(doc));
}

/** The document as data: every section the DOCX has. */
export function templateJson(doc: RequirementDocumentModel): string {
  const { selection: _selection, type, ...rest } = doc;
  return `${JSON.stringify({ productType: { id: type.id, name: type.name, description: type.description }, ...rest, unallocated: doc.selection.unallocated, notApplicable: doc.selection.notApplicable, items: itemRows(doc) }, null, 2)}\n`;
}

// ---------------------------------------------------------------- shared wording

const scopeText = (doc: RequirementDocumentModel, solicitation: string) =>
  `These requirements apply to the ${doc.type.name} to be acquired under solicitation ${solicitation}, to each of its components listed in section 4, and to its manufacturer. Where the offeror is not the manufacturer, the offeror is responsible for the manufacturer's obligations. They are written from NIST SP 800-213A, the IoT device cybersecurity requirement catalog, with the items that support a control of the SP 800-53B ${doc.level} baseline, following the method of NIST SP 800-213 Rev. 1 (initial public draft): understand how the product fits the agency's system, identify its requirements, decide which are key, and allocate them to the product's components.`;

const backgroundText = (doc: RequirementDocumentModel) =>
  `Requirement numbers (R-DI-1, R-DOC-1.a.1) follow the SP 800-213A record each is written from; its lettered items keep the catalog id of their element. Key requirements are those whose absence is an unacceptable risk for this product; an offer that does not meet every item of a key requirement is not acceptable. Text in [AGENCY: …] brackets is for the agency to complete before the solicitation is issued (section 3). This document lists ${doc.counts.requirements} requirements with ${doc.counts.items} items, ${doc.counts.key} of them key.`;

const levelChangeText = (doc: RequirementDocumentModel) =>
  doc.levelChanges
    ? doc.levelChanges.added.length
      ? `Compared with the ${doc.levelChanges.from} baseline, the ${doc.level} baseline adds ${doc.levelChanges.added.length} item(s): ${[...new Set(doc.levelChanges.added.map((a) => `${a.requirement} (${a.record})`))].join(', ')}.`
      : `The ${doc.level} baseline selects no item beyond those of the ${doc.levelChanges.from} baseline for this product.`
    : `The LOW baseline is the smallest: the MODERATE and HIGH documents add the items their baselines select.`;

const subjectOf = (doc: RequirementDocumentModel, r: ProductRequirement) =>
  r.kind === 'technical'
    ? r.appliesTo.length === 1
      ? `The ${componentName(doc.type, r.appliesTo[0]!)} shall:`
      : 'Each component it applies to shall:'
    : 'The manufacturer shall:';

const itemSuffix = (doc: RequirementDocumentModel, r: ProductRequirement, i: ProductRequirement['items'][number]) => {
  const only =
    r.kind === 'technical' && i.components.length < r.appliesTo.length
      ? `${i.components.map((c) => componentName(doc.type, c)).join(', ')} only; `
      : '';
  return ` [${only}${i.record}; ${i.selectedBy.length ? i.selectedBy.join(', ') : i.included !== undefined ? 'added by the agency' : 'key requirement'}]`;
};

/** What the type takes out of components, and selected elements no component is given: stated, never silent. */
const exclusionsText = (doc: RequirementDocumentModel): string[] => [
  ...doc.selection.notApplicable.map(
    (n) =>
      `Not applicable: ${n.element} for ${n.components.map((c) => componentName(doc.type, c)).join(', ')}. ${n.why}`,
  ),
  ...doc.selection.unallocated.map(
    (u) =>
      `Not allocated: ${u.element} (selected by ${u.because.join(', ')}) is given to no component of this product type.`,
  ),
];

const instructionsText = (_doc: RequirementDocumentModel) => [
  `Complete the compliance matrix issued with this document (XLSX): for every item give one response (Comply, Partial, Does not comply, or Not applicable with a justification), and name the evidence file that supports it. Items of key requirements accept only Comply or Does not comply.`,
  `Deliver the documents listed under Deliverables, and answer every question of the vendor questionnaire. Name each evidence file by the requirement number it supports.`,
];

const evaluationText = (doc: RequirementDocumentModel) => [
  `Pass/fail: each of the ${doc.key.length} key requirements (${doc.key.map((r) => r.number).join(', ') || 'none'}) passes only when every one of its items is answered Comply and its pass criterion is met by the evidence. An offer with any key item not Comply is not acceptable.`,
  `Scored: every other requirement is scored by the share of its items answered Comply (Partial counts half) and by the quality of its evidence, weighted as follows: ${doc.values.find((v) => v.id === 'evaluation-weights')?.value ?? doc.values.find((v) => v.id === 'evaluation-weights')?.placeholder ?? ''}. A Not applicable response without a justification counts as Does not comply.`,
];

/** The "Tailoring" section: the security category and the level's reason, then what the agency changed, or that nothing was. */
export function tailoringText(doc: RequirementDocumentModel): string[] {
  const t = doc.tailoring;
  const out = [
    `Security category (FIPS 199) of the information the product handles: SC = ${t.category}. Impact level used: ${doc.level}; ${t.levelReason}.`,
  ];
  if (!t.changed) {
    out.push(
      `Not tailored: these are the requirements of the ${t.base ?? doc.type.name} product type at the SP 800-53B ${doc.level} baseline as published; no requirement or item is excluded or added, no allocation and no key mark is changed.`,
    );
    return out;
  }
  out.push(
    t.base
      ? `Tailored by the agency from the ${t.base} product type; each decision below gives its reason.`
      : 'Written by the agency for a product it described itself (no product type); each decision below gives its reason.',
  );
  const c = t.components;
  if (c.added.length) out.push(`Components added: ${c.added.join(', ')}.`);
  if (c.removed.length) out.push(`Components removed: ${c.removed.join(', ')}; no requirement applies to them.`);
  for (const r of c.renamed) out.push(`Component renamed: ${r.from} is called ${r.to}.`);
  return out;
}

/** One row per decision: what was decided, on which requirement or item, and why. */
export function tailoringRows(doc: RequirementDocumentModel): [string, string, string][] {
  const t = doc.tailoring;
  const what = (x: { id: string; requirement: string; title: string }) =>
    x.requirement === `R-${x.id}` ? `${x.requirement} ${x.title}` : `${x.id} (item of ${x.requirement} ${x.title})`;
  const reason = (r: string) => r.trim() || '(no reason given)';
  return [
    ...t.excluded.map((x): [string, string, string] => ['Excluded', what(x), reason(x.reason)]),
    ...t.included.map((x): [string, string, string] => [
      'Added (not selected by the baseline)',
      what(x),
      reason(x.reason),
    ]),
    ...t.keyChanges.map((k): [string, string, string] => [
      k.key ? 'Marked key' : 'Key mark removed',
      `${k.requirement} ${k.title}`,
      reason(k.reason),
    ]),
    ...t.allocation.map((a): [string, string, string] => [
      a.allocated ? `Allocated to ${a.component}` : `Not allocated to ${a.component}`,
      a.id,
      reason(a.reason),
    ]),
  ];
}

const TAILORING_HEADER = ['Decision', 'Requirement or item', 'Reason'];

const solicitationNumber = (doc: RequirementDocumentModel) => {
  const v = doc.values.find((x) => x.id === 'solicitation-number');
  return v?.value ?? v?.placeholder ?? '';
};

// ---------------------------------------------------------------- Markdown

const md = (s: string) => s.replace(/([\\`*_<>|])/g, '\\$1').replace(/\n/g, ' ');

export function templateMarkdown(doc: RequirementDocumentModel): string {
  const out: string[] = [];
  const p = (s: string) => out.push(md(s), '');
  const table = (header: string[], rows: string[][]) => {
    out.push(
      `| ${header.join(' | ')} |`,
      `| ${header.map(() => '---').join(' | ')} |`,
      ...rows.map((r) => `| ${r.map(md).join(' | ')} |`),
      '',
    );
  };
  const requirement = (r: ProductRequirement) => {
    out.push(`### ${r.number} ${md(r.title)}${r.key ? ' (key)' : ''}`, '');
    p(`Applies to: ${appliesToText(doc.type, r)}.`);
    if (r.key) p(`Key requirement: ${r.keyWhy} Outcome: ${r.outcome} Pass criterion: ${r.pass}`);
    p(subjectOf(doc, r));
    for (const i of r.items) {
      out.push(`${i.letter}. ${md(i.text)}${md(itemSuffix(doc, r, i))}`);
      i.subItems.forEach((s, n) => {
        out.push(`    ${romanOf(n)}. ${md(s)}`);
      });
    }
    out.push('');
    p(`Verification: ${r.verification}. Evidence: ${r.evidence.join(' ')}`);
  };
  out.push(`# ${md(doc.title)}`, '');
  out.push('## 1 Scope and background', '');
  p(scopeText(doc, solicitationNumber(doc)));
  p(backgroundText(doc));
  p(levelChangeText(doc));
  out.push('## 2 Definitions', '');
  for (const d of doc.definitions) out.push(`**${md(d.term)}**: ${md(`${d.text} (${d.cite})`)}`, '');
  out.push('## 3 Values the agency sets', '');
  table(
    ['Value', 'Where used', 'Suggestion', 'Set to'],
    doc.values.map((v) => [v.placeholder, v.usedIn.join(', '), v.suggestion ?? '', v.value ?? '']),
  );
  out.push('## 4 Product and components', '');
  p(doc.type.description);
  table(
    ['Component', 'Type', 'What it does'],
    doc.components.map((c) => [c.name, c.type, c.does]),
  );
  for (const d of doc.type.data) p(`Data handled (${d.kind}): ${d.what}`);
  out.push('## 5 Key requirements', '');
  table(
    ['Requirement', 'Applies to', 'Why it is key', 'Pass criterion'],
    doc.key.map((r) => [`${r.number} ${r.title}`, appliesToText(doc.type, r), r.keyWhy ?? '', r.pass]),
  );
  out.push('## 6 Requirements on the product components', '');
  table(
    ['Component', 'Requirements', 'Items'],
    doc.counts.perComponent.map((c) => [c.component, String(c.requirements), String(c.items)]),
  );
  for (const t of exclusionsText(doc)) p(t);
  for (const r of doc.technical) requirement(r);
  out.push('## 7 Manufacturer obligations', '');
  for (const r of doc.manufacturer) requirement(r);
  out.push('## 8 Post-market support', '');
  for (const o of doc.postMarket) {
    out.push(`### ${o.number} ${md(o.title)}`, '');
    p(o.text);
    p(`Sources: ${o.sources.join('; ')}.`);
  }
  out.push('## 9 Federal acquisition provisions and clauses', '');
  table(
    ['Citation', 'Title', 'Kind', 'Why it applies'],
    doc.federalClauses.map((c) => [
      `${c.id} (${c.cfr})`,
      c.title,
      c.kind,
      `${c.why}${c.implements ? ` Implements ${c.implements}.` : ''}`,
    ]),
  );
  out.push('## 10 Deliverables', '');
  table(
    ['Item', 'Format', 'When due'],
    doc.deliverables.map((d) => [d.item, d.format, d.due]),
  );
  out.push('## 11 Instructions to offerors', '');
  for (const t of instructionsText(doc)) p(t);
  out.push('### Vendor questionnaire', '');
  for (const q of doc.questionnaire) p(`${q.number}. ${q.question}`);
  out.push('## 12 Evaluation', '');
  for (const t of evaluationText(doc)) p(t);
  out.push('## 13 Tailoring', '');
  for (const t of tailoringText(doc)) p(t);
  if (tailoringRows(doc).length) table(TAILORING_HEADER, tailoringRows(doc));
  out.push('## Annex A Traceability', '');
  table(
    ['Requirement', 'Item', 'SP 800-213A', 'SP 800-53', `Selected by (${doc.level} baseline)`, 'Applies to'],
    [...doc.technical, ...doc.manufacturer].flatMap((r) =>
      r.items.map((i) => [
        `${r.number} ${r.title}`,
        i.number,
        i.record,
        i.controls.join(', '),
        i.selectedBy.join(', ') || 'key requirement',
        r.kind === 'technical' ? i.components.map((c) => componentName(doc.type, c)).join(', ') : 'Manufacturer',
      ]),
    ),
  );
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

// ---------------------------------------------------------------- DOCX

const INCH = 1440;

/** Splits text so that "[AGENCY: …]" fill-ins stand out (bold, highlighted) for the agency to find. */
function runs(text: string, opts: { bold?: boolean; size?: number; italics?: boolean } = {}): Run[] {
  return text
    .split(/(\[AGENCY: [^\]]+\])/)
    .filter(Boolean)
    .map(
      (part): Run =>
        part.startsWith('[AGENCY: ')
          ? { text: part, bold: true, highlight: 'yellow', size: opts.size }
          : { text: part, bold: opts.bold, italics: opts.italics, size: opts.size },
    );
}

const para = (
  text: string,
  opts: { bold?: boolean; size?: number; italics?: boolean; after?: number; keepNext?: boolean } = {},
): Paragraph => ({ runs: runs(text, opts), spacing: { after: opts.after ?? 80 }, keepNext: opts.keepNext });
const heading = (text: string, level: 1 | 2 | 3): Paragraph => ({
  runs: [{ text }],
  style: `Heading${level}`,
  keepNext: true,
});

/** A table with column widths in inches (set by content), header row repeated on each page. */
function table(header: string[], rows: string[][], widths: number[], size = 18): Table {
  const cell = (text: string, bold = false): Paragraph => ({
    spacing: { after: 0, line: 240 },
    runs: runs(text, { bold, size }),
  });
  return {
    kind: 'table',
    columns: widths.map((w) => Math.round(w * INCH)),
    margins: { top: 10, bottom: 10, left: 60, right: 60 },
    rows: [
      { header: true, cantSplit: true, cells: header.map((h) => cell(h, true)) },
      ...rows.map((r) => ({ cantSplit: true, cells: r.map((t) => cell(t)) })),
    ],
  };
}

/** The solicitation document, dated `date` (its properties and zip entries): a Buffer in Node, bytes in the browser. */
export function templateDocx(doc: RequirementDocumentModel, date: Date): Promise<Uint8Array<ArrayBuffer>> {
  let list = 0;
  const requirement = (r: ProductRequirement): Paragraph[] => {
    list += 1;
    const id = list;
    const end = (last: boolean) => (last ? '.' : ';');
    return [
      {
        runs: [{ text: `${r.number} ${r.title}` }, ...(r.key ? [{ text: '  KEY', bold: true }] : [])],
        style: 'Heading3',
        keepNext: true,
      },
      ...(r.kind === 'technical'
        ? [para(`Applies to: ${appliesToText(doc.type, r)}.`, { italics: true, after: 40, keepNext: true })]
        : []),
      ...(r.key
        ? [
            para(`Key requirement. ${r.keyWhy ?? ''} Outcome: ${r.outcome} Pass criterion: ${r.pass}`, {
              after: 60,
              keepNext: true,
            }),
          ]
        : []),
      para(subjectOf(doc, r), { after: 40, keepNext: true }),
      ...r.items.flatMap((i, k): Paragraph[] => [
        {
          style: 'ListNumber',
          list: { id, level: 0 },
          spacing: { after: 10 },
          runs: [
            ...runs(i.text + (i.subItems.length ? '' : end(k === r.items.length - 1))),
            { text: itemSuffix(doc, r, i), size: 16, color: '555555' },
          ],
        },
        ...i.subItems.map(
          (s, m): Paragraph => ({
            style: 'ListNumber',
            list: { id, level: 1 },
            spacing: { after: 0 },
            runs: runs(`${s}${m === i.subItems.length - 1 ? end(k === r.items.length - 1) : ';'}`),
          }),
        ),
      ]),
      para(`Verification: ${r.verification}. Evidence: ${r.evidence.join(' ')}`, { size: 16, after: 60 }),
    ];
  };
  const title = doc.title;
  const tailoring = tailoringRows(doc);
  const body: Block[] = [
    { runs: [{ text: title }], style: 'Title' },
    para(
      `Solicitation ${solicitationNumber(doc)}. Impact level ${doc.level} (SP 800-53B ${doc.level} baseline). ${doc.counts.requirements} requirements, ${doc.counts.items} items, ${doc.counts.key} key requirements.`,
    ),
    heading('1 Scope and background', 1),
    para(scopeText(doc, solicitationNumber(doc))),
    para(backgroundText(doc)),
    para(levelChangeText(doc)),
    heading('2 Definitions', 1),
    ...doc.definitions.map(
      (d): Paragraph => ({
        spacing: { after: 80 },
        runs: [
          { text: `${d.term}: `, bold: true },
          { text: d.text },
          { text: ` (${d.cite})`, size: 16, color: '555555' },
        ],
      }),
    ),
    heading('3 Values the agency sets', 1),
    para(
      'Fill in each value before the solicitation is issued; the text shows it in brackets where it is used. A suggestion is only a starting point.',
    ),
    table(
      ['Value', 'Where used', 'Suggestion or value set'],
      doc.values.map((v) => [v.placeholder, v.usedIn.join(', '), v.value ?? v.suggestion ?? '(blank)']),
      [2.4, 2.6, 1.5],
    ),
    heading('4 Product and components', 1),
    para(doc.type.description),
    table(
      ['Component', 'Type', 'What it does'],
      doc.components.map((c) => [c.name, c.type, c.does]),
      [1.6, 1.6, 3.3],
    ),
    ...doc.type.data.map((d) => para(`Data handled (${d.kind}): ${d.what}`, { after: 60 })),
    heading('5 Key requirements', 1),
    para(
      'An offer is acceptable only if it meets every key requirement; each is checked by the pass criterion stated with it in section 6 or 7.',
    ),
    table(
      ['Requirement', 'Applies to', 'Why it is key'],
      doc.key.map((r) => [`${r.number} ${r.title}`, appliesToText(doc.type, r), r.keyWhy ?? '']),
      [1.8, 1.8, 2.9],
    ),
    heading('6 Requirements on the product components', 1),
    para('Each requirement is written once, with the components it applies to. Per component:'),
    table(
      ['Component', 'Requirements', 'Items'],
      doc.counts.perComponent.map((c) => [c.component, String(c.requirements), String(c.items)]),
      [3.5, 1.5, 1.5],
    ),
    ...exclusionsText(doc).map((t) => para(t, { size: 18, after: 60 })),
    ...doc.technical.flatMap(requirement),
    heading('7 Manufacturer obligations', 1),
    para('These requirements apply to the manufacturer for the whole product and for the support period.'),
    ...doc.manufacturer.flatMap(requirement),
    heading('8 Post-market support', 1),
    ...doc.postMarket.flatMap((o) => [
      heading(`${o.number} ${o.title}`, 3),
      para(o.text, { after: 40 }),
      para(`Sources: ${o.sources.join('; ')}.`, { size: 16, after: 120 }),
    ]),
    heading('9 Federal acquisition provisions and clauses', 1),
    table(
      ['Citation', 'Title', 'Why it applies'],
      doc.federalClauses.map((c) => [
        `${c.id} (${c.kind}; ${c.cfr})`,
        c.title,
        `${c.why}${c.implements ? ` Implements ${c.implements}.` : ''}`,
      ]),
      [1.5, 2.0, 3.0],
    ),
    heading('10 Deliverables', 1),
    table(
      ['Item', 'Format', 'When due'],
      doc.deliverables.map((d) => [d.item, d.format, d.due]),
      [3.0, 1.75, 1.75],
    ),
    heading('11 Instructions to offerors', 1),
    ...instructionsText(doc).map((t) => para(t)),
    heading('Vendor questionnaire', 2),
    ...doc.questionnaire.map((q) => para(`${q.number}. ${q.question}`, { after: 80 })),
    heading('12 Evaluation', 1),
    ...evaluationText(doc).map((t) => para(t)),
    heading('13 Tailoring', 1),
    ...tailoringText(doc).map((t) => para(t)),
    ...(tailoring.length ? [table(TAILORING_HEADER, tailoring, [1.6, 2.2, 2.7])] : []),
  ];
  const annex: Block[] = [
    heading('Annex A Traceability', 1),
    para(
      `Every item, the SP 800-213A record it is written from, the SP 800-53 controls the record maps to, and the controls of the SP 800-53B ${doc.level} baseline that selected it.`,
    ),
    table(
      [
        'Requirement',
        `Items: SP 800-213A record (the ${doc.level} baseline controls that selected it)`,
        'All SP 800-53 controls mapped',
        'Applies to',
      ],
      [...doc.technical, ...doc.manufacturer].map((r) => [
        `${r.number} ${r.title}${r.key ? ' (key)' : ''}`,
        r.items.map((i) => `${i.letter}. ${i.record} (${i.selectedBy.join(', ') || 'key requirement'})`).join('; '),
        [...new Set(r.items.flatMap((i) => i.controls))].join(', '),
        r.kind === 'technical' ? r.appliesTo.map((c) => componentName(doc.type, c)).join(', ') : 'Manufacturer',
      ]),
      [2.1, 3.5, 1.7, 1.7],
      15,
    ),
  ];
  return writeDocx({
    title,
    description: `SP 800-213A requirements for ${doc.type.name} at the SP 800-53B ${doc.level} baseline`,
    creator: 'iot-guidance-site',
    date,
    header: [{ runs: [{ text: title, size: 16, color: '555555' }] }],
    footer: [
      {
        align: 'right',
        runs: [
          { text: 'Page ', size: 16 },
          { text: '', field: 'PAGE', size: 16 },
          { text: ' of ', size: 16 },
          { text: '', field: 'NUMPAGES', size: 16 },
        ],
      },
    ],
    sections: [
      { orientation: 'portrait', blocks: body },
      { orientation: 'landscape', blocks: annex },
    ],
  });
}

// ---------------------------------------------------------------- XLSX

/** Lines a wrapped cell of `width` characters needs. */
const linesFor = (text: string, width: number, bold = false) =>
  text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(l.length / (width * (bold ? 0.9 : 1.1)))), 0);

const MATRIX_COLUMNS: { key: string; header: string; width: number }[] = [
  { key: 'requirement', header: 'Requirement', width: 13 },
  { key: 'item', header: 'Item', width: 11 },
  { key: 'applies_to', header: 'Applies to', width: 14 },
  { key: 'key', header: 'Key', width: 5 },
  { key: 'text', header: 'Requirement text', width: 55 },
  { key: 'sp800_213a', header: 'SP 800-213A', width: 10 },
  { key: 'sp800_53', header: 'SP 800-53', width: 11 },
  { key: 'evidence', header: 'Evidence required', width: 30 },
  { key: 'response', header: 'Response', width: 14 },
  { key: 'evidence_reference', header: 'Evidence reference', width: 16 },
  { key: 'justification', header: 'Justification (required for Not applicable)', width: 20 },
];

export const MATRIX_SHEET = 'Compliance matrix';

const PRINT: XlsxSheet['page'] = {
  orientation: 'landscape',
  paperSize: 1,
  fitToWidth: 1,
  fitToHeight: 0,
  margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
};
const BOLD: CellStyle = { bold: true };
const HEAD_FILL = 'FFE8EEF4';

/** Cells of text, numbers or formulas, all in one style; '' and undefined as given (undefined writes no cell). */
const cellsOf = (values: (CellValue | undefined)[], style?: CellStyle): (XlsxCell | undefined)[] =>
  values.map((value) => (value === undefined ? undefined : { value, style }));

/** A row whose cells wrap, aligned to the top, as high as its longest cell needs (at most 409 points). */
function wrapped(cells: (XlsxCell | undefined)[], widths: number[], extra: Omit<XlsxRow, 'cells'> = {}): XlsxRow {
  let lines = 1;
  const out = cells.map((c, i) => {
    if (!c) return c;
    const size = c.style?.size ?? 11;
    const text = typeof c.value === 'object' ? c.value.formula : String(c.value);
    lines = Math.max(
      lines,
      Math.ceil((linesFor(text, (widths[i] ?? 10) * (11 / size), Boolean(c.style?.bold)) * size) / 11),
    );
    return { value: c.value, style: { ...c.style, wrap: true } };
  });
  return { ...extra, cells: out, height: Math.min(409, 15 * lines + 2) };
}

/** The compliance-matrix workbook, dated `date` (its properties and every zip entry). */
export async function templateXlsx(doc: RequirementDocumentModel, date: Date): Promise<Uint8Array<ArrayBuffer>> {
  const print = (titleRow = 1) => ({
    page: PRINT,
    printTitleRows: [titleRow, titleRow] as [number, number],
    header: `&L${doc.title.replace(/&/g, '&&')}`,
    footer: '&LPage &P of &N&R&A',
  });

  // Instructions
  const insLines = [
    doc.title,
    `Impact level ${doc.level} (SP 800-53B ${doc.level} baseline). ${doc.counts.requirements} requirements, ${doc.counts.items} items, ${doc.counts.key} key requirements.`,
    ...instructionsText(doc),
    `Responses: ${RESPONSES.join(', ')}. Items of key requirements (Key = yes) accept only ${KEY_RESPONSES.join(' or ')}.`,
    'The Evaluation sheet computes the result: any key item not Comply fails the offer; the other requirements are scored with the weights it lists.',
    'The Values sheet lists the values the agency sets; they appear in brackets in the requirement text until filled in.',
    'Vendor questionnaire (answer each in the offer):',
    ...doc.questionnaire.map((q) => `${q.number}. ${q.question}`),
  ];
  const tailoringTitle: CellStyle = { bold: true, size: 12 };
  const ins: XlsxSheet = {
    name: 'Instructions',
    columns: [90],
    rows: [
      ...insLines.map((t, i) => wrapped(cellsOf([t], i === 0 ? { bold: true, size: 14 } : undefined), [90])),
      // Tailoring: the security category, the level's reason, and every decision of the agency with its reason.
      { cells: [] },
      { cells: cellsOf(['Tailoring'], tailoringTitle), style: tailoringTitle },
      ...tailoringText(doc).map((t) => wrapped(cellsOf([t]), [110])),
      ...tailoringRows(doc).map(([decision, what, why]) =>
        wrapped(cellsOf([`${decision}: ${what}. Reason: ${why}`]), [110]),
      ),
    ],
    ...print(),
  };

  // Compliance matrix
  const widths = MATRIX_COLUMNS.map((c) => c.width);
  const col = (key: string) => MATRIX_COLUMNS.findIndex((c) => c.key === key) + 1;
  const L = (key: string) => columnName(col(key));
  const rows: XlsxRow[] = [
    wrapped(
      cellsOf(
        MATRIX_COLUMNS.map((c) => c.header),
        BOLD,
      ),
      widths,
    ),
  ];
  const validations: DataValidation[] = [];
  const boldHead = new Set(['requirement', 'applies_to', 'key', 'text']);
  const unlocked = new Set(['response', 'evidence_reference', 'justification']);
  // The item rows are the CSV's (the same words in every format); the matrix adds the offeror's columns.
  const rowOf = new Map(itemRows(doc).map((row) => [row.item, row]));
  for (const r of [...doc.technical, ...doc.manufacturer]) {
    const head: Record<string, string> = {
      requirement: r.number,
      item: '',
      applies_to: appliesToText(doc.type, r),
      key: r.key ? 'yes' : 'no',
      text: `${r.title}${r.key ? ` (key). Pass criterion: ${r.pass}` : ''}`,
      evidence: `${r.verification}: ${r.evidence.join(' ')}`,
    };
    rows.push(
      wrapped(
        MATRIX_COLUMNS.map((c) =>
          head[c.key] === undefined
            ? undefined
            : { value: head[c.key]!, style: { bold: boldHead.has(c.key), fill: HEAD_FILL } },
        ),
        widths,
        { style: { fill: HEAD_FILL } },
      ),
    );
    const first = rows.length + 1;
    for (const i of r.items) {
      const { requirement, item, applies_to, key, text, sp800_213a, sp800_53 } = rowOf.get(i.number)!;
      const values: Record<string, string> = { requirement, item, applies_to, key, text, sp800_213a, sp800_53 };
      rows.push(
        wrapped(
          MATRIX_COLUMNS.map((c) => ({
            value: values[c.key] ?? '',
            style: unlocked.has(c.key) ? { unlocked: true } : undefined,
          })),
          widths,
          { outlineLevel: 1 },
        ),
      );
    }
    if (r.items.length) {
      const choices = r.key ? KEY_RESPONSES : RESPONSES;
      const last = rows.length;
      validations.push({
        sqref: first === last ? `${L('response')}${first}` : `${L('response')}${first}:${L('response')}${last}`,
        list: choices,
        errorTitle: 'Response',
        error: `Choose ${choices.join(', ')}.`,
      });
    }
  }
  const last = rows.length;
  const ws: XlsxSheet = {
    name: MATRIX_SHEET,
    columns: widths,
    rows,
    frozenRows: 1,
    outlineLevelRow: 1,
    autoFilter: `A1:${columnName(MATRIX_COLUMNS.length)}${last}`,
    validations,
    conditionalFormats: [
      {
        sqref: `${L('justification')}2:${L('justification')}${last}`,
        formula: `AND($${L('response')}2="Not applicable",LEN(TRIM($${L('justification')}2))=0)`,
        fill: 'FFFFC7CE',
      },
    ],
    ...print(),
  };

  // Evaluation
  const M = `'${MATRIX_SHEET}'!`;
  const range = (key: string) => `${M}$${L(key)}$2:$${L(key)}$${last}`;
  const keyFails = `COUNTIFS(${range('key')},"yes",${range('item')},"<>",${range('response')},"<>Comply")`;
  const evRows: XlsxRow[] = [
    { cells: cellsOf(['Result', 'Any key item not Comply fails the offer'], BOLD), style: BOLD },
    { cells: cellsOf(['Key items not Comply', '', { formula: keyFails }]) },
    {
      cells: cellsOf([
        'Not applicable without justification',
        '',
        { formula: `SUMPRODUCT((${range('response')}="Not applicable")*(LEN(TRIM(${range('justification')}))=0))` },
      ]),
    },
    {
      cells: cellsOf([
        'Offer',
        '',
        {
          formula: `IF(C2>0,"FAIL: a key item is not Comply",IF(C3>0,"INCOMPLETE: Not applicable without justification","PASS: every key item complies"))`,
        },
      ]),
    },
    { cells: [] },
    { cells: cellsOf(['Requirement', 'Title', 'Key', 'Weight', 'Score (0-1)', 'Weighted'], BOLD), style: BOLD },
  ];
  const first = evRows.length + 1;
  for (const r of [...doc.technical, ...doc.manufacturer]) {
    const n = evRows.length + 1;
    const req = `${range('requirement')},"${r.number}",${range('item')},"<>"`;
    evRows.push({
      cells: cellsOf([
        r.number,
        r.title,
        r.key ? 'yes' : 'no',
        r.key ? 'pass/fail' : 1,
        r.key
          ? { formula: `IF(COUNTIFS(${req},${range('response')},"<>Comply")=0,"PASS","FAIL")` }
          : {
              formula: `(COUNTIFS(${req},${range('response')},"Comply")+0.5*COUNTIFS(${req},${range('response')},"Partial"))/COUNTIFS(${req})`,
            },
        r.key ? '' : { formula: `D${n}*E${n}` },
      ]),
    });
  }
  const end = evRows.length;
  const weights =
    doc.values.find((v) => v.id === 'evaluation-weights')?.value ??
    doc.values.find((v) => v.id === 'evaluation-weights')?.placeholder ??
    '';
  evRows.push(
    { cells: [] },
    {
      cells: cellsOf(
        [
          'Weighted score of the scored requirements',
          '',
          '',
          { formula: `SUM(D${first}:D${end})` },
          '',
          { formula: `IF(D${end + 2}=0,0,SUM(F${first}:F${end})/D${end + 2})` },
        ],
        BOLD,
      ),
      style: BOLD,
    },
    { cells: cellsOf([`Weights: ${weights}; change column D to set them.`]) },
  );
  const ev: XlsxSheet = { name: 'Evaluation', columns: [16, 46, 10, 12, 14, 14], rows: evRows, ...print(6) };

  // Values
  const vaWidths = [44, 10, 40, 30, 30, 22];
  const va: XlsxSheet = {
    name: 'Values',
    columns: vaWidths,
    rows: [
      {
        cells: cellsOf(['Value', 'Kind', 'Where used', 'Suggestion', 'Value set', 'SP 800-53 parameters'], BOLD),
        style: BOLD,
      },
      ...doc.values.map((v) =>
        wrapped(
          cellsOf([v.placeholder, v.kind, v.usedIn.join(', '), v.suggestion ?? '', v.value ?? '', v.params.join(' ')]),
          vaWidths,
        ),
      ),
    ],
    ...print(),
  };

  return writeXlsx({ title: doc.title, creator: 'iot-guidance-site', date, sheets: [ins, ws, ev, va] });
}

// ---------------------------------------------------------------- OSCAL

/** An OSCAL 1.0 profile selecting the SP 800-53 controls behind the items, with the agency's values as set-parameters. */
export function templateOscalProfile(
  doc: RequirementDocumentModel,
  controls: { id: string; sortId: string; params: { id: string }[] }[],
  catalogUrl: string,
  lastModified: string,
): object {
  const byLabel = new Map(controls.map((c) => [c.id, c]));
  const ids = [...new Set([...doc.technical, ...doc.manufacturer].flatMap((r) => r.items.flatMap((i) => i.controlIds)))]
    .filter((id) => byLabel.has(id))
    .sort((a, b) => byLabel.get(a)!.sortId.localeCompare(byLabel.get(b)!.sortId));
  const selectedParams = new Set(ids.flatMap((id) => byLabel.get(id)!.params.map((p) => p.id)));
  const setParameters = doc.values.flatMap((v) =>
    v.params
      .filter((p) => selectedParams.has(p))
      .map((p) => ({
        'param-id': p,
        ...(v.value ? { values: [v.value] } : {}),
        guidelines: [
          {
            prose: `Set by the agency in the solicitation as ${v.placeholder} (used in ${v.usedIn.join(', ')}).${v.value ? '' : ' Not yet filled in.'}${v.suggestion ? ` Suggestion: ${v.suggestion}.` : ''}`,
          },
        ],
      })),
  );
  return {
    profile: {
      uuid: stableUuid(`profile:${doc.fileBase}`),
      metadata: {
        title: `${doc.type.name}: SP 800-53 controls behind its SP 800-213A requirements (${doc.level.toLowerCase()} impact)`,
        'last-modified': lastModified,
        version: '1.0',
        'oscal-version': '1.0.6',
        remarks: 'Generated from NIST SP 800-213A and SP 800-53B; not a NIST publication.',
      },
      imports: [{ href: catalogUrl, 'include-controls': [{ 'with-ids': ids }] }],
      merge: { 'as-is': true },
      ...(setParameters.length ? { modify: { 'set-parameters': setParameters } } : {}),
    },
  };
}
