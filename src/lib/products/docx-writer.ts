/**
 * A small WordprocessingML (DOCX) writer for the procurement documents: paragraphs of runs, tables
 * with fixed column widths, portrait and landscape sections sharing one header and one footer, written
 * directly as the OOXML parts ([Content_Types].xml, _rels/.rels, word/document.xml with its rels,
 * styles, numbering, settings, header and footer, docProps/core.xml and app.xml) and zipped with jszip.
 * It holds the documents' house style: Calibri with a 9 pt body, Title and Heading 1–3, and the
 * "List Number" style whose two-level numbering (a., (i)) restarts for every list (one w:num per list).
 * Deterministic: the one date given is the properties' created and modified date and every zip entry's,
 * so the same content and date give the same bytes. Pure: a Buffer in Node, bytes in the browser.
 */
import {
  OD,
  XML_HEAD,
  corePropertiesXml,
  relationships,
  rootRelationships,
  xmlText,
  zipPackage,
} from './ooxml-package.ts';

/** A run of text with one formatting; `size` in half-points. A field run writes `text` as its last result. */
export interface Run {
  text: string;
  bold?: boolean;
  italics?: boolean;
  size?: number;
  /** RRGGBB. */
  color?: string;
  highlight?: 'yellow';
  field?: 'PAGE' | 'NUMPAGES';
}

export type ParagraphStyle = 'Title' | 'Heading1' | 'Heading2' | 'Heading3' | 'ListNumber';

export interface Paragraph {
  kind?: 'paragraph';
  runs: Run[];
  style?: ParagraphStyle;
  /** An item of numbered list `id` (a positive integer; each id numbers from a. again) at level 0 (a.) or 1 ((i)). */
  list?: { id: number; level: 0 | 1 };
  /** In twips; `line` in 240ths of a line. */
  spacing?: { before?: number; after?: number; line?: number };
  keepNext?: boolean;
  align?: 'right';
}

export interface TableRow {
  cells: Paragraph[];
  /** Repeated at the top of each page. */
  header?: boolean;
  cantSplit?: boolean;
}

export interface Table {
  kind: 'table';
  /** Column widths in twips (DXA); the layout is fixed. */
  columns: number[];
  /** Cell margins in twips. */
  margins: { top: number; right: number; bottom: number; left: number };
  rows: TableRow[];
}

export type Block = Paragraph | Table;

export interface Section {
  orientation: 'portrait' | 'landscape';
  blocks: Block[];
}

export interface DocxDocument {
  title: string;
  description: string;
  creator: string;
  date: Date;
  /** The page header and footer of every section. */
  header: Paragraph[];
  footer: Paragraph[];
  sections: Section[];
}

// ---------------------------------------------------------------- house style

const FONT = 'Calibri';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** US Letter, 1-inch margins, header and footer half an inch from the edge. */
const PAGE = { width: 12240, height: 15840, margin: 1440, header: 720, footer: 720 };

const fonts = `<w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:eastAsia="${FONT}" w:cs="${FONT}"/>`;
const size = (half: number) => `<w:sz w:val="${half}"/><w:szCs w:val="${half}"/>`;

const headingStyle = (id: string, name: string, half: number, before: number, after: number, outline?: number) =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
  `<w:pPr><w:spacing${before ? ` w:before="${before}"` : ''} w:after="${after}"/>${outline === undefined ? '' : `<w:outlineLvl w:val="${outline}"/>`}</w:pPr>` +
  `<w:rPr>${fonts}<w:b/><w:bCs/>${id === 'Title' ? '' : '<w:color w:val="1F3864"/>'}${size(half)}</w:rPr></w:style>`;

const STYLES =
  `${XML_HEAD}<w:styles xmlns:w="${W}">` +
  `<w:docDefaults><w:rPrDefault><w:rPr>${fonts}${size(18)}</w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>` +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
  '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
  '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
  '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
  headingStyle('Title', 'Title', 40, 0, 160) +
  headingStyle('Heading1', 'heading 1', 28, 240, 80, 0) +
  headingStyle('Heading2', 'heading 2', 24, 200, 60, 1) +
  headingStyle('Heading3', 'heading 3', 20, 100, 20, 2) +
  '<w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>' +
  `<w:rPr>${fonts}${size(18)}</w:rPr></w:style>` +
  '</w:styles>';

/** The items' numbering: a. b. c. with (i) (ii) under them; level 1 restarts after each level-0 item. */
const ABSTRACT_LIST =
  '<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>' +
  '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="540" w:hanging="360"/></w:pPr></w:lvl>' +
  '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%2)"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1080" w:hanging="420"/></w:pPr></w:lvl>' +
  '</w:abstractNum>';

