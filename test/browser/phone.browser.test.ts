/**
 * The site on a phone (375 × 812, Chromium through playwright-core): every kind of
 * page reads without sideways scrolling, its heading on the first screen, the
 * navigation behind a Menu button that works without JavaScript, tables scrolling
 * in their own boxes, targets of at least 24 × 24 px; and, on every kind of page,
 * accessible names that contain the visible label.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { requireSourcesDir } from '../support/real-sources.ts';
import { runBuild } from '../support/run-build.ts';
import { type Served, serve } from '../support/static-server.ts';
import { PAGE_KINDS } from '../support/page-kinds.ts';

let dir: string;
let site: Served;
let browser: Browser;
const PHONE = { width: 375, height: 812 };
const KINDS = PAGE_KINDS;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'iot-phone-'));
  const r = runBuild({
    NIST_SOURCES_DIR: requireSourcesDir(),
    IOT_CACHE_DIR: join(dir, 'cache'),
    IOT_OUT_DIR: join(dir, 'dist'),
  });
  if (r.code !== 0) throw new Error(`build failed:\n${r.out.slice(-4000)}`);
  site = await serve(join(dir, 'dist'));
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(
  path: string,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ viewport: PHONE, ...options });
  const page = await context.newPage();
  await page.goto(site.url(path));
  if (path.startsWith('search/')) await page.locator('#search-results li').first().waitFor();
  // The tailoring tool builds its controls once the catalog is read: check the page it shows then.
  if (path.startsWith('products/tailor/')) await page.locator('[data-status]', { hasText: /^Ready: / }).waitFor();
  return { page, context };
}

describe('every kind of page on a 375 px phone', () => {
  it.each(KINDS)(
    '%s (/%s): no sideways scrolling, the heading on the first screen, tables scroll in their own box, targets of 24 px',
    async (_kind, path) => {
      const { page, context } = await open(path);
      const m = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        width: document.documentElement.clientWidth,
        heading: document.querySelector('main h1')!.getBoundingClientRect().bottom,
        tablesPastEdge: [...document.querySelectorAll('main table')].filter((t) => {
          // A table wider than the screen must sit in a box that scrolls sideways (or scroll itself), within the screen.
          if (!t.getClientRects().length) return false;
          let box: Element | null = t;
          while (box && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
          const width = document.documentElement.clientWidth + 0.5;
          return box ? box.getBoundingClientRect().right > width : t.getBoundingClientRect().right > width;
        }).length,
      }));
      expect(m.scrollWidth).toBeLessThanOrEqual(m.width);
      expect(m.heading).toBeLessThanOrEqual(PHONE.height);
      expect(m.tablesPastEdge).toBe(0);
      const small = await new AxeBuilder({ page }).withRules(['target-size']).analyze();
      expect(small.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);
      await context.close();
    },
  );

  it('a wide table scrolls inside its box, which shows a shadow at the edge with more columns and takes keyboard focus', async () => {
    const { page, context } = await open('controls/ac/');
    const box = page.locator('.table-scroll').first();
    const s = await box.evaluate((el) => ({
      scrolls: el.scrollWidth > el.clientWidth,
      background: getComputedStyle(el).backgroundImage,
      tabIndex: (el as HTMLElement).tabIndex,
      label: el.getAttribute('aria-label'),
    }));
    expect(s.scrolls).toBe(true);
    expect(s.background).toContain('radial-gradient');
    expect(s.tabIndex).toBe(0);
    expect(s.label).toBe('Controls of the AC family');
    await context.close();
  });

  it('the navigation sits behind a Menu button that opens without JavaScript', async () => {
    const { page, context } = await open('controls/ac-2.7/', { javaScriptEnabled: false });
    const nav = page.getByRole('navigation', { name: 'Catalog' });
    await expect(nav.isVisible()).resolves.toBe(false);
    await page.getByText('Menu', { exact: true }).click();
    await expect(nav.isVisible()).resolves.toBe(true);
    await nav.getByRole('link', { name: 'Baselines' }).click();
    await page.waitForURL(/\/baselines\/$/);
    await context.close();
  });

  it('on a wide screen the navigation stands open beside the page, with no Menu button', async () => {
    const { page, context } = await open('controls/ac-2.7/', { viewport: { width: 1280, height: 900 } });
    await expect(page.getByRole('navigation', { name: 'Catalog' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('Menu', { exact: true }).isVisible()).resolves.toBe(false);
    await context.close();
  });

  it('search results start on the first screen; the filters fold behind a button, with boxes of 24 px', async () => {
    const { page, context } = await open('search/?q=audit+log&jump=no');
    const first = await page.locator('#search-results li').first().boundingBox();
    expect(first!.y + 24).toBeLessThanOrEqual(PHONE.height);
    const panel = page.locator('#search-filters-panel');
    await expect(panel.evaluate((el) => (el as HTMLDetailsElement).open)).resolves.toBe(false);
    await panel.locator('summary').click();
    const box = page.locator('#search-filters input[name="kind"][value="control"]');
    await expect(box.isVisible()).resolves.toBe(true);
    const size = await box.boundingBox();
    expect(Math.min(size!.width, size!.height)).toBeGreaterThanOrEqual(24);
    await context.close();
  });
});

describe('accessible names', () => {
  it.each(KINDS)("%s (/%s): every control's accessible name contains its visible label", async (_kind, path) => {
    const { page, context } = await open(path, { viewport: { width: 1280, height: 900 } });
    const mismatched = await page.evaluate(() => {
      const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
      return (
        [
          ...document.querySelectorAll<HTMLElement>(
            'a[aria-label], button[aria-label], summary[aria-label], [role="button"][aria-label]',
          ),
        ]
          .filter((el) => el.offsetParent !== null)
          .filter((el) => {
            // biome-ignore lint/performance/useDomNodeTextContent: the visible label is the rendered text, which innerText gives (textContent keeps hidden text)
            const visible = norm(el.innerText);
            // Symbols (¶, ↩) and numbers name nothing a voice user would say.
            return /[a-z]{2}/.test(visible) && !norm(el.getAttribute('aria-label')!).includes(visible);
          })
          // biome-ignore lint/performance/useDomNodeTextContent: the visible label as rendered, as above
          .map((el) => `"${el.innerText.trim()}" named "${el.getAttribute('aria-label')}"`)
      );
    });
    expect(mismatched).toEqual([]);
    await context.close();
  });
});
