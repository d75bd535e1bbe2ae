/**
 * The real NIST sources for integration tests: NIST_SOURCES_DIR must name the
 * folder of byte-exact copies (CI sets ../shared/nist). Without it the tests
 * fail with a message saying so; they are never skipped.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildModel } from '../../src/lib/model/build-model.ts';
import type { Model } from '../../src/lib/model/schemas/model.ts';
import { nistSourcesDir, paths } from '../../src/lib/paths.ts';
import { fetchSources } from '../../src/lib/sources/fetch-sources.ts';
import { loadSourceManifest } from '../../src/lib/sources/source-manifest.ts';

export function requireSourcesDir(): string {
  const dir = nistSourcesDir();
  if (!dir) throw new Error('Set NIST_SOURCES_DIR to the folder of NIST source files (e.g. NIST_SOURCES_DIR=../shared/nist npm test): the integration tests read the real sources.');
  return dir;
}

let model: Promise<Model> | undefined;

/** Fetches (hash-checked) the real sources into a temporary cache and builds the model, once per test file. */
export function realModel(): Promise<Model> {
  model ??= (async () => {
    const manifest = loadSourceManifest(paths.sourceManifest);
    const cacheDir = mkdtempSync(join(tmpdir(), 'iot-real-'));
    await fetchSources(manifest, { cacheDir, sourcesDir: requireSourcesDir(), fetchImpl: () => Promise.reject(new Error('integration tests never download')) });
    return buildModel({ manifest, sourcesRoot: cacheDir, capabilitiesPath: paths.capabilities });
  })();
  return model;
}
