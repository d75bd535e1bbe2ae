import { z } from 'zod';
import { provenanceSchema } from './provenance.ts';

/** OSCAL control id as used by NIST: `ac-2`, `ac-2.7`. */
export const controlIdPattern = /^[a-z]{2}-\d{1,2}(\.\d{1,2})?$/;
export const controlIdSchema = z
  .string()
  .regex(controlIdPattern, 'must be an OSCAL control id such as "ac-2" or "ac-2.7"');

export const baselineSchema = z.enum(['LOW', 'MODERATE', 'HIGH', 'PRIVACY']);
export type Baseline = z.infer<typeof baselineSchema>;

export interface StatementPart {
  /** OSCAL part id, e.g. `ac-2_smt.a`. */
  id: string;
  /** Item label as NIST prints it: `a.`, `1.`, `(a)`; empty for the statement itself. */
  label: string;
  /** Prose with parameters rendered as NIST's text reads. */
  text: string;
  parts: StatementPart[];
}

export const statementPartSchema: z.ZodType<StatementPart> = z.lazy(() =>
  z
    .object({
      id: z.string().min(1),
      label: z.string(),
      text: z.string(),
      parts: z.array(statementPartSchema),
    })
    .strict(),
);

export const parameterSchema = z
  .object({
    id: z.string().min(1),
    /** Assignment label, e.g. `organization-defined frequency`. */
    label: z.string().optional(),
    select: z
      .object({
        howMany: z.enum(['one', 'one-or-more']).optional(),
        /** Choices with nested parameters rendered. */
        choices: z.array(z.string()),
      })
      .strict()
      .optional(),
    dependsOn: z.string().optional(),
    /** The parameter as it reads in the text: `[Assignment: …]` or `[Selection (one or more): …]`. */
    text: z.string().min(1),
  })
  .strict();

export const withdrawalTargetSchema = z
  .object({
    relation: z.enum(['incorporated-into', 'moved-to']),
    /** A control, an item of a control's statement, or a whole family (SA-12 went to the SR family). */
    target: z.enum(['control', 'item', 'family']),
    /** Control id (`ac-2`), also for an item; family id (`sr`) for a family. */
    id: z.string().min(1),
    /** Statement part id when the target is an item (`ac-2_smt.k`). */
    part: z.string().optional(),
    /** How NIST cites the target: `AC-2k`, `AC-6(9)`, `SR`. */
    label: z.string().min(1),
  })
  .strict();

export const controlSchema = z
  .object({
    id: controlIdSchema,
    /** `AC-2(7)`. */
    label: z.string().min(1),
    title: z.string().min(1),
    family: z.string().regex(/^[a-z]{2}$/),
    kind: z.enum(['control', 'enhancement']),
    parent: controlIdSchema.optional(),
    sortId: z.string().min(1),
    withdrawn: z.boolean(),
    withdrawnTo: z.array(withdrawalTargetSchema),
    statement: statementPartSchema.optional(),
    guidance: z.string().optional(),
    params: z.array(parameterSchema),
    related: z.array(controlIdSchema),
    enhancements: z.array(controlIdSchema),
    baselines: z.array(baselineSchema),
    provenance: provenanceSchema,
  })
  .strict();

export const familySchema = z
  .object({
    id: z.string().regex(/^[a-z]{2}$/),
    /** `AC`. */
    label: z.string().regex(/^[A-Z]{2}$/),
    title: z.string().min(1),
    /** Controls and enhancements of the family, in catalog order. */
    controls: z.array(controlIdSchema),
    provenance: provenanceSchema,
  })
  .strict();

export type Parameter = z.infer<typeof parameterSchema>;
export type WithdrawalTarget = z.infer<typeof withdrawalTargetSchema>;
export type Control = z.infer<typeof controlSchema>;
export type Family = z.infer<typeof familySchema>;
