import { z } from 'zod';
import { provenanceSchema } from './provenance.ts';

/**
 * SP 800-213 Rev. 1 (draft) as a structured document, imported from the text
 * conversion of its PDF (src/lib/import/guideline-draft/, whose document types
 * are `z.input` of these schemas). Every field the importer writes is named here.
 */

/** A range of margin line numbers. */
export const lineRangeSchema = z
  .object({ first: z.number().int().positive(), last: z.number().int().positive() })
  .strict();

const blockBase = {
  id: z.string().min(1),
  page: z.string().min(1),
  sourceLine: z.number().int().positive(),
};

/** Label of the page a block ends on, when it continues past `page`. */
const endPage = z.string().min(1).optional();

export const paragraphBlockSchema = z
  .object({
    kind: z.literal('paragraph'),
    ...blockBase,
    text: z.string(),
    endPage,
    lines: lineRangeSchema.optional(),
    citations: z.array(z.string()),
    footnoteRefs: z.array(z.string()),
  })
  .strict();

export const listBlockSchema = z
  .object({
    kind: z.literal('list'),
    ...blockBase,
    ordered: z.boolean(),
    items: z.array(z.string()),
    /** Each item's printed marker (`1.`, `a.`, `b)`, `ii.`), for ordered lists. */
    markers: z.array(z.string()).optional(),
    /** Each item's nesting depth (0 = top), when some item is nested. */
    depths: z.array(z.number().int().min(0)).optional(),
    endPage,
    lines: lineRangeSchema.optional(),
    citations: z.array(z.string()),
    /** Footnote numbers referenced from the items, when any. */
    footnoteRefs: z.array(z.string()).optional(),
  })
  .strict();

export const calloutBlockSchema = z
  .object({
    kind: z.literal('callout'),
    ...blockBase,
    /** `details`, `consider`: the box's label in lower case. */
    variant: z.string(),
    title: z.string(),
    text: z.string(),
    endPage,
    lines: lineRangeSchema.optional(),
    citations: z.array(z.string()),
    /** Footnote numbers referenced from the box, when any. */
    footnoteRefs: z.array(z.string()).optional(),
  })
  .strict();

export const figureBlockSchema = z
  .object({
    kind: z.literal('figure'),
    ...blockBase,
    number: z.number().int().positive(),
    caption: z.string(),
    /** The margin lines the caption can cover (same estimate as other blocks). */
    lines: lineRangeSchema.optional(),
  })
  .strict();

export const guidelineBlockSchema = z.discriminatedUnion('kind', [
  paragraphBlockSchema,
  listBlockSchema,
  calloutBlockSchema,
  figureBlockSchema,
]);

export const guidelineSectionSchema = z
  .object({
    id: z.string().min(1),
    number: z.string().optional(),
    numberInferred: z.boolean().optional(),
    title: z.string().min(1),
    /** The source prints no heading here (the notices before the first heading): the title is the parser's. */
    titleInferred: z.boolean().optional(),
    /** 1 for "2.", 2 for "2.1", 3 for "2.1.1"; front matter parts too. */
    level: z.number().int().min(0),
    page: z.string().min(1),
    sourceLine: z.number().int().positive(),
    frontMatter: z.boolean().optional(),
    blocks: z.array(guidelineBlockSchema),
  })
  .strict();

export const guidelineFrontMatterSchema = z
  .object({
    title: z.string(),
    subtitle: z.string().optional(),
    series: z.string(),
    status: z.string().optional(),
    authors: z.array(z.string()),
    doi: z.string().optional(),
    date: z.string().optional(),
    commentPeriod: z.object({ start: z.string(), end: z.string() }).strict().optional(),
    commentEmail: z.string().optional(),
    /** The postal address under "Submit Comments", one printed line per line (`\n`). */
    commentAddress: z.string().optional(),
    totalPages: z.number().int().positive().optional(),
    /** The PDF the conversion was made from (`source_url` in the YAML front matter). */
    sourceUrl: z.string().optional(),
    /** The title page's other lines, as printed: division, laboratory, department, officials. */
    imprint: z.array(z.string()).optional(),
  })
  .strict();

export const tocEntrySchema = z
  .object({
    number: z.string().optional(),
    title: z.string(),
    page: z.string(),
    inSource: z.boolean(),
    /** The entry is an appendix: `Appendix A. Glossary` gives number `A`, title `Glossary`. */
    appendix: z.boolean().optional(),
  })
  .strict();

export const figureListEntrySchema = z
  .object({
    number: z.number(),
    title: z.string(),
    page: z.string(),
    /** A caption with this number is in the source. */
    inSource: z.boolean().optional(),
  })
  .strict();

export const footnoteSchema = z
  .object({
    number: z.string(),
    text: z.string(),
    page: z.string(),
    line: z.number(),
    /** Citation numbers in the footnote, when any. */
    citations: z.array(z.string()).optional(),
  })
  .strict();

export const guidelinePageSchema = z
  .object({
    label: z.string(),
    lines: lineRangeSchema.optional(),
    /** The page-number line (for an unnumbered page, the page's first line). */
    sourceLine: z.number(),
    /** The PDF prints no number on this page (before page i); the label is the parser's `unnumbered-N`. */
    unnumbered: z.boolean().optional(),
  })
  .strict();

/** The document the draft importer returns. */
export const guidelineDocumentSchema = z
  .object({
    frontMatter: guidelineFrontMatterSchema,
    /** The whole draft's table of contents, one entry per line of it (and List of Figures separately). */
    toc: z.array(tocEntrySchema),
    figuresList: z.array(figureListEntrySchema),
    /** Every section present in the source, in order, flat, with level; front matter parts (Abstract, Note to Reviewers…) as unnumbered sections with `frontMatter: true`. */
    sections: z.array(guidelineSectionSchema),
    footnotes: z.array(footnoteSchema),
    /** Pages seen, in order, each with its margin line-number range (front matter pages have none). */
    pages: z.array(guidelinePageSchema),
  })
  .strict();

/** The draft as the model holds it: the document, the official PDF it was converted from, and where it came from. */
export const guidelineSchema = z
  .object({
    /** The official PDF the text was converted from. */
    pdfUrl: z.url(),
    /** PDF page index = printed body page number + this offset (front matter and cover pages). */
    pdfPageOffset: z.number().int().min(0),
    ...guidelineDocumentSchema.shape,
    sections: z.array(guidelineSectionSchema).min(1),
    provenance: provenanceSchema,
  })
  .strict();

export type LineRange = z.infer<typeof lineRangeSchema>;
export type GuidelineBlock = z.infer<typeof guidelineBlockSchema>;
export type GuidelineSection = z.infer<typeof guidelineSectionSchema>;
export type GuidelineFrontMatter = z.infer<typeof guidelineFrontMatterSchema>;
export type Guideline = z.infer<typeof guidelineSchema>;

/** What the importer writes (`z.input`): the draft importer's public types. */
export type GuidelineDocumentInput = z.input<typeof guidelineDocumentSchema>;
export type GuidelineSectionInput = z.input<typeof guidelineSectionSchema>;
export type GuidelineBlockInput = z.input<typeof guidelineBlockSchema>;
export type TocEntryInput = z.input<typeof tocEntrySchema>;
export type GuidelinePageInput = z.input<typeof guidelinePageSchema>;
