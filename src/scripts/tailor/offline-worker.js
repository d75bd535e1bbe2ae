// @ts-check
/**
 * The tailoring tool's service worker (the build prepends `const OFFLINE = {…}`, the list of files of
 * src/lib/site/tailor-offline.ts). Installing, it stores every listed file in the cache of this build's
 * version; activating, it deletes the caches of other versions and takes over the open tool pages. The
 * page and its data come from the network while it answers (a new build is seen at once), else from the
 * cache; the content-hashed scripts and stylesheets come from the cache. Nothing else is handled.
 */

/** @typedef {{ version: string, page: string, fresh: string[], hashed: string[], bytes: number }} OfflineList */
/** @typedef {Event & { waitUntil(p: Promise<unknown>): void }} ExtendableEvent */
/** @typedef {ExtendableEvent & { request: Request, respondWith(r: Promise<Response>): void }} FetchEvent */

/** @type {OfflineList} */
// @ts-expect-error: written by the build above this code.
const list = OFFLINE;
/** @type {any} */
const worker = self;
const PREFIX = 'iot-tailor-';
const CACHE = `${PREFIX}${list.version}`;
const fresh = new Set(list.fresh);
const hashed = new Set(list.hashed);

worker.addEventListener('install', (/** @type {ExtendableEvent} */ event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        cache.addAll([...list.fresh, ...list.hashed].map((url) => new Request(url, { cache: 'no-cache' }))),
      )
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (/** @type {ExtendableEvent} */ event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => worker.clients.claim()),
  );
});

/** @param {string} key @param {Request} request */
async function networkFirst(key, request) {
  try {
    const response = await fetch(request);
    if (response.ok) return response;
    return (await caches.match(key, { cacheName: CACHE })) ?? response;
  } catch (error) {
    const cached = await caches.match(key, { cacheName: CACHE });
    if (cached) return cached;
    throw error;
  }
}

/** @param {string} key @param {Request} request */
async function cacheFirst(key, request) {
  return (await caches.match(key, { cacheName: CACHE })) ?? fetch(request);
}

worker.addEventListener('fetch', (/** @type {FetchEvent} */ event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== location.origin) return;
  // The tool's page is one file whatever its query (?type=…&level=…).
  const key = url.pathname;
  if (request.mode === 'navigate') {
    if (key === list.page) event.respondWith(networkFirst(key, request));
    return;
  }
  if (fresh.has(key)) event.respondWith(networkFirst(key, request));
  else if (hashed.has(key)) event.respondWith(cacheFirst(key, request));
});
