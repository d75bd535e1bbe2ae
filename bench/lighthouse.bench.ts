/**
 * npm run bench:lighthouse (after npm run build): Lighthouse (mobile preset:
 * simulated slow 4G and a mid-range phone) on one page of every kind of the
 * built site, served from a local port, driving Debian's Chromium
 * (CHROMIUM_PATH overrides /usr/bin/chromium). Prints the performance,
 * accessibility, best-practices and SEO scores with first contentful paint,
 * largest contentful paint, total blocking time and layout shift per page.
 * Targets: performance >= 95 and accessibility 100 on every page.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { paths } from '../src/lib/paths.ts';
import { CHROMIUM } from '../test/support/browser.ts';
import { PAGE_KINDS } from '../test/support/page-kinds.ts';
import { serve } from '../test/support/static-server.ts';

// Lighthouse scores a page that answers 200: the not-found page is read as the file the host serves for it.
const KINDS = PAGE_KINDS.map(([kind, path]): [string, string] => [kind, path === 'no-such-page/' ? '404.html' : path]);

const site = await serve(process.env.IOT_OUT_DIR ?? paths.dist);
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
  ],
});
const rows: string[][] = [];
const score = (c?: { score: number | null }) => (c?.score == null ? '–' : String(Math.round(c.score * 100)));
try {
  for (const [kind, path] of KINDS) {
    const result = await lighthouse(site.url(path), {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    const lhr = result!.lhr;
    const ms = (id: string) => `${((lhr.audits[id]?.numericValue ?? NaN) / 1000).toFixed(1)} s`;
    const failed = lhr.categories
      .accessibility!.auditRefs.filter(
        (r) => r.weight > 0 && lhr.audits[r.id]!.score !== null && lhr.audits[r.id]!.score! < 1,
      )
      .map((r) => r.id);
    rows.push([
      kind,
      `/${path}`,
      score(lhr.categories.performance),
      score(lhr.categories.accessibility),
      score(lhr.categories['best-practices']),
      score(lhr.categories.seo),
      ms('first-contentful-paint'),
      ms('largest-contentful-paint'),
      `${Math.round(lhr.audits['total-blocking-time']!.numericValue ?? 0)} ms`,
      (lhr.audits['cumulative-layout-shift']!.numericValue ?? 0).toFixed(3),
      failed.join(' '),
    ]);
    console.error(`  ${kind}: done`);
  }
} finally {
  await chrome.kill();
  await site.close();
}
const head = ['page', 'path', 'perf', 'a11y', 'best', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS', 'accessibility audits failed'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
for (const r of [head, ...rows])
  console.log(
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
const perf = rows.map((r) => Number(r[2]));
console.log(
  `Lighthouse mobile: performance ${Math.min(...perf)}–${Math.max(...perf)} (target 95 each), accessibility ${Math.min(...rows.map((r) => Number(r[3])))}–${Math.max(...rows.map((r) => Number(r[3])))} (target 100 each)`,
);
