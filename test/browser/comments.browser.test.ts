/** The comment workspace in Chromium: comment, reload, edit, delete with undo, export XLSX and JSON, import. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COMMENT_DOCUMENTS, COMMENT_TYPE_CODES, COMMENT_TYPES } from '../../src/lib/comments/comment-documents.ts';
import { expectCleanPages, launchBrowser } from '../support/browser.ts';
import { clearWorkspace, storedWorkspace } from '../support/comment-storage.ts';
import { requireSourcesDir } from '../support/real-sources.ts';
import { runBuild } from '../support/run-build.ts';
import { type Served, serve } from '../support/static-server.ts';

let dir: string;
let site: Served;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'iot-comments-'));
  const r = runBuild({
    NIST_SOURCES_DIR: requireSourcesDir(),
    IOT_CACHE_DIR: join(dir, 'cache'),
    IOT_OUT_DIR: join(dir, 'dist'),
  });
  if (r.code !== 0) throw new Error(`build failed:\n${r.out.slice(-4000)}`);
  site = await serve(join(dir, 'dist'));
  browser = await launchBrowser();
  context = await browser.newContext({ acceptDownloads: true });
}, 300_000);

// Every page of every test: no Content-Security-Policy violation, no uncaught error.
afterEach(expectCleanPages);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function comment(page: Page, button: ReturnType<Page['locator']>, text: string, suggestion: string) {
  await button.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Comment (include rationale)').fill(text);
  await dialog.getByLabel('Suggested change').fill(suggestion);
  await dialog.getByLabel('Your name').fill('A. Reviewer');
  await dialog.getByLabel('Organization').fill('Agency X');
  await dialog.getByRole('button', { name: 'Save comment' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
}

async function download(page: Page, name: string): Promise<Buffer> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return readFileSync((await d.path())!);
}

describe('the comment workspace', () => {
  it('comments on a paragraph and on an element, pre-filled, and keeps them across a reload', async () => {
    const page = await context.newPage();
    await page.goto(site.url('guidance/1/'));
    const paragraph = page.locator('#s-1-p2').getByRole('button', { name: 'Comment' });
    await paragraph.click();
    await expect(page.getByRole('dialog').locator('h2').textContent()).resolves.toMatch(
      /^Comment: SP 800-213r1 ipd, section 1, p\. 1, lines \d+-\d+$/,
    );
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await comment(page, paragraph, 'The paragraph mixes system and product.', 'Say "product" here.');
    await page.goto(site.url('capabilities/di-1/'));
    await comment(
      page,
      page.getByRole('button', { name: 'Comment on DI-1.1' }),
      'Also cover physical labels.',
      'Add "or physically".',
    );
    await page.goto(site.url('comments/'));
    await page.reload();
    const items = page.locator('#comments-list .comment-item');
    await expect.poll(() => items.count()).toBe(2);
    await expect(items.nth(0).textContent()).resolves.toMatch(
      /Technical · SP 800-213r1 ipd, 1, p\. 1, lines \d+–\d+ \(s-1-p2\)The paragraph mixes system and product\./,
    );
    await expect(items.nth(1).textContent()).resolves.toContain('SP 800-213A, DI-1');
    await page.close();
  });

  it('edits, deletes with undo, and reorders', async () => {
    const page = await context.newPage();
    await page.goto(site.url('comments/'));
    await page.getByRole('button', { name: 'Edit comment 2' }).click();
    await page
      .getByRole('dialog')
      .getByLabel('Comment (include rationale)')
      .fill('Also cover physical labels and markings.');
    await page.getByRole('dialog').getByRole('button', { name: 'Save comment' }).click();
    await expect
      .poll(() => page.locator('.comment-item').nth(1).locator('.comment-text').textContent())
      .toBe('Also cover physical labels and markings.');
    await page.getByRole('button', { name: 'Delete comment 1' }).click();
    await expect.poll(() => page.locator('.comment-item').count()).toBe(1);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('.comment-item').count()).toBe(2);
    await page.getByRole('button', { name: 'Move comment 2 up' }).click();
    await expect
      .poll(() => page.locator('.comment-item').first().locator('.comment-text').textContent())
      .toBe('Also cover physical labels and markings.');
    await page.getByRole('button', { name: 'Move comment 1 down' }).click();
    await expect
      .poll(() => page.locator('.comment-item').first().locator('.comment-text').textContent())
      .toBe('The paragraph mixes system and product.');
    await page.close();
  });

  it("exports XLSX in NIST's template layout, readable by exceljs", async () => {
    const page = await context.newPage();
    await page.goto(site.url('comments/'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download(page, 'Export XLSX (NIST template)')) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Comment #',
      'Commenter / Organization',
      'Type (E/G/T)',
      'Page #',
      'Starting Line #',
      'Ending Line #',
      'Section',
      'Comment (include rationale)',
      'Suggested Change',
      'Document',
      'Target',
      'Link',
      'Comment ID',
      'Created',
      'Updated',
    ]);
    const row = (ws.getRow(2).values as unknown[]).slice(1);
    expect(row.slice(0, 4)).toEqual(['1', 'A. Reviewer / Agency X', 'T', '1']);
    expect(row.every((v) => typeof v === 'string')).toBe(true);
    expect(row[6]).toBe('1');
    expect(row.slice(7, 11)).toEqual([
      'The paragraph mixes system and product.',
      'Say "product" here.',
      'SP 800-213r1 ipd',
      's-1-p2',
    ]);
    expect(row[11]).toBe('/guidance/1/#s-1-p2');
    expect(ws.rowCount).toBe(3);
    await page.close();
  });

  it('a JSON export, storage cleared, then imported, gives back the same comments; importing again finds duplicates', async () => {
    const page = await context.newPage();
    await page.goto(site.url('comments/'));
    const json = await download(page, 'Export JSON (backup)');
    const before = JSON.parse(json.toString('utf8'));
    await clearWorkspace(page);
    await page.reload();
    await expect.poll(() => page.locator('.comment-item').count()).toBe(0);
    const file = join(dir, 'comments.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, json);
    await page.locator('#import-file').setInputFiles(file);
    await expect.poll(() => page.locator('#comments-status').textContent()).toMatch(/Imported 2 comments/);
    const after = JSON.parse((await storedWorkspace(page))!);
    expect(after.comments).toEqual(before.comments);
    expect(after.commenter).toEqual(before.commenter);
    await page.locator('#import-file').setInputFiles(file);
    await expect
      .poll(() => page.locator('#comments-status').textContent())
      .toMatch(/Imported 0 comments; 2 already here, skipped/);
    await page.close();
  });

  it("lists NIST's questions to reviewers, each with a Comment action", async () => {
    const page = await context.newPage();
    await page.goto(site.url('comments/'));
    const questions = page.locator('#questions ~ ol li, section[aria-labelledby="questions"] ol li');
    expect(await questions.count()).toBeGreaterThanOrEqual(4);
    await expect(questions.first().getByRole('button', { name: 'Comment on question 1' }).isVisible()).resolves.toBe(
      true,
    );
    await page.close();
  });

  it('the filters and the form offer the documents and types of comment-documents.ts', async () => {
    const page = await context.newPage();
    await page.goto(site.url('comments/'));
    const options = (select: string) =>
      page
        .locator(`${select} option`)
        .evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    // The workspace fills its filters and the form its type list once their scripts ran: wait for them.
    await page.locator('#filter-document option').nth(1).waitFor({ state: 'attached' });
    await expect(options('#filter-document')).resolves.toEqual([['', 'All'], ...COMMENT_DOCUMENTS.map((d) => [d, d])]);
    await expect(options('#filter-type')).resolves.toEqual([
      ['', 'All'],
      ...COMMENT_TYPE_CODES.map((t) => [t, COMMENT_TYPES[t]]),
    ]);
    await page.getByRole('button', { name: 'Comment on question 1' }).click();
    await page.locator('#comment-type option').first().waitFor({ state: 'attached' });
    await expect(options('#comment-type')).resolves.toEqual(
      COMMENT_TYPE_CODES.map((t) => [t, `${COMMENT_TYPES[t]} (${t})`]),
    );
    // The form is a <comment-form> element of its own, gone once closed.
    await expect(page.locator('comment-form dialog[open]').count()).resolves.toBe(1);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.locator('comment-form').count()).toBe(0);
    await page.close();
  });

  it("without JavaScript the comment and copy buttons stay hidden and take no room; the widgets' pages still read", async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    for (const path of ['guidance/1/', 'capabilities/di-1/', 'comments/']) {
      await page.goto(site.url(path));
      await expect(page.locator('comment-button').count()).resolves.toBeGreaterThan(0);
      const shown = await page
        .locator('comment-button, copy-buttons, .g-comment, .copy-button')
        .evaluateAll((els) => els.filter((el) => el.getClientRects().length > 0).length);
      expect(shown, path).toBe(0);
    }
    await expect(page.locator('noscript').textContent()).resolves.toContain('The comment workspace needs JavaScript.');
    await expect(page.getByRole('heading', { name: 'Your comments' }).isVisible()).resolves.toBe(true);
    await noJs.close();
  });
});

describe('the comment workspace, more', () => {
  it('an XLSX export imports back into an empty workspace', async () => {
    const page = await context.newPage();
    await page.goto(site.url('comments/'));
    await expect.poll(() => page.locator('.comment-item').count()).toBe(2);
    const xlsx = await download(page, 'Export XLSX (NIST template)');
    await clearWorkspace(page);
    await page.reload();
    const file = join(dir, 'comments.xlsx');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, xlsx);
    await page.locator('#import-file').setInputFiles(file);
    await expect.poll(() => page.locator('#comments-status').textContent()).toMatch(/Imported 2 comments/);
    const texts = await page.locator('.comment-item .comment-text').allTextContents();
    expect(texts).toEqual(['The paragraph mixes system and product.', 'Also cover physical labels and markings.']);
    expect(JSON.parse((await storedWorkspace(page))!).commenter).toEqual({
      name: 'A. Reviewer',
      organization: 'Agency X',
    });
    await page.close();
  });

  it('a draft survives closing the tab', async () => {
    const page = await context.newPage();
    await page.goto(site.url('capabilities/di/'));
    await page.getByRole('button', { name: /^Comment on DI / }).click();
    await page.getByRole('dialog').getByLabel('Comment (include rationale)').fill('Half-written thought');
    await page.close();
    const again = await context.newPage();
    await again.goto(site.url('capabilities/di/'));
    await again.getByRole('button', { name: /^Comment on DI / }).click();
    await expect(again.getByRole('dialog').getByLabel('Comment (include rationale)').inputValue()).resolves.toBe(
      'Half-written thought',
    );
    await again.close();
  });
});
