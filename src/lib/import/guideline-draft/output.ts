/**
 * Stage 7, output: the draft sections become the document's sections, with
 * section ids (the number, `appendix-a`, or a slug of the title), block ids
 * per kind (`p1…`, `l1…`, `c1…`, `f1…`), page labels, line ranges and
 * normalized text; footnotes and pages as the document lists them. Pure.
 */
import { blockLines, hasWeight } from './line-estimates.ts';
import { citationsOf, normalizeText, slug } from './text-rules.ts';
import type { Block, DraftBlock, DraftSection, GuidelineDocument, Page, PageRec, Section, Walk } from './types.ts';

/** The label of page index `p` (empty when there is no such page). */
export function pageLabels(pages: PageRec[]): (p: number) => string {
  return (p) => pages[p]?.label ?? '';
}

export function buildSections(drafts: DraftSection[], labelOf: (p: number) => string): Section[] {
  const used = new Set<string>();
  const unique = (id: string) => {
    let out = id;
    for (let n = 2; used.has(out); n++) out = `${id}-${n}`;
    used.add(out);
    return out;
  };
  return drafts.map((d) => {
    const inferred = d.inferredNumber;
    const number = d.printedNumber ?? d.appendix ?? inferred;
    const id = unique(d.appendix ? `appendix-${d.appendix.toLowerCase()}` : (number ?? slug(d.title)));
    const counters: Record<string, number> = {};
    const blocks = d.blocks.map((b) => {
      const prefix = { paragraph: 'p', list: 'l', callout: 'c', figure: 'f' }[b.kind];
      counters[prefix] = (counters[prefix] ?? 0) + 1;
      return buildBlock(b, `${prefix}${counters[prefix]}`, labelOf);
    });
    return {
      id,
      ...(number ? { number } : {}),
      ...(inferred ? { numberInferred: true } : {}),
      title: normalizeText(d.title),
      ...(d.titleInferred ? { titleInferred: true } : {}),
      level: d.level ?? 1,
      page: labelOf(d.page),
      sourceLine: d.sourceLine,
      ...(d.frontMatter ? { frontMatter: true } : {}),
      blocks,
    };
  });
}

/** One block as the document gives it, with id `bid`. */
export function buildBlock(b: DraftBlock, bid: string, labelOf: (p: number) => string): Block {
  const page = labelOf(b.page);
  const weighed = b.units.filter(hasWeight);
  const lastUnit = weighed[weighed.length - 1];
  const endLabel = lastUnit && lastUnit.page !== b.page ? labelOf(lastUnit.page) : undefined;
  const lines = blockLines(weighed);
  const common = {
    page,
    ...(endLabel ? { endPage: endLabel } : {}),
    ...(lines ? { lines } : {}),
    sourceLine: b.sourceLine,
  };
  if (b.kind === 'figure')
    return {
      kind: 'figure',
      id: bid,
      number: b.number,
      caption: normalizeText(b.title),
      page,
      sourceLine: b.sourceLine,
      ...(lines ? { lines } : {}),
    };
  if (b.kind === 'paragraph') {
    const text = normalizeText(b.text);
    return { kind: 'paragraph', id: bid, text, ...common, citations: citationsOf(text), footnoteRefs: b.footnoteRefs };
  }
  if (b.kind === 'list') {
    const items = b.items.map((it) => normalizeText(it.text));
    const depths = b.items.map((it) => it.depth);
    return {
      kind: 'list',
      id: bid,
      ordered: b.ordered,
      items,
      ...(b.ordered ? { markers: b.items.map((it) => it.marker) } : {}),
      ...(depths.some((n) => n > 0) ? { depths } : {}),
      ...common,
      citations: citationsOf(items.join(' ')),
      ...(b.footnoteRefs.length ? { footnoteRefs: b.footnoteRefs } : {}),
    };
  }
  const text = normalizeText(b.text);
  return {
    kind: 'callout',
    id: bid,
    variant: b.variant,
    title: normalizeText(b.title),
    text,
    ...common,
    citations: citationsOf(`${b.title} ${text}`),
    ...(b.footnoteRefs.length ? { footnoteRefs: b.footnoteRefs } : {}),
  };
}

export function buildFootnotes(
  footnotes: Walk['footnotes'],
  labelOf: (p: number) => string,
): GuidelineDocument['footnotes'] {
  return footnotes.map((f) => {
    const text = normalizeText(f.text);
    const citations = citationsOf(text);
    return { number: f.number, text, page: labelOf(f.page), line: f.line, ...(citations.length ? { citations } : {}) };
  });
}

export function buildPages(pages: PageRec[]): Page[] {
  return pages.map((p) => ({
    label: p.label,
    ...(p.lines ? { lines: p.lines } : {}),
    sourceLine: p.sourceLine,
    ...(p.unnumbered ? { unnumbered: true } : {}),
  }));
}
