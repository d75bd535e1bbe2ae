import { z } from 'zod';

/** catalog/glossary.yaml: the terms of the draft to define, the words that mark their use, the words that define them. */
export const glossaryConfigSchema = z
  .object({
    terms: z
      .array(
        z
          .object({ term: z.string().min(1), forms: z.array(z.string().min(1)).min(1), defined: z.string().optional() })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type GlossaryConfig = z.infer<typeof glossaryConfigSchema>;

/** A glossary entry: the term, the words that mark its use, and where the draft defines it (when its text does). */
export const glossaryEntrySchema = z
  .object({
    term: z.string().min(1),
    slug: z.string().regex(/^[a-z0-9-]+$/),
    forms: z.array(z.string().min(1)).min(1),
    definition: z
      .object({
        text: z.string().min(1),
        section: z.string().min(1),
        sectionNumber: z.string().optional(),
        /** The block that defines it, or the footnote (its number) when a note does. */
        block: z.string().min(1).optional(),
        footnote: z.string().optional(),
        page: z.string().min(1),
        lines: z.object({ first: z.number(), last: z.number() }).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
