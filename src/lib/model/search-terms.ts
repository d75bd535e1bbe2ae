/** Search terms (catalog/search-terms.yaml, read by src/lib/import/search-terms.ts) as pages use them. */
import type { SearchTerm } from './schemas/search-terms.ts';

/**
 * The terms shown on a page, given the records the page holds: each term once,
 * in file order.
 */
export function termsFor(terms: readonly SearchTerm[], recordIds: Iterable<string>): string[] {
  const on = new Set(recordIds);
  return terms.filter((t) => t.records.some((r) => on.has(r))).map((t) => t.term);
}
