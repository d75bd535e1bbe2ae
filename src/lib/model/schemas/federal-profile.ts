import { z } from 'zod';
import { capabilityIdPattern, catalogKindSchema } from './catalog.ts';
import { provenanceSchema } from './provenance.ts';

/** One heading of a draft federal profile (NISTIR 8259D) page with the actions it asks of each party. */
export const profileSectionSchema = z
  .object({
    id: z.string().regex(/^fp-[a-z0-9-]+$/),
    heading: z.string().min(1),
    description: z.string(),
    manufacturer: z.array(z.string().min(1)),
    agency: z.array(z.string().min(1)),
    /** Technical pages: the element bullets of the section. */
    items: z.array(z.string().min(1)),
    provenance: provenanceSchema,
  })
  .strict();

export const profileTopicSchema = z
  .object({
    /** `fp-tech-identity` (technical page) / `fp-nontech-identity` (non-technical page); sections add `-s1`, `-s2`… */
    id: z.string().regex(/^fp-[a-z0-9-]+$/),
    kind: catalogKindSchema,
    /** Page file stem, e.g. `identity`. */
    topic: z.string().min(1),
    title: z.string().min(1),
    description: z.string(),
    /** The SP 800-213A technical capability the topic belongs to, when there is one. */
    capability: z.string().regex(capabilityIdPattern).optional(),
    sections: z.array(profileSectionSchema),
    provenance: provenanceSchema,
  })
  .strict();

export type ProfileSection = z.infer<typeof profileSectionSchema>;
export type ProfileTopic = z.infer<typeof profileTopicSchema>;
