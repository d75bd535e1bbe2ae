/**
 * The comment workspace under bad and unusual input, in Chromium, from the user's side: what they click,
 * what they see, what is stored after a reload. One `describe` per defect of issue 12 (numbered as there).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanPages, launchBrowser, takePageProblems } from '../support/browser.ts';
import { requireSourcesDir } from '../support/real-sources.ts';
import { runBuild } from '../support/run-build.ts';
import { type Served, serve } from '../support/static-server.ts';
import { keptAside, limitQuota, putWorkspace, storedWorkspace } from '../support/comment-storage.ts';
import { strictCsvRows } from '../support/strict-csv.ts';

let dir: string;
let site: Served;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'iot-comments-safety-'));
  const r = runBuild({
    NIST_SOURCES_DIR: requireSourcesDir(),
    IOT_CACHE_DIR: join(dir, 'cache'),
    IOT_OUT_DIR: join(dir, 'dist'),
  });
  if (r.code !== 0) throw new Error(`build failed:\n${r.out.slice(-4000)}`);
  site = await serve(join(dir, 'dist'));
  browser = await launchBrowser();
}, 300_000);

afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
  expectCleanPages();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Where versions up to format 2 kept the workspace (localStorage); the page moves it into IndexedDB. */
const KEY = 'iot-guidance-comments';
const now = '2026-11-30T10:00:00.000Z';

interface C {
  id: string;
  comment: string;
  [k: string]: unknown;
}
const c = (id: string, comment: string, over: Record<string, unknown> = {}): C => ({
  id,
  document: 'SP 800-213r1 ipd',
  section: '1',
  page: '1',
  lineStart: 10,
  lineEnd: 12,
  target: `s-1-p${id}`,
  href: `/guidance/1/#s-1-p2`,
  type: 'T',
  comment,
  suggestion: '',
  created: now,
  updated: now,
  revision: 1,
  ...over,
});
const store = (comments: C[], version = 3) =>
  JSON.stringify({ version, commenter: { name: 'A. Reviewer', organization: 'Agency X' }, comments });

/** A new browser profile (its own storage), at `path`, with `storage` set before the page's scripts read it. */
async function open(
  path = 'comments/',
  storage: Record<string, string> = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(site.url(path));
  if (Object.keys(storage).length) {
    await page.evaluate((s) => {
      for (const [k, v] of Object.entries(s)) localStorage.setItem(k, v);
    }, storage);
    await page.reload();
  }
  return { context, page };
}

const status = (page: Page) => page.locator('#comments-status');
const items = (page: Page) => page.locator('#comments-list .comment-item');
const stored = (page: Page) => storedWorkspace(page);
const storedComments = async (page: Page) => JSON.parse((await stored(page))!).comments as C[];

async function download(page: Page, name: string): Promise<Buffer> {
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  return readFileSync((await d.path())!);
}

async function importFile(page: Page, name: string, data: string | Buffer, mimeType = 'application/json') {
  await page
    .locator('#import-file')
    .setInputFiles({ name, mimeType, buffer: Buffer.isBuffer(data) ? data : Buffer.from(data) });
}

