/**
 * Lists: item markers (`•`, `1.`, `a.`, `a)`, `i.`) and their styles, the
 * nesting depth by marker style (`1.` → `a.` → `i.`), consecutive items as one
 * list, and the later pass that makes list · paragraph · list one list when
 * the second goes on with the first.
 */
import { BULLET, ORDERED_ITEM } from './patterns.ts';
import { unitOn } from './line-estimates.ts';
import type { DraftBlock, DraftSection, ListItemDraft, TextEvent, Unit } from './types.ts';
import type { WalkState } from './walk-state.ts';
import { newBlock } from './types.ts';

export interface ListItemLine {
  marker: string;
  /** `bullet`, `decimal`, `alpha.` / `alpha)`, `roman.` / `roman)`, or `roman?.` for a lone `i.` / `v.` / `x.`. */
  style: string;
  text: string;
}

/** A line that starts a list item, with its marker and style. */
export function listItem(text: string): ListItemLine | undefined {
  const bullet = BULLET.exec(text);
  if (bullet) return { marker: '•', style: 'bullet', text: bullet[1]! };
  const ordered = ORDERED_ITEM.exec(text);
  if (!ordered) return undefined;
  const [, mark, punct, rest] = ordered as unknown as [string, string, string, string];
  let style: string;
  if (/^\d+$/.test(mark)) style = 'decimal';
  else if (/^[ivx]{2,}$/.test(mark)) style = `roman${punct}`;
  else if (/^[ivx]$/.test(mark)) style = `roman?${punct}`;
  else style = `alpha${punct}`;
  return { marker: `${mark}${punct}`, style, text: rest };
}

/** Settles `i.` / `v.` / `x.`: a letter when it follows `h.` / `u.` / `w.` of the same style, else a roman numeral. */
export function resolveStyle(item: { marker: string; style: string }, items: ListItemDraft[]): string {
  if (!item.style.startsWith('roman?')) return item.style;
  const punct = item.style.slice(-1);
  const letter = item.marker[0]!;
  const before = { i: 'h', v: 'u', x: 'w' }[letter as 'i' | 'v' | 'x'];
  const previous = [...items].reverse().find((it) => it.style === `alpha${punct}`);
  const lastRoman = [...items].reverse().find((it) => it.style === `roman${punct}`);
  if (previous && previous.marker[0] === before && (!lastRoman || items.indexOf(lastRoman) < items.indexOf(previous)))
    return `alpha${punct}`;
  return `roman${punct}`;
}

/** A style seen before keeps its depth; a new one nests one deeper than the last item. */
export function depthFor(style: string, items: ListItemDraft[]): number {
  const seen = items.find((it) => it.style === style);
  if (seen) return seen.depth;
  const last = items[items.length - 1];
  return last ? last.depth + 1 : 0;
}

/**
 * Adds an item line to the open list of section `s`, or starts a new list
 * (after another block, on a bullet after numbers or the reverse, or on a
 * second `1.`). The list is the open block afterwards.
 */
export function takeListItem(state: WalkState, s: DraftSection, e: TextEvent, item: ListItemLine): void {
  const last = s.blocks[s.blocks.length - 1];
  let list = last?.kind === 'list' && last === state.open ? last : undefined;
  if (list && item.style === 'decimal' && item.marker === '1.' && list.items.some((it) => it.style === 'decimal'))
    list = undefined;
  if (list && (item.style === 'bullet') === list.ordered) list = undefined;
  if (!list) {
    list = newBlock('list', e.line, e.page);
    list.ordered = item.style !== 'bullet';
    s.blocks.push(list);
  }
  const style = resolveStyle(item, list.items);
  list.items.push({ marker: item.marker, style, depth: depthFor(style, list.items), text: item.text });
  unitOn(list, e.page, state.pages).pieces.push(item.text.length);
  list.lastLineLen = e.text.length;
  list.lastLine = e.line;
  state.open = list;
}

/** Does list `b`, after list `a` and one paragraph, go on with `a` (a first sub-item, or the next number)? */
export function continuesList(a: DraftBlock, b: DraftBlock): boolean {
  const lastA = a.items[a.items.length - 1]!;
  const firstB = b.items[0]!;
  return (
    (firstB.style !== lastA.style &&
      !a.items.some((it) => it.style === firstB.style) &&
      ['a.', 'a)', 'i.', 'i)'].includes(firstB.marker)) ||
    (firstB.style === 'decimal' &&
      lastA.style === 'decimal' &&
      Number.parseInt(firstB.marker, 10) === Number.parseInt(lastA.marker, 10) + 1)
  );
}

/** Moves a unit's weight onto `target` (emptying the unit, which the page still lists). */
function moveWeight(unit: Unit, target: Unit): void {
  target.pieces.push(...unit.pieces);
  target.fixed += unit.fixed;
  unit.pieces = [];
  unit.fixed = 0;
}

/** list · paragraph · list, where the second list goes on with the first: one list, the paragraph part of the item. */
export function mergeSplitLists(sections: DraftSection[]): void {
  for (const s of sections) {
    for (let k = 0; k + 2 < s.blocks.length; k++) {
      const [a, p, b] = [s.blocks[k]!, s.blocks[k + 1]!, s.blocks[k + 2]!];
      if (a.kind !== 'list' || p.kind !== 'paragraph' || b.kind !== 'list' || !a.ordered || !b.ordered) continue;
      if (!continuesList(a, b)) continue;
      const lastA = a.items[a.items.length - 1]!;
      lastA.text = `${lastA.text} ${p.text}`;
      a.footnoteRefs.push(...p.footnoteRefs);
      // The paragraph's weight goes to the list, on the pages it covered.
      for (const unit of p.units) {
        const target = a.units.find((u) => u.page === unit.page);
        if (target) moveWeight(unit, target);
        else a.units.push(unit);
      }
      for (const it of b.items) a.items.push({ ...it, depth: depthFor(it.style, a.items) });
      a.footnoteRefs.push(...b.footnoteRefs);
      for (const unit of b.units) {
        const target = a.units.find((u) => u.page === unit.page);
        if (target && target === a.units[a.units.length - 1]) moveWeight(unit, target);
        else a.units.push(unit);
      }
      a.lastLine = b.lastLine;
      a.lastLineLen = b.lastLineLen;
      s.blocks.splice(k + 1, 2);
      k -= 1;
    }
  }
}
