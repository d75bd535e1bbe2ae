/**
 * The layer table: which part of the project may import which. Data flows up:
 * sources → import → model → site, products, downloads, comments, report → the
 * pages, the browser code and the command line. A layer imports only the layers
 * it lists (and itself); src/README.md describes the same table.
 */
import type { Layer } from './import-graph.ts';

export const LAYERS: Layer[] = [
  {
    name: 'schemas',
    paths: ['src/lib/model/schemas/'],
    mayImport: [],
    what: 'zod schemas of every model concept (imports only zod)',
  },
  {
    name: 'base',
    paths: [
      'src/lib/text.ts',
      'src/lib/problems.ts',
      'src/lib/paths.ts',
      'src/lib/yaml-lines.ts',
      'src/lib/stable-uuid.ts',
      'src/lib/json-schema.ts',
      'src/lib/downloads/csv-text.ts',
    ],
    mayImport: [],
    what: 'utilities with no project imports: text, problems, paths, YAML lines, stable UUIDs, JSON Schema checks, the CSV writer',
  },
  {
    name: 'sources',
    paths: ['src/lib/sources/'],
    mayImport: ['schemas', 'base'],
    what: 'the source manifest and the fetcher',
  },
  {
    name: 'import',
    paths: ['src/lib/import/'],
    mayImport: ['sources', 'schemas', 'base'],
    what: 'one reader per source or catalog file format; returns z.input of the schemas',
  },
  {
    name: 'model',
    paths: ['src/lib/model/'],
    mayImport: ['import', 'sources', 'schemas', 'base'],
    what: 'assembles, checks, writes and loads the model',
  },
  {
    name: 'site',
    paths: ['src/lib/site/'],
    mayImport: ['model', 'schemas', 'base'],
    what: 'what pages and search derive from the model',
  },
  {
    name: 'content',
    paths: ['src/lib/content/'],
    mayImport: ['site', 'model', 'schemas', 'base'],
    what: "cross-references in the project's Markdown guides",
  },
  {
    name: 'comments',
    paths: ['src/lib/comments/'],
    mayImport: ['model', 'schemas', 'base'],
    what: "the comment workspace's records, exports and imports",
  },
  {
    name: 'products',
    paths: ['src/lib/products/'],
    mayImport: ['site', 'model', 'schemas', 'base'],
    what: 'requirement selection, tailoring and the solicitation writers',
  },
  {
    name: 'downloads',
    paths: ['src/lib/downloads/'],
    mayImport: ['products', 'site', 'model', 'schemas', 'base'],
    what: 'the files the build publishes',
  },
  {
    name: 'report',
    paths: ['src/lib/report/'],
    mayImport: ['site', 'model', 'schemas', 'base'],
    what: 'the source report',
  },
  {
    name: 'browser',
    paths: ['src/scripts/'],
    mayImport: ['site', 'products', 'comments', 'downloads', 'schemas', 'base'],
    what: "the pages' browser code (no model loading, no importers)",
  },
  {
    name: 'pages',
    paths: ['src/pages/', 'src/components/', 'src/layouts/'],
    mayImport: [
      'browser',
      'content',
      'site',
      'products',
      'comments',
      'downloads',
      'report',
      'model',
      'schemas',
      'base',
    ],
    what: 'Astro routes, components and layouts: read the model through model/load-model.ts',
  },
  {
    name: 'pipeline',
    paths: ['src/lib/pipeline.ts'],
    mayImport: [
      'report',
      'downloads',
      'products',
      'comments',
      'content',
      'site',
      'model',
      'import',
      'sources',
      'schemas',
      'base',
    ],
    what: "the build's stages",
  },
  {
    name: 'build',
    paths: ['src/lib/build/'],
    mayImport: [
      'pipeline',
      'report',
      'downloads',
      'products',
      'comments',
      'content',
      'site',
      'model',
      'import',
      'sources',
      'schemas',
      'base',
    ],
    what: "the build's stage cache and its child processes (model import, downloads, link check)",
  },
  {
    name: 'cli',
    paths: ['scripts/'],
    mayImport: [
      'build',
      'pipeline',
      'report',
      'downloads',
      'products',
      'comments',
      'content',
      'site',
      'model',
      'import',
      'sources',
      'schemas',
      'base',
    ],
    what: 'the npm scripts',
  },
];

/** Folders whose files the graph covers. */
export const GRAPH_FOLDERS = ['src/lib', 'src/pages', 'src/components', 'src/layouts', 'src/scripts', 'scripts'];

/** The only packages model schemas may import. */
export const SCHEMA_PACKAGES = ['zod'];
