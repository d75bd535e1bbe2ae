// @ts-check
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { remarkXref } from './src/lib/content/remark-xref.ts';
import { loadModel } from './src/lib/model/load-model.ts';
import { modelReady } from './src/lib/model/model-ready.ts';
import { renderCount } from './src/lib/site/render-count.ts';
import { tailorOffline } from './src/lib/site/tailor-offline.ts';

// SITE_BASE lets agencies host the site under a sub-path (e.g. /projects/iot/).
const base = process.env.SITE_BASE || '/';
const baseWithSlash = base.endsWith('/') ? base : `${base}/`;

/**
 * Files copied into the site as they are (exceljs's browser build, loaded with `?url`) keep a
 * `sourceMappingURL` comment naming a map the site does not ship; the link check would flag it.
 * @returns {import('vite').Plugin}
 */
function dropVendorSourceMapComments() {
  return {
    name: 'iot:drop-vendor-source-map-comments',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.js')) continue;
        const text = typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
        file.source = text.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
      }
    },
  };
}

/**
 * Astro's incremental build keeps a page when its modules and most of this config are unchanged, but its hash of the
 * config leaves out integrations and Vite plugins. A digest of this file and of the integrations' own modules joins
 * it (as a `define`, which it covers): a change to any of them renders every page again.
 */
const configDigest = createHash('sha256');
for (const file of [
  './astro.config.mjs',
  './src/lib/site/tailor-offline.ts',
  './src/lib/site/render-count.ts',
  './src/lib/site/render-count-middleware.ts',
])
  configDigest.update(readFileSync(new URL(file, import.meta.url)));

/**
 * The build starts Astro while the model is still being imported (src/lib/model/model-ready.ts): the bundles are
 * written without it, and pages are rendered only once it is there.
 * @returns {import('vite').Plugin}
 */
function modelBeforePages() {
  return {
    name: 'iot:model-before-pages',
    async writeBundle() {
      await modelReady();
    },
  };
}

export default defineConfig({
  base,
  trailingSlash: 'always',
  // Pages render while earlier ones are still being written: page writes, not rendering, bound this stage.
  build: { format: 'directory', concurrency: 8 },
  // A page whose code and cacheKey (src/lib/site/render-key.ts: the model's digest) are those of the last build
  // is not rendered again: Astro keeps its output in the cache folder and copies it. After a guide edit only the
  // guides' pages render.
  experimental: { incrementalBuild: true },
  // csv-stringify's Node build reads Buffer as it loads; the tailoring tool's writers (the build's own,
  // src/lib/products/product-downloads.ts) use its browser build in the page, with the same output.
  vite: {
    define: { 'import.meta.env.IOT_CONFIG_DIGEST': JSON.stringify(configDigest.digest('hex')) },
    plugins: [dropVendorSourceMapComments(), modelBeforePages()],
    resolve: { alias: { 'csv-stringify/sync': 'csv-stringify/browser/esm/sync' } },
  },
  // Markdown and MDX through unified (remark), so that the cross-reference plugin runs: it checks every
  // <Control id>, <Element id>, <Capability id>, <Section n> and [[…]] of the guides against the model,
  // and an unknown id fails the build with file:line and a "did you mean".
  markdown: {
    processor: unified({
      remarkPlugins: [[remarkXref, { model: () => modelReady().then(() => loadModel()), base: baseWithSlash }]],
    }),
  },
  // tailorOffline: the tailoring tool's service worker, with the files it stores for offline use (src/lib/site/tailor-offline.ts);
  // renderCount: how many pages were rendered, the others kept from the last build (src/lib/site/render-count.ts).
  integrations: [mdx(), tailorOffline(), renderCount()],
  // No telemetry, no external requests at build or run time.
  devToolbar: { enabled: false },
  // Content-Security-Policy on every page (a <meta> element Astro writes with the hashes of the scripts and
  // styles it bundles): nothing loads from outside the site, no inline script or style attribute runs.
  // 'self' admits the site's own script files (exceljs, loaded on first spreadsheet use, and Pagefind's);
  // 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly search engine (it allows no JavaScript eval).
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
