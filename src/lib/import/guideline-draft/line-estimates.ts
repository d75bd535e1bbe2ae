/**
 * Stage 6, line estimates: each page's content is cut into units (headings,
 * and each block's part on that page) weighed in printed lines, and the
 * page's margin run is shared out among them in proportion to the weights,
 * each share rounded outward (see the module header of index.ts).
 */
import { CHARS_PER_LINE } from './patterns.ts';
import type { LineRange, PageRec, Unit } from './types.ts';

/** A heading's unit: its printed lines, at least one. */
export function headingUnit(title: string, page: number): Unit {
  return { page, fixed: Math.max(1, Math.ceil(title.length / CHARS_PER_LINE)), pieces: [] };
}

/** The unit of `block` on `page`, created (and registered with the page) when new. */
export function unitOn(block: { units: Unit[] }, page: number, pages: PageRec[]): Unit {
  const last = block.units[block.units.length - 1];
  if (last && last.page === page) return last;
  const unit: Unit = { page, fixed: 0, pieces: [] };
  block.units.push(unit);
  pages[page]?.units.push(unit);
  return unit;
}

/** A unit that holds something (a merged-away paragraph leaves empty ones). */
export function hasWeight(unit: Unit): boolean {
  return unit.fixed > 0 || unit.pieces.some((n) => n > 0);
}

/** Printed lines of a unit: its fixed lines plus `ceil(chars / 95)` per text piece. */
export function unitWeight(unit: Unit): number {
  return unit.fixed + unit.pieces.reduce((sum, n) => sum + (n > 0 ? Math.ceil(n / CHARS_PER_LINE) : 0), 0);
}

/**
 * Shares the run `lines` among `weights`: `count` lines in all (the run's
 * length, or less on a page the text breaks off on), each share rounded
 * outward and kept inside the run.
 */
export function shareRun(lines: LineRange, weights: number[], count = lines.last - lines.first + 1): LineRange[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (!total) return [];
  const { first, last } = lines;
  let before = 0;
  return weights.map((w) => {
    const after = before + w;
    const from = first + Math.floor((before / total) * count);
    const to = first + Math.ceil((after / total) * count) - 1;
    const a = Math.min(Math.max(from, first), last);
    before = after;
    return { first: a, last: Math.min(Math.max(to, a), last) };
  });
}

/** Sets each weighed unit's `range` from its page's margin run. */
export function estimateLines(pages: PageRec[], truncatedPage: number | undefined): void {
  for (const [p, page] of pages.entries()) {
    if (!page.lines) continue;
    const units = page.units.filter(hasWeight);
    const weights = units.map(unitWeight);
    const total = weights.reduce((a, b) => a + b, 0);
    if (!total) continue;
    // The page the text breaks off on is not stretched: its content fills only its own share.
    const count = p === truncatedPage ? Math.min(page.lines.last - page.lines.first + 1, total) : undefined;
    shareRun(page.lines, weights, count).forEach((range, k) => {
      units[k]!.range = range;
    });
  }
}

/** A block's lines: from its first estimated line to its last one, across pages. */
export function blockLines(units: Unit[]): LineRange | undefined {
  const ranged = units.filter((u) => u.range);
  if (!ranged.length) return undefined;
  return { first: ranged[0]!.range!.first, last: ranged[ranged.length - 1]!.range!.last };
}
