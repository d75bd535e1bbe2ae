/** Reads catalog/capabilities.yaml: the id and source names of every SP 800-213A capability. */
import { parseYaml } from '../yaml-lines.ts';
import type { Problems } from '../problems.ts';
import { jsonPath } from '../sources/source-manifest.ts';
import { type CapabilityConfigFile, capabilityConfigFileSchema } from './schemas/capability-config.ts';

export function parseCapabilityConfig(text: string, file: string, problems: Problems): CapabilityConfigFile {
  const empty: CapabilityConfigFile = { capabilities: [], profileTopics: [] };
  const yaml = parseYaml(text, file, problems);
  if (!yaml) return empty;
  const { doc } = yaml;
  const parsed = capabilityConfigFileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.error(
        file,
        jsonPath(issue.path),
        issue.message,
        'Each capability needs id, kind, workbook and page (see the comment at the top of the file).',
      );
    }
    return empty;
  }
  const list = parsed.data.capabilities;
  const seen = new Map<string, number>();
  list.forEach((c, i) => {
    const first = seen.get(c.id);
    if (first !== undefined)
      problems.error(
        file,
        `$.capabilities[${i}].id`,
        `duplicate capability id "${c.id}" (also $.capabilities[${first}])`,
        'Each capability needs its own id.',
      );
    else seen.set(c.id, i);
    if (c.kind === 'non-technical' && !c.anchor)
      problems.error(
        file,
        `$.capabilities[${i}]`,
        `non-technical capability ${c.id} has no "anchor"`,
        'Give the prefix of its page anchors, e.g. Doc for {: #Doc1 }.',
      );
    if (c.profile && !parsed.data.profileTopics.includes(c.profile))
      problems.error(
        file,
        `$.capabilities[${i}].profile`,
        `profile topic "${c.profile}" is not listed in profileTopics`,
        'Add it to profileTopics or correct the stem.',
      );
  });
  return parsed.data;
}
