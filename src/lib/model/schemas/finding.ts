import { z } from 'zod';
import { provenanceSchema } from './provenance.ts';

/**
 * A disagreement between sources, or an oddity of one, that the build accepts
 * and the site shows: never an error, never hidden.
 */
export const findingKindSchema = z.enum([
  /** The workbook's bold (low baseline) mark and the LOW profile disagree on a link. */
  'low-baseline-disagreement',
  /** A control title typed in the workbook differs from the catalog's. */
  'control-title-typo',
  /** A control id had to be read past a typing slip (`SC-28PROTECTION`, `AC-2 ACCOUNT MANAGEMENT(2)`). */
  'control-reference-typo',
  /** A mapped control is withdrawn in the catalog. */
  'withdrawn-control-mapped',
  /** A CSF subcategory id had to be read past a typing slip. */
  'csf-id-typo',
  /** The workbook says "No Mapping". */
  'no-mapping',
  /** The same control is listed twice for one record. */
  'duplicate-reference',
  /** A record is in one source and not the other. */
  'only-in-workbook',
  'only-in-page',
  /** The same record reads differently in two sources. */
  'text-differs',
  'title-differs',
  /** The CSF workbook's rows do not line up with the SP 800-53 workbook's. */
  'csf-row-mismatch',
  /** A non-technical element names a theme no capability or profile topic has. */
  'unknown-topic',
  /** The requirement text corrects a slip in the catalog's wording (catalog/procurement/wording-corrections.yaml). */
  'wording-corrected',
  /** Something in a source the importer read past: odd structure, a withdrawn control without destination. */
  'source-oddity',
]);
export type FindingKind = z.infer<typeof findingKindSchema>;

export const findingSchema = z
  .object({
    kind: findingKindSchema,
    message: z.string().min(1),
    /** Model ids the finding is about (elements, controls…). */
    records: z.array(z.string()),
    where: z.array(provenanceSchema).min(1),
  })
  .strict();

export type Finding = z.infer<typeof findingSchema>;
