/**
 * Adds the draft federal profile (NISTIR 8259D) topics to the model: per topic
 * page, its sections with the actions asked of manufacturers and agencies, and
 * the SP 800-213A capability the topic belongs to. Non-technical elements filed
 * under a theme ("Device Security: …") that no capability or topic names are
 * reported.
 */
import type { ProfileTopic as PageTopic } from '../import/federal-profile-pages.ts';
import { textKey } from '../text.ts';
import type { CatalogRecords } from './assemble-requirements.ts';
import type { CapabilityConfig } from './schemas/capability-config.ts';
import type { ProfileTopic } from './schemas/federal-profile.ts';
import type { Finding } from './schemas/finding.ts';

export interface ProfilePage {
  source: { id: string; file: string };
  stem: string;
  page: PageTopic;
}

export function profileTopics(pages: ProfilePage[], configs: CapabilityConfig[]): ProfileTopic[] {
  return pages.map(({ source, stem, page }) => {
    const id = `fp-${page.kind === 'technical' ? 'tech' : 'nontech'}-${stem}`;
    const capability = configs.find((c) => c.kind === 'technical' && c.profile === stem)?.id;
    return {
      id,
      kind: page.kind,
      topic: stem,
      title: page.title,
      description: page.description,
      ...(capability ? { capability } : {}),
      sections: page.sections.map((s, i) => ({
        id: `${id}-s${i + 1}`,
        heading: s.heading,
        description: s.description,
        manufacturer: s.manufacturer,
        agency: s.agency,
        items: s.items.map((item) => item.text),
        provenance: { source: source.id, file: source.file, place: `line ${s.line}` },
      })),
      provenance: { source: source.id, file: source.file, place: `line ${page.line}` },
    };
  });
}

/** Reports the themes of non-technical elements that match no capability name and no profile topic. */
export function checkElementTopics(
  records: CatalogRecords,
  topics: ProfileTopic[],
  configs: CapabilityConfig[],
  findings: Finding[],
): void {
  const known = new Set([...configs.flatMap((c) => c.names ?? []), ...topics.map((t) => t.title)].map(textKey));
  const unknown = new Map<string, string[]>();
  for (const el of records.elements) {
    if (el.topic && !known.has(textKey(el.topic))) unknown.set(el.topic, [...(unknown.get(el.topic) ?? []), el.id]);
  }
  for (const [topic, ids] of unknown) {
    const where = ids.map((id) => records.elements.find((e) => e.id === id)!.provenance);
    findings.push({
      kind: 'unknown-topic',
      message: `${ids.join(', ')} ${ids.length === 1 ? 'is' : 'are'} filed under "${topic}", which is neither a capability nor a federal profile topic.`,
      records: ids,
      where,
    });
  }
}
