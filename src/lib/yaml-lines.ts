/**
 * The project's YAML files: parsed with their line numbers, syntax errors reported as problems, and where a value
 * sits, for problems that name the line: `line 12 (allocation[1].components[0])`.
 */
import { type Document, isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { Problems } from './problems.ts';

/** Parses one project YAML file; on a syntax error reports each error at its line and returns undefined. */
export function parseYaml(
  text: string,
  file: string,
  problems: Problems,
): { doc: Document; lines: LineCounter } | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (!doc.errors.length) return { doc, lines };
  for (const e of doc.errors)
    problems.error(
      file,
      `line ${e.linePos?.[0]?.line ?? '?'}`,
      `not valid YAML: ${e.message.split('\n')[0]}`,
      'Fix the YAML syntax.',
    );
  return undefined;
}

/** Line (1-based) of the node at a JSON path in a parsed YAML document. */
export function lineOf(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): number {
  let node: unknown = doc.contents;
  for (const key of path) {
    if (isMap(node)) node = node.get(key as string, true) ?? node;
    else if (isSeq(node)) node = node.get(Number(key), true) ?? node;
  }
  const range = (node as { range?: [number, number, number] })?.range;
  return range ? lines.linePos(range[0]).line : 1;
}

/** A JSON path as a reader types it: `allocation[1].components[0]`. */
export const pathText = (path: readonly PropertyKey[]) =>
  path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');

/**
 * Parses one project YAML file and checks it with `schema`: syntax errors and every schema issue are reported at
 * their line (`line 12 (components[1].id)`) with `hint`; returns the data and `at`, to name a place in later checks.
 */
export function readYamlWith<S extends z.ZodType>(
  text: string,
  file: string,
  problems: Problems,
  schema: S,
  hint: string,
): { data: z.infer<S>; doc: Document; lines: LineCounter; at: (path: readonly PropertyKey[]) => string } | undefined {
  const yaml = parseYaml(text, file, problems);
  if (!yaml) return undefined;
  const { doc, lines } = yaml;
  const at = (path: readonly PropertyKey[]) => `line ${lineOf(doc, lines, path)} (${pathText(path)})`;
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.error(file, at(issue.path), issue.message, hint);
    return undefined;
  }
  return { data: parsed.data, doc, lines, at };
}
