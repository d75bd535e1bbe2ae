/**
 * The tailoring tool in Chromium, on a fresh build with SOURCE_DATE_EPOCH: a product type's defaults
 * give the build's own downloads byte for byte; the issue's scenario (no vendor cloud, a second
 * camera, LA-2 key, a support end date, availability HIGH) read back from the DOCX, XLSX and OSCAL
 * profile; the record and the link reproduce the state; a corrupt record is refused and leaves the
 * saves; axe; no request leaves the site; without JavaScript the page says so. Offline: once the page says
 * it is ready to export offline (its service worker stored the files the build lists, the page itself having
 * loaded none of the writers), the site's server is stopped and the DOCX, XLSX and OSCAL profile are still
 * written, and the page reloads from the cache; before that, an export offline says why it cannot start.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkAgainstSchema } from '../../src/lib/import/json-source.ts';
import { paths } from '../../src/lib/paths.ts';
import { Problems } from '../../src/lib/problems.ts';
import { readOfflineList } from '../../src/lib/site/tailor-offline.ts';
import { loadSourceManifest } from '../../src/lib/sources/source-manifest.ts';
import { expectCleanPages, launchBrowser } from '../support/browser.ts';
import { requireSourcesDir } from '../support/real-sources.ts';
import { runBuild } from '../support/run-build.ts';
import { type Served, serve } from '../support/static-server.ts';

const SOURCE_DATE_EPOCH = '1782820800';
let dir: string;
let dist: string;
let site: Served;
let browser: Browser;
let context: BrowserContext;
/** The pages' requests, and the service workers' (their own fetches, to store the tool for offline use). */
const requested: string[] = [];
const workerRequested: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'iot-tailor-'));
  dist = join(dir, 'dist');
  const r = runBuild({
    NIST_SOURCES_DIR: requireSourcesDir(),
    IOT_CACHE_DIR: join(dir, 'cache'),
    IOT_OUT_DIR: dist,
    SOURCE_DATE_EPOCH,
  });
  if (r.code !== 0) throw new Error(`build failed:\n${r.out.slice(-4000)}`);
  site = await serve(dist);
  browser = await launchBrowser();
  context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  context.on('request', (req) => (req.serviceWorker() ? workerRequested : requested).push(req.url()));
}, 300_000);

afterEach(expectCleanPages);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(site.url(path));
  await expect
    .poll(() => page.locator('[data-status]').textContent(), { timeout: 30_000 })
    .toMatch(/requirements, \d+ items, \d+ key\.$/);
  return page;
}

const status = (page: Page) => page.locator('[data-status]').textContent();

async function download(page: Page, name: string): Promise<Buffer> {
  // Each export starts with the button enabled (it is disabled while a file is written).
  await expect
    .poll(() => page.locator('[data-downloads]').getByRole('button', { name, exact: true }).isEnabled())
    .toBe(true);
  const [d] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.locator('[data-downloads]').getByRole('button', { name, exact: true }).click(),
  ]);
  return readFileSync((await d.path())!);
}

async function reason(page: Page, text: string) {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reason').fill(text);
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect.poll(() => dialog.isVisible()).toBe(false);
}

const FORMATS: [string, string][] = [
  ['Word (DOCX)', 'docx'],
  ['Excel (XLSX)', 'xlsx'],
  ['CSV', 'csv'],
  ['Markdown', 'md'],
  ['JSON', 'json'],
  ['OSCAL profile', 'oscal-profile.json'],
];

const LA2_WHY = 'Operators share consoles; per-user roles decide who may view and export evidence.';

