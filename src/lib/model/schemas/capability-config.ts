import { z } from 'zod';
import { capabilityIdPattern, catalogKindSchema } from './catalog.ts';

/** One entry of catalog/capabilities.yaml. */
export const capabilityConfigSchema = z
  .object({
    id: z.string().regex(capabilityIdPattern, 'must be 2-5 capital letters'),
    kind: catalogKindSchema,
    workbook: z.string().min(1),
    page: z.string().regex(/^[a-z0-9_-]+$/, 'must be a page file stem such as "identity"'),
    anchor: z
      .string()
      .regex(/^[A-Za-z]+$/)
      .optional(),
    profile: z
      .string()
      .regex(/^[a-z0-9_-]+$/)
      .optional(),
    names: z.array(z.string().min(1)).optional(),
  })
  .strict();

export const capabilityConfigFileSchema = z
  .object({
    capabilities: z.array(capabilityConfigSchema).min(1),
    profileTopics: z.array(z.string().regex(/^[a-z0-9_-]+$/)).default([]),
  })
  .strict();

export type CapabilityConfigFile = z.infer<typeof capabilityConfigFileSchema>;

export type CapabilityConfig = z.infer<typeof capabilityConfigSchema>;
