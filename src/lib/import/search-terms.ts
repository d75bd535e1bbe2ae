/**
 * Search terms (catalog/search-terms.yaml): the words readers use for what the
 * SP 800-213A catalog names differently ("firmware update" for software update,
 * "factory reset" for restoring a secure configuration). Each term names the
 * records it leads to and says why; the pages of those records carry the term,
 * so that search finds them. Checked by its zod schema (src/lib/model/schemas/search-terms.ts) and against the model;
 * every problem names the file and the line.
 */
import { lineOf, readYamlWith } from '../yaml-lines.ts';
import { didYouMeanHint, type Problems } from '../problems.ts';
import { type SearchTermInput, searchTermFileSchema } from '../model/schemas/search-terms.ts';

/** The records a term may name, by id. */
export interface SearchTermRecords {
  capabilities: readonly { id: string }[];
  subCapabilities: readonly { id: string }[];
  elements: readonly { id: string }[];
  subElements: readonly { id: string }[];
}

/** Reads and checks the search terms against the catalog records. */
export function parseSearchTerms(
  text: string,
  file: string,
  records: SearchTermRecords,
  problems: Problems,
): SearchTermInput[] {
  const read = readYamlWith(
    text,
    file,
    problems,
    searchTermFileSchema,
    "Each entry has term (the reader's words), records (SP 800-213A ids) and why; see the head of the file.",
  );
  if (!read) return [];
  const { doc, lines, at } = read;
  const ids = new Set(
    [...records.capabilities, ...records.subCapabilities, ...records.elements, ...records.subElements].map((r) => r.id),
  );
  const seen = new Map<string, number>();
  const out: SearchTermInput[] = [];
  read.data.terms.forEach((t, i) => {
    const key = t.term.toLowerCase().replace(/\s+/g, ' ');
    const line = lineOf(doc, lines, ['terms', i, 'term']);
    if (seen.has(key))
      problems.error(
        file,
        at(['terms', i, 'term']),
        `the term "${t.term}" is already listed on line ${seen.get(key)}`,
        'List each term once, with every record it leads to.',
      );
    else seen.set(key, line);
    const named = new Set<string>();
    t.records.forEach((id, j) => {
      if (named.has(id))
        problems.error(
          file,
          at(['terms', i, 'records', j]),
          `"${id}" is listed twice for "${t.term}"`,
          'Name each record once.',
        );
      named.add(id);
      if (!ids.has(id))
        problems.error(
          file,
          at(['terms', i, 'records', j]),
          `unknown SP 800-213A record "${id}"`,
          didYouMeanHint(id, ids) ||
            'Name a capability (SU), sub-capability (SU-1), element (SU-1.1) or sub-element (DOC-3.b.1) from /capabilities/.',
        );
    });
    out.push({ term: t.term.replace(/\s+/g, ' '), records: t.records, why: t.why, line });
  });
  return out;
}
