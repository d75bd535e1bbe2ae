/**
 * The draft importer's types: the document it returns (public), and the
 * working records the stages pass to each other (pages with their weighed
 * units, body events, draft sections and blocks).
 */

/** A range of margin line numbers. */
export type LineRange = { first: number; last: number };

export interface GuidelineDocument {
  frontMatter: {
    title: string;
    subtitle?: string;
    series: string;
    status?: string;
    authors: string[];
    doi?: string;
    date?: string;
    commentPeriod?: { start: string; end: string };
    commentEmail?: string;
    /** The postal address under "Submit Comments", one printed line per line (`\n`). */
    commentAddress?: string;
    totalPages?: number;
    /** The PDF the conversion was made from (`source_url` in the YAML front matter). */
    sourceUrl?: string;
    /** The title page's other lines, as printed: division, laboratory, department, officials. */
    imprint?: string[];
  };
  /** The whole draft's table of contents, one entry per line of it (and List of Figures separately). */
  toc: TocEntry[];
  figuresList: { number: number; title: string; page: string; /** a caption with this number is in the source */ inSource?: boolean }[];
  /** Every section present in the source, in order, flat, with level (1 for "2.", 2 for "2.1", 3 for "2.1.1"); front matter parts (Abstract, Note to Reviewers…) as unnumbered sections with `frontMatter: true`. */
  sections: Section[];
  footnotes: { number: string; text: string; page: string; line: number; /** Citation numbers in the footnote, when any. */ citations?: string[] }[];
  /** Pages seen, in order, each with its margin line-number range (front matter pages have none). */
  pages: Page[];
}

export interface TocEntry {
  number?: string;
  title: string;
  page: string;
  inSource: boolean;
  /** The entry is an appendix: `Appendix A. Glossary` gives number `A`, title `Glossary`. */
  appendix?: boolean;
}

export interface Page {
  label: string;
  lines?: { first: number; last: number };
  /** The page-number line (for an unnumbered page, the page's first line). */
  sourceLine: number;
  /** The PDF prints no number on this page (before page i); the label is the parser's `unnumbered-N`. */
  unnumbered?: boolean;
}

export interface Section {
  id: string;
  number?: string;
  numberInferred?: boolean;
  title: string;
  /** The source prints no heading here (the notices before the first heading): the title is the parser's. */
  titleInferred?: boolean;
  level: number;
  page: string;
  sourceLine: number;
  frontMatter?: boolean;
  blocks: Block[];
}

export type Block =
  | {
      kind: 'paragraph';
      id: string;
      text: string;
      page: string;
      /** Label of the page the block ends on, when it continues past `page`. */
      endPage?: string;
      lines?: LineRange;
      sourceLine: number;
      citations: string[];
      footnoteRefs: string[];
    }
  | {
      kind: 'list';
      id: string;
      ordered: boolean;
      items: string[];
      /** Each item's printed marker (`1.`, `a.`, `b)`, `ii.`), for ordered lists. */
      markers?: string[];
      /** Each item's nesting depth (0 = top), when some item is nested. */
      depths?: number[];
      page: string;
      /** Label of the page the block ends on, when it continues past `page`. */
      endPage?: string;
      lines?: LineRange;
      sourceLine: number;
      citations: string[];
      /** Footnote numbers referenced from the items, when any. */
      footnoteRefs?: string[];
    }
  | {
      kind: 'callout';
      id: string;
      variant: 'details' | 'consider' | string;
      title: string;
      text: string;
      page: string;
      /** Label of the page the block ends on, when it continues past `page`. */
      endPage?: string;
      lines?: LineRange;
      sourceLine: number;
      citations: string[];
      /** Footnote numbers referenced from the box, when any. */
      footnoteRefs?: string[];
    }
  | {
      kind: 'figure';
      id: string;
      number: number;
      caption: string;
      page: string;
      sourceLine: number;
      /** The margin lines the caption can cover (same estimate as other blocks). */
      lines?: LineRange;
    };


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
  return { kind, sourceLine: line, page, units: [], text: '', lastLineLen: 0, ordered: false, items: [], variant: '', title: '', number: 0, footnoteRefs: [], lastLine: line, rawLines: [] };
}
