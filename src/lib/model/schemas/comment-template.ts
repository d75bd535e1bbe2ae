import { z } from 'zod';
import { TEMPLATE_FIELDS } from './template-fields.ts';

export { TEMPLATE_FIELDS, type TemplateField } from './template-fields.ts';

/** catalog/comment-template.yaml: the columns of NIST's comment template and the email subject (read by src/lib/import/comment-template.ts). */
export const commentTemplateSchema = z
  .object({
    columns: z.array(z.object({ header: z.string().min(1), field: z.enum(TEMPLATE_FIELDS) }).strict()).min(1),
    subject: z.string().min(1),
  })
  .strict();

export type CommentTemplate = z.infer<typeof commentTemplateSchema>;
/** What the comment template importer returns. */
export type CommentTemplateInput = z.input<typeof commentTemplateSchema>;
