import { describe, expect, it } from 'vitest';
import { backupJson, type Comment, commentsFromRows, emptyStore, mergeComments, migrateStore, readBackup, templateCsv, templateRows, type TemplateColumn } from '../../src/lib/comments/comment-model.ts';

const COLUMNS: TemplateColumn[] = [
  { header: 'Comment #', field: 'number' },
  { header: 'Commenter / Organization', field: 'commenter' },
  { header: 'Type (E/G/T)', field: 'type' },
  { header: 'Page #', field: 'page' },
  { header: 'Starting Line #', field: 'lineStart' },
  { header: 'Ending Line #', field: 'lineEnd' },
  { header: 'Section', field: 'section' },
  { header: 'Comment (include rationale)', field: 'comment' },
  { header: 'Suggested Change', field: 'suggestion' },
];

const comment = (over: Partial<Comment> = {}): Comment => ({
  id: 'c1',
  document: 'SP 800-213r1 ipd',
  section: '2.1',
  page: '5',
  lineStart: 140,
  lineEnd: 146,
  target: 's-2-1-p1',
  type: 'T',
  comment: 'The definition omits "hub", "bridge".',
  suggestion: 'Add "hub".',
  created: '2026-11-23T00:00:00Z',
  updated: '2026-11-23T00:00:00Z',
  ...over,
});

describe('comments in NIST\'s template', () => {
  it('fills the template columns in their declared order, numbered, with the commenter on every row', () => {
    const store = { ...emptyStore(), commenter: { name: 'A. Reader', organization: 'Agency X' }, comments: [comment(), comment({ id: 'c2', type: 'E', lineStart: undefined, lineEnd: undefined })] };
    expect(templateRows(store, COLUMNS)).toEqual([
      [1, 'A. Reader / Agency X', 'T', '5', 140, 146, '2.1', 'The definition omits "hub", "bridge".', 'Add "hub".'],
      [2, 'A. Reader / Agency X', 'E', '5', '', '', '2.1', 'The definition omits "hub", "bridge".', 'Add "hub".'],
    ]);
    expect(templateCsv(store, COLUMNS).split('\r\n')[1]).toBe('1,A. Reader / Agency X,T,5,140,146,2.1,"The definition omits ""hub"", ""bridge"".","Add ""hub""."');
  });

  it('a JSON backup reads back to the same store', () => {
    const store = { ...emptyStore(), commenter: { name: 'A', organization: 'B' }, comments: [comment()] };
    expect(readBackup(backupJson(store))).toMatchObject(store);
  });

  it('migrates version 1 stores', () => {
    const v1 = { version: 1, commenter: 'A. Reader / Agency X', comments: [{ ...comment(), lineStart: undefined, lineEnd: undefined, lines: '12-15' }] };
    const s = migrateStore(v1);
    expect(s.version).toBe(2);
    expect(s.commenter).toEqual({ name: 'A. Reader', organization: 'Agency X' });
    expect(s.comments[0]).toMatchObject({ lineStart: 12, lineEnd: 15 });
    expect(() => migrateStore({ version: 9 })).toThrow(/newer version/);
  });

  it('detects duplicates on import, by id or by the same text on the same place', () => {
    const store = { ...emptyStore(), comments: [comment()] };
    const r = mergeComments(store, [comment(), comment({ id: 'other' }), comment({ id: 'c3', comment: 'Another point.' })]);
    expect([r.added, r.duplicates]).toEqual([1, 2]);
    expect(r.store.comments.map((c) => c.id)).toEqual(['c1', 'c3']);
  });

  it('reads rows of the template back into comments, whatever the column order', () => {
    const store = { ...emptyStore(), commenter: { name: 'A', organization: 'B' }, comments: [comment()] };
    const reversed = [...COLUMNS].reverse();
    const rows = [reversed.map((c) => c.header), ...templateRows(store, reversed)];
    const back = commentsFromRows(rows, COLUMNS, 'now');
    expect(back.commenter).toBe('A / B');
    expect(back.comments[0]).toMatchObject({ type: 'T', page: '5', lineStart: 140, lineEnd: 146, section: '2.1', comment: comment().comment, suggestion: 'Add "hub".' });
  });
});

describe('document order', () => {
  it('inserts a new comment by document, page and line', async () => {
    const { insertInDocumentOrder } = await import('../../src/lib/comments/comment-model.ts');
    const at = (id: string, document: string, page: string, lineStart?: number) => comment({ id, document, page, ...(lineStart ? { lineStart } : { lineStart: undefined }), target: id });
    let list = [at('a', 'SP 800-213r1 ipd', '2', 50), at('c', 'SP 800-213r1 ipd', '5', 140), at('x', 'SP 800-213A', '')];
    list = insertInDocumentOrder(list, at('b', 'SP 800-213r1 ipd', '3', 90));
    list = insertInDocumentOrder(list, at('front', 'SP 800-213r1 ipd', 'iii'));
    list = insertInDocumentOrder(list, at('y', 'SP 800-213A', ''));
    expect(list.map((c) => c.id)).toEqual(['front', 'a', 'b', 'c', 'x', 'y']);
  });
});
