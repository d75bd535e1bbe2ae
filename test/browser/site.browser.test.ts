/**
 * The built site in a real browser (Debian Chromium through playwright-core),
 * served from a local port: pages, cross-links both ways, id search, filters,
 * no request leaving the local server, and axe over every kind of page.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanPages, launchBrowser } from '../support/browser.ts';
import { requireSourcesDir } from '../support/real-sources.ts';
import { runBuild } from '../support/run-build.ts';
import { type Served, serve } from '../support/static-server.ts';

let dir: string;
let site: Served;
let browser: Browser;
const requested: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'iot-browser-'));
  const r = runBuild({
    NIST_SOURCES_DIR: requireSourcesDir(),
    IOT_CACHE_DIR: join(dir, 'cache'),
    IOT_OUT_DIR: join(dir, 'dist'),
  });
  if (r.code !== 0) throw new Error(`build failed:\n${r.out.slice(-4000)}`);
  site = await serve(join(dir, 'dist'));
  browser = await launchBrowser();
}, 300_000);

// Every page of every test: no Content-Security-Policy violation, no uncaught error.
afterEach(expectCleanPages);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(path: string, paths: string[] = []): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.on('request', (req) => {
    requested.push(req.url());
    paths.push(new URL(req.url()).pathname);
  });
  await page.goto(site.url(path));
  return page;
}

describe('catalog pages in the browser', () => {
  it('a control page shows its statement, its baselines and the elements that map to it', async () => {
    const page = await open('controls/ia-3/');
    await expect(page.locator('h1').textContent()).resolves.toContain('IA-3');
    await expect(page.locator('.statement').textContent()).resolves.toMatch(/\[Assignment: [^\]]+\]/);
    await expect(page.locator('.meta').first().textContent()).resolves.toMatch(/Baselines: MH moderate, high\./);
    const reverse = page.locator('#requirements ~ ul.reverse-links a, section[aria-labelledby="requirements"] ul a');
    expect(await reverse.allTextContents()).toEqual(expect.arrayContaining(['DI-1.1', 'DI-1.2']));
    await page.context().close();
  });

  it('following control → element → control round-trips', async () => {
    const page = await open('controls/ia-3/');
    await page.getByRole('link', { name: 'DI-1.1', exact: true }).click();
    await page.waitForURL(/\/capabilities\/di-1\/#di-1\.1$/);
    const card = page.locator('article#di-1\\.1');
    await expect(card.evaluate((el) => el.matches(':target'))).resolves.toBe(true);
    await card.getByRole('link', { name: 'IA-3', exact: true }).click();
    await page.waitForURL(/\/controls\/ia-3\/$/);
    await page.context().close();
  });

  it('copy buttons appear with JavaScript and copy a citation line', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(site.url('capabilities/di-1/'));
    const button = page.locator('#di-1\\.1').getByRole('button', { name: 'Copy citation of DI-1.1' });
    await button.click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^SP 800-213A DI-1\.1 — .+ — SP 800-53: IA-3$/);
    await context.close();
  });

  it('copy buttons still copy where the browser offers no Clipboard API (a site served over plain http)', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
      document.addEventListener('copy', (e) => {
        const area = e.target as HTMLTextAreaElement;
        (window as unknown as { copied: string }).copied = area.value.slice(area.selectionStart, area.selectionEnd);
      });
    });
    const page = await context.newPage();
    await page.goto(site.url('capabilities/di-1/'));
    const button = page.locator('#di-1\\.1').getByRole('button', { name: 'Copy link to DI-1.1' });
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Copied');
    expect(await page.evaluate(() => (window as unknown as { copied: string }).copied)).toBe(
      site.url('capabilities/di-1/#di-1.1'),
    );
    // The keyboard stays on the button.
    await expect(button.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await context.close();
  });
});

describe('the draft', () => {
  it('a paragraph anchor link lands on the paragraph and shows its page and margin lines', async () => {
    const page = await open('guidance/1/#s-1-p2');
    const block = page.locator('#s-1-p2');
    await expect(block.evaluate((el) => el.matches(':target'))).resolves.toBe(true);
    const box = await block.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(100);
    const where = block.locator('.g-where');
    await expect.poll(() => where.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await expect(where.textContent()).resolves.toMatch(/p\. \d+, lines \d+–\d+/);
    await page.context().close();
  });

  it('a glossary link from the text reaches the term, which links back to its defining paragraph', async () => {
    const page = await open('guidance/1/');
    await page
      .locator('a.tl-glossary', { hasText: /system element/i })
      .first()
      .click();
    await page.waitForURL(/\/glossary\/#system-element$/);
    await page.locator('#system-element + dd a').click();
    await page.waitForURL(/\/guidance\/1\/#s-1-p\d+$/);
    await expect(page.locator(':target').textContent()).resolves.toContain('A system element is');
    await page.context().close();
  });

  it('a nested list shows its sub-items inside their item, indented, with the markers the draft prints', async () => {
    for (const width of [1280, 375]) {
      const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
      await page.goto(site.url('guidance/3/'));
      // Section 3.1's first list: questions 1–6, question 3 with sub-items a–c.
      const list = page.locator('#s-3-1-l1');
      const markers = (items: ReturnType<Page['locator']>) =>
        items.evaluateAll((lis) => lis.map((li) => li.querySelector(':scope > .g-marker')?.textContent));
      await expect(markers(list.locator(':scope > ol > li'))).resolves.toEqual(['1.', '2.', '3.', '4.', '5.', '6.']);
      const third = list.locator(':scope > ol > li').nth(2);
      await expect(markers(third.locator(':scope > ol > li'))).resolves.toEqual(['a.', 'b.', 'c.']);
      await expect(third.locator(':scope > ol > li').first().textContent()).resolves.toMatch(/^a\.Personal data: /);
      expect(
        await list
          .locator(':scope > ol > li')
          .evaluateAll((lis) => lis.filter((li) => li.querySelector(':scope > ol')).length),
      ).toBe(1);
      // Sub-items sit to the right of their item's text, and each marker to the left of its text.
      const itemBox = (await third.boundingBox())!;
      const subBox = (await third.locator(':scope > ol > li').first().boundingBox())!;
      expect(subBox.x).toBeGreaterThan(itemBox.x + 16);
      const markerBox = (await third.locator(':scope > ol > li').first().locator('.g-marker').boundingBox())!;
      expect(markerBox.x + markerBox.width).toBeLessThanOrEqual(subBox.x);
      expect(markerBox.x).toBeGreaterThan(itemBox.x);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      const axe = await new AxeBuilder({ page })
        .include('#s-3-1-l1')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
        [],
      );
      await page.context().close();
    }
  });
});

describe('product types', () => {
  it('each impact level has its own page; the level switch links them and the matrix grows with the baseline', async () => {
    const page = await open('products/ip-video-surveillance/');
    await page.getByRole('link', { name: 'moderate impact' }).click();
    await expect.poll(() => page.url()).toMatch(/products\/ip-video-surveillance\/moderate\/$/);
    const rows = () => page.locator('table.matrix tbody tr').count();
    const moderate = await rows();
    expect(moderate).toBeGreaterThan(10);
    const levels = page.getByRole('navigation', { name: 'Impact level' });
    await expect.poll(() => levels.getByRole('link', { name: 'MODERATE' }).getAttribute('aria-current')).toBe('page');
    await levels.getByRole('link', { name: 'HIGH' }).click();
    await expect.poll(() => page.url()).toMatch(/\/high\/$/);
    expect(await rows()).toBeGreaterThanOrEqual(moderate);
    await page
      .getByRole('navigation', { name: 'Impact level' })
      .getByRole('link', { name: 'LOW', exact: true })
      .click();
    await expect.poll(rows).toBeLessThan(moderate);
    // Every requirement of the matrix is stated in full below it, with its items.
    const first = page.locator('table.matrix tbody tr th a').first();
    const target = (await first.getAttribute('href'))!;
    await first.click();
    await expect.poll(() => page.locator(`${target} p.items a`).count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('each download link serves a non-empty file of the right type', async () => {
    const page = await open('products/connected-infusion-pump/');
    const hrefs = await page
      .locator('#templates ~ .table-scroll table a[download]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs).toHaveLength(18);
    const magic: Record<string, (b: Buffer) => boolean> = {
      docx: (b) => b.subarray(0, 2).toString() === 'PK',
      xlsx: (b) => b.subarray(0, 2).toString() === 'PK',
      csv: (b) =>
        b
          .toString('utf8')
          .replace(/^\uFEFF/, '')
          .startsWith('requirement,item,title,applies_to,'),
      md: (b) => b.toString('utf8').startsWith('# '),
      'oscal-profile.json': (b) => 'profile' in JSON.parse(b.toString('utf8')),
      json: (b) => 'items' in JSON.parse(b.toString('utf8')),
    };
    for (const href of hrefs) {
      const res = await page.request.get(`${site.origin}${href}`);
      expect(res.status(), href).toBe(200);
      const body = await res.body();
      expect(body.length, href).toBeGreaterThan(100);
      const ext = Object.keys(magic).find((e) => href.endsWith(`.${e}`))!;
      expect(magic[ext]!(body), href).toBe(true);
    }
    await page.context().close();
  });
});

describe('search', () => {
  it.each([
    ['IA-3', /\/controls\/ia-3\/$/],
    ['ia 3', /\/controls\/ia-3\/$/],
    ['AC-2(7)', /\/controls\/ac-2\.7\/$/],
    ['ac-2.7', /\/controls\/ac-2\.7\/$/],
    ['DI-1.3', /\/capabilities\/di-1\/#di-1\.3$/],
  ])('typing the id %s in the header box lands on its page', async (query, url) => {
    const page = await open('baselines/');
    await page.getByRole('searchbox', { name: 'Search, or go to an id' }).fill(query);
    await page.keyboard.press('Enter');
    await page.waitForURL(url);
    await page.context().close();
  });

  it("lists the record an id names first, above the word results, fetching only that family's id list", async () => {
    const requests: string[] = [];
    const page = await open('search/?q=ac-2(7)&jump=no', requests);
    await page.locator('#search-status').filter({ hasText: 'result' }).waitFor();
    const first = page.locator('#search-results li').first().locator('a');
    await expect(first.getAttribute('href')).resolves.toBe('/controls/ac-2.7/');
    // A word search asks for no id list; neither loads Pagefind's worker (a second copy of its code).
    await page.locator('#search-input').fill('firmware integrity');
    await page
      .locator('#search-status')
      .filter({ hasText: /^\d+ results?\.$/ })
      .waitFor();
    await page.goto(page.url().replace(/\?.*/, '?q=account&jump=no'));
    await page.locator('#search-status').filter({ hasText: 'result' }).waitFor();
    expect(requests.filter((r) => r.includes('search-ids'))).toEqual(['/search-ids/sp800-53-ac.json']);
    expect(requests.filter((r) => r.includes('pagefind-worker'))).toEqual([]);
    await page.context().close();
  });

  it('filters narrow the results, with counts', async () => {
    const page = await open('search/?q=account&jump=no');
    const status = page.locator('#search-status');
    await status.filter({ hasText: 'result' }).waitFor();
    const all = Number((await status.textContent())!.match(/^(\d+)/)![1]);
    const control = page.locator('#search-filters input[name="kind"][value="control"]');
    // The filters' counts arrive after the results: wait for them, as a reader would.
    const countOf = async () => Number((await control.locator('xpath=..').textContent())?.match(/\((\d+)\)/)?.[1]);
    await expect.poll(countOf).toBeGreaterThan(0);
    const count = await countOf();
    const box = await control.elementHandle();
    await control.check();
    await expect.poll(async () => Number((await status.textContent())!.match(/^(\d+)/)?.[1])).toBe(count);
    // The boxes stay where they are (only their counts change), so the keyboard and screen reader stay on this one.
    await expect(box!.evaluate((el) => el.isConnected && el === document.activeElement)).resolves.toBe(true);
    expect(count).toBeLessThan(all);
    const hrefs = await page.locator('#search-results li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.every((h) => h!.startsWith('/controls/'))).toBe(true);
    // AND across filters: also family IA leaves only IA controls.
    await page.locator('#search-filters input[name="family"][value="IA"]').check();
    await expect
      .poll(async () => page.locator('#search-results li a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
      .toSatisfy((hs: (string | null)[]) => hs.length > 0 && hs.every((h) => /^\/controls\/ia[-/]/.test(h!)));
    await page.context().close();
  });
});

describe('search ranking and results', () => {
  const hrefs = (page: Page) =>
    page.locator('#search-results li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  const searched = (page: Page, q: string) => page.locator(`#search[data-searched="${q}"]`).waitFor();
  /** Presses "Show more" until every result is listed. */
  const showAll = async (page: Page) => {
    const items = page.locator('#search-results li');
    while (await page.locator('#search-more').count()) {
      const n = await items.count();
      await page.locator('#search-more').click();
      await expect.poll(() => items.count()).toBeGreaterThan(n);
    }
  };

  it('Pagefind loads when the search box gets focus, not before', async () => {
    const paths: string[] = [];
    const page = await open('search/', paths);
    await page.waitForLoadState('networkidle');
    expect(paths.filter((p) => p.includes('/pagefind/'))).toEqual([]);
    await page.locator('#search-input').focus();
    await expect.poll(() => paths.filter((p) => p.endsWith('/pagefind/pagefind.js')).length).toBe(1);
    await page.context().close();
  });

  it('leaves withdrawn controls out unless the reader asks for them', async () => {
    const model = JSON.parse(readFileSync(join(dir, 'cache/model/model.json'), 'utf8')) as {
      controls: { id: string; withdrawn: boolean }[];
    };
    const withdrawn = new Set(model.controls.filter((c) => c.withdrawn).map((c) => `/controls/${c.id}/`));
    const page = await open('search/?q=audit&jump=no');
    await searched(page, 'audit');
    const status = page.locator('#search-status');
    const shown = Number((await status.textContent())!.match(/^(\d+)/)![1]);
    await showAll(page);
    expect((await hrefs(page)).filter((h) => withdrawn.has(h))).toEqual([]);
    const box = page.getByRole('checkbox', { name: /Show withdrawn controls/ });
    const extra = Number((await box.locator('xpath=..').textContent())!.match(/\((\d+)\)/)![1]);
    expect(extra).toBeGreaterThan(0);
    await box.check();
    await expect.poll(async () => Number((await status.textContent())!.match(/^(\d+)/)?.[1])).toBe(shown + extra);
    await showAll(page);
    expect((await hrefs(page)).filter((h) => withdrawn.has(h))).toHaveLength(extra);
    await page.context().close();
  });

  it("a reader's word the catalog does not use (catalog/search-terms.yaml) leads to its record first", async () => {
    const page = await open('search/?q=factory+reset&jump=no');
    await searched(page, 'factory reset');
    expect((await hrefs(page))[0]).toBe('/capabilities/dc-5/');
    await expect(page.locator('#search-results li').first().textContent()).resolves.toContain('factory reset');
    await page.context().close();
  });

  it('when no page holds every word, shows the pages holding most of them and says so', async () => {
    // Both words are on the site ("lobbies" on one product type page), never on one page.
    const page = await open('search/?q=bluetooth+lobbies&jump=no');
    await searched(page, 'bluetooth lobbies');
    await expect(page.locator('#search-status').textContent()).resolves.toMatch(
      /^No page holds every word; \d+ results holding some of them/,
    );
    await expect(page.locator('#search-results li').first().textContent()).resolves.toMatch(
      /Holds (bluetooth; not lobbies|lobbies; not bluetooth)\./,
    );
    await page.context().close();
  });

  it('a paragraph of the draft is a result of its own, linking to it and showing its page and lines', async () => {
    const page = await open('search/?q=network+of+things&jump=no');
    await searched(page, 'network of things');
    const result = page
      .locator('#search-results li')
      .filter({ has: page.locator('a[href*="/guidance/"]') })
      .first();
    await expect(result.locator('a').getAttribute('href')).resolves.toMatch(/^\/guidance\/\d+\/#s-[\w-]+-p\d+$/);
    await expect(result.locator('.result-where').textContent()).resolves.toMatch(
      /^SP 800-213 Rev\. 1 draft, pp?\. \d+(–\d+)?, lines? \d+/,
    );
    await result.locator('a').click();
    await expect(page.locator(':target').textContent()).resolves.toMatch(/network/i);
    await page.context().close();
  });

  it('result titles are the id and the title, without list markers', async () => {
    const page = await open('search/?q=notify+customers&jump=no');
    await searched(page, 'notify customers');
    await showAll(page);
    const titles = await page.locator('#search-results li > a').allTextContents();
    expect(titles).toEqual(expect.arrayContaining([expect.stringMatching(/^DIS-2 The procedures/)]));
    expect(titles.filter((t) => /^[A-Z]{2,5}(-\d+)? (\d+|[A-Z])\. /.test(t))).toEqual([]);
    await page.context().close();
  });
});

describe('accessibility and air-gap', () => {
  const sample = [
    'products/',
    'products/ip-video-surveillance/',
    'products/ip-video-surveillance/moderate/',
    'guidance/',
    'guidance/2/',
    'glossary/',
    'guides/',
    'guides/using-this-site/',
    '',
    'controls/',
    'controls/ac/',
    'controls/ac-2/',
    'controls/ac-2.10/',
    'capabilities/',
    'capabilities/di/',
    'capabilities/di-1/',
    'capabilities/doc-1/',
    'baselines/',
    'downloads/',
    'search/?q=account&jump=no',
    'no-such-page/',
  ];

  it.each(sample)('axe finds no serious or critical issue on /%s', async (path) => {
    const page = await open(path);
    if (path.startsWith('search/')) await page.locator('#search-status').filter({ hasText: 'result' }).waitFor();
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      bad.map(
        (v) =>
          `${v.id}: ${v.help} (${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')})`,
      ),
    ).toEqual([]);
    await page.context().close();
  });

  it('no page requested anything outside the local server', () => {
    expect(requested.length).toBeGreaterThan(20);
    expect(requested.filter((u) => !u.startsWith(site.origin) && !u.startsWith('data:'))).toEqual([]);
  });
});
