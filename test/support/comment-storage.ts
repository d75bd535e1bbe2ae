/**
 * The comment workspace's storage as a test sees it from outside the page: the IndexedDB database the site
 * writes (`iot-guidance-comments`: `workspace/current` holds the workspace as JSON text, `aside` the values
 * kept aside), and Chromium's storage quota for the site (DevTools protocol), to make the storage full.
 */
import type { CDPSession, Page } from 'playwright-core';
import { DB_NAME, DB_VERSION } from '../../src/scripts/comments/database.ts';

async function inDb<T>(page: Page, fn: string, arg?: unknown): Promise<T> {
  return page.evaluate(
    async ({ fn, arg, name, version }) => {
      const db: IDBDatabase = await new Promise((ok, no) => {
        const q = indexedDB.open(name, version);
        q.onupgradeneeded = () => {
          q.result.createObjectStore('workspace');
          q.result.createObjectStore('aside', { autoIncrement: true });
        };
        q.onsuccess = () => ok(q.result);
        q.onerror = () => no(q.error);
      });
      const req = <R>(r: IDBRequest<R>) =>
        new Promise<R>((ok, no) => {
          r.onsuccess = () => ok(r.result);
          r.onerror = () => no(r.error);
        });
      const t = db.transaction(['workspace', 'aside'], 'readwrite');
      const done = new Promise((ok, no) => {
        t.oncomplete = ok;
        t.onabort = () => no(t.error);
      });
      let result: unknown;
      if (fn === 'get') result = (await req(t.objectStore('workspace').get('current'))) ?? null;
      if (fn === 'aside')
        result = ((await req(t.objectStore('aside').getAll())) as { text: string }[]).map((r) => r.text);
      if (fn === 'put') t.objectStore('workspace').put(arg, 'current');
      if (fn === 'clear') {
        t.objectStore('workspace').clear();
        t.objectStore('aside').clear();
        localStorage.clear();
      }
      await done;
      db.close();
      return result as never;
    },
    { fn, arg, name: DB_NAME, version: DB_VERSION },
  );
}

/** The stored workspace's JSON text, or null. */
export const storedWorkspace = (page: Page) => inDb<string | null>(page, 'get');
/** The texts kept aside, oldest first. */
export const keptAside = (page: Page) => inDb<string[]>(page, 'aside');
/** Writes `raw` as the stored workspace, as a site version writing it would (then reload the page). */
export const putWorkspace = (page: Page, raw: string) => inDb<void>(page, 'put', raw);
/** Empties the workspace, the values kept aside and localStorage. */
export const clearWorkspace = (page: Page) => inDb<void>(page, 'clear');

/** Limits the site's storage quota to `bytes` (IndexedDB writes beyond it fail); without `bytes`, lifts the limit. */
export async function limitQuota(page: Page, bytes?: number): Promise<void> {
  // The override lasts as long as the DevTools session that set it: one session per page, kept open.
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    sessions.set(page, cdp);
  }
  const origin = new URL(page.url()).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', bytes === undefined ? { origin } : { origin, quotaSize: bytes });
}
const sessions = new WeakMap<Page, CDPSession>();
