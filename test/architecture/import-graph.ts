/**
 * The project's import graph and the checks run over it: the layer table
 * (which folder may import which), and no cycles. Read with the TypeScript
 * compiler's own pre-processor (`ts.preProcessFile`): static imports, `export … from`
 * and `import('…')` with a literal path. Astro files are read for their frontmatter
 * and `<script>` blocks.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** file (relative to the project, with `/`) → the project files it imports. */
export type ImportGraph = Map<string, string[]>;

/** A layer: the files it holds (path prefixes, longest match wins) and the layers it may import. */
export interface Layer {
  name: string;
  /** Path prefixes relative to the project root: a folder ends with `/`, a file is named whole. */
  paths: string[];
  /** Layers this one may import (besides itself). */
  mayImport: string[];
  /** What the layer is, for the README and the messages. */
  what: string;
}

const scriptBlock = /<script\b[^>]*>([\s\S]*?)<\/script>/g;

/** Every import specifier of one source file's text (packages and relative paths). */
export function allSpecifiers(text: string, file: string): string[] {
  let code = text;
  if (file.endsWith('.astro')) {
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
    code = [front?.[1] ?? '', ...[...text.matchAll(scriptBlock)].map((m) => m[1] ?? '')].join('\n');
  }
  const info = ts.preProcessFile(code, true, true);
  return info.importedFiles.map((f) => f.fileName);
}

/** The relative import specifiers of one source file's text. */
export function importSpecifiers(text: string, file: string): string[] {
  return allSpecifiers(text, file).filter((s) => s.startsWith('./') || s.startsWith('../'));
}

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.(ts|astro)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
}

/** Reads the graph of every `.ts` and `.astro` file under the given folders of the project root. */
export function readImportGraph(root: string, folders: readonly string[]): ImportGraph {
  const files: string[] = [];
  for (const f of folders) walk(resolve(root, f), files);
  const graph: ImportGraph = new Map();
  const rel = (p: string) => relative(root, p).split(sep).join('/');
  for (const file of files.sort()) {
    const targets = importSpecifiers(readFileSync(file, 'utf8'), file).map((s) =>
      rel(resolve(dirname(file), s.split('?')[0]!)),
    );
    graph.set(rel(file), [...new Set(targets)]);
  }
  return graph;
}

/** The layer a file belongs to: the one with the longest matching path. */
export function layerOf(file: string, layers: readonly Layer[]): Layer | undefined {
  let best: { layer: Layer; length: number } | undefined;
  for (const layer of layers) {
    for (const p of layer.paths) {
      const match = p.endsWith('/') ? file.startsWith(p) : file === p;
      if (match && (!best || p.length > best.length)) best = { layer, length: p.length };
    }
  }
  return best?.layer;
}

/** One message per import against the layer table, naming both files and both layers. */
export function directionProblems(graph: ImportGraph, layers: readonly Layer[]): string[] {
  const out: string[] = [];
  for (const [file, targets] of graph) {
    const from = layerOf(file, layers);
    if (!from) {
      out.push(`${file} is in no layer: add its folder to the layer table (test/architecture/layers.ts)`);
      continue;
    }
    for (const target of targets) {
      const to = layerOf(target, layers);
      if (!to) {
        if (graph.has(target)) out.push(`${file} imports ${target}, which is in no layer`);
        continue;
      }
      if (to !== from && !from.mayImport.includes(to.name)) {
        out.push(
          `${file} (${from.name}) imports ${target} (${to.name}): ${from.name} may import ${from.mayImport.length ? from.mayImport.join(', ') : 'nothing else'}`,
        );
      }
    }
  }
  return out;
}

/** Every import cycle among the files (one per strongly connected group), as the path that closes it. */
export function cycleProblems(graph: ImportGraph): string[] {
  // Tarjan's strongly connected components, then one shortest cycle through each group's first file.
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const next = (f: string) => (graph.get(f) ?? []).filter((t) => graph.has(t));
  const connect = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!indexOf.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || next(v).includes(v)) groups.push(group.sort());
    }
  };
  for (const f of [...graph.keys()].sort()) if (!indexOf.has(f)) connect(f);
  const messages = groups.map((group) => {
    const start = group[0]!;
    const members = new Set(group);
    // Breadth-first from start back to start inside the group.
    const previous = new Map<string, string>();
    const queue = [start];
    let end: string | undefined;
    while (queue.length && !end) {
      const v = queue.shift()!;
      for (const w of next(v).filter((t) => members.has(t))) {
        if (w === start) {
          end = v;
          break;
        }
        if (!previous.has(w)) {
          previous.set(w, v);
          queue.push(w);
        }
      }
    }
    const path = [start];
    for (let v = end!; v !== start; v = previous.get(v)!) path.splice(1, 0, v);
    path.push(start);
    return `import cycle: ${path.join(' → ')}${group.length > path.length - 1 ? ` (files in the cycle: ${group.join(', ')})` : ''}`;
  });
  return messages.sort();
}

/** Cycles in the layer table itself (a layer that may import, through others, a layer that may import it). */
export function layerCycleProblems(layers: readonly Layer[]): string[] {
  const graph: ImportGraph = new Map(layers.map((l) => [l.name, l.mayImport]));
  const unknown = layers.flatMap((l) =>
    l.mayImport.filter((m) => !graph.has(m)).map((m) => `layer ${l.name} may import "${m}", which is no layer`),
  );
  return [...unknown, ...cycleProblems(graph).map((p) => p.replace('import cycle', 'layer cycle'))];
}
