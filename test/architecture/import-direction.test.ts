/**
 * The import graph of src/lib, the pages, components, layouts, browser scripts
 * and scripts/: every import goes the way the layer table (layers.ts) allows,
 * model schemas import only zod, and no file imports itself through others.
 * The checks themselves are tested on a small made-up graph.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/lib/paths.ts';
import {
  allSpecifiers,
  cycleProblems,
  directionProblems,
  type ImportGraph,
  importSpecifiers,
  type Layer,
  layerCycleProblems,
  layerOf,
  readImportGraph,
} from './import-graph.ts';
import { GRAPH_FOLDERS, LAYERS, SCHEMA_PACKAGES } from './layers.ts';

describe('the project import graph', () => {
  const graph = readImportGraph(projectRoot, GRAPH_FOLDERS);

  it('covers the library, pages and scripts', () => {
    expect(graph.has('src/lib/model/build-model.ts')).toBe(true);
    expect(graph.has('src/pages/index.astro')).toBe(true);
    expect(graph.has('scripts/build.ts')).toBe(true);
    expect(graph.get('src/lib/model/build-model.ts')).toContain('src/lib/import/guideline-draft/index.ts');
  });

  it('has a layer for every file, and the layer table has no cycle', () => {
    expect(layerCycleProblems(LAYERS)).toEqual([]);
    expect([...graph.keys()].filter((f) => !layerOf(f, LAYERS))).toEqual([]);
  });

  it('imports only in the directions of the layer table', () => {
    expect(directionProblems(graph, LAYERS)).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cycleProblems(graph)).toEqual([]);
  });

  it('model schemas import only zod and each other', () => {
    const schemaFiles = [...graph.keys()].filter((f) => layerOf(f, LAYERS)?.name === 'schemas');
    expect(schemaFiles.length).toBeGreaterThan(5);
    const packages = schemaFiles.flatMap((f) =>
      allSpecifiers(readFileSync(join(projectRoot, f), 'utf8'), f)
        .filter((s) => !s.startsWith('.') && !SCHEMA_PACKAGES.includes(s))
        .map((s) => `${f} imports ${s}`),
    );
    expect(packages).toEqual([]);
  });
});

describe('the import checks', () => {
  const layers: Layer[] = [
    { name: 'schemas', paths: ['lib/schemas/'], mayImport: [], what: '' },
    { name: 'import', paths: ['lib/import/'], mayImport: ['schemas'], what: '' },
    { name: 'model', paths: ['lib/model/'], mayImport: ['import', 'schemas'], what: '' },
  ];
  const fake: ImportGraph = new Map([
    ['lib/schemas/a.ts', []],
    ['lib/import/reader.ts', ['lib/schemas/a.ts', 'lib/model/build.ts']],
    ['lib/model/build.ts', ['lib/import/reader.ts', 'lib/model/steps.ts']],
    ['lib/model/steps.ts', ['lib/model/check.ts']],
    ['lib/model/check.ts', ['lib/model/steps.ts', 'lib/schemas/a.ts']],
    ['lib/other/loose.ts', []],
  ]);

  it('name both files and both layers of an import against the direction', () => {
    expect(directionProblems(fake, layers)).toEqual([
      'lib/import/reader.ts (import) imports lib/model/build.ts (model): import may import schemas',
      'lib/other/loose.ts is in no layer: add its folder to the layer table (test/architecture/layers.ts)',
    ]);
  });

  it('name every file of a cycle, in the order of its imports', () => {
    expect(cycleProblems(fake)).toEqual([
      'import cycle: lib/import/reader.ts → lib/model/build.ts → lib/import/reader.ts',
      'import cycle: lib/model/check.ts → lib/model/steps.ts → lib/model/check.ts',
    ]);
    const longer: ImportGraph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
    ]);
    expect(cycleProblems(longer)).toEqual(['import cycle: a.ts → b.ts → c.ts → a.ts']);
    const tangled: ImportGraph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['a.ts', 'c.ts']],
      ['c.ts', ['a.ts']],
    ]);
    expect(cycleProblems(tangled)).toEqual(['import cycle: a.ts → b.ts → a.ts (files in the cycle: a.ts, b.ts, c.ts)']);
  });

  it('find cycles in a layer table', () => {
    expect(
      layerCycleProblems(
        [...layers, { name: 'schemas2', paths: [], mayImport: ['model'], what: '' }].map((l) =>
          l.name === 'schemas' ? { ...l, mayImport: ['schemas2'] } : l,
        ),
      ),
    ).toEqual(['layer cycle: import → schemas → schemas2 → model → import']);
  });

  it('read static, type-only, re-exported and dynamic imports, in TypeScript and Astro', () => {
    const ts = `import { a } from './a.ts';\nimport type { B } from '../b.ts';\nexport { c } from './c.ts';\nexport * from './d.ts';\nconst e = await import('./e.ts');\nimport 'zod';\n// import { no } from './comment.ts';\nconst s = "import x from './string.ts'";`;
    expect(importSpecifiers(ts, 'x.ts')).toEqual(['./a.ts', '../b.ts', './c.ts', './d.ts', './e.ts']);
    expect(allSpecifiers(ts, 'x.ts')).toContain('zod');
    const astro = `---\nimport Base from '../layouts/Base.astro';\n---\n<Base><p>import x from './not-code.ts'</p></Base>\n<script>\n  import { run } from '../scripts/run.ts';\n  run();\n</script>\n`;
    expect(importSpecifiers(astro, 'page.astro')).toEqual(['../layouts/Base.astro', '../scripts/run.ts']);
  });
});
