/**
 * When the model file can be read. The build starts Astro while the model is
 * still being imported (Astro's setup and bundling do not read it) and hands it
 * a promise that resolves once the model JSON is written; Astro waits for it
 * before it resolves the guides' cross-references and before it renders a page
 * (astro.config.mjs). Elsewhere (npm run dev, Astro run on its own) nothing is
 * handed over and the file is there already.
 */

/** Shared through globalThis: the build script and Astro's bundle each have their own copy of this module. */
const KEY = Symbol.for('iot-guidance-site.model-ready');
const slot = globalThis as typeof globalThis & { [KEY]?: Promise<void> };

export function provideModelReady(ready: Promise<void>): void {
  ready.catch(() => {});
  slot[KEY] = ready;
}

export function modelReady(): Promise<void> {
  return slot[KEY] ?? Promise.resolve();
}
