/**
 * What the catalog pages show, computed from the model: page lists for
 * getStaticPaths, previous/next neighbours, citation lines. Routes stay thin.
 */
import type { Control } from '../model/schemas/control.ts';
import type { CatalogIndex, Requirement } from './catalog-index.ts';

/** Items in order with their neighbours. */
export function withNeighbours<T>(list: T[]): { item: T; prev: T | undefined; next: T | undefined }[] {
  return list.map((item, i) => ({ item, prev: list[i - 1], next: list[i + 1] }));
}

/** Controls in catalog order (families in order, each control followed by its enhancements). */
export function controlsInOrder(index: CatalogIndex): Control[] {
  return index.model.families.flatMap((f) => f.controls.map((id) => index.controls.get(id)!));
}

/** The control's label as NIST cites it in text: AC-2(7). */
export const controlLabel = (index: CatalogIndex, id: string) => index.controls.get(id)?.label ?? id.toUpperCase();

/**
 * A citation line for a requirement, to paste into a document:
 * "SP 800-213A DI-1.3 — Ability to … — SP 800-53: IA-3, AC-2(7)".
 */
export function citationLine(index: CatalogIndex, r: Requirement): string {
  const controls = r.controls.map((l) => controlLabel(index, l.control)).join(', ');
  return `SP 800-213A ${r.id} — ${r.text} — SP 800-53: ${controls || 'none'}`;
}
