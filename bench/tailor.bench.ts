/**
 * Benchmark of the tailoring tool (/products/tailor/) over the built site (run `npm run build`
 * first). Prints figures:
 * - weight before the first export: the page, its stylesheet, its script with the modules it
 *   imports statically, and the data it fetches, gzipped (level 9); and what the first export adds;
 * - what the tool's service worker stores in the background for offline use (the build's list,
 *   products/tailor/offline-sw.js): its files and bytes, raw and gzipped (not loaded by the page);
 * - in Chromium: how long a change takes to update the list (remove a component, mark a
 *   requirement key), median of BENCH_RUNS (default 5);
 * - how long a DOCX takes for IP video surveillance at HIGH with requirements added until there
 *   are 100 or the catalog has no more (first export, with the writers' loading, and later ones).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { paths } from '../src/lib/paths.ts';
import { readOfflineList } from '../src/lib/site/tailor-offline.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { serve } from '../test/support/static-server.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const dist = paths.dist;
if (!existsSync(join(dist, 'products/tailor/index.html'))) throw new Error('Build the site first: npm run build');

const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const fileOf = (url: string) => join(dist, url.replace(/^\//, ''));

// ---------------------------------------------------------------- weight
const html = readFileSync(join(dist, 'products/tailor/index.html'), 'utf8');
const rows: [string, number, number][] = [];
const add = (name: string, body: Buffer) => rows.push([name, body.length, gz(body)]);
add('products/tailor/index.html', Buffer.from(html));
for (const m of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) add(m[1]!, readFileSync(fileOf(m[1]!)));
/** A script and what it imports statically (not `import()`: that loads on first export). */
const seen = new Set<string>();
const walk = (url: string) => {
  if (seen.has(url)) return;
  seen.add(url);
  const body = readFileSync(fileOf(url));
  add(url, body);
  const text = body.toString('utf8').replace(/__vite__mapDeps\([^)]*\)/g, '');
  for (const m of text.matchAll(/(?:^|[;\s}])import\s*(?:[^'"();]*?from\s*)?["'](\.\/[^"']+)["']/g))
    walk(new URL(m[1]!, `http://x${url}`).pathname);
};
for (const m of html.matchAll(/<script type="module" src="([^"]+)"/g)) walk(m[1]!);
add('products/tailor-data.json (fetched)', readFileSync(join(dist, 'products/tailor-data.json')));
const before = rows.reduce((n, r) => n + r[2], 0);
console.log('Before the first export (gzip -9):');
for (const [name, raw, z] of rows) console.log(`  ${name.padEnd(70)} ${kb(raw).padStart(10)} ${kb(z).padStart(9)}`);
console.log(`  ${'total'.padEnd(70)} ${''.padStart(10)} ${kb(before).padStart(9)}   (target at most 80 KB)`);

// ---------------------------------------------------------------- stored for offline use
const offline = readOfflineList(dist);
const base = offline.page.slice(0, -'products/tailor/'.length);
const stored = [...offline.fresh, ...offline.hashed].map((url): [string, Buffer] => {
  const file = url.slice(base.length);
  return [url, readFileSync(join(dist, file.endsWith('/') ? `${file}index.html` : file))];
});
const storedRaw = stored.reduce((n, [, b]) => n + b.length, 0);
const storedGz = stored.reduce((n, [, b]) => n + gz(b), 0);
console.log(
  `\nStored by the service worker in the background, once the page is idle (cache iot-tailor-${offline.version}; fetched by the worker, not loaded by the page):`,
);
for (const [url, body] of stored)
  console.log(`  ${url.padEnd(70)} ${kb(body.length).padStart(10)} ${kb(gz(body)).padStart(9)}`);
console.log(
  `  ${`total, ${stored.length} files`.padEnd(70)} ${kb(storedRaw).padStart(10)} ${kb(storedGz).padStart(9)}`,
);

// ---------------------------------------------------------------- in Chromium
const site = await serve(dist);
const browser = await launchBrowser();
const context = await browser.newContext({ acceptDownloads: true });
const exportBytes: { url: string; bytes: number }[] = [];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function ready(path: string) {
  const page = await context.newPage();
  await page.goto(site.url(path));
  await page.waitForFunction(
    () => /items, \d+ key\.$/.test(document.querySelector('[data-status]')?.textContent ?? ''),
    null,
    { timeout: 60_000 },
  );
  return page;
}

/** Milliseconds from the action to the list's re-render (the status line changes in the same task). */
const timed = (page: Awaited<ReturnType<typeof ready>>, action: string) =>
  page.evaluate((code) => {
    const t0 = performance.now();
    new Function(code)();
    return performance.now() - t0;
  }, action);

// The first visit: from the navigation to "Ready to export offline" (the worker installed with its files stored).
{
  const t0 = performance.now();
  const page = await ready('products/tailor/?type=ip-video-surveillance&level=moderate');
  await page.waitForFunction(
    () => /^Ready to export offline/.test(document.querySelector('[data-offline]')?.textContent ?? ''),
    null,
    { timeout: 120_000 },
  );
  console.log(
    `\nIn Chromium, first visit: ready to export offline ${(performance.now() - t0).toFixed(0)} ms after the navigation`,
  );
  await page.close();
}

const removes: number[] = [];
const keys: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const page = await ready('products/tailor/?type=ip-video-surveillance&level=moderate');
  removes.push(await timed(page, `document.querySelector('[aria-label="Remove Vendor cloud service"]').click()`));
  await page.getByRole('button', { name: 'Mark key R-LA-2' }).click();
  await page.getByRole('dialog').getByLabel('Reason').fill('Operators share consoles.');
  // The dialog closes, its close event resolves the reason, the change renders: awaited up to the new status.
  keys.push(
    await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const status = document.querySelector('[data-status]')!;
          const t0 = performance.now();
          new MutationObserver(() => resolve(performance.now() - t0)).observe(status, {
            childList: true,
            characterData: true,
            subtree: true,
          });
          document
            .querySelector<HTMLFormElement>('[data-dialog-form]')!
            .requestSubmit(document.querySelector<HTMLButtonElement>('[data-dialog-form] button[value=ok]')!);
        }),
    ),
  );
  await page.close();
}
console.log(`\nIn Chromium (median of ${RUNS}; target under 100 ms):`);
console.log(
  `  remove a component (IP video surveillance, moderate)        ${median(removes).toFixed(0).padStart(5)} ms   (all: ${removes.map((x) => x.toFixed(0)).join(', ')})`,
);
console.log(
  `  mark a requirement key (dialog's OK to the new list)       ${median(keys).toFixed(0).padStart(5)} ms   (all: ${keys.map((x) => x.toFixed(0)).join(', ')})`,
);

