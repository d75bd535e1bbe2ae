/**
 * Search records that are not whole pages: each paragraph, list and callout of
 * the draft, so that a result links to the paragraph itself and shows its page
 * and margin lines (the guidance pages leave these blocks out of their own
 * index entry).
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
        return [{
          url: `/guidance/${page.slug}/#${blockAnchor(s, b)}`,
          content: `${heading}. ${text}`,
          meta: { title: heading, where: `SP 800-213 Rev. 1 draft, ${whereLabel(b)}` },
          filters: { kind: ['guidance'], status: ['current'] },
        }];
      }),
    ),
  );
}
