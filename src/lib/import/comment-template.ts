/** catalog/comment-template.yaml: the columns of NIST's comment template and the email subject. */
import { parseYaml } from '../yaml-lines.ts';
import type { Problems } from '../problems.ts';
import { jsonPath } from '../sources/source-manifest.ts';
import { type CommentTemplateInput, commentTemplateSchema } from '../model/schemas/comment-template.ts';

export function parseCommentTemplate(text: string, file: string, problems: Problems): CommentTemplateInput | undefined {
  const yaml = parseYaml(text, file, problems);
  if (!yaml) return undefined;
  const { doc } = yaml;
  const parsed = commentTemplateSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const i of parsed.error.issues)
      problems.error(
        file,
        jsonPath(i.path),
        i.message,
        'Each column needs a header and a field (see the comment at the top of the file).',
      );
    return undefined;
  }
  return parsed.data;
}
