/**
 * The draft guideline as pages: which sections go on which page, the anchors
 * of headings and paragraphs, how a block's page and margin lines read, and
 * the link rules for its running text.
 */
import type { Guideline, GuidelineBlock, GuidelineSection } from '../model/schemas/guideline.ts';
import type { Model } from '../model/schemas/model.ts';
import { catalogIndex } from './catalog-index.ts';
import type { LinkRule } from './text-links.ts';
import { siteUrls, slugOf } from './urls.ts';

/** The official PDF at a printed page (body pages are numbers; front-matter pages are not linked to a page). */
export function pdfPageUrl(model: Model, printedPage: string): string {
  const g = model.guideline!;
  return /^\d+$/.test(printedPage) ? `${g.pdfUrl}#page=${Number(printedPage) + g.pdfPageOffset}` : g.pdfUrl;
}

export interface GuidancePage {
  /** URL slug: `1`, `2`, `3`, or `front-matter`. */
  slug: string;
  title: string;
  sections: GuidelineSection[];
}

/** Front matter (abstract, notes…) on one page, then one page per top-level section with its subsections. */
export function guidancePages(g: Guideline): GuidancePage[] {
  const pages: GuidancePage[] = [];
  const front = g.sections.filter((s) => s.frontMatter);
  if (front.length) pages.push({ slug: 'front-matter', title: 'Front matter', sections: front });
  for (const s of g.sections.filter((x) => !x.frontMatter)) {
    const top = s.number?.split('.')[0];
    const last = pages.at(-1);
    if (s.level <= 1 || !last || last.slug === 'front-matter')
      pages.push({ slug: top ?? slugOf(s.id), title: `${s.number ? `${s.number}. ` : ''}${s.title}`, sections: [s] });
    else last.sections.push(s);
  }
  return pages;
}

export const sectionAnchor = (s: GuidelineSection) => `s-${(s.number ?? s.id).replace(/[^A-Za-z0-9]+/g, '-')}`;
export const blockAnchor = (s: GuidelineSection, b: GuidelineBlock) => `${sectionAnchor(s)}-${b.id}`;

/** "p. 2, lines 42–50" (or the page alone when the page has no margin numbers). */
export function whereLabel(b: GuidelineBlock): string {
  const lines = b.lines;
  const endPage = b.kind === 'figure' ? undefined : b.endPage;
  const pages = endPage && endPage !== b.page ? `pp. ${b.page}–${endPage}` : `p. ${b.page}`;
  if (!lines) return pages;
  return lines.first === lines.last ? `${pages}, line ${lines.first}` : `${pages}, lines ${lines.first}–${lines.last}`;
}

/** The page a section number is on, with its anchor, when the source has it. */
export function sectionHref(model: Model, base: string, number: string): string | undefined {
  const g = model.guideline;
  const s = g?.sections.find((x) => x.number === number);
  if (!g || !s) return undefined;
  const page = guidancePages(g).find((p) => p.sections.includes(s))!;
  return `${siteUrls(base).guidanceSection(page.slug)}#${sectionAnchor(s)}`;
}

/** Link rules for the draft's text on one site: citations, sections, controls, capability names, glossary terms. */
export function guidanceLinkRules(model: Model, base: string): LinkRule[] {
  const g = model.guideline!;
  const urls = siteUrls(base);
  const index = catalogIndex(model);
  const references = g.toc.find((t) => /^references$/i.test(t.title));
  const families = new Set(model.families.map((f) => f.label));
  const capabilityNames = model.capabilities
    .filter((c) => c.kind === 'technical')
    .map((c) => ({ id: c.id, name: c.title }));
  const rules: LinkRule[] = [
    {
      kind: 'citation',
      pattern: /\[(\d{1,3})\]/,
      resolve: (m) => ({
        href: references ? pdfPageUrl(model, references.page) : g.pdfUrl,
        title: `Reference ${m[1]} in the draft's References (PDF)`,
      }),
    },
    {
      kind: 'section',
      pattern: /\b(?:Sec\.|Section)\s+(\d+(?:\.\d+)*)/,
      resolve: (m) => {
        const href = sectionHref(model, base, m[1]!);
        if (href) return { href, title: `Section ${m[1]}` };
        const t = g.toc.find((x) => x.number === m[1]);
        return t
          ? { href: pdfPageUrl(model, t.page), title: `Section ${m[1]} (PDF, not in this edition of the source)` }
          : undefined;
      },
    },
    {
      kind: 'control',
      pattern: /\b([A-Z]{2})-(\d{1,2})(?:\s?\((\d{1,2})\))?(?![\w-])/,
      resolve: (m) => {
        if (!families.has(m[1]!)) return undefined;
        const id = `${m[1]!.toLowerCase()}-${Number(m[2])}${m[3] ? `.${Number(m[3])}` : ''}`;
        const c = index.controls.get(id);
        return c ? { href: urls.control(id), title: `${c.label} ${c.title}` } : undefined;
      },
    },
    ...capabilityNames.map(({ id, name }) => ({
      kind: 'capability' as const,
      pattern: new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`),
      resolve: () => ({ href: urls.capability(id), title: `SP 800-213A ${id} ${name}`, key: `capability:${id}` }),
    })),
    ...model.glossary.map((entry) => ({
      kind: 'glossary' as const,
      pattern: new RegExp(
        `\\b(?:${[...entry.forms]
          .sort((a, b) => b.length - a.length)
          .map((f) => f.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
          .join('|')})\\b`,
        'i',
      ),
      resolve: () => ({
        href: `${urls.glossary}#${entry.slug}`,
        title: `Glossary: ${entry.term}`,
        key: `glossary:${entry.slug}`,
      }),
    })),
  ];
  return rules;
}
