/**
 * The key that lets Astro keep a page of the last build (experimental.incrementalBuild
 * in astro.config.mjs): Astro renders a page again only when the code it runs
 * (its modules, styles and scripts) or its `cacheKey` changed. A page built
 * from the model alone takes the model's digest as its key, so a change to the
 * model renders every such page again and an edit of a guide renders none of
 * them. A page that reads anything else (a guide, the build date, download
 * sizes) returns no key and is rendered on every build.
 */
import { modelDigest } from '../model/load-model.ts';

export function keyedByModel<T extends object>(paths: T[]): (T & { cacheKey: string })[] {
  const cacheKey = modelDigest();
  return paths.map((p) => ({ ...p, cacheKey }));
}
