/**
 * Comments a reader prepares on the draft or the catalog: the stored shape
 * (versioned, with migration from older versions), the rows of NIST's comment
 * template, and the JSON backup. Pure functions: the browser workspace and the
 * tests share them.
 */

export const COMMENT_TYPES = { E: 'Editorial', G: 'General', T: 'Technical' } as const;
export type CommentType = keyof typeof COMMENT_TYPES;

export interface Comment {
  id: string;
  /** "SP 800-213r1 ipd" or "SP 800-213A". */
  document: string;
  section: string;
  page: string;
  lineStart?: number;
  lineEnd?: number;
  /** Anchor or record id the comment is on (`s-2-1-p3`, `DI-1.3`). */
  target: string;
  /** Link back to where the comment was made. */
  href?: string;
  type: CommentType;
  comment: string;
  suggestion: string;
  created: string;
  updated: string;
}

export interface CommentStore {
  version: 2;
  commenter: { name: string; organization: string };
  comments: Comment[];
}

export const STORE_VERSION = 2;
export const emptyStore = (): CommentStore => ({ version: 2, commenter: { name: '', organization: '' }, comments: [] });

/**
 * Brings a stored value up to the current version. Version 1 kept one
 * "commenter" string and a "lines" string ("12-15") per comment.
 */
export function migrateStore(raw: unknown): CommentStore {
  if (!raw || typeof raw !== 'object') return emptyStore();
  const v = (raw as { version?: number }).version;
  if (v === 2) return raw as CommentStore;
  if (v === 1) {
    const old = raw as { commenter?: string; comments?: (Omit<Comment, 'lineStart' | 'lineEnd'> & { lines?: string })[] };
    const [name = '', organization = ''] = (old.commenter ?? '').split(/\s*\/\s*/);
    return {
      version: 2,
      commenter: { name, organization },
      comments: (old.comments ?? []).map(({ lines, ...c }) => {
        const [a, b] = (lines ?? '').split(/[-–]/).map((x) => Number(x.trim()));
        return { ...c, ...(a ? { lineStart: a } : {}), ...(b || a ? { lineEnd: b || a } : {}) };
      }),
    };
  }
  throw new Error(`comments were saved by a newer version of this site (version ${String(v)})`);
}

export interface TemplateColumn {
  header: string;
  field: 'number' | 'commenter' | 'type' | 'page' | 'lineStart' | 'lineEnd' | 'section' | 'comment' | 'suggestion' | 'document' | 'target';
}

/** The rows of NIST's comment template, in the columns it declares. */
export function templateRows(store: CommentStore, columns: TemplateColumn[]): (string | number)[][] {
  const commenter = [store.commenter.name, store.commenter.organization].filter(Boolean).join(' / ');
  return store.comments.map((c, i) => {
    const value: Record<TemplateColumn['field'], string | number> = {
      number: i + 1,
      commenter,
      type: c.type,
      page: c.page,
      lineStart: c.lineStart ?? '',
      lineEnd: c.lineEnd ?? '',
      section: c.section,
      comment: c.comment,
      suggestion: c.suggestion,
      document: c.document,
      target: c.target,
    };
    return columns.map((col) => value[col.field]);
  });
}

/** A CSV cell: quoted when it must be (RFC 4180). */
function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function templateCsv(store: CommentStore, columns: TemplateColumn[]): string {
  return `\uFEFF${[columns.map((c) => c.header), ...templateRows(store, columns)].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The full-fidelity backup. */
export function backupJson(store: CommentStore): string {
  return `${JSON.stringify({ ...store, exported: 'iot-guidance-site comments' }, null, 2)}\n`;
}

const DOCUMENT_ORDER = ['SP 800-213r1 ipd', 'SP 800-213A'];

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

/** Two comments are the same if their id is, or if they say the same thing about the same place. */
function sameComment(a: Comment, b: Comment): boolean {
  return a.id === b.id || (a.target === b.target && a.comment.trim() === b.comment.trim() && a.suggestion.trim() === b.suggestion.trim());
}

/** Merges imported comments into a store; returns how many were added and how many were duplicates. */
export function mergeComments(store: CommentStore, incoming: Comment[]): { store: CommentStore; added: number; duplicates: number } {
  const comments = [...store.comments];
  let added = 0;
  let duplicates = 0;
  for (const c of incoming) {
    if (comments.some((x) => sameComment(x, c))) duplicates++;
    else {
      comments.push(c);
      added++;
    }
  }
  return { store: { ...store, comments }, added, duplicates };
}

/** Reads a JSON backup (any known version). */
export function readBackup(text: string): CommentStore {
  return migrateStore(JSON.parse(text));
}

/** Reads rows of an exported template back into comments (XLSX import): the header row names the columns. */
export function commentsFromRows(rows: (string | number | null | undefined)[][], columns: TemplateColumn[], now: string): { commenter: string; comments: Comment[] } {
  const [header, ...body] = rows;
  if (!header) return { commenter: '', comments: [] };
  const index = new Map(columns.map((c) => [c.field, header.findIndex((h) => String(h ?? '').trim() === c.header)]));
  const get = (row: (string | number | null | undefined)[], f: TemplateColumn['field']) => {
    const i = index.get(f) ?? -1;
    return i >= 0 ? String(row[i] ?? '').trim() : '';
  };
  let commenter = '';
  const comments = body
    .filter((r) => r.some((v) => String(v ?? '').trim()))
    .map((r, n): Comment => {
      commenter ||= get(r, 'commenter');
      const type = get(r, 'type').toUpperCase();
      const start = Number(get(r, 'lineStart'));
      const end = Number(get(r, 'lineEnd'));
      return {
        id: `imported-${now}-${n + 1}`,
        document: get(r, 'document') || 'SP 800-213r1 ipd',
        section: get(r, 'section'),
        page: get(r, 'page'),
        ...(start ? { lineStart: start } : {}),
        ...(end ? { lineEnd: end } : {}),
        target: get(r, 'target') || `${get(r, 'section')} p.${get(r, 'page')}`,
        type: (type in COMMENT_TYPES ? type : 'G') as CommentType,
        comment: get(r, 'comment'),
        suggestion: get(r, 'suggestion'),
        created: now,
        updated: now,
      };
    });
  return { commenter, comments };
}
