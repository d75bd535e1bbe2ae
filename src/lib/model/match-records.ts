/**
 * Pairs the records of two sources that describe the same things in their own
 * words: exact text first (case, spacing, quotes and final stop aside), then the
 * most similar remaining pairs above a threshold. What stays unpaired is
 * reported by the caller as found in one source only.
 */
import { similarity, textKey } from '../text.ts';

export interface Matched<A, B> {
  pairs: { a: A; b: B; exact: boolean }[];
  onlyA: A[];
  onlyB: B[];
}

export function matchByText<A, B>(
  as: readonly A[],
  bs: readonly B[],
  textA: (a: A) => string,
  textB: (b: B) => string,
  threshold = 0.6,
): Matched<A, B> {
  const pairs: Matched<A, B>['pairs'] = [];
  const freeA = new Set(as.map((_, i) => i));
  const freeB = new Set(bs.map((_, i) => i));
  const keysB = bs.map((b) => textKey(textB(b)));
  for (const i of [...freeA]) {
    const key = textKey(textA(as[i]!));
    const j = [...freeB].find((k) => keysB[k] === key);
    if (j !== undefined) {
      pairs.push({ a: as[i]!, b: bs[j]!, exact: true });
      freeA.delete(i);
      freeB.delete(j);
    }
  }
  const candidates: { i: number; j: number; s: number }[] = [];
  for (const i of freeA)
    for (const j of freeB) {
      const s = similarity(textA(as[i]!), textB(bs[j]!));
      if (s >= threshold) candidates.push({ i, j, s });
    }
  candidates.sort((x, y) => y.s - x.s || x.i - y.i);
  for (const { i, j } of candidates) {
    if (!freeA.has(i) || !freeB.has(j)) continue;
    pairs.push({ a: as[i]!, b: bs[j]!, exact: false });
    freeA.delete(i);
    freeB.delete(j);
  }
  const order = new Map(as.map((a, i) => [a, i]));
  pairs.sort((x, y) => order.get(x.a)! - order.get(y.a)!);
  return { pairs, onlyA: [...freeA].map((i) => as[i]!), onlyB: [...freeB].map((j) => bs[j]!) };
}
