/**
 * The comment documents and types come from one module (src/lib/comments/comment-documents.ts): the stored
 * schema's enums, document order, the template import and the exports use its values, and no page, widget
 * or comment module writes a document name or a type list of its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CATALOG_DOCUMENT,
  COMMENT_DOCUMENT_LIST,
  COMMENT_DOCUMENTS,
  COMMENT_TYPE_CODES,
  COMMENT_TYPE_LIST,
  COMMENT_TYPES,
  commentTypeOf,
  GUIDELINE_DOCUMENT,
  isCommentDocument,
} from '../../src/lib/comments/comment-documents.ts';
import {
  type Comment,
  commentsFromRows,
  emptyStore,
  exportColumns,
  insertInDocumentOrder,
  templateRows,
} from '../../src/lib/comments/comment-model.ts';
import { commentSchema, parseWorkspace, STORE_VERSION } from '../../src/lib/comments/comment-schema.ts';
import { projectRoot } from '../../src/lib/paths.ts';
import { COLUMNS } from '../fixtures/comments/template-columns.ts';

const comment = (over: Partial<Comment>): Comment => ({
  id: 'c1',
  document: GUIDELINE_DOCUMENT,
  section: '2.1',
  page: '5',
  target: 's-2-1-p1',
  type: 'T',
  comment: 'A point.',
  suggestion: '',
  created: '2026-12-01T00:00:00.000Z',
  updated: '2026-12-01T00:00:00.000Z',
  revision: 1,
  ...over,
});

describe('comment documents and types', () => {
  it("are the draft and the catalog, and NIST's three types", () => {
    expect(COMMENT_DOCUMENTS).toEqual(['SP 800-213r1 ipd', 'SP 800-213A']);
    expect([GUIDELINE_DOCUMENT, CATALOG_DOCUMENT]).toEqual([...COMMENT_DOCUMENTS]);
    expect(COMMENT_TYPES).toEqual({ E: 'Editorial', G: 'General', T: 'Technical' });
    expect(COMMENT_TYPE_CODES).toEqual(['E', 'G', 'T']);
    expect(COMMENT_TYPE_LIST).toBe('E, G or T');
    expect(COMMENT_DOCUMENT_LIST).toBe('SP 800-213r1 ipd or SP 800-213A');
    expect(isCommentDocument('SP 800-213A')).toBe(true);
    expect(isCommentDocument('SP 800-213')).toBe(false);
  });

  it('the stored schema accepts exactly these documents and types', () => {
    const shape = commentSchema().shape;
    expect(shape.document.options).toEqual([...COMMENT_DOCUMENTS]);
    expect(shape.type.options).toEqual([...COMMENT_TYPE_CODES]);
    const store = {
      version: STORE_VERSION,
      commenter: { name: '', organization: '' },
      comments: [comment({ document: 'SP 800-213' as Comment['document'], type: 'X' as Comment['type'] })],
    };
    expect(() => parseWorkspace(store)).toThrowError(
      expect.objectContaining({
        problems: [
          'comment 1 (comments[0]), field "document": not SP 800-213r1 ipd or SP 800-213A',
          'comment 1 (comments[0]), field "type": not E, G or T',
        ],
      }),
    );
    expect(emptyStore().version).toBe(STORE_VERSION);
  });

  it('a template cell names a type by its code or its name, in any case', () => {
    for (const code of COMMENT_TYPE_CODES) {
      expect(commentTypeOf(code)).toBe(code);
      expect(commentTypeOf(code.toLowerCase())).toBe(code);
      expect(commentTypeOf(` ${COMMENT_TYPES[code].toUpperCase()} `)).toBe(code);
    }
    expect(commentTypeOf('Editorial change')).toBeUndefined();
    expect(commentTypeOf('')).toBeUndefined();
  });

  it("new comments go into the documents' order", () => {
    const [first, second] = COMMENT_DOCUMENTS;
    const list = insertInDocumentOrder(
      [comment({ id: 'b', document: second, page: '' })],
      comment({ id: 'a', document: first, page: '90' }),
    );
    expect(list.map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('exports write, and imports read back, every document and type; a row without a document is on the draft', () => {
    const columns = exportColumns(COLUMNS);
    const all = COMMENT_DOCUMENTS.flatMap((document, i) =>
      COMMENT_TYPE_CODES.map((type, j) => comment({ id: `c${i}${j}`, document, type, target: `t${i}${j}` })),
    );
    const rows = templateRows({ ...emptyStore(), comments: all }, columns);
    const cell = (field: string) => rows.map((r) => r[columns.findIndex((c) => c.field === field)]);
    expect(new Set(cell('document'))).toEqual(new Set(COMMENT_DOCUMENTS));
    expect(new Set(cell('type'))).toEqual(new Set(COMMENT_TYPE_CODES));
    const header = columns.map((c) => c.header);
    const back = commentsFromRows([header, ...rows], COLUMNS, { now: '2026-12-01T00:00:00Z', newId: () => 'new' });
    expect(back.comments.map((c) => [c.document, c.type])).toEqual(all.map((c) => [c.document, c.type]));
    const noDocument = rows[0]!.map((v, i) => (columns[i]!.field === 'document' ? '' : v));
    expect(
      commentsFromRows([header, noDocument], COLUMNS, { now: '2026-12-01T00:00:00Z', newId: () => 'new' }).comments[0]!
        .document,
    ).toBe(GUIDELINE_DOCUMENT);
  });
});

/** Every file under `dir` (relative to the project) whose name ends with one of `ends`. */
function filesUnder(dir: string, ends: string[]): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(projectRoot, dir), { withFileTypes: true, recursive: true })) {
    if (e.isFile() && ends.some((x) => e.name.endsWith(x))) out.push(relative(projectRoot, join(e.parentPath, e.name)));
  }
  return out.sort();
}

describe('one source for the comment documents and types', () => {
  const modules = [...filesUnder('src/lib/comments', ['.ts']), ...filesUnder('src/scripts', ['.ts'])].filter(
    (f) => !f.endsWith('comment-documents.ts'),
  );
  const astro = [...filesUnder('src/components', ['.astro']), ...filesUnder('src/pages', ['.astro'])];

  it('no comment module or browser script writes a document name or a type list', () => {
    expect(modules.length).toBeGreaterThan(5);
    const found = modules.flatMap((f) => {
      const text = readFileSync(join(projectRoot, f), 'utf8');
      return [...COMMENT_DOCUMENTS.map((d) => `'${d}'`), "['E', 'G', 'T']", "'E, G or T'", "'Editorial'"]
        .filter((s) => text.includes(s))
        .map((s) => `${f}: ${s}`);
    });
    expect(found).toEqual([]);
  });

  it('every comment button is a CommentButton given a document from the module', () => {
    const found = astro.flatMap((f) => {
      const text = readFileSync(join(projectRoot, f), 'utf8');
      const out: string[] = [];
      if (!f.endsWith('CommentButton.astro') && /class="g-comment"|data-comment-/.test(text))
        out.push(`${f}: comment button markup of its own`);
      for (const m of text.matchAll(/<CommentButton\b[^>]*?\bdocument=("[^"]*"|\{[^}]*\})/g))
        if (!/^\{(GUIDELINE|CATALOG)_DOCUMENT\}$/.test(m[1]!)) out.push(`${f}: document=${m[1]}`);
      return out;
    });
    expect(found).toEqual([]);
    expect(
      astro.filter((f) => readFileSync(join(projectRoot, f), 'utf8').includes('<CommentButton ')).length,
    ).toBeGreaterThanOrEqual(6);
  });
});
