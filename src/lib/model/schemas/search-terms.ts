import { z } from 'zod';

/**
 * Search terms (catalog/search-terms.yaml): the words readers use for what the
 * SP 800-213A catalog names differently. Read and checked against the catalog
 * records by src/lib/import/search-terms.ts.
 */
/** catalog/search-terms.yaml as written. */
export const searchTermFileSchema = z
  .object({
    terms: z
      .array(
        z
          .object({
            term: z
              .string()
              .trim()
              .min(2)
              .max(60)
              .regex(/^[\p{L}\p{N}][\p{L}\p{N} '’/+.-]*$/u, 'must be words (letters, digits, spaces, hyphens)'),
            records: z.array(z.string().min(2)).min(1),
            why: z.string().min(10),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export const searchTermSchema = z
  .object({
    term: z.string().min(2),
    /** SP 800-213A record ids: capability (SU), sub-capability (SU-1), element (SU-1.1), sub-element (DOC-3.b.1). */
    records: z.array(z.string().min(2)).min(1),
    why: z.string().min(10),
    /** Line of the term in the file, for messages. */
    line: z.number().int().positive(),
  })
  .strict();
export type SearchTerm = z.infer<typeof searchTermSchema>;
/** What the search term importer returns. */
export type SearchTermInput = z.input<typeof searchTermSchema>;
