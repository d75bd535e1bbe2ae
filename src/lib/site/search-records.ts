/**
 * Search records that are not whole pages: each paragraph, list and callout of
 * the draft, so that a result links to the paragraph itself and shows its page
 * and margin lines; and each glossary term (the guidance and glossary pages
 * leave these out of their own index entry).
 */
import type { Model } from '../model/schemas/model.ts';
import { blockAnchor, guidancePages, whereLabel } from './guidance.ts';

export interface SearchRecord {
  /** Site path with anchor, without the base (Pagefind adds the base in the browser). */
  url: string;
  content: string;
  meta: { title: string; where: string };
  filters: Record<string, string[]>;
}

export function guidanceBlockRecords(model: Model): SearchRecord[] {
  const g = model.guideline;
  if (!g) return [];
  return guidancePages(g).flatMap((page) =>
    page.sections.flatMap((s) =>
      s.blocks.flatMap((b): SearchRecord[] => {
        if (b.kind === 'figure') return [];
        const text = b.kind === 'list' ? b.items.join('\n') : b.kind === 'callout' ? `${b.title}. ${b.text}` : b.text;
        const heading = `${s.number ? `${s.number} ` : ''}${s.title}`;
        return [
          {
            url: `/guidance/${page.slug}/#${blockAnchor(s, b)}`,
            content: `${heading}. ${text}`,
            meta: { title: heading, where: `SP 800-213 Rev. 1 draft, ${whereLabel(b)}` },
            filters: { kind: ['guidance'], status: ['current'] },
          },
        ];
      }),
    ),
  );
}

export function glossaryRecords(model: Model): SearchRecord[] {
  return model.glossary.map((e) => {
    const d = e.definition;
    const where = d
      ? `Defined in the SP 800-213 Rev. 1 draft, ${d.sectionNumber ? `Sec. ${d.sectionNumber}, ` : ''}p. ${d.page}${d.lines ? `, lines ${d.lines.first}–${d.lines.last}` : ''}`
      : 'Glossary of the SP 800-213 Rev. 1 draft';
    return {
      url: `/glossary/#${e.slug}`,
      content: `${e.term}. ${d?.text ?? ''}`,
      meta: { title: `${e.term} (glossary)`, where },
      filters: { kind: ['guidance'], status: ['current'] },
    };
  });
}
