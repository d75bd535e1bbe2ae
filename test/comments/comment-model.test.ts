import { describe, expect, it } from 'vitest';
import {
  backupJson,
  type Comment,
  commentsFromRows,
  emptyStore,
  exportColumns,
  insertInDocumentOrder,
  mergeComments,
  readBackup,
  templateCsv,
  templateRows,
  xlsxRows,
} from '../../src/lib/comments/comment-model.ts';
import { errorText } from '../../src/lib/comments/comment-schema.ts';
import { COLUMNS } from '../fixtures/comments/template-columns.ts';
import { strictCsvRows } from '../support/strict-csv.ts';

const comment = (over: Partial<Comment> = {}): Comment => ({
  id: 'c1',
  document: 'SP 800-213r1 ipd',
  section: '2.1',
  page: '5',
  lineStart: 140,
  lineEnd: 146,
  target: 's-2-1-p1',
  href: '/guidance/2/#s-2-1-p1',
  type: 'T',
  comment: 'The definition omits "hub", "bridge".',
  suggestion: 'Add "hub".',
  created: '2026-11-23T00:00:00Z',
  updated: '2026-11-23T00:00:00Z',
  revision: 1,
  ...over,
});

let n = 0;
const options = { now: '2026-12-01T00:00:00Z', newId: () => `new-${++n}` };

describe("comments in NIST's template", () => {
  it('fills the template columns in their declared order, numbered, with the commenter on every row, every cell text', () => {
    const store = {
      ...emptyStore(),
      commenter: { name: 'A. Reader', organization: 'Agency X' },
      comments: [comment(), comment({ id: 'c2', type: 'E', lineStart: undefined, lineEnd: undefined })],
    };
    expect(templateRows(store, COLUMNS)).toEqual([
      [
        '1',
        'A. Reader / Agency X',
        'T',
        '5',
        '140',
        '146',
        '2.1',
        'The definition omits "hub", "bridge".',
        'Add "hub".',
      ],
      ['2', 'A. Reader / Agency X', 'E', '5', '', '', '2.1', 'The definition omits "hub", "bridge".', 'Add "hub".'],
    ]);
    expect(templateCsv(store, COLUMNS).text.split('\r\n')[1]).toBe(
      '1,A. Reader / Agency X,T,5,140,146,2.1,"The definition omits ""hub"", ""bridge"".","Add ""hub""."',
    );
  });

  it("every export carries the workspace columns after NIST's, the comment id among them", () => {
    expect(
      exportColumns(COLUMNS)
        .map((c) => c.header)
        .slice(COLUMNS.length),
    ).toEqual(['Document', 'Target', 'Link', 'Comment ID', 'Created', 'Updated']);
  });

  it('a CSV cell a spreadsheet would evaluate gets a leading apostrophe, counted; the CSV reads back in strict mode', () => {
    const texts = [
      '=HYPERLINK("http://x.invalid","click")',
      '+1',
      '-2',
      '@SUM(A1)',
      '\tTab',
      '\rCR',
      "'quoted",
      'plain, "with" quotes\nand a line',
    ];
    const store = { ...emptyStore(), comments: texts.map((t, i) => comment({ id: `c${i}`, comment: t })) };
    const csv = templateCsv(store, exportColumns(COLUMNS));
    expect(csv.neutralised).toBe(6);
    const rows = strictCsvRows(csv.text);
    expect(rows).toHaveLength(texts.length + 1);
    expect(rows.slice(1).map((r) => r[7])).toEqual([
      '\'=HYPERLINK("http://x.invalid","click")',
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "'\tTab",
      "'\rCR",
      "''quoted",
      'plain, "with" quotes\nand a line',
    ]);
    const back = commentsFromRows(rows, COLUMNS, { ...options, csv: true });
    expect(back.comments.map((c) => c.comment)).toEqual(texts);
  });

  it('XLSX rows replace each character XML forbids by a visible marker and count them', () => {
    const store = {
      ...emptyStore(),
      comments: [comment({ comment: 'a\u0000b\u0007c\uFFFFd\uFFFEe\uD800f\tg\u{1F600}' })],
    };
    const x = xlsxRows(store, COLUMNS);
    expect(x.replaced).toBe(5);
    expect(x.rows[1]![7]).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\tg\u{1F600}');
    expect(xlsxRows({ ...store, comments: [comment({ comment: 'line\r\nnext _x0041_' })] }, COLUMNS).rows[1]![7]).toBe(
      'line_x000D_\nnext _x005F_x0041_',
    );
  });

  it('a JSON backup reads back to the same store', () => {
    const store = { ...emptyStore(), commenter: { name: 'A', organization: 'B' }, comments: [comment()] };
    expect(readBackup(backupJson(store))).toEqual(store);
  });

  it('detects duplicates on import, by id or by the same text on the same place, and counts same ids with other text', () => {
    const store = { ...emptyStore(), comments: [comment()] };
    const r = mergeComments(store, [
      comment(),
      comment({ id: 'other' }),
      comment({ id: 'c3', comment: 'Another point.' }),
      comment({ comment: 'Changed elsewhere.' }),
    ]);
    expect([r.added, r.duplicates, r.differing]).toEqual([1, 3, 1]);
    expect(r.store.comments.map((c) => c.id)).toEqual(['c1', 'c3']);
  });
});

