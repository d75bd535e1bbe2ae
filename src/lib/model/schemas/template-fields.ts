/**
 * The fields a comment template column can hold (src/lib/comments/comment-model.ts
 * writes and reads them). No zod here: the comment workspace's browser code
 * reads the list without the template's schema.
 */
export const TEMPLATE_FIELDS = [
  'number',
  'commenter',
  'type',
  'page',
  'lineStart',
  'lineEnd',
  'section',
  'comment',
  'suggestion',
  'document',
  'target',
  'href',
  'id',
  'created',
  'updated',
] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];
