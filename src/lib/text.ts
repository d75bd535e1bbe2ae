/** Small text normalisers shared by the importers. */

/** Collapses runs of whitespace (incl. no-break spaces and tabs) to one space and trims. */
export function squash(s: string): string {
  return s.replace(/[\s\u00a0\u2007\u202f]+/g, ' ').trim();
}

/**
 * A comparison key for two renderings of the same sentence: case, whitespace,
 * curly quotes, dashes and final punctuation do not count.
 */
export function textKey(s: string): string {
  return squash(
    s
      .normalize('NFKC')
      .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
      .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
      .replace(/[\u2010-\u2015]/g, '-')
      .toLowerCase(),
  ).replace(/[\s.;:,]+$/, '');
}

/** Similarity of two strings in [0, 1] by shared word bigrams (Dice coefficient). */
export function similarity(a: string, b: string): number {
  const grams = (s: string) => {
    const w = textKey(s).split(/\W+/).filter(Boolean);
    const out = new Map<string, number>();
    for (let i = 0; i < w.length - 1; i++) {
      const g = `${w[i]} ${w[i + 1]}`;
      out.set(g, (out.get(g) ?? 0) + 1);
    }
    if (w.length === 1) out.set(w[0]!, 1);
    return out;
  };
  const ga = grams(a);
  const gb = grams(b);
  let shared = 0;
  let total = 0;
  for (const [g, n] of ga) {
    shared += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total === 0 ? (textKey(a) === textKey(b) ? 1 : 0) : (2 * shared) / total;
}
