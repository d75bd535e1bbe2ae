/**
 * Table-of-contents and List of Figures lines, inside those two front-matter
 * sections: one entry per dotted-leader line (a title wrapped onto the
 * leader line included), numbered, appendix or plain; figures apart.
 */
import { squash } from '../../text.ts';
import { FIGURE_CAPTION, NUMBERED_HEADING, TOC_ENTRY_START, TOC_LINE } from './patterns.ts';
import { normalizeText } from './text-rules.ts';
import type { TextEvent, TocEntry, Walk } from './types.ts';
import type { WalkState } from './walk-state.ts';

/** One leader line's entry: a List of Figures entry, or a table-of-contents one. */
export function tocEntry(head: string, page: string): { figure: Walk['figuresList'][number] } | { entry: TocEntry } {
  const fig = FIGURE_CAPTION.exec(head);
  const numbered = NUMBERED_HEADING.exec(head);
  const appendix = /^Appendix\s+([A-Z])\.?\s+(\S.*)$/.exec(head);
  if (fig) return { figure: { number: Number(fig[1]), title: normalizeText(fig[2]!), page } };
  if (appendix) return { entry: { number: appendix[1]!, title: appendix[2]!, page, inSource: false, appendix: true } };
  if (numbered) return { entry: { number: numbered[1]!, title: numbered[2]!, page, inSource: false } };
  return { entry: { title: head, page, inSource: false } };
}

/**
 * A line of the open list section (Table of Contents, List of Figures):
 * true when taken as (part of) an entry; otherwise warned about, for the
 * caller to keep as a paragraph.
 */
export function takeTocLine(state: WalkState, e: TextEvent, next: TextEvent | undefined): boolean {
  const { walk } = state;
  const pending = state.pendingTocTitle;
  const full = pending ? `${pending.text} ${e.text}` : e.text;
  const entryLine = pending?.line ?? e.line;
  const m = TOC_LINE.exec(full);
  if (m) {
    state.pendingTocTitle = undefined;
    if (!walk.tocLine) walk.tocLine = entryLine;
    const read = tocEntry(squash(m[1]!), m[2]!);
    if ('figure' in read) walk.figuresList.push(read.figure);
    else walk.toc.push(read.entry);
    return true;
  }
  if (next && TOC_LINE.test(next.text) && !TOC_ENTRY_START.test(next.text)) {
    // A title wrapped onto the next line, which holds the leader and page.
    state.pendingTocTitle = { text: full, line: entryLine };
    return true;
  }
  state.pendingTocTitle = undefined;
  state.warn(
    e.line,
    `A line of the ${state.section?.title} has no dotted leader and page number: "${e.text.slice(0, 60)}".`,
    'It is kept as a paragraph of that section.',
  );
  return false;
}
