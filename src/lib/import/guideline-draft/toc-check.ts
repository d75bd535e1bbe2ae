/**
 * The table-of-contents check: each entry of the table of contents and of
 * the List of Figures is looked up in the sections read, marked `inSource`,
 * and every disagreement (page, title, missing heading, heading not listed)
 * is reported; so is a source that breaks off mid-sentence. Pure but for the
 * warnings: the entries come back as new objects.
 */
import { textKey } from '../../text.ts';
import type { Block, GuidelineDocument, PageRec, Section, TocEntry, Walk, Warn } from './types.ts';

/** The entries with `inSource` set; warns where the table of contents and the headings disagree. */
export function checkToc(
  toc: TocEntry[],
  sections: Section[],
  pages: PageRec[],
  tocLine: number,
  warn: Warn,
): TocEntry[] {
  const numericPages = pages
    .map((p) => p.label)
    .filter((l) => /^\d+$/.test(l))
    .map(Number);
  const lastPage = numericPages.length ? Math.max(...numericPages) : 0;
  const checked = toc.map((entry) => {
    const found = entry.appendix
      ? sections.find((s) => s.number === entry.number && s.id.startsWith('appendix-'))
      : entry.number
        ? sections.find((s) => s.number === entry.number && !s.frontMatter)
        : sections.find((s) => !s.frontMatter && textKey(s.title) === textKey(entry.title));
    const label = `${entry.appendix ? 'Appendix ' : ''}${entry.number ? `${entry.number} ` : ''}"${entry.title}"`;
    if (found) {
      if (found.page !== entry.page)
        warn(
          found.sourceLine,
          `Section ${label} is on page ${found.page}, but the table of contents says page ${entry.page}.`,
        );
      if (textKey(found.title) !== textKey(entry.title))
        warn(
          found.sourceLine,
          `Section ${entry.number ?? ''} is titled "${found.title}" here but ${label} in the table of contents.`,
        );
    } else if (/^\d+$/.test(entry.page) && Number(entry.page) <= lastPage) {
      warn(tocLine, `The table of contents lists ${label} on page ${entry.page}, but no such heading was found.`);
    }
    return { ...entry, inSource: Boolean(found) };
  });
  for (const s of sections) {
    if (s.frontMatter || s.numberInferred || !s.number || !toc.length) continue;
    const listedLevel = toc.some((t) => t.number && !t.appendix && t.number.split('.').length === s.level);
    if (listedLevel && !toc.some((t) => t.number === s.number))
      warn(s.sourceLine, `Heading ${s.number} "${s.title}" is not in the table of contents.`);
  }
  return checked;
}

/** The List of Figures with `inSource` set; warns where it and the captions disagree. */
export function checkFiguresList(
  list: Walk['figuresList'],
  sections: Section[],
  warn: Warn,
): GuidelineDocument['figuresList'] {
  const figures = sections.flatMap((s) =>
    s.blocks.filter((b): b is Extract<Block, { kind: 'figure' }> => b.kind === 'figure'),
  );
  const checked = list.map((entry) => {
    const fig = figures.find((f) => f.number === entry.number);
    if (fig && fig.page !== entry.page)
      warn(
        fig.sourceLine,
        `Figure ${fig.number} is on page ${fig.page}, but the List of Figures says page ${entry.page}.`,
      );
    if (fig && textKey(fig.caption) !== textKey(entry.title))
      warn(
        fig.sourceLine,
        `Figure ${fig.number}'s caption differs from its title in the List of Figures ("${entry.title}").`,
      );
    return { ...entry, inSource: Boolean(fig) };
  });
  for (const fig of figures) {
    if (list.length && !list.some((e) => e.number === fig.number))
      warn(fig.sourceLine, `Figure ${fig.number} is not in the List of Figures.`);
  }
  return checked;
}

/** The source stops mid-sentence (a partial conversion): says where, and how far the draft runs. */
export function reportPartialSource(
  endsOpen: Walk['endsOpen'],
  toc: TocEntry[],
  pages: PageRec[],
  totalPages: number | undefined,
  warn: Warn,
): void {
  if (!endsOpen) return;
  const numbered = pages.filter((p) => /^\d+$/.test(p.label));
  const lastPage = numbered[numbered.length - 1]?.label;
  const tocLast = toc
    .map((t) => Number(t.page))
    .filter((n) => Number.isFinite(n))
    .reduce((a, b) => Math.max(a, b), 0);
  const extent = [
    lastPage ? `page ${lastPage}` : undefined,
    tocLast ? `its table of contents runs to page ${tocLast}` : undefined,
    totalPages ? `the PDF has ${totalPages} pages` : undefined,
  ].filter(Boolean);
  const pastEnd = toc.filter((t) => !t.inSource).length;
  warn(
    endsOpen.line,
    `The text ends in mid-sentence ("…${endsOpen.tail}"): the source is a partial conversion (${extent.join('; ')}).`,
    pastEnd
      ? `The ${pastEnd} table-of-contents entries not found in the source are marked inSource: false.`
      : undefined,
  );
}
