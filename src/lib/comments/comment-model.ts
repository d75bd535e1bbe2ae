/**
 * Comments a reader prepares on the draft or the catalog: the rows of NIST's
 * comment template (CSV and XLSX exports, and reading them back), the JSON
 * backup, document order and merging. Pure functions: the browser workspace and
 * the tests share them. The stored shape itself is in `comment-schema.ts`.
 */
import {
  COMMENT_DOCUMENTS,
  COMMENT_TYPE_LIST,
  commentTypeOf,
  GUIDELINE_DOCUMENT,
  IMPORT_COMMENT_TYPE,
} from './comment-documents.ts';
import { type Comment, commentSchema, type CommentStore, describeIssue, WorkspaceError } from './comment-schema.ts';
import { cellText, neutraliseCsvCell, restoreCsvCell, xlsxText } from './spreadsheet-cells.ts';
import type { TemplateField } from '../model/schemas/template-fields.ts';

export {
  COMMENT_TYPES,
  type Comment,
  type CommentStore,
  type CommentType,
  emptyStore,
  readBackup,
  STORE_VERSION,
} from './comment-schema.ts';

export { TEMPLATE_FIELDS, type TemplateField } from '../model/schemas/template-fields.ts';

export interface TemplateColumn {
  header: string;
  field: TemplateField;
}

/**
 * The columns every export carries after NIST's own (unless the template lists them already): with them an
 * export imports back without loss, and importing your own export adds nothing (the comment id).
 */
export const WORKSPACE_COLUMNS: TemplateColumn[] = [
  { header: 'Document', field: 'document' },
  { header: 'Target', field: 'target' },
  { header: 'Link', field: 'href' },
  { header: 'Comment ID', field: 'id' },
  { header: 'Created', field: 'created' },
  { header: 'Updated', field: 'updated' },
];

/** NIST's template columns, then the workspace's own. */
export function exportColumns(template: TemplateColumn[]): TemplateColumn[] {
  const have = new Set(template.map((c) => c.field));
  return [...template, ...WORKSPACE_COLUMNS.filter((c) => !have.has(c.field))];
}

export function commenterLabel(store: CommentStore): string {
  return [store.commenter.name, store.commenter.organization].filter(Boolean).join(' / ');
}

/** The rows of NIST's comment template, in the columns given, every cell as text. */
export function templateRows(store: CommentStore, columns: TemplateColumn[]): string[][] {
  const commenter = commenterLabel(store);
  return store.comments.map((c, i) => {
    const value: Record<TemplateField, string> = {
      number: String(i + 1),
      commenter,
      type: c.type,
      page: c.page,
      lineStart: c.lineStart === undefined ? '' : String(c.lineStart),
      lineEnd: c.lineEnd === undefined ? '' : String(c.lineEnd),
      section: c.section,
      comment: c.comment,
      suggestion: c.suggestion,
      document: c.document,
      target: c.target,
      href: c.href ?? '',
      id: c.id,
      created: c.created,
      updated: c.updated,
    };
    return columns.map((col) => value[col.field]);
  });
}

/** A CSV field, quoted when it must be (RFC 4180: commas, quotes, line breaks). */
function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The CSV export (RFC 4180, CRLF, UTF-8 with a byte-order mark). Cells a spreadsheet would evaluate as a
 * formula get a leading apostrophe; `neutralised` counts them.
 */
export function templateCsv(store: CommentStore, columns: TemplateColumn[]): { text: string; neutralised: number } {
  let neutralised = 0;
  const cell = (s: string) => {
    const n = neutraliseCsvCell(s);
    if (n.changed) neutralised++;
    return csvField(n.text);
  };
  const lines = [columns.map((c) => cell(c.header)), ...templateRows(store, columns).map((r) => r.map(cell))].map((r) =>
    r.join(','),
  );
  return { text: `\uFEFF${lines.join('\r\n')}\r\n`, neutralised };
}

/** The XLSX export's rows (header first), every cell text with the characters XML forbids replaced by � (see xlsxText). */
export function xlsxRows(store: CommentStore, columns: TemplateColumn[]): { rows: string[][]; replaced: number } {
  let replaced = 0;
  const safe = (s: string) => {
    const x = xlsxText(s);
    replaced += x.replaced;
    return x.text;
  };
  return {
    rows: [columns.map((c) => safe(c.header)), ...templateRows(store, columns).map((r) => r.map(safe))],
    replaced,
  };
}

/** The full-fidelity backup. */
export function backupJson(store: CommentStore): string {
  return `${JSON.stringify({ ...store, exported: 'iot-guidance-site comments' }, null, 2)}\n`;
}

const DOCUMENT_ORDER: readonly string[] = COMMENT_DOCUMENTS;

/** Position of a comment in reading order: document, then page (front matter first), then line, then target. */
function positionKey(c: Comment): [number, number, number, string] {
  const page = /^\d+$/.test(c.page) ? Number(c.page) : c.page ? 0 : Number.MAX_SAFE_INTEGER;
  const doc = DOCUMENT_ORDER.indexOf(c.document);
  return [doc < 0 ? DOCUMENT_ORDER.length : doc, page, c.lineStart ?? 0, c.target];
}

/** Inserts a new comment where it falls in document order (comments the reader moved stay where they are). */
export function insertInDocumentOrder(comments: Comment[], item: Comment): Comment[] {
  const key = positionKey(item);
  const after = (c: Comment) => {
    const k = positionKey(c);
    for (let i = 0; i < 3; i++) if (k[i] !== key[i]) return (k[i] as number) > (key[i] as number);
    return k[3].localeCompare(key[3], undefined, { numeric: true }) > 0;
  };
  const at = comments.findIndex(after);
  return at < 0 ? [...comments, item] : [...comments.slice(0, at), item, ...comments.slice(at)];
}

