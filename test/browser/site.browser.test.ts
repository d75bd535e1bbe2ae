/**
 * The built site in a real browser (Debian Chromium through playwright-core),
 * served from a local port: pages, cross-links both ways, id search, filters,
 * no request leaving the local server, and axe over every kind of page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { requireSourcesDir } from '../support/real-sources.ts';
import { runBuild } from '../support/run-build.ts';
import { type Served, serve } from '../support/static-server.ts';

let dir: string;
let site: Served;
let browser: Browser;
const requested: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'iot-browser-'));
  const r = runBuild({ NIST_SOURCES_DIR: requireSourcesDir(), IOT_CACHE_DIR: join(dir, 'cache'), IOT_OUT_DIR: join(dir, 'dist') });
  if (r.code !== 0) throw new Error(`build failed:\n${r.out.slice(-4000)}`);
  site = await serve(join(dir, 'dist'));
  browser = await launchBrowser();
}, 300_000);

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
    const button = page.locator('#di-1\\.1').getByRole('button', { name: 'Copy DI-1.1 as a citation' });
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
    const button = page.locator('#di-1\\.1').getByRole('button', { name: 'Copy a link to DI-1.1' });
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Copied');
    expect(await page.evaluate(() => (window as unknown as { copied: string }).copied)).toBe(site.url('capabilities/di-1/#di-1.1'));
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
    await page.locator('a.tl-glossary', { hasText: /system element/i }).first().click();
    await page.waitForURL(/\/glossary\/#system-element$/);
    await page.locator('#system-element + dd a').click();
    await page.waitForURL(/\/guidance\/1\/#s-1-p\d+$/);
    await expect(page.locator(':target').textContent()).resolves.toContain('A system element is');
    await page.context().close();
  });
});

describe('product types', () => {
  it('switching the impact level changes the allocation matrix', async () => {
    const page = await open('products/ip-video-surveillance/');
    const visibleRows = () => page.locator('.level-section:visible table.matrix tbody tr').count();
    const moderate = await visibleRows();
    expect(moderate).toBeGreaterThan(10);
    await page.getByRole('navigation', { name: 'Impact level' }).getByRole('link', { name: 'HIGH' }).click();
    await expect.poll(() => page.locator('#level-high').isVisible()).toBe(true);
    const high = await visibleRows();
    expect(high).toBeGreaterThan(moderate);
    await page.getByRole('link', { name: 'LOW', exact: true }).click();
    await expect.poll(visibleRows).toBeLessThan(moderate);
    await page.context().close();
  });

  it('each download link serves a non-empty file of the right type', async () => {
    const page = await open('products/connected-infusion-pump/');
    const hrefs = await page.locator('#templates ~ table a[download]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs).toHaveLength(18);
    const magic: Record<string, (b: Buffer) => boolean> = {
      docx: (b) => b.subarray(0, 2).toString() === 'PK',
      xlsx: (b) => b.subarray(0, 2).toString() === 'PK',
      csv: (b) => b.toString('utf8').replace(/^\uFEFF/, '').startsWith('requirement,item,title,applies_to,'),
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

  it('lists the record an id names first, above the word results, fetching only that family\'s id list', async () => {
    const requests: string[] = [];
    const page = await open('search/?q=ac-2(7)&jump=no', requests);
    await page.locator('#search-status').filter({ hasText: 'result' }).waitFor();
    const first = page.locator('#search-results li').first().locator('a');
    await expect(first.getAttribute('href')).resolves.toBe('/controls/ac-2.7/');
    // A word search asks for no id list; neither loads Pagefind's worker (a second copy of its code).
    await page.locator('#search-input').fill('firmware integrity');
    await page.locator('#search-status').filter({ hasText: /^\d+ results?\.$/ }).waitFor();
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
    const label = await control.locator('xpath=..').textContent();
    const count = Number(label!.match(/\((\d+)\)/)![1]);
    expect(count).toBeGreaterThan(0);
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
    await expect.poll(async () => page.locator('#search-results li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toSatisfy((hs: (string | null)[]) => hs.length > 0 && hs.every((h) => /^\/controls\/ia[-/]/.test(h!)));
    await page.context().close();
  });
});

describe('accessibility and air-gap', () => {
  const SAMPLE = ['products/', 'products/ip-video-surveillance/', 'guidance/', 'guidance/2/', 'glossary/', 'guides/', 'guides/using-this-site/', '', 'controls/', 'controls/ac/', 'controls/ac-2/', 'controls/ac-2.10/', 'capabilities/', 'capabilities/di/', 'capabilities/di-1/', 'capabilities/doc-1/', 'baselines/', 'downloads/', 'search/?q=account&jump=no', 'no-such-page/'];

  it.each(SAMPLE)('axe finds no serious or critical issue on /%s', async (path) => {
    const page = await open(path);
    if (path.startsWith('search/')) await page.locator('#search-status').filter({ hasText: 'result' }).waitFor();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([]);
    await page.context().close();
  });

  it('no page requested anything outside the local server', () => {
    expect(requested.length).toBeGreaterThan(20);
    expect(requested.filter((u) => !u.startsWith(site.origin) && !u.startsWith('data:'))).toEqual([]);
  });
});
