import { z } from 'zod';
import { COMPONENT_TYPES } from './component-types.ts';

/**
 * Product types (catalog/product-types/<id>.yaml): an IoT product agencies buy,
 * its components, what it handles and affects, which SP 800-213A
 * sub-capabilities each component must provide, and its key requirements.
 * Read and checked against the model by src/lib/import/product-types.ts.
 */

export { COMPONENT_TYPES, type ComponentType } from './component-types.ts';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase-kebab-case');

export const productTypeSchema = z
  .object({
    name: z.string().min(3),
    description: z.string().min(20),
    /** Default impact level (FIPS 199) for systems that use the product. */
    impact: z.enum(['LOW', 'MODERATE', 'HIGH']),
    components: z
      .array(
        z
          .object({
            id: slug,
            type: z.enum(COMPONENT_TYPES),
            name: z.string().min(2),
            does: z.string().min(10),
          })
          .strict(),
      )
      .min(1),
    data: z
      .array(
        z
          .object({
            kind: z.enum(['personal', 'confidential', 'environmental', 'operational', 'health']),
            what: z.string().min(3),
          })
          .strict(),
      )
      .min(1),
    effects: z
      .object({
        safety: z.string().min(3).optional(),
        availability: z.string().min(3).optional(),
      })
      .strict(),
    /** Which sub-capabilities (or whole capabilities) each component must provide, and why. */
    allocation: z
      .array(
        z
          .object({
            capabilities: z
              .array(
                z.string().regex(/^[A-Z]{2,5}(-\d+)?$/, 'must be a capability id (DI) or sub-capability id (DI-1)'),
              )
              .min(1),
            components: z.array(slug).min(1),
            why: z.string().min(10),
          })
          .strict(),
      )
      .min(1),
    /**
     * Key requirements: requirements whose absence is an unacceptable risk. Each names a technical
     * sub-capability (SU-1) or a non-technical element (DOC-1.e.1): the unit a requirement is written for.
     */
    key: z
      .array(
        z
          .object({
            requirement: z
              .string()
              .regex(
                /^[A-Z]{2,5}-\d+(\.[a-z]\.\d+)?$/,
                'must be a requirement id: a technical sub-capability such as SU-1 or a non-technical element such as DOC-1.e.1',
              ),
            why: z.string().min(10),
          })
          .strict(),
      )
      .min(1),
    /** Technical elements that do not apply to some components the allocation gives them to, and why. */
    'not-applicable': z
      .array(
        z
          .object({
            elements: z
              .array(z.string().regex(/^[A-Z]{2,5}-\d+\.\d+$/, 'must be a technical element id such as CSA-2.12'))
              .min(1),
            components: z.array(slug).min(1),
            why: z.string().min(10),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

export type ProductTypeFile = z.infer<typeof productTypeSchema>;

/** A product type as the model holds it: the file's content, its id (the file name) and the file. */
export const productTypeModelSchema = productTypeSchema.extend({ id: slug, file: z.string().min(1) }).strict();
export type ProductType = z.infer<typeof productTypeModelSchema>;
/** What the product type importer returns. */
export type ProductTypeInput = z.input<typeof productTypeModelSchema>;