const contentKey = (c: Comment) => `${c.target}\u0000${c.comment.trim()}\u0000${c.suggestion.trim()}`;

/**
 * Merges imported comments into a store. A comment is already here if its id is, or if it says the same
 * thing about the same place. `differing` counts those with a known id whose text is not the stored one
 * (the stored one is kept).
 */
export function mergeComments(
  store: CommentStore,
  incoming: Comment[],
): { store: CommentStore; added: number; duplicates: number; differing: number } {
  const comments = [...store.comments];
  const byId = new Map(comments.map((c) => [c.id, c]));
  const contents = new Set(comments.map(contentKey));
  let added = 0;
  let duplicates = 0;
  let differing = 0;
  for (const c of incoming) {
    const known = byId.get(c.id);
    if (known || contents.has(contentKey(c))) {
      duplicates++;
      if (known && contentKey(known) !== contentKey(c)) differing++;
      continue;
    }
    comments.push(c);
    byId.set(c.id, c);
    contents.add(contentKey(c));
    added++;
  }
  return { store: { ...store, comments }, added, duplicates, differing };
}

const normHeader = (h: string) => h.replace(/\s+/g, ' ').trim().toLowerCase();

export interface RowsOptions {
  now: string;
  base?: string;
  newId: () => string;
  /** Whether cells were written by the CSV export (leading apostrophes to remove). */
  csv?: boolean;
  /** The row number of the first row given (the header), for messages. */
  firstRow?: number;
}

/**
 * Reads rows of a template export (XLSX or CSV) back into comments: columns are found by their header
 * names, in any order; other columns are ignored. Every row is checked; a WorkspaceError names each wrong
 * row and column. Cells are exceljs values or strings.
 */
export function commentsFromRows(
  rows: unknown[][],
  columns: TemplateColumn[],
  options: RowsOptions,
): { commenter: string; comments: Comment[] } {
  const first = options.firstRow ?? 1;
  const text = (v: unknown) => {
    const s = cellText(v);
    return options.csv ? restoreCsvCell(s) : s;
  };
  const [header, ...body] = rows;
  if (!header?.some((h) => text(h).trim()))
    throw new WorkspaceError('The file is empty: its first row should name the columns of the comment template.', []);
  const names = header.map((h) => normHeader(text(h)));
  const all = exportColumns(columns);
  const index = new Map(all.map((c) => [c.field, names.indexOf(normHeader(c.header))]));
  const commentColumn = all.find((c) => c.field === 'comment');
  if ((index.get('comment') ?? -1) < 0) {
    const found = header.map((h) => text(h).trim()).filter(Boolean);
    throw new WorkspaceError(
      `This is not a comment template: its first row has no column "${commentColumn?.header ?? 'Comment'}" (it has ${found
        .slice(0, 8)
        .map((f) => `"${f}"`)
        .join(', ')}${found.length > 8 ? ', …' : ''}).`,
      [],
    );
  }
  const headerOf = (f: TemplateField) => all.find((c) => c.field === f)?.header ?? f;
  const schema = commentSchema(options.base);
  const problems: string[] = [];
  const comments: Comment[] = [];
  let commenter = '';
  body.forEach((r, n) => {
    const rowNumber = first + 1 + n;
    const get = (f: TemplateField) => {
      const i = index.get(f) ?? -1;
      return i >= 0 ? text(r[i]) : '';
    };
    if (!r.some((v) => text(v).trim())) return; // blank rows between comments are not records
    const bad = (f: TemplateField, message: string) =>
      problems.push(`row ${rowNumber}, column "${headerOf(f)}": ${message}`);
    commenter ||= get('commenter').trim();
    const typeText = get('type').trim();
    const type = commentTypeOf(typeText);
    if (!type)
      bad('type', typeText ? `"${typeText.slice(0, 40)}" is not ${COMMENT_TYPE_LIST}` : `empty (${COMMENT_TYPE_LIST})`);
    const lineOf = (f: 'lineStart' | 'lineEnd') => {
      const s = get(f).trim();
      if (!s) return undefined;
      if (!/^\d{1,7}$/.test(s) || Number(s) < 1) {
        bad(f, `"${s.slice(0, 40)}" is not a line number`);
        return undefined;
      }
      return Number(s);
    };
    const lineStart = lineOf('lineStart');
    const lineEnd = lineOf('lineEnd');
    const section = get('section').trim();
    const page = get('page').trim();
    const href = get('href').trim();
    const item = {
      id: get('id').trim() || options.newId(),
      document: get('document').trim() || GUIDELINE_DOCUMENT,
      section,
      page,
      ...(lineStart !== undefined ? { lineStart } : {}),
      ...(lineEnd !== undefined ? { lineEnd } : {}),
      target: get('target').trim() || [section, page && `p.${page}`].filter(Boolean).join(' '),
      ...(href ? { href } : {}),
      type: type ?? IMPORT_COMMENT_TYPE,
      comment: get('comment'),
      suggestion: get('suggestion'),
      created: get('created').trim() || options.now,
      updated: get('updated').trim() || options.now,
      revision: 1,
    };
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const f = String(issue.path[0]) as TemplateField;
        if (f === 'type' && !type) continue; // said above
        bad(f, issue.message);
      }
      return;
    }
    comments.push(parsed.data);
  });
  if (problems.length)
    throw new WorkspaceError(
      `Nothing was imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the file.`,
      problems,
    );
  return { commenter, comments };
}

export { describeIssue };
