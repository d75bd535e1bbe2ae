/**
 * The build's data stages, shared by the npm scripts:
 * pinned sources → fetched files → validated model (→ pages, downloads).
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Model } from './model/schemas/model.ts';
import { nistSourcesDir, paths } from './paths.ts';
import { type FetchedSource, fetchSources } from './sources/fetch-sources.ts';
import { loadSourceManifest } from './sources/source-manifest.ts';

export function readManifest() {
  return loadSourceManifest(paths.sourceManifest, 'catalog/sources.json');
}

/** Makes every pinned source available in .cache/sources (from NIST_SOURCES_DIR, or downloaded). */
export async function ensureSources(log: (line: string) => void = () => {}): Promise<FetchedSource[]> {
  const sourcesDir = nistSourcesDir();
  log(
    sourcesDir
      ? `Sources from NIST_SOURCES_DIR=${sourcesDir}`
      : 'Sources: NIST_SOURCES_DIR is not set, downloading what is not cached',
  );
  return fetchSources(readManifest(), { cacheDir: paths.sourcesCache, sourcesDir, log });
}

/** Imports and validates the model from the fetched sources (the importers are loaded only here: half a second). */
export async function importModel(): Promise<Model> {
  const { buildModel } = await import('./model/build-model.ts');
  return buildModel({
    manifest: readManifest(),
    sourcesRoot: paths.sourcesCache,
    capabilitiesPath: paths.capabilities,
    capabilitiesName: 'catalog/capabilities.yaml',
    glossaryPath: paths.glossary,
    productTypesDir: paths.productTypes,
    procurementDir: paths.procurement,
    commentTemplatePath: paths.commentTemplate,
    searchTermsPath: paths.searchTerms,
  });
}

/** The pinned OSCAL JSON schemas, from the fetched sources. */
export function oscalSchemas(manifest = readManifest()): { catalog: object; profile: object } {
  const read = (what: 'catalog' | 'profile') => {
    const s = manifest.files.find((f) => f.kind === 'oscal-schema' && f.schemaFor === what)!;
    return JSON.parse(readFileSync(join(paths.sourcesCache, s.file), 'utf8')) as object;
  };
  return { catalog: read('catalog'), profile: read('profile') };
}

/** Writes the model where the Astro pages read it. */
export async function writeModelJson(model: Model, file = paths.modelJson): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, JSON.stringify(model));
  await rename(`${file}.tmp`, file);
}

/** Replaces `target` with `staging` in one step, so a failed build never leaves a half-written site. */
export async function publish(staging: string, target: string): Promise<void> {
  const previous = `${staging}-previous`;
  await rm(previous, { recursive: true, force: true });
  try {
    await rename(target, previous);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  try {
    await rename(staging, target);
  } catch (e) {
    // Put the previous site back before failing.
    await rename(previous, target).catch(() => {});
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'EXDEV'
        ? `cannot move the built site into ${target}: it is on another file system than ${staging}; set IOT_CACHE_DIR on the same file system as the output folder`
        : `cannot move the built site into ${target}: ${(e as Error).message}`,
    );
  }
  await rm(previous, { recursive: true, force: true });
}
