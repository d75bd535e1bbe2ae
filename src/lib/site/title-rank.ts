/**
 * How well a search result's title answers the query, for the search page's
 * re-ranking of the first results: Pagefind scores words one by one and knows
 * no phrases, so "account management" ranks an enhancement whose title holds
 * both words anywhere beside the control titled "Account Management".
 *
 * 3: the query is one of the page's readers' terms (catalog/search-terms.yaml);
 * 2: the query is the title (its id aside); 1: the title holds the query as a
 * phrase; 0: otherwise. Words compare case-insensitively, a plural "s" aside.
 * Among titles holding the query (tiers 2 and 1), one with fewer words beside the query's ranks first
 * (titleExtraWords): "Connected infusion pump" before "Connected infusion pump: high impact".
 */
const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => (w.length > 3 ? w.replace(/s$/, '') : w));

/** The title without its leading record id ("AC-2", "AC-2(7)", "DI-1", "CSA-6"). */
export function titleWithoutId(title: string): string {
  return title.replace(/^[A-Z]{2,5}-\d+(?:\(\d+\)|(?:\.[a-z0-9]+)*)\s+/, '');
}

const holdsPhrase = (hay: string[], needle: string[]) =>
  needle.length > 0 && hay.some((_, i) => needle.every((w, j) => hay[i + j] === w));
const same = (a: string[], b: string[]) => a.length === b.length && a.every((w, i) => w === b[i]);

export function titleTier(query: string, title: string, terms: readonly string[] = []): number {
  const q = words(query);
  if (!q.length) return 0;
  if (terms.some((t) => same(words(t), q))) return 3;
  const t = words(titleWithoutId(title));
  if (same(t, q)) return 2;
  return holdsPhrase(t, q) ? 1 : 0;
}

/** How many words of the title (its id aside) are not the query's: the tie-break within a tier. */
export function titleExtraWords(query: string, title: string): number {
  return Math.max(0, words(titleWithoutId(title)).length - words(query).length);
}
