/**
 * Margin line-number runs, part of the page furniture: a line of consecutive
 * numbers (the first ones may be glued: `12345678910 11 12`), or a run
 * appended to a page's first line. Pure.
 */
import { squash } from '../../text.ts';
import type { LineRange } from './types.ts';

/**
 * A run of margin line numbers: consecutive integers; with `gluedStart`, the
 * first token may be several numbers written together (`12345678910`).
 */
export function parseRun(
  tokens: string[],
  expectedStart: number | undefined,
  gluedStart: boolean,
): LineRange | undefined {
  const nums = tokens.filter(Boolean);
  if (!nums.length || !nums.every((n) => /^\d+$/.test(n))) return undefined;
  if (nums.length === 1) {
    // All glued (`123456789`): consecutive numbers from the expected start (or 1).
    if (!gluedStart) return undefined;
    const from = expectedStart ?? 1;
    let to = from;
    let concat = String(from);
    while (concat.length < nums[0]!.length) concat += String(++to);
    return concat === nums[0] && to > from ? { first: from, last: to } : undefined;
  }
  const last = Number(nums[nums.length - 1]);
  let first = last;
  for (let k = nums.length - 2; k >= 0; k--) {
    const want = first - 1;
    if (Number(nums[k]) === want) {
      first = want;
      continue;
    }
    if (k === 0 && gluedStart) {
      const glued = nums[0]!;
      let s = want;
      let concat = String(want);
      while (s > 1 && concat.length < glued.length) {
        s -= 1;
        concat = String(s) + concat;
      }
      if (concat === glued) {
        first = s;
        continue;
      }
    }
    return undefined;
  }
  if (expectedStart !== undefined && first !== expectedStart) return undefined;
  return { first, last };
}

/** A margin run appended to the first line of a page: `2. Background Considerations 133 134 … 171`. */
export function trailingRun(
  text: string,
  expectedStart: number | undefined,
): { text: string; run: LineRange } | undefined {
  const m = /^(.*?\S)((?:\s+\d+){3,})\s*$/.exec(text);
  if (!m) return undefined;
  const tokens = m[2]!.trim().split(/\s+/);
  // The longest consecutive suffix (the text itself may end with a number).
  for (let k = 0; k <= tokens.length - 3; k++) {
    const run = parseRun(tokens.slice(k), expectedStart, false);
    if (run) return { text: squash(`${m[1]} ${tokens.slice(0, k).join(' ')}`), run };
  }
  return undefined;
}