describe('the tailoring tool', () => {
  it("given a product type's defaults, writes the build's downloads byte for byte, loading the writers on the first export only", async () => {
    const page = await context.newPage();
    await page.goto(site.url('products/ip-video-surveillance/'));
    await page.getByRole('link', { name: 'Tailor this product' }).first().click();
    await expect
      .poll(() => status(page), { timeout: 30_000 })
      .toMatch(/^Ready: IP video surveillance system\. \d+ requirements/);
    expect(requested.some((u) => u.includes('tailor-export') || u.includes('exceljs'))).toBe(false);
    for (const [button, ext] of FORMATS) {
      const bytes = await download(page, button);
      const built = readFileSync(
        join(dist, 'downloads/products/ip-video-surveillance', `ip-video-surveillance-moderate.${ext}`),
      );
      expect(bytes.equals(built), `${ext}: ${bytes.length} bytes, the build's ${built.length}`).toBe(true);
    }
    await page.close();
  }, 120_000);

  it('carries out the scenario and states it in the DOCX, XLSX and OSCAL profile', async () => {
    const page = await open('products/tailor/?type=ip-video-surveillance&level=moderate');
    await page.evaluate(() => localStorage.clear());
    await page.getByRole('button', { name: 'Remove Vendor cloud service' }).click();
    await expect.poll(() => status(page)).toMatch(/^Removed Vendor cloud service\. /);
    const add = page.locator('[data-add-component]');
    await add.getByLabel('New component name').fill('Thermal camera');
    await add.getByLabel('Type').selectOption('iot-device');
    await add.getByRole('button', { name: 'Add component' }).click();
    await expect.poll(() => status(page)).toMatch(/^Added Thermal camera\. /);
    await page.getByRole('button', { name: 'Mark key R-LA-2' }).click();
    await reason(page, LA2_WHY);
    await expect.poll(() => status(page)).toMatch(/^R-LA-2 marked key\. /);
    const date = page.getByLabel('Earliest support end date (date)');
    await date.fill('2031-12-31');
    await date.dispatchEvent('change');
    await expect.poll(() => status(page)).toMatch(/^Earliest support end date set to 2031-12-31\. /);
    await page.locator('[data-impact]').getByLabel('Availability').selectOption('HIGH');
    await expect.poll(() => status(page)).toMatch(/^Availability HIGH\. /);
    await expect(page.locator('[data-level-reason]').textContent()).resolves.toContain(
      'Impact level used: HIGH; HIGH is the high-water mark of the security category (availability HIGH).',
    );
    await expect(page.locator('[data-counts]').textContent()).resolves.toMatch(
      /^HIGH: \d+ requirements, .*Thermal camera: \d+ requirements/,
    );
    await expect(page.locator('[data-counts]').textContent()).resolves.not.toContain('Vendor cloud');

    // DOCX: no cloud requirement, the second camera, LA-2 key with the reason, the date, level HIGH with the reason.
    const docx = (await mammoth.extractRawText({ buffer: await download(page, 'Word (DOCX)') })).value;
    const [body, tailoring] = docx.split('13 Tailoring');
    expect(body).not.toContain('Vendor cloud');
    expect(body).toContain('Thermal camera');
    expect(body).toMatch(/R-LA-2 [^\n]+ {2}KEY/);
    expect(body).toContain('no such date shall be earlier than 2031-12-31');
    expect(body).toContain('Impact level HIGH (SP 800-53B HIGH baseline)');
    expect(tailoring).toContain(
      'Impact level used: HIGH; HIGH is the high-water mark of the security category (availability HIGH).',
    );
    expect(tailoring).toContain('SC = {(confidentiality, MODERATE), (integrity, MODERATE), (availability, HIGH)}');
    expect(tailoring).toContain('Components added: Thermal camera.');
    expect(tailoring).toContain('Components removed: Vendor cloud service');
    expect(tailoring).toMatch(new RegExp(`Marked key\\s+R-LA-2 [^\\n]+\\s+${LA2_WHY.replace(/[.;]/g, '\\$&')}`));

    // XLSX: LA-2 pass/fail in the evaluation, the second camera in the matrix, no cloud.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download(page, 'Excel (XLSX)')) as unknown as ArrayBuffer);
    const ev = wb.getWorksheet('Evaluation')!;
    const la2 = ev.getRows(1, ev.rowCount)!.find((r) => r.getCell(1).value === 'R-LA-2')!;
    expect(la2.getCell(3).value).toBe('yes');
    expect(la2.getCell(4).value).toBe('pass/fail');
    expect((la2.getCell(5).value as { formula: string }).formula).toMatch(/"PASS","FAIL"/);
    const matrix = wb.getWorksheet('Compliance matrix')!;
    const appliesTo = matrix.getColumn(3).values.map(String);
    expect(appliesTo.some((v) => v.includes('Thermal camera'))).toBe(true);
    expect(appliesTo.some((v) => v.includes('Vendor cloud'))).toBe(false);
    const instructions = wb.getWorksheet('Instructions')!.getColumn(1).values.map(String).join('\n');
    expect(instructions).toContain(`Marked key: R-LA-2`);
    expect(instructions).toContain(`Reason: ${LA2_WHY}`);

    // OSCAL: valid against the pinned 1.0.6 profile schema, the date in set-parameters, high impact.
    const profile = JSON.parse((await download(page, 'OSCAL profile')).toString('utf8'));
    const manifest = loadSourceManifest(paths.sourceManifest);
    const schema = JSON.parse(
      readFileSync(
        join(
          requireSourcesDir(),
          manifest.files.find((f) => f.kind === 'oscal-schema' && f.schemaFor === 'profile')!.file,
        ),
        'utf8',
      ),
    ) as object;
    const problems = new Problems();
    expect(
      checkAgainstSchema(profile, schema, 'OSCAL 1.0.6 profile schema', 'profile', problems),
      JSON.stringify(problems.errors.slice(0, 3)),
    ).toBe(true);
    expect(profile.profile.metadata.title).toContain('(high impact)');
    const sa22 = profile.profile.modify['set-parameters'].find(
      (p: { 'param-id': string }) => p['param-id'] === 'sa-22_prm_2',
    );
    expect(sa22.values).toEqual(['2031-12-31']);
    expect(profile.profile.imports[0]['include-controls'][0]['with-ids']).toContain('sa-22');

    // The record, the link and a named save reproduce the state.
    const record = (await download(page, 'Tailoring record')).toString('utf8');
    expect(JSON.parse(record)).toMatchObject({
      kind: 'iot-product-tailoring',
      version: 1,
      impact: { availability: 'HIGH' },
      values: { 'support-end-date': '2031-12-31' },
    });
    await page.locator('[data-save]').getByLabel('Save as').fill('Camera plan');
    await page.locator('[data-save]').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => status(page)).toBe('Saved as "Camera plan".');
    const link = page.url();
    expect(link).toMatch(/#t=[A-Za-z0-9_-]+$/);

    const again = await open(link.replace(site.origin, '').replace(/^\//, ''));
    expect((await download(again, 'Tailoring record')).toString('utf8')).toBe(record);
    await again.close();

    const fresh = await open('products/tailor/?type=small-office-router&level=low');
    const file = join(dir, 'record.json');
    writeFileSync(file, record);
    await fresh.locator('[data-open]').setInputFiles(file);
    await expect.poll(() => status(fresh)).toMatch(/^Opened the file "record\.json"\. /);
    expect((await download(fresh, 'Tailoring record')).toString('utf8')).toBe(record);
    await fresh.getByRole('button', { name: 'Open save Camera plan' }).click();
    expect((await download(fresh, 'Tailoring record')).toString('utf8')).toBe(record);
    await fresh.close();
    await page.close();
  }, 180_000);

  it('refuses a corrupt or newer record with a message naming what is wrong, and leaves the saves intact', async () => {
    const page = await open('products/tailor/?type=ip-video-surveillance&level=moderate');
    const before = (await download(page, 'Tailoring record')).toString('utf8');
    // Opening the page on a type starts from it: wait until the autosave holds that start before taking the snapshot.
    const autosaved = () =>
      page.evaluate(() =>
        JSON.stringify(JSON.parse(localStorage.getItem('iot-guidance-tailorings') ?? '{}').current ?? null),
      );
    await expect.poll(autosaved).toBe(JSON.stringify(JSON.parse(before)));
    const stored = await page.evaluate(() => localStorage.getItem('iot-guidance-tailorings'));
    expect(stored).toContain('Camera plan');
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        ...JSON.parse(before),
        components: [{ id: 'camera', type: 'toaster', name: 'IP camera', does: '' }],
      }),
    );
    await page.locator('[data-open]').setInputFiles(bad);
    await expect
      .poll(() => status(page))
      .toMatch(/^The file "bad\.json" is refused and nothing was changed: components\[0\]\.type: /);
    writeFileSync(bad, JSON.stringify({ ...JSON.parse(before), version: 2 }));
    await page.locator('[data-open]').setInputFiles(bad);
    await expect
      .poll(() => status(page))
      .toBe(
        'The file "bad.json" is refused and nothing was changed: version: the record is version 2, newer than this site reads (version 1); open it with the site that wrote it.',
      );
    writeFileSync(bad, '{"kind": "iot-product-tailoring", "version": 1,');
    await page.locator('[data-open]').setInputFiles(bad);
    await expect
      .poll(() => status(page))
      .toMatch(/^The file "bad\.json" is refused and nothing was changed: it is not JSON/);
    expect((await download(page, 'Tailoring record')).toString('utf8')).toBe(before);
    await expect(page.evaluate(() => localStorage.getItem('iot-guidance-tailorings'))).resolves.toBe(stored);
    await expect(page.locator('[data-saves]').textContent()).resolves.toContain('Camera plan');
    // A damaged link is refused the same way and the page starts from its type.
    const broken = await open('products/tailor/?type=ip-video-surveillance#t=AAAA');
    await expect(status(broken)).resolves.toMatch(
      /^The tailoring in this page's address is refused and nothing was changed: \(the link\): the link is damaged/,
    );
    await broken.close();
    await page.close();
  }, 120_000);

  it('labels every control and axe finds no serious or critical issue', async () => {
    const page = await open('products/tailor/?type=ip-video-surveillance&level=moderate');
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.length} ${v.nodes[0]?.target}`)).toEqual([]);
    await expect(page.locator('[data-status]').getAttribute('aria-live')).resolves.toBe('polite');
    await page.getByRole('button', { name: 'Mark key R-LA-2' }).click();
    const dialogResults = await new AxeBuilder({ page }).include('dialog').analyze();
    expect(
      dialogResults.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
    await page.keyboard.press('Escape');
    await page.close();
  }, 60_000);

  it('without JavaScript says so and links the fixed templates', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(site.url('products/tailor/'));
    const notice = page.locator('main .notice');
    await expect(notice.textContent()).resolves.toContain('The tailoring tool needs JavaScript.');
    await expect(notice.getByRole('link', { name: 'product type' }).getAttribute('href')).resolves.toBe('/products/');
    await noJs.close();
  });

  it('requested nothing outside the local server', () => {
    expect(requested.length).toBeGreaterThan(10);
    expect(
      [...requested, ...workerRequested].filter(
        (u) => !u.startsWith(site.origin) && !u.startsWith('blob:') && !u.startsWith('data:'),
      ),
    ).toEqual([]);
  });
});

describe('the tailoring tool offline', () => {
  const built = (ext: string) =>
    readFileSync(join(dist, 'downloads/products/ip-video-surveillance', `ip-video-surveillance-moderate.${ext}`));
  const offlineStatus = (page: Page) => page.locator('[data-offline]').textContent();

  it('stores its files for offline use without loading the writers into the page; with the server stopped it exports and reloads', async () => {
    const list = readOfflineList(dist);
    const stored = [...list.fresh, ...list.hashed];
    // The writers (DOCX and XLSX included) are in the export chunk; exceljs is not needed to export, so not stored.
    const writers = list.hashed.filter((u) => /tailor-export/.test(u));
    expect(writers.length, stored.join(' ')).toBeGreaterThanOrEqual(1);
    expect(stored.filter((u) => /exceljs|load-excel/.test(u))).toEqual([]);
    expect(list.fresh).toEqual(['/products/tailor/', '/products/tailor-data.json', '/products/tailor-texts.json']);
    // A server of its own (another origin: its own worker) to stop.
    const own = await serve(dist);
    const ctx = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const pageRequests: string[] = [];
    const workerRequests: string[] = [];
    ctx.on('request', (req) => (req.serviceWorker() ? workerRequests : pageRequests).push(new URL(req.url()).pathname));
    try {
      const page = await ctx.newPage();
      await page.goto(own.url('products/tailor/?type=ip-video-surveillance&level=moderate'));
      await expect.poll(() => status(page), { timeout: 30_000 }).toMatch(/^Ready: IP video surveillance system\. /);
      await expect.poll(() => offlineStatus(page), { timeout: 60_000 }).toMatch(/^Ready to export offline: /);
      await expect(page.locator('[data-offline]').getAttribute('aria-live')).resolves.toBe('polite');

      // The weight before the first export: the page fetched none of the writers nor the documents' texts; the worker did.
      expect(pageRequests.filter((p) => writers.includes(p) || p.endsWith('/tailor-texts.json'))).toEqual([]);
      expect(workerRequests.filter((p) => writers.includes(p))).toEqual(expect.arrayContaining(writers));
      const cached = await page.evaluate(async () => {
        const names = (await caches.keys()).filter((k) => k.startsWith('iot-tailor-'));
        const cache = await caches.open(names[0]!);
        return { names, files: (await cache.keys()).map((r) => new URL(r.url).pathname) };
      });
      expect(cached.names).toEqual([`iot-tailor-${list.version}`]);
      expect(cached.files.sort()).toEqual([...stored].sort());

      // The network really gone: the server is stopped.
      await own.close();
      await expect(fetch(own.url('products/tailor/'))).rejects.toThrow();

      const docx = await download(page, 'Word (DOCX)');
      expect(docx.equals(built('docx'))).toBe(true);
      expect((await mammoth.extractRawText({ buffer: docx })).value).toContain('IP video surveillance system');
      const xlsx = await download(page, 'Excel (XLSX)');
      expect(xlsx.equals(built('xlsx'))).toBe(true);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
      expect(wb.getWorksheet('Evaluation')!.rowCount).toBeGreaterThan(10);
      const oscal = await download(page, 'OSCAL profile');
      expect(oscal.equals(built('oscal-profile.json'))).toBe(true);
      expect(
        JSON.parse(oscal.toString('utf8')).profile.imports[0]['include-controls'][0]['with-ids'].length,
      ).toBeGreaterThan(10);
      await expect
        .poll(() => status(page))
        .toMatch(/^Downloaded ip-video-surveillance-moderate\.oscal-profile\.json\.$/);

      // Reloaded offline, the page, its script and data come from the cache, and the writers load from it again.
      await page.reload();
      await expect.poll(() => status(page), { timeout: 30_000 }).toMatch(/^Ready: IP video surveillance system\. /);
      await expect.poll(() => offlineStatus(page), { timeout: 30_000 }).toMatch(/^Ready to export offline: /);
      expect((await download(page, 'Word (DOCX)')).equals(built('docx'))).toBe(true);
      expect((await download(page, 'Excel (XLSX)')).equals(built('xlsx'))).toBe(true);
    } finally {
      await ctx.close();
      await own.close().catch(() => undefined);
    }
    expect([...pageRequests, ...workerRequests].every((p) => p.startsWith('/'))).toBe(true);
  }, 180_000);

  it('before the files are stored, an export offline says why it cannot start', async () => {
    const own = await serve(dist);
    // Service workers blocked: the page is never stored, as in a browser without them.
    const ctx = await browser.newContext({ acceptDownloads: true, serviceWorkers: 'block' });
    try {
      const page = await ctx.newPage();
      await page.goto(own.url('products/tailor/?type=ip-video-surveillance&level=moderate'));
      await expect.poll(() => status(page), { timeout: 30_000 }).toMatch(/^Ready: IP video surveillance system\. /);
      await own.close();
      await page.locator('[data-downloads]').getByRole('button', { name: 'Word (DOCX)', exact: true }).click();
      await expect
        .poll(() => status(page), { timeout: 30_000 })
        .toBe(
          'The file could not be written: the Word writer could not be loaded. The site does not answer (this browser may be offline) and this page was not yet stored for offline use. Reconnect and try again; once the Download section says "Ready to export offline", exports work without a connection.',
        );
      await expect(offlineStatus(page)).resolves.toBe('');
      // The tailoring record needs no writer.
      const [d] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-downloads]').getByRole('button', { name: 'Tailoring record', exact: true }).click(),
      ]);
      expect(JSON.parse(readFileSync((await d.path())!, 'utf8'))).toMatchObject({ kind: 'iot-product-tailoring' });
    } finally {
      await ctx.close();
      await own.close().catch(() => undefined);
    }
  }, 120_000);
});