const numbering = (ids: number[]) =>
  `${XML_HEAD}<w:numbering xmlns:w="${W}">${ABSTRACT_LIST}${ids
    .map(
      (id) =>
        `<w:num w:numId="${id}"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`,
    )
    .join('')}</w:numbering>`;

const SETTINGS =
  `${XML_HEAD}<w:settings xmlns:w="${W}"><w:defaultTabStop w:val="720"/>` +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>';

// ---------------------------------------------------------------- body

function runXml(r: Run): string {
  let pr = '';
  if (r.bold) pr += '<w:b/><w:bCs/>';
  if (r.italics) pr += '<w:i/><w:iCs/>';
  if (r.color) pr += `<w:color w:val="${r.color}"/>`;
  if (r.size) pr += size(r.size);
  if (r.highlight) pr += `<w:highlight w:val="${r.highlight}"/>`;
  const rPr = pr ? `<w:rPr>${pr}</w:rPr>` : '';
  const text = r.text ? `<w:r>${rPr}<w:t xml:space="preserve">${xmlText(r.text)}</w:t></w:r>` : '';
  if (!r.field) return text;
  return (
    `<w:r>${rPr}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${rPr}<w:instrText xml:space="preserve"> ${r.field} </w:instrText></w:r>` +
    `<w:r>${rPr}<w:fldChar w:fldCharType="separate"/></w:r>${text}<w:r>${rPr}<w:fldChar w:fldCharType="end"/></w:r>`
  );
}

function paragraphXml(p: Paragraph, lists: Set<number>, sectPr = ''): string {
  let pr = '';
  if (p.style) pr += `<w:pStyle w:val="${p.style}"/>`;
  if (p.keepNext) pr += '<w:keepNext/>';
  if (p.list) {
    if (!Number.isInteger(p.list.id) || p.list.id < 1)
      throw new Error(`List id ${p.list.id} is not a positive integer.`);
    lists.add(p.list.id);
    pr += `<w:numPr><w:ilvl w:val="${p.list.level}"/><w:numId w:val="${p.list.id}"/></w:numPr>`;
  }
  const s = p.spacing;
  if (s)
    pr += `<w:spacing${s.before === undefined ? '' : ` w:before="${s.before}"`}${s.after === undefined ? '' : ` w:after="${s.after}"`}${s.line === undefined ? '' : ` w:line="${s.line}"`}/>`;
  if (p.align) pr += `<w:jc w:val="${p.align}"/>`;
  pr += sectPr;
  let body = '';
  for (const r of p.runs) body += runXml(r);
  return `<w:p>${pr ? `<w:pPr>${pr}</w:pPr>` : ''}${body}</w:p>`;
}

const BORDERS = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
  .map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>`)
  .join('')}</w:tblBorders>`;

