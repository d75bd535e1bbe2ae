import { z } from 'zod';
import { controlIdSchema } from './control.ts';
import { provenanceSchema } from './provenance.ts';

/**
 * SP 800-213A record ids (documented in catalog/README.md):
 *   capability      DI, DOC                      (catalog/capabilities.yaml)
 *   sub-capability  DI-1, DOC-1                  (technical: order in the workbook; non-technical: its number "1.")
 *   element         DI-1.3 | DOC-1.a.2           (technical: order; non-technical: group letter "a." and number "2.")
 *   sub-element     DOC-1.a.2.4                  (order under its element)
 */
export const capabilityIdPattern = /^[A-Z]{2,5}$/;
export const subCapabilityIdPattern = /^[A-Z]{2,5}-\d+$/;
export const elementIdPattern = /^[A-Z]{2,5}-\d+(\.[a-z])?\.\d+$/;
export const subElementIdPattern = /^[A-Z]{2,5}-\d+(\.[a-z])?\.\d+\.\d+$/;

export const catalogKindSchema = z.enum(['technical', 'non-technical']);
export type CatalogKind = z.infer<typeof catalogKindSchema>;

/** One SP 800-53 control named for a catalog record, as the workbook writes it and as the catalog knows it. */
export const controlLinkSchema = z
  .object({
    control: controlIdSchema,
    /** The reference as typed in the workbook cell (one line). */
    sourceText: z.string().min(1),
    /** The workbook sets it in bold: "related 800-53B low baseline control". */
    lowBaselineSource: z.boolean(),
    /** The SP 800-53B LOW baseline profile includes the control. */
    lowBaselineProfile: z.boolean(),
    /** The title typed in the workbook agrees with the catalog's (case and spacing aside). */
    titleMatchesCatalog: z.boolean(),
  })
  .strict();

export const nestedItemSchema: z.ZodType<NestedItem> = z.lazy(() =>
  z.object({ text: z.string().min(1), items: z.array(nestedItemSchema) }).strict(),
);
export interface NestedItem {
  text: string;
  items: NestedItem[];
}

export const csfIdPattern = /^(ID|PR|DE|RS|RC)\.[A-Z]{2}-\d{1,2}$/;

const requirementFields = {
  capability: z.string().regex(capabilityIdPattern),
  subCapability: z.string().regex(subCapabilityIdPattern),
  /** The requirement sentence (first line of the workbook cell). */
  text: z.string().min(1),
  /** Items listed under the sentence (workbook "o" and "-" bullets). */
  items: z.array(nestedItemSchema),
  /** `<details>` examples from the catalog page. */
  examples: z.array(z.string().min(1)),
  controls: z.array(controlLinkSchema),
  /** The workbook says "No Mapping" for the controls. */
  noMapping: z.boolean(),
  csf: z.array(z.string().regex(csfIdPattern)),
  csfNoMapping: z.boolean(),
  provenance: provenanceSchema,
  pageProvenance: provenanceSchema.optional(),
};

export const elementSchema = z
  .object({
    id: z.string().regex(elementIdPattern),
    kind: catalogKindSchema,
    ...requirementFields,
    /** Non-technical: the element's number, `1.`. */
    label: z.string().optional(),
    /** Non-technical: the lettered group the element sits in. */
    group: z
      .object({ label: z.string().min(1), title: z.string().min(1) })
      .strict()
      .optional(),
    /** Non-technical: the technical theme the element is filed under ("Device Security"). */
    topic: z.string().optional(),
    /** Technical: a lead-in the workbook writes above some elements ("If software updates are … automatically:"). */
    leadIn: z.string().optional(),
    /** Non-technical: explanation under the element on the catalog page. */
    description: z.string().optional(),
    subElements: z.array(z.string().regex(subElementIdPattern)),
  })
  .strict();

export const subElementSchema = z
  .object({
    id: z.string().regex(subElementIdPattern),
    kind: z.literal('non-technical'),
    element: z.string().regex(elementIdPattern),
    ...requirementFields,
  })
  .strict();

export const subCapabilitySchema = z
  .object({
    id: z.string().regex(subCapabilityIdPattern),
    kind: catalogKindSchema,
    capability: z.string().regex(capabilityIdPattern),
    title: z.string().min(1),
    /** Non-technical: `1.`. */
    label: z.string().optional(),
    /** Non-technical: the page anchor, `Doc1`. */
    anchor: z.string().optional(),
    description: z.string(),
    elements: z.array(z.string().regex(elementIdPattern)).min(1),
    provenance: provenanceSchema,
    pageProvenance: provenanceSchema.optional(),
  })
  .strict();

export const capabilitySchema = z
  .object({
    id: z.string().regex(capabilityIdPattern),
    kind: catalogKindSchema,
    title: z.string().min(1),
    /** Non-technical: `A.`. */
    label: z.string().optional(),
    /** The capability's name in the workbook, when it differs from the title. */
    workbookTitle: z.string().min(1),
    description: z.string(),
    notes: z.array(z.string()),
    subCapabilities: z.array(z.string().regex(subCapabilityIdPattern)).min(1),
    /** Federal profile topic (page stem) for this capability. */
    profileTopic: z.string().optional(),
    provenance: provenanceSchema,
    pageProvenance: provenanceSchema.optional(),
  })
  .strict();

export type ControlLink = z.infer<typeof controlLinkSchema>;
export type Element = z.infer<typeof elementSchema>;
export type SubElement = z.infer<typeof subElementSchema>;
export type SubCapability = z.infer<typeof subCapabilitySchema>;
export type Capability = z.infer<typeof capabilitySchema>;
