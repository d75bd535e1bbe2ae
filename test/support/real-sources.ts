/**
 * The real NIST sources for integration tests: NIST_SOURCES_DIR names the
 * folder of byte-exact copies (CI sets ../shared/nist). Without it, and without
 * a build's cache, the tests fail with a message saying so; they are never skipped.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildModel } from '../../src/lib/model/build-model.ts';
import type { Model } from '../../src/lib/model/schemas/model.ts';
import { nistSourcesDir, paths } from '../../src/lib/paths.ts';
import { fetchSources } from '../../src/lib/sources/fetch-sources.ts';
import { loadSourceManifest } from '../../src/lib/sources/source-manifest.ts';

/**
 * The folder to read the real sources from: NIST_SOURCES_DIR, or else the
 * build's own cache (.cache/sources) once `npm run build` has filled it.
 */
export function requireSourcesDir(): string {
  const dir = nistSourcesDir() ?? (existsSync(paths.sourcesCache) ? paths.sourcesCache : undefined);
  if (!dir) {
    throw new Error(
      'The integration tests read the real NIST sources: set NIST_SOURCES_DIR to their folder (NIST_SOURCES_DIR=../shared/nist npm test), or run "npm run build" first so that .cache/sources holds them.',
    );
  }
  return dir;
}

let model: Promise<Model> | undefined;

/** Fetches (hash-checked) the real sources into a temporary cache and builds the model, once per test file. */
export function realModel(): Promise<Model> {
  model ??= (async () => {
    const manifest = loadSourceManifest(paths.sourceManifest);
    const cacheDir = mkdtempSync(join(tmpdir(), 'iot-real-'));
    await fetchSources(manifest, {
      cacheDir,
      sourcesDir: requireSourcesDir(),
      fetchImpl: () => Promise.reject(new Error('integration tests never download')),
    }).catch((e) => {
      throw new Error(
        `The real sources are incomplete or do not match their pins; set NIST_SOURCES_DIR to the folder of NIST source files.\n${(e as Error).message}`,
      );
    });
    return buildModel({
      manifest,
      sourcesRoot: cacheDir,
      capabilitiesPath: paths.capabilities,
      glossaryPath: paths.glossary,
      productTypesDir: paths.productTypes,
      procurementDir: paths.procurement,
      commentTemplatePath: paths.commentTemplate,
      searchTermsPath: paths.searchTerms,
    });
  })();
  return model;
}
