import { z } from 'zod';

/**
 * SP 800-213 Rev. 1 (draft) as a structured document, imported from the text
 * conversion of its PDF (src/lib/import/guideline-draft/).
 */
const lineRange = z.object({ first: z.number().int().positive(), last: z.number().int().positive() });

const blockBase = {
  id: z.string().min(1),
  page: z.string().min(1),
  sourceLine: z.number().int().positive(),
};

export const guidelineBlockSchema = z.discriminatedUnion('kind', [
  z.looseObject({ ...blockBase, kind: z.literal('paragraph'), text: z.string(), lines: lineRange.optional(), citations: z.array(z.string()), footnoteRefs: z.array(z.string()) }),
  z.looseObject({ ...blockBase, kind: z.literal('list'), ordered: z.boolean(), items: z.array(z.string()), lines: lineRange.optional(), citations: z.array(z.string()) }),
  z.looseObject({ ...blockBase, kind: z.literal('callout'), variant: z.string(), title: z.string(), text: z.string(), lines: lineRange.optional(), citations: z.array(z.string()) }),
  z.looseObject({ ...blockBase, kind: z.literal('figure'), number: z.number().int().positive(), caption: z.string() }),
]);

export const guidelineSectionSchema = z.looseObject({
  id: z.string().min(1),
  number: z.string().optional(),
  numberInferred: z.boolean().optional(),
  title: z.string().min(1),
  level: z.number().int().min(0),
  page: z.string().min(1),
  sourceLine: z.number().int().positive(),
  frontMatter: z.boolean().optional(),
  blocks: z.array(guidelineBlockSchema),
});

export const guidelineSchema = z.looseObject({
  /** The official PDF the text was converted from. */
  pdfUrl: z.url(),
  /** PDF page index = printed body page number + this offset (front matter and cover pages). */
  pdfPageOffset: z.number().int().min(0),
  frontMatter: z.looseObject({ title: z.string(), series: z.string(), authors: z.array(z.string()) }),
  toc: z.array(z.looseObject({ number: z.string().optional(), title: z.string(), page: z.string(), inSource: z.boolean() })),
  figuresList: z.array(z.looseObject({ number: z.number(), title: z.string(), page: z.string() })),
  sections: z.array(guidelineSectionSchema).min(1),
  footnotes: z.array(z.looseObject({ number: z.string(), text: z.string(), page: z.string(), line: z.number() })),
  pages: z.array(z.looseObject({ label: z.string(), lines: lineRange.optional(), sourceLine: z.number() })),
  provenance: z.object({ source: z.string(), file: z.string(), place: z.string() }),
});

export type GuidelineBlock = z.infer<typeof guidelineBlockSchema>;
export type GuidelineSection = z.infer<typeof guidelineSectionSchema>;
export type Guideline = z.infer<typeof guidelineSchema>;
