/** Where the project keeps its inputs and build products. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const paths = {
  sourceManifest: resolve(projectRoot, 'catalog/sources.json'),
  capabilities: resolve(projectRoot, 'catalog/capabilities.yaml'),
  /** Gitignored working folder: fetched sources, the model for the site, the staging build. */
  cache: resolve(projectRoot, '.cache'),
  sourcesCache: resolve(projectRoot, '.cache/sources'),
  modelJson: resolve(projectRoot, '.cache/model/model.json'),
  staging: resolve(projectRoot, '.cache/staging'),
  dist: resolve(projectRoot, 'dist'),
};

/** NIST_SOURCES_DIR resolved against the working directory, or undefined when unset. */
export function nistSourcesDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const v = env.NIST_SOURCES_DIR?.trim();
  return v ? resolve(process.cwd(), v) : undefined;
}
