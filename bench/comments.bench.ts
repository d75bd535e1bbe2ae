/**
 * Benchmark of the comment workspace, in Chromium over the built site (run
 * `npm run build` first): with 500 comments, time to list them, to filter, to
 * delete one and undo, and to export CSV and XLSX; then the import of 10,000
 * comments (JSON) and of a 50,000-row XLSX into an empty workspace: time, and
 * how long the page's main thread was blocked at most (the longest gap between
 * two ticks of a 10 ms timer: above ~100 ms a click or a keystroke waits).
 * Prints figures.
 */
import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { paths } from '../src/lib/paths.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { clearWorkspace } from '../test/support/comment-storage.ts';
import { serve } from '../test/support/static-server.ts';

const N = Number(process.env.BENCH_COMMENTS ?? 500);
if (!existsSync(paths.dist)) throw new Error('Build the site first: npm run build');
const site = await serve(paths.dist);
const browser = await launchBrowser();
const context = await browser.newContext({ acceptDownloads: true });
const page = await context.newPage();
await page.goto(site.url('comments/'));
await page.evaluate((n) => {
  const now = new Date().toISOString();
  const comments = Array.from({ length: n }, (_, i) => ({
    id: `bench-${i}`,
    document: i % 3 ? 'SP 800-213r1 ipd' : 'SP 800-213A',
    section: `${1 + (i % 3)}.${i % 5}`,
    page: String(1 + (i % 25)),
    lineStart: 10 + i,
    lineEnd: 12 + i,
    target: `s-1-p${i}`,
    type: (['E', 'G', 'T'] as const)[i % 3],
    comment: `Comment number ${i}: a rationale of a realistic length, saying what is unclear in this paragraph and why it matters to agencies.`,
    suggestion: `Suggested wording number ${i}.`,
    created: now,
    updated: now,
  }));
  localStorage.setItem(
    'iot-guidance-comments',
    JSON.stringify({ version: 2, commenter: { name: 'Bench', organization: 'Lab' }, comments }),
  );
}, N);

const time = async (what: string, fn: () => Promise<unknown>) => {
  const t = performance.now();
  await fn();
  console.log(`${what.padEnd(40)} ${(performance.now() - t).toFixed(0).padStart(6)} ms`);
};
await time(`reload and list ${N} comments`, async () => {
  await page.reload();
  await page
    .locator('.comment-item')
    .nth(Math.min(N, 500) - 1)
    .waitFor(); // the list shows 500 at a time
});
await time('filter by type (Technical)', async () => {
  await page.locator('#filter-type').selectOption('T');
  await page.locator('#comments-count').filter({ hasText: 'shown' }).waitFor();
});
await page.locator('#filter-type').selectOption('');
await time('delete one, then undo', async () => {
  await page.getByRole('button', { name: 'Delete comment 1', exact: true }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.locator('#comments-status').filter({ hasText: 'restored' }).waitFor();
});
await time('export CSV', () =>
  Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]),
);
await time('export XLSX (loads the writer)', () =>
  Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export XLSX (NIST template)' }).click(),
  ]),
);
await time('export XLSX again', () =>
  Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export XLSX (NIST template)' }).click(),
  ]),
);

/** Imports a file into an empty workspace; returns the time to the final message and the longest main-thread block. */
async function timedImport(
  name: string,
  mimeType: string,
  buffer: Buffer,
  done: RegExp,
): Promise<{ ms: number; blocked: number; during: string; message: string }> {
  const p = await context.newPage();
  await p.goto(site.url('comments/'));
  await clearWorkspace(p);
  await p.reload();
  await p.evaluate(() => {
    const w = window as unknown as { maxGap: number; last: number; during: string; status: string };
    w.maxGap = 0;
    w.last = performance.now();
    w.status = '';
    setInterval(() => {
      const t = performance.now();
      if (t - w.last > w.maxGap) {
        w.maxGap = t - w.last;
        w.during = w.status; // the progress line shown when the block began
      }
      w.last = t;
      w.status = document.querySelector('#comments-status')!.textContent ?? '';
    }, 10);
  });
  const t = performance.now();
  await p.locator('#import-file').setInputFiles({ name, mimeType, buffer });
  await p.locator('#comments-status').filter({ hasText: done }).waitFor({ timeout: 600_000 });
  const ms = performance.now() - t;
  const message = (await p.locator('#comments-status').textContent()) ?? '';
  const { blocked, during } = await p.evaluate(() => {
    const w = window as unknown as { maxGap: number; during: string };
    return { blocked: w.maxGap, during: w.during };
  });
  await p.close();
  return { ms, blocked, during, message };
}

const row = (i: number) => [
  String(i + 1),
  'Bench / Lab',
  (['E', 'G', 'T'] as const)[i % 3],
  String(1 + (i % 25)),
  String(10 + i),
  String(12 + i),
  `${1 + (i % 3)}.${i % 5}`,
  `Comment number ${i}: a rationale of a realistic length, saying what is unclear in this paragraph and why it matters to agencies.`,
  `Suggested wording number ${i}.`,
];
const now = new Date().toISOString();
const tenThousand = JSON.stringify({
  version: 3,
  commenter: { name: 'Bench', organization: 'Lab' },
  comments: Array.from({ length: 10_000 }, (_, i) => {
    const [, , type, page, ls, le, section, comment, suggestion] = row(i);
    return {
      id: `import-${i}`,
      document: 'SP 800-213r1 ipd',
      section,
      page,
      lineStart: Number(ls),
      lineEnd: Number(le),
      target: `s-1-p${i}`,
      type,
      comment,
      suggestion,
      created: now,
      updated: now,
      revision: 1,
    };
  }),
});
const json = await timedImport('ten-thousand.json', 'application/json', Buffer.from(tenThousand), /^(Imported|Cannot)/);
console.log(
  `${`import 10,000 comments (JSON, ${(tenThousand.length / 1e6).toFixed(1)} MB)`.padEnd(40)} ${json.ms.toFixed(0).padStart(6)} ms, main thread blocked at most ${json.blocked.toFixed(0)} ms (after "${json.during}"): ${json.message}`,
);

const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('Comments');
ws.addRow([
  'Comment #',
  'Commenter / Organization',
  'Type (E/G/T)',
  'Page #',
  'Starting Line #',
  'Ending Line #',
  'Section',
  'Comment (include rationale)',
  'Suggested Change',
]);
for (let i = 0; i < 50_000; i++) ws.addRow(row(i));
const book = Buffer.from(await wb.xlsx.writeBuffer());
const xlsx = await timedImport(
  'fifty-thousand.xlsx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  book,
  /^(Imported|Cannot)/,
);
console.log(
  `${`import 50,000-row XLSX (${(book.length / 1e6).toFixed(1)} MB)`.padEnd(40)} ${xlsx.ms.toFixed(0).padStart(6)} ms, main thread blocked at most ${xlsx.blocked.toFixed(0)} ms (after "${xlsx.during}"): ${xlsx.message.slice(0, 200)}`,
);

await browser.close();
await site.close();
