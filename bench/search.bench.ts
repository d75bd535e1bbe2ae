/**
 * npm run bench:search (after npm run build): the search as a reader uses it,
 * in Chromium, over the built site served from a local port.
 *
 * Relevance: each query of search-queries.ts (fixed before any was run) typed
 * into /search/; the rank of the first result that is one of its expected
 * pages. Prints rank-1 share, top-3 share, mean reciprocal rank (a query whose
 * pages are not in the first 10 results counts 0), the queries that missed,
 * and every withdrawn control in the top 5 of a word query.
 * Targets: MRR >= 0.85, no withdrawn control in any word query's top 5.
 *
 * Latency: from the last keystroke to the first result on screen, for the
 * first query of a fresh page (the box focused, then the words typed at 80 ms
 * a key) and for later queries; median and worst. Target: under 300 ms.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Model } from '../src/lib/model/schemas/model.ts';
import { paths } from '../src/lib/paths.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { serve } from '../test/support/static-server.ts';
import { RELEVANCE_QUERIES } from './search-queries.ts';

const dist = process.env.IOT_OUT_DIR ?? paths.dist;
const model = JSON.parse(readFileSync(paths.modelJson, 'utf8')) as Model;
const withdrawn = new Set(model.controls.filter((c) => c.withdrawn).map((c) => `controls/${c.id}/`));

const site = await serve(dist);
const browser = await launchBrowser();
const pathOf = (href: string) => new URL(href, site.origin).pathname.replace(/^\//, '');

/** Types a query into the search box and waits until its results are on screen; returns the result paths and the latency. */
async function ask(page: Page, query: string): Promise<{ paths: string[]; ms: number }> {
  await page.locator('#search-input').fill('');
  await page.locator('#search-input').pressSequentially(query, { delay: 80 });
  // The time of the last keystroke, then of the first result on screen after it.
  const ms = await page.evaluate(
    (q) =>
      new Promise<number>((done, fail) => {
        const t0 = (window as unknown as { lastKey: number }).lastKey;
        const check = () => {
          const root = document.querySelector<HTMLElement>('#search')!;
          if (root.dataset.searched === q) done((window as unknown as { firstResultAt: number }).firstResultAt - t0);
          else if (performance.now() - t0 > 10_000) fail(new Error(`no results for ${q}`));
          else requestAnimationFrame(check);
        };
        check();
      }),
    query,
  );
  const hrefs = await page
    .locator('#search-results li > a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  return { paths: hrefs.map(pathOf), ms };
}

async function freshPage(): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { lastKey: number; firstResultAt: number };
    document.addEventListener(
      'input',
      () => {
        w.lastKey = performance.now();
        w.firstResultAt = NaN;
      },
      true,
    );
    new MutationObserver((records) => {
      const added = records.some(
        (r) => (r.target as Element).id === 'search-results' && [...r.addedNodes].some((n) => n.nodeName === 'LI'),
      );
      if (Number.isNaN(w.firstResultAt) && added) w.firstResultAt = performance.now();
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto(site.url('search/?jump=no'));
  return page;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// Cold: a fresh page per sample, the box focused, then the first query typed.
const cold: number[] = [];
for (const q of ['firmware update', 'audit log', 'password', 'key management', 'factory reset']) {
  const page = await freshPage();
  await page.locator('#search-input').focus();
  cold.push((await ask(page, q)).ms);
  await page.context().close();
}

const page = await freshPage();
await page.locator('#search-input').focus();
const rows: { query: string; rank: number; top5withdrawn: string[]; first: string }[] = [];
const warm: number[] = [];
for (const q of RELEVANCE_QUERIES) {
  const { paths: got, ms } = await ask(page, q.query);
  warm.push(ms);
  const rank = got.findIndex((p) => q.expect.includes(p.replace(/#.*$/, ''))) + 1;
  const top5withdrawn = q.kind === 'word' ? got.slice(0, 5).filter((p) => withdrawn.has(p.replace(/#.*$/, ''))) : [];
  rows.push({ query: q.query, rank, top5withdrawn, first: got[0] ?? '(none)' });
}
await browser.close();
await site.close();

const n = rows.length;
const share = (k: number) => rows.filter((r) => r.rank >= 1 && r.rank <= k).length / n;
const mrr = rows.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / n;
const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
console.log(
  `search relevance: ${n} queries; expected page first ${pct(share(1))}, in the top 3 ${pct(share(3))}, mean reciprocal rank ${mrr.toFixed(2)} (target 0.85)`,
);
for (const r of rows.filter((x) => x.rank !== 1))
  console.log(`  ${r.rank ? `rank ${r.rank}` : 'not in the first 10'}: "${r.query}" (first: ${r.first})`);
const bad = rows.filter((r) => r.top5withdrawn.length);
console.log(
  bad.length
    ? `withdrawn controls in the top 5 of ${bad.length} word queries: ${bad.map((r) => `"${r.query}" (${r.top5withdrawn.join(', ')})`).join('; ')}`
    : 'no withdrawn control in the top 5 of any word query',
);
console.log(
  `search latency, last keystroke to first result: first query of a fresh page median ${median(cold).toFixed(0)} ms (worst ${Math.max(...cold).toFixed(0)}); later queries median ${median(warm).toFixed(0)} ms (worst ${Math.max(...warm).toFixed(0)}) (target 300 ms)`,
);
