import { z } from 'zod';
import { capabilitySchema, elementSchema, subCapabilitySchema, subElementSchema } from './catalog.ts';
import { controlSchema, familySchema } from './control.ts';
import { findingSchema } from './finding.ts';
import { profileTopicSchema } from './federal-profile.ts';
import { guidelineSchema } from './guideline.ts';
import { glossaryEntrySchema } from './glossary.ts';
import { productTypeModelSchema } from './product-type.ts';
import { commentTemplateSchema } from './comment-template.ts';
import { procurementSchema } from './procurement.ts';
import { searchTermSchema } from './search-terms.ts';

/** A source file the model was built from, as pinned in catalog/sources.json. */
export const modelSourceSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    kind: z.string().min(1),
    file: z.string().min(1),
    url: z.string().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().positive(),
  })
  .strict();

/** The whole validated model: everything pages, search and downloads read. */
export const modelSchema = z
  .object({
    sources: z.array(modelSourceSchema).min(1),
    sp80053: z.object({ title: z.string(), version: z.string(), oscalVersion: z.string() }).strict(),
    families: z.array(familySchema).min(1),
    controls: z.array(controlSchema).min(1),
    capabilities: z.array(capabilitySchema).min(1),
    subCapabilities: z.array(subCapabilitySchema).min(1),
    elements: z.array(elementSchema).min(1),
    subElements: z.array(subElementSchema),
    profileTopics: z.array(profileTopicSchema),
    /** SP 800-213 Rev. 1 draft, when its text is pinned. */
    guideline: guidelineSchema.optional(),
    /** Defined terms of the draft (empty without it). */
    glossary: z.array(glossaryEntrySchema),
    /** Product types (catalog/product-types/), checked against the catalog. */
    productTypes: z.array(productTypeModelSchema),
    /** What turns requirements into solicitation text (catalog/procurement/), checked against the catalog. */
    procurement: procurementSchema.optional(),
    /** NIST's comment template layout (catalog/comment-template.yaml). */
    commentTemplate: commentTemplateSchema.optional(),
    /** Readers' words for catalog records (catalog/search-terms.yaml), checked against the catalog. */
    searchTerms: z.array(searchTermSchema),
    findings: z.array(findingSchema),
  })
  .strict();

export type ModelSource = z.infer<typeof modelSourceSchema>;
export type Model = z.infer<typeof modelSchema>;
