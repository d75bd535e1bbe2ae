/**
 * Debian's Chromium driven by playwright-core (Playwright's own browser
 * download does not work here). CHROMIUM_PATH overrides the executable.
 *
 * Every context and page the browser opens is watched: a Content-Security-Policy violation (the
 * `securitypolicyviolation` event, or Chromium's console error) or an uncaught page error is recorded, and
 * `expectCleanPages()` (called after each browser test) fails on any.
 */
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const problems: string[] = [];

function watch(context: BrowserContext): BrowserContext {
  void context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  context.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|CSP violation/i.test(msg.text()))
      problems.push(`${msg.page()?.url() ?? ''}: ${msg.text()}`);
  });
  context.on('weberror', (e) =>
    problems.push(`${e.page()?.url() ?? ''}: uncaught ${e.error().name}: ${e.error().message}`),
  );
  return context;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is not at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => watch(await newContext(options));
  browser.newPage = async (options) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.on('close', () => void context.close());
    return page;
  };
  return browser;
}

/** The CSP violations and page errors recorded since the last call (and forgets them). */
export function takePageProblems(): string[] {
  return problems.splice(0);
}

/** Fails when any page had a CSP violation or an uncaught error since the last check. */
export function expectCleanPages(): void {
  expect(takePageProblems(), 'CSP violations and uncaught page errors').toEqual([]);
}
