/**
 * Benchmark of the comment workspace with 500 comments, in Chromium over the
 * built site (run `npm run build` first): time to list them, to filter, to
 * delete one and undo, and to export CSV and XLSX. Prints figures.
 */
import { existsSync } from 'node:fs';
import { paths } from '../src/lib/paths.ts';
import { launchBrowser } from '../test/support/browser.ts';
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
  localStorage.setItem('iot-guidance-comments', JSON.stringify({ version: 2, commenter: { name: 'Bench', organization: 'Lab' }, comments }));
}, N);

const time = async (what: string, fn: () => Promise<unknown>) => {
  const t = performance.now();
  await fn();
  console.log(`${what.padEnd(40)} ${(performance.now() - t).toFixed(0).padStart(6)} ms`);
};
await time(`reload and list ${N} comments`, async () => {
  await page.reload();
  await page.locator('.comment-item').nth(N - 1).waitFor();
});
await time('filter by type (Technical)', async () => {
  await page.locator('#filter-type').selectOption('T');
  await page.locator('#comments-status').filter({ hasText: 'shown' }).waitFor();
});
await page.locator('#filter-type').selectOption('');
await time('delete one, then undo', async () => {
  await page.getByRole('button', { name: 'Delete comment 1', exact: true }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.locator('#comments-status').filter({ hasText: 'restored' }).waitFor();
});
await time('export CSV', () => Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]));
await time('export XLSX (loads the writer)', () => Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export XLSX (NIST template)' }).click()]));
await time('export XLSX again', () => Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export XLSX (NIST template)' }).click()]));
await browser.close();
await site.close();
