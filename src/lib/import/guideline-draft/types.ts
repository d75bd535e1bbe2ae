/**
 * The draft importer's types: the document it returns (public, defined by the
 * model's schema), and the working records the stages pass to each other
 * (pages with their weighed units, body events, draft sections and blocks).
 */

import type {
  GuidelineBlockInput,
  GuidelineDocumentInput,
  GuidelinePageInput,
  GuidelineSectionInput,
  LineRange,
  TocEntryInput,
} from '../../model/schemas/guideline.ts';

// The document the importer returns is defined once, by the model's schema (src/lib/model/schemas/guideline.ts).

export type { LineRange };
export type GuidelineDocument = GuidelineDocumentInput;
export type TocEntry = TocEntryInput;
export type Page = GuidelinePageInput;
export type Section = GuidelineSectionInput;
export type Block = GuidelineBlockInput;

/** Reports a problem at a 1-based source line (`problems.warning(file, 'line N', …)`). */
export type Warn = (line: number, message: string, hint?: string) => void;

// ---------------------------------------------------------------------------
// Working records

/** A PDF page seen in the body, with the units of content printed on it. */
export interface PageRec {
  label: string;
  lines?: LineRange;
  sourceLine: number;
  unnumbered?: boolean;
  units: Unit[];
}

/** One stretch of content on one page, weighed in printed lines. */
export interface Unit {
  page: number;
  /** Lines counted exactly (callout lines, headings). */
  fixed: number;
  /** Character counts of flowing text pieces (a paragraph part, or one per list item part). */
  pieces: number[];
  range?: LineRange;
}

/** A body line with the furniture taken out; `page` indexes the pages read so far. */
export type Event =
  | { type: 'text'; text: string; line: number; page: number }
  | { type: 'figure'; number: number; caption: string; line: number; page: number }
  | { type: 'footnote'; number: string; text: string; line: number; page: number };

export type TextEvent = Extract<Event, { type: 'text' }>;

export interface ListItemDraft {
  marker: string;
  style: string;
  depth: number;
  text: string;
}

export interface DraftBlock {
  kind: 'paragraph' | 'list' | 'callout' | 'figure';
  sourceLine: number;
  page: number;
  units: Unit[];
  /** Paragraph / callout text, raw (normalized at the end). */
  text: string;
  /** Length of the last source line appended (wrapped lines are long). */
  lastLineLen: number;
  ordered: boolean;
  items: ListItemDraft[];
  variant: string;
  title: string;
  number: number;
  footnoteRefs: string[];
  /** The last source line appended. */
  lastLine: number;
  /** The source lines (as converted) that make up a paragraph. */
  rawLines: string[];
}

export interface DraftSection {
  title: string;
  titleInferred?: boolean;
  printedNumber?: string;
  /** Number given by order (unnumbered body heading). */
  inferredNumber?: string;
  appendix?: string;
  level?: number;
  /** Level set by the TOC for unnumbered TOC titles (References). */
  tocLevel?: number;
  page: number;
  sourceLine: number;
  frontMatter: boolean;
  blocks: DraftBlock[];
  kind: 'normal' | 'list-section';
}

/** What the block-event stage gives the later stages. */
export interface Walk {
  sections: DraftSection[];
  toc: TocEntry[];
  tocLine: number;
  figuresList: GuidelineDocument['figuresList'];
  footnotes: { number: string; text: string; line: number; page: number }[];
  /** The text breaks off mid-sentence: last line, last words and page. */
  endsOpen?: { line: number; tail: string; page: number };
}

export function newBlock(kind: DraftBlock['kind'], line: number, page: number): DraftBlock {
  return {
    kind,
    sourceLine: line,
    page,
    units: [],
    text: '',
    lastLineLen: 0,
    ordered: false,
    items: [],
    variant: '',
    title: '',
    number: 0,
    footnoteRefs: [],
    lastLine: line,
    rawLines: [],
  };
}
