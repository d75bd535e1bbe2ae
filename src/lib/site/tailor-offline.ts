/**
 * The tailoring tool offline: an Astro integration that writes, at the end of the build, the tool's service
 * worker (`products/tailor/offline-sw.js`) with the list of files it stores in Cache Storage: the tool's page,
 * its stylesheets, its script with every chunk it imports statically or on the first export (the writers:
 * the DOCX and XLSX writers and jszip), and the data it fetches (tailor-data.json, tailor-texts.json).
 *
 * The list comes from the build: a Vite plugin records the client bundle's graph (each chunk's static and
 * dynamic imports and the assets it references by URL, with the hashed names Vite emits), and the page's
 * built HTML gives its entry scripts, stylesheets and data URLs (its `data-config`). The worker's cache is
 * named after a hash of the listed files' bytes: a new build gives a new worker, which deletes the old cache.
 * The worker's code is src/scripts/tailor/offline-worker.js; the page registers it (src/scripts/tailor/offline.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/** The tool's page, relative to the site's base; the worker sits beside it and its scope is the page's folder. */
export const TAILOR_PAGE = 'products/tailor/';
export const OFFLINE_WORKER = `${TAILOR_PAGE}offline-sw.js`;

export interface OfflineList {
  /** Hash of the listed files' bytes: the cache's name. */
  version: string;
  /** The page's URL (its navigations are matched without their query). */
  page: string;
  /** Served from the network while it answers, else from the cache: the page and its data. */
  fresh: string[];
  /** Content-hashed files, served from the cache. */
  hashed: string[];
  /** Bytes of every listed file. */
  bytes: number;
}

/** Client chunk or asset name → the files it needs (static and dynamic imports, assets it names). */
export type BundleGraph = Map<string, string[]>;

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The files to store for the tool, from its built page and the client bundle's graph. */
export function offlineList(dist: string, base: string, graph: BundleGraph): OfflineList {
  const root = base.endsWith('/') ? base : `${base}/`;
  const page = `${root}${TAILOR_PAGE}`;
  const html = readFileSync(join(dist, TAILOR_PAGE, 'index.html'), 'utf8');
  const local = (url: string) => {
    if (!url.startsWith(root))
      throw new Error(`The tailoring tool's page refers to ${url}, outside the site's base ${root}.`);
    return url.slice(root.length);
  };
  const fresh = [page];
  const hashed = new Set<string>();
  const visit = (file: string) => {
    if (hashed.has(file)) return;
    hashed.add(file);
    for (const next of graph.get(file) ?? []) visit(next);
  };
  for (const m of html.matchAll(/<link\b[^>]*>/g))
    if (attr(m[0], 'rel') === 'stylesheet') visit(local(unescapeHtml(attr(m[0], 'href')!)));
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => attr(m[0], 'src')).filter((s): s is string => !!s);
  if (!scripts.length) throw new Error(`The tailoring tool's page (${page}) has no script file.`);
  for (const src of scripts) {
    const file = local(unescapeHtml(src));
    if (!graph.has(file))
      throw new Error(
        `The client bundle does not list ${file}, the script of ${page}: the offline list cannot be made.`,
      );
    visit(file);
  }
  const config = /<product-tailor\b[^>]*\sdata-config="([^"]*)"/.exec(html)?.[1];
  if (!config) throw new Error(`The tailoring tool's page (${page}) has no data-config.`);
  const { data, texts } = JSON.parse(unescapeHtml(config)) as { data: string; texts: string };
  fresh.push(data, texts);
  const files = [...fresh.map((u) => (u === page ? `${TAILOR_PAGE}index.html` : local(u))), ...[...hashed].sort()];
  const hash = createHash('sha256');
  let bytes = 0;
  for (const f of files) {
    const body = readFileSync(join(dist, f));
    bytes += body.length;
    hash.update(f).update('\0').update(body);
  }
  return {
    version: hash.digest('hex').slice(0, 16),
    page,
    fresh,
    hashed: [...hashed].sort().map((f) => `${root}${f}`),
    bytes,
  };
}

/** The service worker's source: the list, then the worker's code. */
export function workerSource(list: OfflineList): string {
  const code = readFileSync(fileURLToPath(new URL('../../scripts/tailor/offline-worker.js', import.meta.url)), 'utf8');
  return `// The tailoring tool's files, stored for offline use (written by the build: src/lib/site/tailor-offline.ts).\nconst OFFLINE = ${JSON.stringify(list)};\n${code}`;
}

/** Reads the list back from a built worker (for the tests and the bench). */
export function readOfflineList(dist: string): OfflineList {
  const text = readFileSync(join(dist, OFFLINE_WORKER), 'utf8');
  const json = /^const OFFLINE = (.*);$/m.exec(text)?.[1];
  if (!json) throw new Error(`${OFFLINE_WORKER} holds no file list.`);
  return JSON.parse(json) as OfflineList;
}

/** Records the client bundle's graph: every chunk's imports, dynamic imports and the assets it names. */
function recordGraph(graph: BundleGraph): Plugin {
  return {
    name: 'iot:tailor-offline-graph',
    apply: 'build',
    generateBundle(_options, bundle) {
      if (this.environment && this.environment.name !== 'client') return;
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const meta = (file as { viteMetadata?: { importedAssets?: Set<string>; importedCss?: Set<string> } })
          .viteMetadata;
        graph.set(file.fileName, [
          ...file.imports,
          ...file.dynamicImports,
          ...(meta?.importedAssets ?? []),
          ...(meta?.importedCss ?? []),
        ]);
      }
      for (const file of Object.values(bundle))
        if (file.type === 'asset' && !graph.has(file.fileName)) graph.set(file.fileName, []);
    },
  };
}

export function tailorOffline(): AstroIntegration {
  const graph: BundleGraph = new Map();
  let base = '/';
  return {
    name: 'iot:tailor-offline',
    hooks: {
      'astro:config:setup': ({ updateConfig, command }) => {
        // The page registers the worker only in a build (import.meta.env.PROD follows NODE_ENV, which a test run sets).
        if (command === 'build')
          updateConfig({
            vite: { plugins: [recordGraph(graph)], define: { 'import.meta.env.IOT_OFFLINE_WORKER': 'true' } },
          });
      },
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const list = offlineList(dist, base, graph);
        writeFileSync(join(dist, OFFLINE_WORKER), workerSource(list));
        logger.info(
          `${OFFLINE_WORKER}: ${list.fresh.length + list.hashed.length} files, ${(list.bytes / 1024).toFixed(0)} KB stored for offline use`,
        );
      },
    },
  };
}