describe('reading template rows back', () => {
  it('finds columns by their header names, in any order, ignoring other columns', () => {
    const store = { ...emptyStore(), commenter: { name: 'A', organization: 'B' }, comments: [comment()] };
    const reversed = [...exportColumns(COLUMNS)].reverse();
    const rows = [
      ['Notes', ...reversed.map((c) => c.header)],
      ...templateRows(store, reversed).map((r) => ['ignored', ...r]),
    ];
    const back = commentsFromRows(rows, COLUMNS, options);
    expect(back.commenter).toBe('A / B');
    expect(back.comments).toEqual([comment()]);
  });

  it('refuses a sheet without a comment column, naming what it has', () => {
    expect(() =>
      commentsFromRows(
        [
          ['Name', 'Remark'],
          ['x', 'y'],
        ],
        COLUMNS,
        options,
      ),
    ).toThrow(
      /not a comment template: its first row has no column "Comment \(include rationale\)" \(it has "Name", "Remark"\)/,
    );
  });

  it('refuses the whole file when one row is wrong, naming each row and column', () => {
    const rows = [
      ['Type (E/G/T)', 'Starting Line #', 'Comment (include rationale)', 'Link'],
      ['T', '12', 'Fine.', ''],
      ['Z', 'abc', 'Type and line wrong.', ''],
      ['E', '', '', ''],
      ['G', '', 'A link out.', 'javascript:alert(1)'],
    ];
    let message = '';
    try {
      commentsFromRows(rows, COLUMNS, options);
    } catch (e) {
      message = errorText(e, 10);
    }
    expect(message).toBe(
      'Nothing was imported: 4 problems in the file. row 3, column "Type (E/G/T)": "Z" is not E, G or T. row 3, column "Starting Line #": "abc" is not a line number. row 4, column "Comment (include rationale)": empty. row 5, column "Link": not a link inside this site.',
    );
  });
});

describe('document order', () => {
  it('inserts a new comment by document, page and line', () => {
    const at = (id: string, document: Comment['document'], page: string, lineStart?: number) =>
      comment({ id, document, page, ...(lineStart ? { lineStart } : { lineStart: undefined }), target: id });
    let list = [
      at('a', 'SP 800-213r1 ipd', '2', 50),
      at('c', 'SP 800-213r1 ipd', '5', 140),
      at('x', 'SP 800-213A', ''),
    ];
    list = insertInDocumentOrder(list, at('b', 'SP 800-213r1 ipd', '3', 90));
    list = insertInDocumentOrder(list, at('front', 'SP 800-213r1 ipd', 'iii'));
    list = insertInDocumentOrder(list, at('y', 'SP 800-213A', ''));
    expect(list.map((c) => c.id)).toEqual(['front', 'a', 'b', 'c', 'x', 'y']);
  });
});
