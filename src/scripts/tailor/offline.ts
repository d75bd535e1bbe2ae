/**
 * Keeps the tailoring tool for offline use: once the tool is ready and the browser idle, registers its service
 * worker (written by the build, src/lib/site/tailor-offline.ts), which stores the page, its data and the
 * writers in Cache Storage without this page loading them; then says so. Where service workers are not
 * available (a page over http from another host than localhost, a browser that blocks them) nothing happens
 * and the exports load the writers from the network on the first one, as before.
 */

const idle = () =>
  new Promise<void>((resolve) =>
    'requestIdleCallback' in window
      ? requestIdleCallback(() => resolve(), { timeout: 5000 })
      : setTimeout(resolve, 1000),
  );

/** Resolves when the worker is activated; false when it failed (a file could not be stored). */
function activated(worker: ServiceWorker): Promise<boolean> {
  return new Promise((resolve) => {
    const check = () => {
      if (worker.state === 'activated') resolve(true);
      else if (worker.state === 'redundant') resolve(false);
      else return false;
      worker.removeEventListener('statechange', check);
      return true;
    };
    if (!check()) worker.addEventListener('statechange', check);
  });
}

/** Registers the worker; resolves true once it serves this page from a complete cache. */
export async function keepOffline(workerUrl: string, scope: string): Promise<boolean> {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return false;
  await idle();
  const container = navigator.serviceWorker;
  let registration: ServiceWorkerRegistration | undefined;
  try {
    registration = await container.register(workerUrl, { scope, updateViaCache: 'none' });
  } catch {
    return false;
  }
  // Some browsers that block service workers resolve the registration with nothing.
  if (!registration) return false;
  // A page loaded from the network may be newer than the worker: look for this build's worker first.
  await registration.update().catch(() => undefined);
  const newest = registration.installing ?? registration.waiting ?? registration.active;
  if (!newest || !(await activated(newest))) return false;
  if (container.controller !== newest) {
    await new Promise<void>((resolve) => {
      const done = () => {
        if (container.controller !== newest) return;
        container.removeEventListener('controllerchange', done);
        resolve();
      };
      container.addEventListener('controllerchange', done);
      done();
    });
  }
  return true;
}