function tableXml(t: Table, lists: Set<number>): string {
  const m = t.margins;
  const mar = `<w:tcMar><w:top w:w="${m.top}" w:type="dxa"/><w:left w:w="${m.left}" w:type="dxa"/><w:bottom w:w="${m.bottom}" w:type="dxa"/><w:right w:w="${m.right}" w:type="dxa"/></w:tcMar>`;
  const tcPr = t.columns.map((w) => `<w:tcPr><w:tcW w:w="${w}" w:type="dxa"/>${mar}</w:tcPr>`);
  let out = `<w:tbl><w:tblPr><w:tblW w:w="${t.columns.reduce((a, b) => a + b, 0)}" w:type="dxa"/>${BORDERS}<w:tblLayout w:type="fixed"/></w:tblPr>`;
  out += `<w:tblGrid>${t.columns.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  for (const row of t.rows) {
    if (row.cells.length !== t.columns.length)
      throw new Error(`A table row has ${row.cells.length} cells for ${t.columns.length} columns.`);
    const trPr = `${row.cantSplit ? '<w:cantSplit/>' : ''}${row.header ? '<w:tblHeader/>' : ''}`;
    out += `<w:tr>${trPr ? `<w:trPr>${trPr}</w:trPr>` : ''}`;
    row.cells.forEach((cell, i) => {
      out += `<w:tc>${tcPr[i]}${paragraphXml(cell, lists)}</w:tc>`;
    });
    out += '</w:tr>';
  }
  return `${out}</w:tbl>`;
}

const HEADER_RID = 'rId4';
const FOOTER_RID = 'rId5';

function sectPrXml(s: Section): string {
  const [w, h] = s.orientation === 'landscape' ? [PAGE.height, PAGE.width] : [PAGE.width, PAGE.height];
  const m = PAGE.margin;
  return (
    `<w:sectPr><w:headerReference w:type="default" r:id="${HEADER_RID}"/><w:footerReference w:type="default" r:id="${FOOTER_RID}"/>` +
    `<w:pgSz w:w="${w}" w:h="${h}"${s.orientation === 'landscape' ? ' w:orient="landscape"' : ''}/>` +
    `<w:pgMar w:top="${m}" w:right="${m}" w:bottom="${m}" w:left="${m}" w:header="${PAGE.header}" w:footer="${PAGE.footer}" w:gutter="0"/>` +
    '<w:docGrid w:linePitch="360"/></w:sectPr>'
  );
}

/** The body: each section's blocks; a section's properties end it (in its last paragraph, the last one's in the body). */
function bodyXml(sections: Section[], lists: Set<number>): string {
  const parts: string[] = [];
  sections.forEach((s, n) => {
    const last = n === sections.length - 1;
    s.blocks.forEach((b, i) => {
      const closes = !last && i === s.blocks.length - 1 && b.kind !== 'table';
      parts.push(b.kind === 'table' ? tableXml(b, lists) : paragraphXml(b, lists, closes ? sectPrXml(s) : ''));
    });
    const lastBlock = s.blocks.at(-1);
    if (!last && (lastBlock === undefined || lastBlock.kind === 'table'))
      parts.push(paragraphXml({ runs: [] }, lists, sectPrXml(s)));
    if (last) parts.push(sectPrXml(s));
  });
  return parts.join('');
}

const part = (root: 'hdr' | 'ftr', paragraphs: Paragraph[], lists: Set<number>) =>
  `${XML_HEAD}<w:${root} xmlns:w="${W}" xmlns:r="${R}">${paragraphs.map((p) => paragraphXml(p, lists)).join('')}</w:${root}>`;

// ---------------------------------------------------------------- package

const CONTENT_TYPES =
  `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  [
    ['/word/document.xml', 'officedocument.wordprocessingml.document.main+xml'],
    ['/word/styles.xml', 'officedocument.wordprocessingml.styles+xml'],
    ['/word/numbering.xml', 'officedocument.wordprocessingml.numbering+xml'],
    ['/word/settings.xml', 'officedocument.wordprocessingml.settings+xml'],
    ['/word/header1.xml', 'officedocument.wordprocessingml.header+xml'],
    ['/word/footer1.xml', 'officedocument.wordprocessingml.footer+xml'],
    ['/docProps/core.xml', 'package.core-properties+xml'],
    ['/docProps/app.xml', 'officedocument.extended-properties+xml'],
  ]
    .map(([name, type]) => `<Override PartName="${name}" ContentType="application/vnd.openxmlformats-${type}"/>`)
    .join('') +
  '</Types>';

const ROOT_RELS = rootRelationships('word/document.xml');
const DOCUMENT_RELS = relationships([
  ['rId1', `${OD}/styles`, 'styles.xml'],
  ['rId2', `${OD}/numbering`, 'numbering.xml'],
  ['rId3', `${OD}/settings`, 'settings.xml'],
  [HEADER_RID, `${OD}/header`, 'header1.xml'],
  [FOOTER_RID, `${OD}/footer`, 'footer1.xml'],
]);

const coreXml = (d: DocxDocument) =>
  corePropertiesXml({ title: d.title, creator: d.creator, description: d.description, revision: 1, date: d.date });

const APP =
  `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>';

/** The document's parts in their zip order, path → XML. */
export function docxParts(d: DocxDocument): [string, string][] {
  const lists = new Set<number>();
  const body = bodyXml(d.sections, lists);
  const header = part('hdr', d.header, lists);
  const footer = part('ftr', d.footer, lists);
  return [
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/.rels', ROOT_RELS],
    ['word/document.xml', `${XML_HEAD}<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}</w:body></w:document>`],
    ['word/_rels/document.xml.rels', DOCUMENT_RELS],
    ['word/styles.xml', STYLES],
    ['word/numbering.xml', numbering([...lists].sort((a, b) => a - b))],
    ['word/settings.xml', SETTINGS],
    ['word/header1.xml', header],
    ['word/footer1.xml', footer],
    ['docProps/core.xml', coreXml(d)],
    ['docProps/app.xml', APP],
  ];
}

/** The DOCX file: its parts deflated, every zip entry dated `d.date`. A Buffer in Node, bytes in the browser. */
export async function writeDocx(d: DocxDocument): Promise<Uint8Array<ArrayBuffer>> {
  return zipPackage(docxParts(d), d.date, 6);
}
