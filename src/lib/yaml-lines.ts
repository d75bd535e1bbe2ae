/** Where a value sits in a project YAML file, for problems that name the line: `line 12 (allocation[1].components[0])`. */
import { type Document, isMap, isSeq, type LineCounter } from 'yaml';

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
