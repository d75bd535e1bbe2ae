/**
 * The sizes the downloads page shows. The build writes the downloads beside
 * the Astro pages, so it hands the page a promise of their sizes (resolved
 * once the catalog downloads are written, or at once when they are cached);
 * the page awaits it. Elsewhere (npm run dev) the sizes are read from
 * IOT_DOWNLOADS_DIR, and a file not built yet has no size.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';

/** Shared through globalThis: the build script and Astro's bundle of the page each have their own copy of this module. */
const KEY = Symbol.for('iot-guidance-site.download-sizes');
type Sizes = Record<string, number>;
const slot = globalThis as typeof globalThis & { [KEY]?: Promise<Sizes> };

export function provideDownloadSizes(sizes: Promise<Sizes>): void {
  sizes.catch(() => {});
  slot[KEY] = sizes;
}

/** The sizes in bytes of `files` in `dir`, those that exist. */
export function sizesIn(dir: string, files: readonly string[]): Sizes {
  const out: Sizes = {};
  for (const f of files) {
    try {
      out[f] = statSync(join(dir, f)).size;
    } catch {
      // not written (yet)
    }
  }
  return out;
}

export async function downloadSizes(files: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Sizes> {
  const provided = slot[KEY];
  if (provided) return provided;
  return env.IOT_DOWNLOADS_DIR ? sizesIn(env.IOT_DOWNLOADS_DIR, files) : {};
}
