import { z } from 'zod';

/** The fields a comment template column can hold (src/lib/comments/comment-model.ts writes and reads them). */
export const TEMPLATE_FIELDS = ['number', 'commenter', 'type', 'page', 'lineStart', 'lineEnd', 'section', 'comment', 'suggestion', 'document', 'target', 'href', 'id', 'created', 'updated'] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

/** catalog/comment-template.yaml: the columns of NIST's comment template and the email subject (read by src/lib/import/comment-template.ts). */
export const commentTemplateSchema = z
  .object({
    columns: z
      .array(z.object({ header: z.string().min(1), field: z.enum(TEMPLATE_FIELDS) }).strict())
      .min(1),
    subject: z.string().min(1),
  })
  .strict();

export type CommentTemplate = z.infer<typeof commentTemplateSchema>;