async function commentOnParagraph(page: Page, text: string) {
  await page.goto(site.url('guidance/1/'));
  await page.locator('#s-1-p2').getByRole('button', { name: 'Comment' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Comment (include rationale)').fill(text);
  await dialog.getByRole('button', { name: 'Save comment' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
}

/** Fills this origin's localStorage (the drafts) to the last byte (keys `filler-*`), so that any write that grows fails. */
async function fillLocalStorage(page: Page) {
  await page.evaluate(() => {
    let size = 1 << 22;
    let i = 0;
    while (size >= 1) {
      try {
        localStorage.setItem(`filler-${i++}`, 'x'.repeat(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
}

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Comments');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const HEADERS = [
  'Comment #',
  'Commenter / Organization',
  'Type (E/G/T)',
  'Page #',
  'Starting Line #',
  'Ending Line #',
  'Section',
  'Comment (include rationale)',
  'Suggested Change',
];

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
function soffice(file: string, to: string): string {
  if (!existsSync(SOFFICE))
    throw new Error(
      `LibreOffice is not at ${SOFFICE}: install it (apt-get install -y libreoffice-calc-nogui) or set SOFFICE_PATH.`,
    );
  execFileSync(
    SOFFICE,
    [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--convert-to', to, '--outdir', dir, file],
    { stdio: 'pipe', timeout: 120_000 },
  );
  return file.replace(/\.\w+$/, `.${to.split(':')[0]}`);
}

describe('1. a stored workspace the page cannot read is kept aside, never overwritten', () => {
  for (const [what, raw, where] of [
    ['a newer version (in IndexedDB)', store([c('n1', 'Written by a newer site.')], 9), 'db'],
    [
      'corrupt JSON (in the localStorage of an earlier version)',
      '{"version":3,"commenter":{"name":"A"},"comments":[{"id":"x","comm',
      'legacy',
    ],
  ] as const) {
    it(`${what}: said in plain words, downloadable unchanged, and still there after new comments and an import`, async () => {
      const { page } = await open('comments/', where === 'legacy' ? { [KEY]: raw } : {});
      if (where === 'db') {
        await putWorkspace(page, raw);
        await page.reload();
      }
      await expect
        .poll(() => status(page).textContent())
        .toMatch(/Your saved comments could not be read by this page: .*They are kept aside, unchanged/);
      if (where === 'db')
        await expect(status(page).textContent()).resolves.toContain(
          'saved by a newer version of this site (format version 9',
        );
      const aside = page.locator('#comments-aside');
      await expect.poll(() => aside.isVisible()).toBe(true);
      expect(
        await download(
          page,
          `Download ${(await aside.locator('li').textContent())!.replace(/ \(\d[\d,]* characters?\).*$/, '')}`,
        ),
      ).toEqual(Buffer.from(raw));

      await commentOnParagraph(page, 'A new comment after the unreadable one.');
      await page.goto(site.url('comments/'));
      await importFile(page, 'backup.json', store([c('i1', 'Imported one.')]));
      await expect.poll(() => status(page).textContent()).toBe('Imported 1 comment.');
      await page.reload();
      await expect.poll(() => items(page).count()).toBe(2);
      expect(await keptAside(page)).toEqual([raw]);
      await expect.poll(() => page.locator('#comments-aside li').count()).toBe(1);
    });
  }
});

describe('2. a link that is not a path inside the site never runs', () => {
  it('an import with a javascript: link is refused, naming the comment and field; nothing stored', async () => {
    const { page } = await open();
    await importFile(
      page,
      'evil.json',
      store([c('e1', 'Fine.'), c('e2', 'Click me.', { href: 'javascript:window.__pwned=1' })]),
    );
    await expect
      .poll(() => status(page).textContent())
      .toBe(
        'Cannot import evil.json: The comments are not in the expected shape. comment 2 (comments[1]), field "href" (link): not a link inside this site.',
      );
    expect(await stored(page)).toBeNull();
  });

  it('a javascript: link stored by an older version shows as plain text, and clicking it runs nothing', async () => {
    const { page } = await open('comments/', {
      [KEY]: store([{ ...c('o1', 'Old.'), href: 'javascript:window.__pwned=1', revision: undefined } as C], 2),
    });
    await expect.poll(() => items(page).count()).toBe(1);
    await expect(page.locator('#comments-list a').count()).resolves.toBe(0);
    await items(page).locator('.meta span').click();
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});

describe('3. undo says "restored" only when the comment is stored again', () => {
  it('with the storage full (as of the Undo), Undo says it failed; with room again, Undo restores, and a reload shows it', async () => {
    const { page } = await open('comments/', { [KEY]: store([c('u1', 'First.'), c('u2', 'Second.')]) });
    await page.getByRole('button', { name: 'Delete comment 1' }).click();
    await expect.poll(() => items(page).count()).toBe(1);
    // The storage fills up: Chromium applies a quota override (limitQuota) only to an origin's first
    // IndexedDB write, and this origin has written already, so the page's IndexedDB answers as a full one does.
    await page.evaluate(() => {
      const w = window as unknown as { realPut: typeof IDBObjectStore.prototype.put };
      w.realPut = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.getByRole('button', { name: 'Undo the deletion' }).click();
    await expect
      .poll(() => status(page).textContent())
      .toMatch(/^Not restored: The browser's storage for this site is full, so this was NOT saved\./);
    expect((await storedComments(page)).map((x) => x.comment)).toEqual(['Second.']);
    await page.evaluate(() => {
      IDBObjectStore.prototype.put = (window as unknown as { realPut: typeof IDBObjectStore.prototype.put }).realPut;
    });
    await page.getByRole('button', { name: 'Undo the deletion' }).click();
    await expect.poll(() => status(page).textContent()).toBe('Comment restored.');
    await page.reload();
    await expect.poll(() => page.locator('.comment-text').allTextContents()).toEqual(['First.', 'Second.']);
  });
});

describe('4. a wrong-shaped JSON import is refused whole, and breaks nothing', () => {
  for (const [file, message] of [
    ['{"comments":[null]}', 'it has no "version" field'],
    [
      '{"version":3,"commenter":{"name":"","organization":""},"comments":[null]}',
      'comment 1 (comments[0]): expected object, found null.',
    ],
    [
      store([{ ...c('w1', 'No commenter.') }]).replace(
        '"commenter":{"name":"A. Reviewer","organization":"Agency X"},',
        '',
      ),
      'field "commenter": expected object, found undefined.',
    ],
    [
      '{"version":3,"commenter":{"name":"","organization":""},"comments":"abc"}',
      'field "comments": expected array, found string.',
    ],
  ] as const) {
    it(file.slice(0, 60), async () => {
      const { page } = await open('comments/', { [KEY]: store([c('k1', 'Kept.')]) });
      const before = await stored(page);
      await importFile(page, 'bad.json', file);
      await expect.poll(() => status(page).textContent()).toContain(message);
      expect(await stored(page)).toBe(before);
      await page.reload();
      await expect.poll(() => page.locator('.comment-text').allTextContents()).toEqual(['Kept.']);
      const csv = (await download(page, 'Export CSV')).toString('utf8');
      expect(csv).not.toContain('undefined');
      await commentOnParagraph(page, 'The form still works.');
    });
  }
});

describe('5. two tabs', () => {
  it('an edit of a comment the other tab deleted is refused, the text kept; "Save as a new comment" keeps it', async () => {
    const { context, page: a } = await open('comments/', { [KEY]: store([c('t1', 'Original.'), c('t2', 'Other.')]) });
    const b = await context.newPage();
    await b.goto(site.url('comments/'));
    await a.getByRole('button', { name: 'Edit comment 1' }).click();
    await a.getByRole('dialog').getByLabel('Comment (include rationale)').fill('My careful rewrite.');
    await b.getByRole('button', { name: 'Delete comment 1' }).click();
    await a.getByRole('dialog').getByRole('button', { name: 'Save comment' }).click();
    await expect
      .poll(() => a.getByRole('dialog').getByRole('alert').textContent())
      .toMatch(
        /^Not saved: this comment was deleted \(in another tab or window\) after you opened it\. Your text is still in this form/,
      );
    await expect(a.getByRole('dialog').getByLabel('Comment (include rationale)').inputValue()).resolves.toBe(
      'My careful rewrite.',
    );
    await a.getByRole('dialog').getByRole('button', { name: 'Save as a new comment' }).click();
    await expect
      .poll(async () => (await storedComments(a)).map((x) => x.comment))
      .toEqual(['My careful rewrite.', 'Other.']);
  });

  it('two edits of one comment: the second is refused instead of replacing the first', async () => {
    const { context, page: a } = await open('comments/', { [KEY]: store([c('t1', 'Original.')]) });
    const b = await context.newPage();
    await b.goto(site.url('comments/'));
    await a.getByRole('button', { name: 'Edit comment 1' }).click();
    await b.getByRole('button', { name: 'Edit comment 1' }).click();
    await b.getByRole('dialog').getByLabel('Comment (include rationale)').fill('Edit in tab B.');
    await b.getByRole('dialog').getByRole('button', { name: 'Save comment' }).click();
    await expect.poll(() => b.getByRole('dialog').count()).toBe(0);
    await a.getByRole('dialog').getByLabel('Comment (include rationale)').fill('Edit in tab A.');
    await a.getByRole('dialog').getByRole('button', { name: 'Save comment' }).click();
    await expect
      .poll(() => a.getByRole('dialog').getByRole('alert').textContent())
      .toMatch(/^Not saved: this comment was changed \(in another tab or window\) after you opened it/);
    await expect(a.getByRole('dialog').getByLabel('Comment (include rationale)').inputValue()).resolves.toBe(
      'Edit in tab A.',
    );
    expect((await storedComments(a)).map((x) => [x.comment, x.revision])).toEqual([['Edit in tab B.', 2]]);
  });

  it('a change in one tab appears in the other, and Undo stays usable there', async () => {
    const { context, page: a } = await open('comments/', { [KEY]: store([c('t1', 'One.'), c('t2', 'Two.')]) });
    const b = await context.newPage();
    await b.goto(site.url('comments/'));
    await a.getByRole('button', { name: 'Delete comment 1' }).click();
    await expect.poll(() => b.locator('.comment-text').allTextContents()).toEqual(['Two.']);
    await b.getByRole('button', { name: 'Edit comment 1' }).click();
    await b.getByRole('dialog').getByLabel('Comment (include rationale)').fill('Two, edited in B.');
    await b.getByRole('dialog').getByRole('button', { name: 'Save comment' }).click();
    await expect.poll(() => a.locator('.comment-text').allTextContents()).toEqual(['Two, edited in B.']);
    await a.getByRole('button', { name: 'Undo the deletion' }).click();
    await expect.poll(() => status(a).textContent()).toBe('Comment restored.');
    await expect.poll(() => b.locator('.comment-text').allTextContents()).toEqual(['One.', 'Two, edited in B.']);
  });
});

describe("a comment on one of NIST's questions", () => {
  it('appears in the list below at once', async () => {
    const { page } = await open();
    await page.getByRole('button', { name: 'Comment on question 2' }).click();
    await page.getByRole('dialog').getByLabel('Comment (include rationale)').fill('On question 2.');
    await page.getByRole('dialog').getByRole('button', { name: 'Save comment' }).click();
    await expect.poll(() => page.locator('.comment-text').allTextContents()).toEqual(['On question 2.']);
  });
});

describe('list actions act on the comment they are on', () => {
  it('with a filter on, Edit, Move and Delete of a listed comment change that comment, by its id', async () => {
    const { page } = await open();
    await putWorkspace(
      page,
      store([
        c('a', 'First, technical.'),
        c('b', 'Second, editorial.', { type: 'E' }),
        c('d', 'Third, editorial.', { type: 'E' }),
      ]),
    );
    await page.reload();
    await expect.poll(() => items(page).count()).toBe(3);
    await page.locator('#filter-type').selectOption('E');
    await expect.poll(() => items(page).count()).toBe(2);
    await expect(items(page).evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.id))).resolves.toEqual([
      'b',
      'd',
    ]);
    // The names count in the whole list, as the reader does; "comment 3" is the third one, listed second here.
    await page.getByRole('button', { name: 'Edit comment 3' }).click();
    await expect(page.getByRole('dialog').getByLabel('Comment (include rationale)').inputValue()).resolves.toBe(
      'Third, editorial.',
    );
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Move comment 3 up' }).click();
    await expect.poll(async () => (await storedComments(page)).map((x) => x.id)).toEqual(['a', 'd', 'b']);
    await page.getByRole('button', { name: 'Delete comment 3' }).click();
    await expect.poll(async () => (await storedComments(page)).map((x) => x.id)).toEqual(['a', 'd']);
    await expect(items(page).locator('.comment-text').allTextContents()).resolves.toEqual(['Third, editorial.']);
  });
});

describe('6. CSV export: no cell is a formula in a spreadsheet', () => {
  it('cells beginning with =, +, -, @, tab or CR get an apostrophe, the page says so, and LibreOffice shows text, no link', async () => {
    const attack = [
      '=HYPERLINK("http://attacker.invalid/","Click for details")',
      '+1+1',
      '-1+1',
      '@SUM(1)',
      '\t=1',
      '\r=1',
    ];
    const { page } = await open('comments/', {
      [KEY]: store(attack.map((t, i) => c(`f${i}`, `${t}`, { suggestion: i === 0 ? '=1+1' : '' }))),
    });
    const csv = await download(page, 'Export CSV');
    await expect(status(page).textContent()).resolves.toBe(
      'CSV exported. 7 cells beginning with =, +, -, @, a tab or a carriage return got a leading apostrophe, so that a spreadsheet shows it as text instead of running it as a formula.',
    );
    const rows = strictCsvRows(csv);
    expect(rows.slice(1).map((r) => r[7])).toEqual(attack.map((t) => `'${t}`));
    const file = join(dir, 'attack.csv');
    writeFileSync(file, csv);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(soffice(file, 'xlsx'));
    const ws = wb.worksheets[0]!;
    for (let r = 2; r <= attack.length + 1; r++) {
      const cell = ws.getRow(r).getCell(8);
      expect(cell.formula, String(cell.value)).toBeUndefined();
      expect(cell.hyperlink).toBeUndefined();
      expect(typeof cell.value).toBe('string');
    }
  });
});

describe('7. XLSX export with characters XML forbids', () => {
  it('replaces each by �, says how many, and LibreOffice reads every cell', async () => {
    const { page } = await open('comments/', {
      [KEY]: store([
        c('x1', 'Bad \u0001 chars \uFFFF here \u0000.', { suggestion: 'after' }),
        c('x2', 'Later comment.', { suggestion: 'still here' }),
      ]),
    });
    const book = await download(page, 'Export XLSX (NIST template)');
    await expect(status(page).textContent()).resolves.toBe(
      'Spreadsheet exported. 3 characters that a spreadsheet cannot hold (control characters, U+FFFE, U+FFFF) were replaced by \uFFFD; the JSON backup keeps them.',
    );
    const file = join(dir, 'forbidden.xlsx');
    writeFileSync(file, book);
    const rows = strictCsvRows(
      readFileSync(soffice(file, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false'), 'utf8'),
    );
    expect(rows.slice(1).map((r) => [r[7], r[8], r[12]])).toEqual([
      ['Bad \uFFFD chars \uFFFD here \uFFFD.', 'after', 'x1'],
      ['Later comment.', 'still here', 'x2'],
    ]);
  });
});

describe('8. large imports and a full storage', () => {
  it('a storage-full error during an import stays on screen, and nothing is stored', async () => {
    const { page } = await open();
    await limitQuota(page, 50_000);
    const many = store(
      Array.from({ length: 2000 }, (_, i) => c(`b${i}`, `Bulk comment ${i}, with some text to take room.`)),
    );
    await importFile(page, 'many.json', many);
    const full =
      /^Cannot import many\.json: nothing was imported\. The browser's storage for this site is full, so this was NOT saved\./;
    await expect.poll(() => status(page).textContent()).toMatch(full);
    await page.waitForTimeout(500);
    await expect(status(page).textContent()).resolves.toMatch(full);
    expect(await stored(page)).toBeNull();
  });

  it('the page states the limits up front, shows progress, and refuses a file over the row limit at once', async () => {
    const { page } = await open();
    await expect(page.locator('#comments-workspace').textContent()).resolves.toContain(
      'of up to 20 MB and 50,000 comments',
    );
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => seen.push(document.querySelector('#comments-status')!.textContent!)).observe(
        document.querySelector('#comments-status')!,
        { childList: true, characterData: true, subtree: true },
      );
    });
    const rows = Array.from({ length: 5000 }, (_, i) => [
      String(i + 1),
      'A / B',
      'T',
      '3',
      '',
      '',
      '1',
      `Row ${i + 1}.`,
      '',
    ]);
    await importFile(
      page,
      'five-thousand.xlsx',
      await xlsx([HEADERS, ...rows]),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toBe('Imported 5,000 comments.');
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen).toEqual([
      'Reading five-thousand.xlsx…',
      'Checking 5,000 rows of five-thousand.xlsx…',
      'Storing 5,000 comments…',
      'Imported 5,000 comments.',
    ]);
    const big = await xlsx([
      HEADERS,
      ...Array.from({ length: 50_001 }, (_, i) => ['', '', 'T', '', '', '', '', `R${i}`, '']),
    ]);
    await importFile(page, 'too-big.xlsx', big, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await expect
      .poll(() => status(page).textContent(), { timeout: 30_000 })
      .toBe('Cannot import too-big.xlsx: the file has 50,001 rows; this page imports up to 50,000 comments at a time.');
    expect(await storedComments(page)).toHaveLength(5000);
    await expect(page.locator('#comments-count').textContent()).resolves.toBe(
      '5,000 comments; the first 500 are listed.',
    );
    await expect.poll(() => items(page).count()).toBe(500);
    await page.getByRole('button', { name: 'List 500 more' }).click();
    await expect.poll(() => items(page).count()).toBe(1000);
  }, 120_000);
});

describe('9. importing your own export adds nothing', () => {
  it('XLSX and CSV exports carry the comment id; importing them back finds every comment already here', async () => {
    const { page } = await open('comments/', {
      [KEY]: store([c('r1', 'One.'), c('r2', 'Two.', { comment: 'Two.', suggestion: 'Change.' })]),
    });
    const book = await download(page, 'Export XLSX (NIST template)');
    const csv = await download(page, 'Export CSV');
    await importFile(page, 'comments.xlsx', book, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await expect.poll(() => status(page).textContent()).toBe('Imported 0 comments; 2 already here, skipped.');
    await importFile(page, 'comments.csv', csv, 'text/csv');
    await expect.poll(() => status(page).textContent()).toBe('Imported 0 comments; 2 already here, skipped.');
    await page.reload();
    await expect.poll(() => items(page).count()).toBe(2);
  });
});

describe('10. XLSX cells of other kinds import as their text', () => {
  it('rich text, formulas, hyperlinks and dates', async () => {
    const { page } = await open();
    const book = await xlsx([
      [...HEADERS, 'Created'],
      [
        '1',
        { richText: [{ text: 'A. Reviewer' }, { text: ' / Agency X' }] },
        'E',
        { formula: '1+1', result: 2 },
        5,
        6,
        { text: '2.1', hyperlink: 'https://example.invalid/' },
        { richText: [{ text: 'Bold', font: { bold: true } }, { text: ' point.' }] },
        { formula: 'CONCAT("a","b")', result: 'ab' },
        new Date(Date.UTC(2026, 10, 23)),
      ],
    ]);
    await importFile(page, 'kinds.xlsx', book, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await expect.poll(() => status(page).textContent()).toBe('Imported 1 comment.');
    await expect(items(page).first().textContent()).resolves.toBe(
      'Editorial · SP 800-213r1 ipd, 2.1, p. 2, lines 5–6 (2.1 p.2)Bold point.Suggested change: abEditMove upMove downDelete',
    );
    expect((await storedComments(page))[0]).toMatchObject({
      comment: 'Bold point.',
      suggestion: 'ab',
      section: '2.1',
      page: '2',
      created: '2026-11-23',
    });
  });
});

describe('11. drafts', () => {
  it('a corrupt draft entry does not break the Comment buttons; it is kept aside and said', async () => {
    const { page } = await open('guidance/1/', {
      'iot-guidance-comment-draft': '{"target": "s-1',
      'iot-guidance-comment-drafts': '[[not json',
    });
    await page.locator('#s-1-p2').getByRole('button', { name: 'Comment' }).click();
    await expect(page.getByRole('dialog').getByRole('alert').textContent()).resolves.toContain(
      'Your unsaved drafts could not be read; they are kept aside',
    );
    await page.getByRole('dialog').getByLabel('Comment (include rationale)').fill('Works.');
    await page.getByRole('dialog').getByRole('button', { name: 'Save comment' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.goto(site.url('comments/'));
    await expect.poll(() => page.locator('#comments-aside li').count()).toBe(2);
  });

  it('one draft per target with every field, for new comments and for edits, back after the tab is closed', async () => {
    const { context, page } = await open('comments/', {
      [KEY]: store([c('d1', 'Stored text.')]),
      'iot-guidance-comment-draft': JSON.stringify({
        target: 's-1-p3',
        comment: 'From the old single draft slot.',
        suggestion: '',
      }),
    });
    await page.getByRole('button', { name: 'Edit comment 1' }).click();
    await page.getByRole('dialog').getByLabel('Comment (include rationale)').fill('Half-done edit.');
    await page.goto(site.url('guidance/1/'));
    await page.locator('#s-1-p2').getByRole('button', { name: 'Comment' }).click();
    const d = page.getByRole('dialog');
    await d.getByLabel('Type').selectOption('E');
    await d.getByLabel('Starting line').fill('41');
    await d.getByLabel('Ending line').fill('43');
    await d.getByLabel('Comment (include rationale)').fill('Draft on paragraph 2.');
    await d.getByLabel('Suggested change').fill('A change.');
    await d.getByLabel('Your name').fill('B. Reader');
    await page.close();

    const again = await context.newPage();
    await again.goto(site.url('guidance/1/'));
    await again.locator('#s-1-p2').getByRole('button', { name: 'Comment' }).click();
    const e = again.getByRole('dialog');
    expect([
      await e.getByLabel('Type').inputValue(),
      await e.getByLabel('Starting line').inputValue(),
      await e.getByLabel('Ending line').inputValue(),
      await e.getByLabel('Comment (include rationale)').inputValue(),
      await e.getByLabel('Suggested change').inputValue(),
      await e.getByLabel('Your name').inputValue(),
    ]).toEqual(['E', '41', '43', 'Draft on paragraph 2.', 'A change.', 'B. Reader']);
    await e.getByRole('button', { name: 'Cancel' }).click();
    await again.locator('#s-1-p3').getByRole('button', { name: 'Comment' }).click();
    await expect(e.getByLabel('Comment (include rationale)').inputValue()).resolves.toBe(
      'From the old single draft slot.',
    );
    await e.getByRole('button', { name: 'Cancel' }).click();
    await again.goto(site.url('comments/'));
    await again.getByRole('button', { name: 'Edit comment 1' }).click();
    await expect(again.getByRole('dialog').getByLabel('Comment (include rationale)').inputValue()).resolves.toBe(
      'Half-done edit.',
    );
    await expect(again.getByRole('dialog').textContent()).resolves.toContain('Your unsaved draft of');
  });

  it('with the storage full, typing says so once, clearly, and the text stays in the form', async () => {
    const { page } = await open('guidance/1/');
    await fillLocalStorage(page);
    await limitQuota(page, 1);
    await page.locator('#s-1-p2').getByRole('button', { name: 'Comment' }).click();
    const box = page.getByRole('dialog').getByLabel('Comment (include rationale)');
    await box.pressSequentially('Typed while full.');
    const alert = page.getByRole('dialog').getByRole('alert');
    await expect(alert.textContent()).resolves.toMatch(
      /^Your draft cannot be kept as you type: The browser's storage for this site is full, so this was NOT saved\..* What you type stays in this form until you close it\.$/,
    );
    await expect(box.inputValue()).resolves.toBe('Typed while full.');
    await page.getByRole('dialog').getByRole('button', { name: 'Save comment' }).click();
    await expect
      .poll(() => alert.textContent())
      .toMatch(/^The browser's storage for this site is full, so this was NOT saved\./);
    await expect(box.inputValue()).resolves.toBe('Typed while full.');
  });
});

describe('12. XLSX imports that are not comment templates, or have wrong values', () => {
  it('a sheet with other columns is refused, naming the column it lacks', async () => {
    const { page } = await open();
    await importFile(
      page,
      'other.xlsx',
      await xlsx([
        ['Name', 'Remark'],
        ['x', 'y'],
      ]),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    await expect
      .poll(() => status(page).textContent())
      .toBe(
        'Cannot import other.xlsx: This is not a comment template: its first row has no column "Comment (include rationale)" (it has "Name", "Remark").',
      );
    expect(await stored(page)).toBeNull();
  });

  it('type "Z" and line "abc" are refused, naming row and column; nothing imported', async () => {
    const { page } = await open();
    const rows = [
      HEADERS,
      ['1', 'A', 'T', '1', '3', '4', '1', 'Good row.', ''],
      ['2', 'A', 'Z', '1', 'abc', '', '1', 'Bad row.', ''],
    ];
    await importFile(
      page,
      'values.xlsx',
      await xlsx(rows),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    await expect
      .poll(() => status(page).textContent())
      .toBe(
        'Cannot import values.xlsx: Nothing was imported: 2 problems in the file. row 3, column "Type (E/G/T)": "Z" is not E, G or T. row 3, column "Starting Line #": "abc" is not a line number.',
      );
    expect(await stored(page)).toBeNull();
  });

  it('a file of another kind, or not a spreadsheet at all, is refused in plain words', async () => {
    const { page } = await open();
    await importFile(page, 'notes.txt', 'hello', 'text/plain');
    await expect
      .poll(() => status(page).textContent())
      .toBe('Cannot import notes.txt: choose a .json backup, or an .xlsx or .csv comment template.');
    await importFile(
      page,
      'broken.xlsx',
      'not a zip',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    await expect.poll(() => status(page).textContent()).toMatch(/^Cannot import broken\.xlsx: /);
    await expect(status(page).textContent()).resolves.not.toMatch(/undefined|not iterable/);
  });
});

describe('13. Content-Security-Policy', () => {
  it('every kind of page carries it, without unsafe-inline scripts, and the browser enforces it', async () => {
    const { page } = await open();
    for (const path of [
      '',
      'comments/',
      'search/',
      'controls/ia-3/',
      'capabilities/di-1/',
      'guidance/1/',
      'products/ip-video-surveillance/',
      'no-such-page/',
    ]) {
      await page.goto(site.url(path));
      const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
      expect(csp, path).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).not.toContain('unsafe-inline');
    }
    await page.goto(site.url('comments/'));
    await page.evaluate(() =>
      document.body.insertAdjacentHTML(
        'beforeend',
        '<img src="data:," onload="window.__ran=1"><script>window.__ran=2</script>',
      ),
    );
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as { __ran?: number }).__ran)).toBeUndefined();
    expect(takePageProblems().some((p) => /CSP violation: script-src/.test(p))).toBe(true);
  });
});