// A DOCX of at least 100 requirements (its writers come from the worker's cache, stored at the first visit): the largest type at HIGH, then unselected requirements added.
const page = await ready('products/tailor/?type=ip-video-surveillance&level=high');
page.on('response', async (r) => {
  if (!/tailor-export|exceljs|tailor-texts|docx/.test(r.url())) return;
  exportBytes.push({ url: new URL(r.url()).pathname, bytes: (await r.body()).length });
});
const count = () =>
  page.evaluate(() => Number(/(\d+) requirements/.exec(document.querySelector('[data-counts]')!.textContent!)![1]));
await page.locator('.tailor-more summary').click();
// Every requirement of the catalog, when it has fewer than 100.
while ((await count()) < 100 && (await page.locator('[data-unselected] button').count()) > 0) {
  await page.locator('[data-unselected] button').first().click();
  await page.getByRole('dialog').getByLabel('Reason').fill('Added for the benchmark.');
  await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
  await page.waitForFunction(() => !document.querySelector('dialog')!.open);
}
const n = await count();
const docx = async () => {
  const t0 = performance.now();
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator('[data-format=docx]').click()]);
  await d.path();
  return performance.now() - t0;
};
const first = await docx();
const later: number[] = [];
for (let i = 0; i < RUNS; i++) later.push(await docx());
console.log(`  DOCX of ${n} requirements, first (loads the writers)        ${first.toFixed(0).padStart(5)} ms`);
console.log(
  `  DOCX of ${n} requirements, later (median of ${RUNS})               ${median(later).toFixed(0).padStart(5)} ms   (target under 1 s)`,
);
console.log(
  `\nLoaded on the first export (raw bytes): ${exportBytes.map((e) => `${e.url} ${kb(e.bytes)}`).join(', ') || 'none seen'}`,
);
await browser.close();
await site.close();
