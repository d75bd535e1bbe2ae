import { z } from 'zod';

/**
 * Project-written procurement data (catalog/procurement/): what turns SP 800-213A
 * records into requirements a contracting officer can attach to a solicitation.
 * Written by the project, never copied from NIST; every id it names is checked
 * against the model when it is loaded (src/lib/import/procurement.ts).
 */

/** How an offeror's claim is checked (the usual four verification methods). */
export const verificationSchema = z.enum(['test', 'demonstration', 'inspection', 'analysis']);
export type Verification = z.infer<typeof verificationSchema>;

const sentence = z
  .string()
  .min(12)
  .regex(/^[A-Z[]/, 'must start with a capital letter')
  .regex(/[.]$/, 'must end with a full stop');

/**
 * The terms of one requirement: a technical sub-capability (`DI-1`) or a
 * non-technical element (`DOC-1.a.1`), keyed by its id in
 * catalog/procurement/requirements/<capability>.yaml.
 */
export const requirementTermsSchema = z
  .object({
    /** Short title of the requirement: "Identifier management". */
    title: z
      .string()
      .min(3)
      .max(70)
      .regex(/^[A-Z]/, 'must start with a capital letter')
      .regex(/[^.]$/, 'a title has no final full stop'),
    verification: verificationSchema,
    /** What the offeror delivers that proves it: a test report, the disclosure policy, an SBOM. */
    evidence: z.array(sentence).min(1).max(4),
    /** The requirement stated as a testable outcome, used when it is a key requirement. */
    outcome: sentence,
    /** The pass criterion: how the agency checks the outcome ("Verified by test: …"). */
    pass: z
      .string()
      .regex(
        /^Verified by (test|demonstration|inspection|analysis): [^ ]/,
        'must start with "Verified by test: ", "Verified by demonstration: ", "Verified by inspection: " or "Verified by analysis: "',
      )
      .regex(/[.]$/, 'must end with a full stop'),
  })
  .strict();
export type RequirementTerms = z.infer<typeof requirementTermsSchema> & { id: string; file: string };

/** Kinds of value an agency sets, each checked the way its input is. */
export const agencyValueKindSchema = z.enum(['text', 'date', 'days', 'months', 'years', 'number', 'list']);
export type AgencyValueKind = z.infer<typeof agencyValueKindSchema>;

/**
 * A value the agency sets (catalog/procurement/agency-values.yaml): it appears in
 * the documents as "[AGENCY: name]" until the agency fills it in.
 */
export const agencyValueSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase-kebab-case'),
    /** What it is, as the bracket reads: "system use notification message". */
    name: z
      .string()
      .min(3)
      .regex(/^[a-z0-9]/, 'starts in lower case: it reads inside a sentence'),
    kind: agencyValueKindSchema,
    /** A suggested value, shown beside the blank (never filled in by itself). */
    suggestion: z.string().min(1).optional(),
    /** SP 800-53 parameters (OSCAL param ids such as `ac-8_prm_1`) the value sets. */
    params: z.array(
      z.string().regex(/^[a-z]{2}-\d+(\.\d+)?_prm_\d+$/, 'must be an OSCAL parameter id such as ac-8_prm_1'),
    ),
    /** Where a catalog element leaves the value to the agency: the words replaced, and with what. */
    uses: z.array(
      z
        .object({
          element: z.string().min(4),
          /** Words of the element's text (or of one of its items) that the value replaces. */
          replace: z.string().min(3),
          /** What goes in their place; `{value}` is the bracketed value. Default: `{value}`. */
          with: z.string().includes('{value}', { message: 'must contain {value}' }).optional(),
        })
        .strict(),
    ),
  })
  .strict();
export type AgencyValue = z.infer<typeof agencyValueSchema>;

/** A correction of the catalog's wording in the requirement text, listed in the source report. */
export const wordingCorrectionSchema = z
  .object({
    element: z.string().min(4),
    replace: z.string().min(2),
    with: z.string(),
    why: z.string().min(10),
  })
  .strict();
export type WordingCorrection = z.infer<typeof wordingCorrectionSchema>;

/** A citation a project-written clause rests on. */
export const citationSchema = z
  .object({
    /** "NIST SP 800-213 Rev. 1 ipd, section 3.1, p. 21": as a reader looks it up. */
    cite: z.string().min(5),
    url: z
      .string()
      .regex(/^https:\/\//)
      .optional(),
  })
  .strict();

/** A post-market support obligation (catalog/procurement/post-market.yaml). */
export const postMarketObligationSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    title: z.string().min(3),
    /** The clause; `{value-id}` names an agency value. */
    text: sentence,
    /** SP 800-213A records whose subject it restates (checked against the model). */
    records: z.array(z.string().min(2)),
    sources: z.array(citationSchema).min(1),
  })
  .strict();
export type PostMarketObligation = z.infer<typeof postMarketObligationSchema>;

/** What the offeror delivers, in what format, when (catalog/procurement/deliverables.yaml). */
export const deliverableSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    item: z.string().min(3),
    format: z.string().min(2),
    /** When it is due; may name agency values as `{value-id}`. */
    due: z.string().min(3),
    /** Asked of the offeror in the vendor questionnaire. */
    question: z.string().regex(/\?$/, 'a question ends with "?"').optional(),
  })
  .strict();
export type Deliverable = z.infer<typeof deliverableSchema>;

/** A federal acquisition clause or provision that applies to some product types (catalog/procurement/federal-clauses.yaml). */
export const federalClauseSchema = z
  .object({
    /** "FAR 52.204-25". */
    id: z.string().min(3),
    title: z.string().min(5),
    kind: z.enum(['clause', 'provision']),
    /** Why it applies, in the project's words. */
    why: z.string().min(10),
    /** What the clause implements: "Section 889(a)(1)(A) of the John S. McCain NDAA for FY 2019 (Pub. L. 115-232)". */
    implements: z.string().min(5).optional(),
    /** Product type ids, or `all`. */
    types: z.union([z.literal('all'), z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)).min(1)]),
    /** Where the regulation itself is published: "48 CFR 52.204-25". */
    cfr: z.string().regex(/^48 CFR \d/),
  })
  .strict();
export type FederalClause = z.infer<typeof federalClauseSchema>;

/** A definition the documents give, in the project's words, of a term the draft defines (catalog/procurement/definitions.yaml). */
export const definitionSchema = z
  .object({
    term: z.string().min(2),
    definition: sentence,
  })
  .strict();
export type Definition = z.infer<typeof definitionSchema>;

/** All of it, as the model holds it. */
export const procurementSchema = z
  .object({
    requirements: z.array(requirementTermsSchema.extend({ id: z.string().min(2), file: z.string().min(1) }).strict()),
    values: z.array(agencyValueSchema),
    corrections: z.array(
      wordingCorrectionSchema.extend({ file: z.string().min(1), line: z.number().int().positive() }).strict(),
    ),
    postMarket: z.array(postMarketObligationSchema),
    deliverables: z.array(deliverableSchema),
    federalClauses: z.array(federalClauseSchema),
    definitions: z.array(definitionSchema),
  })
  .strict();
export type Procurement = z.infer<typeof procurementSchema>;
/** What the procurement importer returns. */
export type ProcurementInput = z.input<typeof procurementSchema>;
