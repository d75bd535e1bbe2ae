/**
 * Headings: in the front matter the NIST template's headings only; the body
 * starts at chapter 1 (or a chapter the table of contents lists); in the
 * body, numbered lines, table-of-contents titles, appendices and short
 * title-case lines not run on by the next line. Pure.
 */
import { textKey } from '../../text.ts';
import {
  BULLET,
  CALLOUT_START,
  FIGURE_CAPTION,
  FRONT_MATTER_HEADINGS,
  NUMBERED_HEADING,
  ORDERED_ITEM,
  TOC_LINE,
} from './patterns.ts';
import { isHeadingText, startsAsContinuation } from './text-rules.ts';
import type { TocEntry } from './types.ts';

export interface BodyHeading {
  title: string;
  number?: string;
  appendix?: string;
  tocLevel?: number;
}

/** A heading of the NIST template's front matter (Abstract, Note to Reviewers…). */
export function isFrontMatterHeading(text: string): boolean {
  return FRONT_MATTER_HEADINGS.has(text.toLowerCase());
}

/** The first chapter's heading: `1. Introduction`, or a chapter the table of contents lists. */
export function startsBody(text: string, toc: TocEntry[]): boolean {
  const chapter = NUMBERED_HEADING.exec(text);
  return Boolean(
    chapter &&
      !chapter[1]!.includes('.') &&
      isHeadingText(chapter[2]!) &&
      !TOC_LINE.test(text) &&
      (toc.length ? toc.some((t) => t.number === chapter[1]) : chapter[1] === '1'),
  );
}

/** The table of contents' unnumbered titles (References…), by text key. */
export function tocTitles(toc: TocEntry[]): Map<string, TocEntry> {
  return new Map(toc.filter((t) => !t.number).map((t) => [textKey(t.title), t]));
}

/** A heading in the body: numbered, a TOC title, or an unnumbered title-case line. */
export function bodyHeading(
  text: string,
  next: { text: string } | undefined,
  toc: TocEntry[],
  titles: Map<string, TocEntry> = tocTitles(toc),
): BodyHeading | undefined {
  const numbered = NUMBERED_HEADING.exec(text);
  if (numbered) {
    const [, number, title] = numbered as unknown as [string, string, string];
    const listed = toc.find((t) => t.number === number && !t.appendix);
    if (listed && (textKey(listed.title) === textKey(title) || isHeadingText(title))) return { title, number };
  }
  // A line the next line runs on from is a wrapped sentence, not a heading.
  if (next && startsAsContinuation(next.text) && !/[?]$/.test(text)) return undefined;
  if (numbered) {
    const [, number, title] = numbered as unknown as [string, string, string];
    if (number.includes('.') && isHeadingText(title)) return { title, number };
    if (!number.includes('.') && isHeadingText(title) && !toc.length) return { title, number };
    return undefined;
  }
  const appendix = /^Appendix\s+([A-Z])\.?\s+(\S.*)$/.exec(text);
  if (appendix && isHeadingText(appendix[2]!)) return { title: appendix[2]!, appendix: appendix[1]! };
  if (titles.has(textKey(text))) return { title: text, tocLevel: 1 };
  if (CALLOUT_START.test(text) || BULLET.test(text) || ORDERED_ITEM.test(text) || FIGURE_CAPTION.test(text))
    return undefined;
  if (isHeadingText(text)) return { title: text };
  return undefined;
}
