/** Where the project keeps its inputs and build products. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Gitignored working folder: fetched sources, the model for the site, the staging build (IOT_CACHE_DIR overrides). */
const cache = process.env.IOT_CACHE_DIR ? resolve(process.env.IOT_CACHE_DIR) : resolve(projectRoot, '.cache');

/** The project-written data (IOT_CATALOG_DIR overrides, for tests that edit a copy). */
const catalog = process.env.IOT_CATALOG_DIR ? resolve(process.env.IOT_CATALOG_DIR) : resolve(projectRoot, 'catalog');

export const paths = {
  catalog,
  sourceManifest: resolve(catalog, 'sources.json'),
  capabilities: resolve(catalog, 'capabilities.yaml'),
  glossary: resolve(catalog, 'glossary.yaml'),
  productTypes: resolve(catalog, 'product-types'),
  procurement: resolve(catalog, 'procurement'),
  commentTemplate: resolve(catalog, 'comment-template.yaml'),
  searchTerms: resolve(catalog, 'search-terms.yaml'),
  cache,
  sourcesCache: resolve(cache, 'sources'),
  modelJson: resolve(cache, 'model/model.json'),
  staging: resolve(cache, 'staging'),
  /** The built site (IOT_OUT_DIR overrides). */
  dist: process.env.IOT_OUT_DIR ? resolve(process.env.IOT_OUT_DIR) : resolve(projectRoot, 'dist'),
};

/** NIST_SOURCES_DIR resolved against the working directory, or undefined when unset. */
export function nistSourcesDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const v = env.NIST_SOURCES_DIR?.trim();
  return v ? resolve(process.cwd(), v) : undefined;
}
