/**
 * Reads the Markdown text conversion of a NIST guideline draft PDF (SP 800-213
 * Rev. 1 initial public draft) into front matter, table of contents, sections
 * of blocks, footnotes and pages.
 *
 * The conversion is flat text with the PDF's furniture left in. The parser works
 * line by line (no Markdown parser: the `#` and `>` marks are the converter's,
 * not the authors'):
 *
 * 1. **Preamble and title block.** YAML front matter (package `yaml`), the
 *    converter's lines up to `Markdown Content:` (`Number of Pages: 60` gives
 *    `totalPages`), then the title block: cover and title page, whose `#` lines
 *    are series, title, subtitle and status, whose `##` lines are the authors,
 *    plus DOI, date and the imprint lines. The title block ends on the first line
 *    that ends with the running header (`<series> (<status>) <date>`, e.g.
 *    `NIST SP 800-213r1 ipd (Initial Public Draft) June 2026`); the **body** is
 *    everything after it.
 * 2. **Furniture.** In the body the running header is stripped wherever it is
 *    glued to the end of a line (with or without a space before it); it means a
 *    new PDF page begins. The page's number follows on a line of its own (`> 12`,
 *    once a bare `23`, which is reported). Pages before the first printed number
 *    (in this draft: the notices page and the comment page, before page i) get
 *    the labels `unnumbered-1`, `unnumbered-2`… (`unnumbered: true`); the
 *    cover and title page are the title block, not pages. The margin
 *    line-number run is one of the first two content lines after the page
 *    number — a line of numbers whose first ones may be glued
 *    (`12345678910 11 12`) — or is appended to one
 *    (`2. Background Considerations 133 134 …`); it must be consecutive (and
 *    start right after the previous page's run) to count.
 * 3. **Blocks.** Quoted lines are figure captions (`> Figure 2 – …`), footnotes
 *    (`> 1IoT components is …`, number glued to the text) or page numbers.
 *    Other lines are, in this order of tests: table-of-contents entries (inside
 *    "Table of Contents" / "List of Figures", dotted leader and page), headings,
 *    callout boxes (`Details: …`, `Consider: …`), list items (`•`, `1.`, `a.`,
 *    `a)`, `i.`), continuations of the open block, or new paragraphs.
 *    - Headings: in the front matter (before the first numbered chapter) only
 *      the NIST template's front-matter headings (Abstract, Note to Reviewers…);
 *      the text before the first of them (the notices) is a section titled
 *      "Notices" with `titleInferred: true`;
 *      in the body, numbered lines (`2.1.1. Network of Things`) that are short and
 *      in title case (or listed in the TOC), TOC titles without numbers
 *      (References…), and short title-case lines without final punctuation that
 *      are not followed by a lower-case line ("Purpose and Applicability").
 *    - Continuations: the converter writes one line per paragraph, but splits
 *      some paragraphs (the first line of a page or after a figure, text around a
 *      footnote or a page break). A line continues the open paragraph, list item
 *      or callout when it starts in lower case or with closing punctuation, or
 *      when the open text has no final punctuation (`.?!:;`) and its last line is
 *      long (a wrapped line, ≥ 60 characters). A line ending in a hyphen is
 *      joined without a space (`commercially-` + `available`). A paragraph ending
 *      with a full stop at the foot of a page is NOT joined to an upper-case
 *      first line of the next page: nothing in the text says it continues.
 *    - Callouts: the title runs on to the next line when it is long and that
 *      line is a short title-case phrase ("… Related to Enabling and Other" +
 *      "Systems"); the box text is hard-wrapped, so the body is the following run
 *      of short lines (≤ 95 characters), ended by a long line, a list item, a
 *      heading, a figure, or a page break after a finished sentence.
 *    - Lists: consecutive items form one list; item markers and nesting depth
 *      (by marker style: `1.` → `a.` → `i.`) are kept in `markers` / `depths`. A
 *      paragraph between an item and the next item of the same list (a sub-item
 *      or the next number) is a second paragraph of that item and is appended to
 *      it.
 *    - Footnotes: the reference is the number at the end of the text just
 *      before the footnote line (`IoT components 1`, or glued: `components1`);
 *      it is removed from the text and listed in `footnoteRefs`. A footnote is
 *      one line; its citations are listed too.
 *    - Comment fields: the line under "Public Comment Period" becomes
 *      `commentPeriod`, the e-mail under "Submit Comments" `commentEmail` and
 *      the lines after it `commentAddress`; they leave those sections empty
 *      (each word of the body is in exactly one place).
 * 4. **Text.** Whitespace is squashed, spaces before `, . ; : ! ? )` and after
 *    `(` are dropped (they come from links in the PDF: `Act , the`, `(RMF )`),
 *    citations are normalized to `[7]` and `[2], [3]` (a bracketed group
 *    `[ [23] , [24] ]` becomes `[23], [24]`) and listed, as numbers, in
 *    `citations` (first appearance order, no repeats).
 * 5. **Numbers.** Printed heading numbers are kept (`numberInferred` absent).
 *    Unnumbered body headings lost their numbers in the conversion — the TOC
 *    lists levels 1 and 3 only, and every unnumbered heading is a level-2 one —
 *    so each gets `<chapter>.<n+1>` after the previous level-2 section of its
 *    chapter (`numberInferred: true`; in an appendix `A.1`…). When the previous
 *    heading was a level-3 one, the heading could also be its sibling: that is
 *    reported as uncertain. A printed level-3 number that does not fit the
 *    inferred level-2 one before it is reported too. Section ids are the
 *    numbers (`2.1.1`), `appendix-a`, or a slug of the title (`abstract`).
 * 6. **Line estimates.** A block's `lines` is the part of its page's margin run
 *    it can cover. Each page's content is cut into units in source order
 *    (headings, and each block's part on that page), each weighed in printed
 *    lines: a callout counts one line per source line (its text is hard-wrapped
 *    as printed), a heading or figure caption `ceil(chars / 95)`, a paragraph
 *    part `ceil(chars / 95)`, a list part the sum of `ceil(chars / 95)` over its
 *    item parts (each item starts a line). The page's run is shared out in
 *    proportion to the weights and each unit's share is rounded OUTWARD (first
 *    line down, last line up), so neighbouring blocks may share a boundary line
 *    and every range stays inside its page's run. Figures (but for their
 *    captions, which are weighed) and footnotes get no weight: the runs skip
 *    them (page 13 of this draft, a figure and a 3-line paragraph, has 6).
 *    With 95 characters a line the weights add up to within 0–3 lines of the
 *    run on each of pages 1–24. The page the text breaks off on (a partial
 *    source) is not stretched: one weight is one line there.
 *    A block split across a page break is one block: `page` is where it starts,
 *    `endPage` where it ends (only when different) and `lines` runs from its
 *    first estimated line on the first page to its last one on the last page
 *    (the runs are continuous across pages).
 * 7. **Block ids.** Per kind within a section: `p1, p2…` for paragraphs, `l1…`
 *    for lists, `c1…` for callouts, `f1…` for figures.
 *
 * Everything the parser cannot place is kept (as a paragraph) and reported with
 * `problems.warning(file, 'line N', …)`.
 */
import { parse as parseYaml } from 'yaml';
import type { Problems } from '../problems.ts';
import { squash, textKey } from '../text.ts';

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

type LineRange = { first: number; last: number };

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

// ---------------------------------------------------------------------------
// Constants

/** Characters per printed body line, for the line estimates. */
const CHARS_PER_LINE = 95;
/** A converted line at least this long is a wrapped (full-width) printed line. */
const LONG_LINE = 60;
/** Callout boxes are narrower than the text: their hard-wrapped lines are shorter than this. */
const CALLOUT_MAX_LINE = 95;
/** Longest unnumbered heading the heuristics accept. */
const HEADING_MAX = 80;

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const MONTH_YEAR = new RegExp(`^(?:${MONTHS}) \\d{4}$`);
/** `NIST SP 800-213r1 ipd (Initial Public Draft) June 2026`, glued to the end of a line. */
const HEADER_GENERIC = new RegExp(`\\s*\\bNIST\\s+[A-Z]{2,5}\\s+\\d[\\w.-]*(?:\\s+[a-z]{2,5})?\\s+\\([^()]+\\)\\s+(?:${MONTHS})\\s+\\d{4}\\s*$`);

/** Front-matter headings of the NIST technical series template. */
const FRONT_MATTER_HEADINGS = new Set(
  [
    'Authority',
    'NIST Technical Series Policies',
    'Publication History',
    'How to Cite this NIST Technical Series Publication',
    'Author ORCID iDs',
    'Contact Information',
    'Public Comment Period',
    'Submit Comments',
    'Additional Information',
    'Abstract',
    'Keywords',
    'Reports on Computer Systems Technology',
    'Supplemental Content',
    'Audience',
    'Trademark Information',
    'Note to Reviewers',
    'Call for Patent Claims',
    'Patent Disclosure Notice',
    'Executive Summary',
    'Preface',
    'Table of Contents',
    'List of Figures',
    'List of Tables',
    'Acknowledgments',
    'Acknowledgements',
  ].map((h) => h.toLowerCase()),
);
const LIST_SECTIONS = new Set(['table of contents', 'list of figures', 'list of tables']);

/** Short words that title case leaves in lower case. */
const MINOR_WORDS = new Set(
  'a an and as at be but by for from in into is nor of on or per the to than that this via vs with its are can'.split(' '),
);

const CALLOUT_START = /^(Details|Consider|Note|Example|Tip|Caution|Warning)\s*:\s+(\S.*)$/;
const BULLET = /^[•●▪◦‣∙]\s*(\S.*)$/;
const ORDERED_ITEM = /^(\d{1,2}|[a-z]|[ivx]{1,5})([.)])\s+(\S.*)$/;
const NUMBERED_HEADING = /^(\d+(?:\.\d+)*)\.?\s+(\S.*)$/;
const TOC_LINE = /^(.*?\S)\s*\.{3,}\s*(\d+|[ivxlc]+)\s*$/i;
/** The start of a new TOC / List of Figures entry (a line without one is a wrapped title). */
const TOC_ENTRY_START = /^(?:Figure\s+\d+|Table\s+\d+|\d+(?:\.\d+)*\.?\s|Appendix\s+[A-Z]\b)/;
const FIGURE_CAPTION = /^Figure\s+(\d+)\s*(?:[–—-]|:)\s*(\S.*)$/;
const CITATION = /\[(\d+)\]/g;

// ---------------------------------------------------------------------------
// Events: the body's lines with the furniture taken out

interface PageRec {
  label: string;
  lines?: LineRange;
  sourceLine: number;
  unnumbered?: boolean;
  units: Unit[];
}

/** One stretch of content on one page, weighed in printed lines. */
interface Unit {
  page: number;
  /** Lines counted exactly (callout lines, headings). */
  fixed: number;
  /** Character counts of flowing text pieces (a paragraph part, or one per list item part). */
  pieces: number[];
  range?: LineRange;
}

type Event =
  | { type: 'text'; text: string; line: number; page: number }
  | { type: 'figure'; number: number; caption: string; line: number; page: number }
  | { type: 'footnote'; number: string; text: string; line: number; page: number };

interface Ctx {
  file: string;
  problems: Problems;
  pages: PageRec[];
}

// ---------------------------------------------------------------------------
// Draft structures built during the walk

interface ListItemDraft {
  marker: string;
  style: string;
  depth: number;
  text: string;
}

interface DraftBlock {
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

interface DraftSection {
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

// ---------------------------------------------------------------------------

/** Parses the whole draft. Never throws on content: oddities are warnings. */
export function parseGuidelineDraft(markdown: string, file: string, problems: Problems): GuidelineDocument {
  const lines = markdown.split(/\r?\n/);
  const ctx: Ctx = { file, problems, pages: [] };
  const warn = (line: number, message: string, hint?: string) => problems.warning(file, `line ${line}`, message, hint);

  // 1. YAML front matter and the converter's preamble.
  let index = 0;
  let yaml: Record<string, unknown> = {};
  if (/^---\s*$/.test(lines[0] ?? '')) {
    const close = lines.findIndex((l, i) => i > 0 && /^---\s*$/.test(l));
    if (close > 0) {
      try {
        const parsed: unknown = parseYaml(lines.slice(1, close).join('\n'));
        if (parsed && typeof parsed === 'object') yaml = parsed as Record<string, unknown>;
      } catch (e) {
        warn(1, `The YAML front matter does not parse: ${(e as Error).message}`, 'Fix the YAML between the two --- lines.');
      }
      index = close + 1;
    } else {
      warn(1, 'The YAML front matter has no closing --- line.', 'Add the closing --- line.');
    }
  }
  let totalPages: number | undefined;
  const contentMark = lines.findIndex((l, i) => i >= index && /^Markdown Content:\s*$/.test(l.trim()));
  if (contentMark >= 0) {
    for (let i = index; i < contentMark; i++) {
      const m = /^Number of Pages:\s*(\d+)\s*$/.exec(lines[i]!.trim());
      if (m) totalPages = Number(m[1]);
    }
    index = contentMark + 1;
  }

  // 2. Title block: up to the first line ending with the running header.
  let titleEnd = -1;
  let headerMatch: RegExpExecArray | null = null;
  for (let i = index; i < lines.length; i++) {
    const m = HEADER_GENERIC.exec(lines[i]!.trimEnd());
    if (m) {
      titleEnd = i;
      headerMatch = m;
      break;
    }
  }
  let headerRe = HEADER_GENERIC;
  if (headerMatch) headerRe = new RegExp(`\\s*${escapeRegExp(squash(headerMatch[0]))}\\s*$`);
  if (titleEnd < 0) {
    warn(index + 1, 'No running header (e.g. "NIST SP 800-213r1 ipd (Initial Public Draft) June 2026") was found: the title block and the page breaks cannot be told apart.', 'Check that the file is the Markdown conversion of a NIST draft PDF.');
    // The body starts after the last # / ## line of the title block.
    let last = index - 1;
    for (let i = index; i < Math.min(lines.length, index + 80); i++) if (/^#{1,2}\s/.test(lines[i]!)) last = i;
    titleEnd = last;
  }
  const frontMatter = readTitleBlock(lines, index, titleEnd, headerRe, yaml, warn);
  if (totalPages !== undefined) frontMatter.totalPages = totalPages;

  // 3. Body events.
  const events = readBody(lines, titleEnd + 1, headerMatch ? squash(headerMatch[0]) : undefined, ctx, warn);

  // 4. Structure.
  const walk = walkEvents(events, ctx, warn);

  // 5. Post passes.
  mergeSplitLists(walk.sections);
  inferNumbers(walk.sections, warn);
  takeCommentFields(walk.sections, frontMatter);
  estimateLines(ctx.pages, walk.endsOpen?.page);

  const labelOf = (p: number) => ctx.pages[p]?.label ?? '';
  const sections = buildSections(walk.sections, labelOf);
  checkToc(walk.toc, sections, ctx, warn, walk.tocLine);
  const figures = sections.flatMap((s) => s.blocks.filter((b): b is Extract<Block, { kind: 'figure' }> => b.kind === 'figure'));
  for (const entry of walk.figuresList) {
    const fig = figures.find((f) => f.number === entry.number);
    entry.inSource = Boolean(fig);
    if (fig && fig.page !== entry.page) warn(fig.sourceLine, `Figure ${fig.number} is on page ${fig.page}, but the List of Figures says page ${entry.page}.`);
    if (fig && textKey(fig.caption) !== textKey(entry.title)) warn(fig.sourceLine, `Figure ${fig.number}'s caption differs from its title in the List of Figures ("${entry.title}").`);
  }
  for (const fig of figures) {
    if (walk.figuresList.length && !walk.figuresList.some((e) => e.number === fig.number)) warn(fig.sourceLine, `Figure ${fig.number} is not in the List of Figures.`);
  }

  // The source may stop mid-sentence (a partial conversion).
  if (walk.endsOpen) {
    const last = walk.endsOpen;
    const numbered = ctx.pages.filter((p) => /^\d+$/.test(p.label));
    const lastPage = numbered[numbered.length - 1]?.label;
    const tocLast = walk.toc.map((t) => Number(t.page)).filter((n) => Number.isFinite(n)).reduce((a, b) => Math.max(a, b), 0);
    const extent = [lastPage ? `page ${lastPage}` : undefined, tocLast ? `its table of contents runs to page ${tocLast}` : undefined, totalPages ? `the PDF has ${totalPages} pages` : undefined].filter(Boolean);
    const pastEnd = walk.toc.filter((t) => !t.inSource).length;
    warn(
      last.line,
      `The text ends in mid-sentence ("…${last.tail}"): the source is a partial conversion (${extent.join('; ')}).`,
      pastEnd ? `The ${pastEnd} table-of-contents entries not found in the source are marked inSource: false.` : undefined,
    );
  }

  return {
    frontMatter,
    toc: walk.toc,
    figuresList: walk.figuresList,
    sections,
    footnotes: walk.footnotes.map((f) => {
      const text = normalizeText(f.text);
      const citations = citationsOf(text);
      return { number: f.number, text, page: labelOf(f.page), line: f.line, ...(citations.length ? { citations } : {}) };
    }),
    pages: ctx.pages.map((p) => ({ label: p.label, ...(p.lines ? { lines: p.lines } : {}), sourceLine: p.sourceLine, ...(p.unnumbered ? { unnumbered: true } : {}) })),
  };
}

// ---------------------------------------------------------------------------
// Title block

function readTitleBlock(
  lines: string[],
  start: number,
  end: number,
  headerRe: RegExp,
  yaml: Record<string, unknown>,
  warn: (line: number, message: string, hint?: string) => void,
): GuidelineDocument['frontMatter'] {
  const h1: { text: string; line: number }[] = [];
  const authorRuns: { names: string[]; lines: number[] }[] = [];
  let doi: string | undefined;
  let date: string | undefined;
  const imprint: string[] = [];
  let previousWasAuthor = false;
  for (let i = start; i <= end && i < lines.length; i++) {
    let t = squash(lines[i]!);
    if (i === end) t = squash(t.replace(headerRe, ''));
    if (!t) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(t);
    if (heading && heading[1] === '#') {
      h1.push({ text: squash(heading[2]!), line: i + 1 });
      previousWasAuthor = false;
      continue;
    }
    if (heading) {
      if (!previousWasAuthor) authorRuns.push({ names: [], lines: [] });
      authorRuns[authorRuns.length - 1]!.names.push(squash(heading[2]!));
      authorRuns[authorRuns.length - 1]!.lines.push(i + 1);
      previousWasAuthor = true;
      continue;
    }
    previousWasAuthor = false;
    const doiMatch = /https?:\/\/doi\.org\/\S+/.exec(t);
    if (doiMatch) {
      doi ??= doiMatch[0].replace(/[.,;]$/, '');
      continue;
    }
    if (MONTH_YEAR.test(t)) {
      date ??= t;
      continue;
    }
    if (/^NIST Special Publication\b/i.test(t) || /available free of charge/i.test(t)) continue;
    // Lines after the first DOI belong to the title page: its imprint.
    if (doi && !imprint.includes(t)) imprint.push(t);
  }

  // The cover and the title page repeat the # lines: take the first run.
  const seen = new Set<string>();
  const titles = h1.filter((h) => (seen.has(h.text) ? false : (seen.add(h.text), true))).map((h) => h.text);
  const yamlTitle = typeof yaml.title === 'string' ? yaml.title : undefined;
  const seriesIndex = titles.findIndex((t) => /^NIST\b/.test(t));
  const series = seriesIndex >= 0 ? titles[seriesIndex]! : (yamlTitle?.split(/\s+[—–-]\s+/)[0] ?? '');
  const rest = titles.filter((_, i) => i !== seriesIndex);
  const statusIndex = rest.findIndex((t) => /\b(draft|final)\b/i.test(t) && t.split(' ').length <= 5);
  const status = statusIndex >= 0 ? rest[statusIndex] : undefined;
  const names = rest.filter((_, i) => i !== statusIndex);
  const title = names[0] ?? yamlTitle?.split(/\s+[—–-]\s+/).slice(1).join(' — ') ?? '';
  const subtitle = names[1];
  if (!title) warn(start + 1, 'The title block has no title (# line) and the YAML front matter none either.', 'Check the title block after "Markdown Content:".');
  if (names.length > 2) warn(h1[0]?.line ?? start + 1, `The title block has more # lines than series, title, subtitle and status: ${names.slice(2).map((n) => `"${n}"`).join(', ')} are not used.`);

  const yamlAuthors = typeof yaml.author === 'string' ? yaml.author.split(/\s*,\s*(?!Jr\.?\b|Sr\.?\b)/).filter(Boolean) : [];
  const authors = authorRuns[0]?.names ?? yamlAuthors;
  const titlePageAuthors = authorRuns[1];
  if (titlePageAuthors) {
    titlePageAuthors.names.forEach((name, i) => {
      const cover = authors[i];
      if (cover !== undefined && cover !== name) warn(titlePageAuthors.lines[i]!, `The title page names author "${name}" where the cover has "${cover}".`, 'The cover\'s spelling is used.');
    });
  }

  return {
    title,
    ...(subtitle ? { subtitle } : {}),
    series,
    ...(status ? { status } : {}),
    authors,
    ...(doi ? { doi } : {}),
    ...(date ? { date } : {}),
    ...(typeof yaml.source_url === 'string' ? { sourceUrl: yaml.source_url } : {}),
    ...(imprint.length ? { imprint } : {}),
  };
}

// ---------------------------------------------------------------------------
// Body lines → events, pages and margin runs

function readBody(lines: string[], start: number, headerText: string | undefined, ctx: Ctx, warn: (line: number, message: string, hint?: string) => void): Event[] {
  const headerEnd = headerText ? new RegExp(`\\s*${escapeRegExp(headerText)}\\s*$`) : HEADER_GENERIC;
  const headerAnywhere = headerText ? new RegExp(escapeRegExp(headerText)) : undefined;
  const events: Event[] = [];
  const pages = ctx.pages;
  let pendingBreak = true;
  let afterHeader = true;
  let runCheck = 0;
  let unnumbered = 0;
  let expectedRunStart: number | undefined;

  const startPage = (label: string, line: number, isUnnumbered = false) => {
    pages.push({ label, sourceLine: line, units: [], ...(isUnnumbered ? { unnumbered: true } : {}) });
  };
  const current = () => pages.length - 1;
  const endRunCheck = () => {
    const page = pages[current()];
    if (page && !page.unnumbered && !page.lines && pages.some((p) => p.lines)) {
      warn(page.sourceLine, `Page ${page.label} has no margin line numbers after its page number.`, 'Its blocks get no line range.');
    }
  };

  for (let i = start; i < lines.length; i++) {
    const lineNo = i + 1;
    let t = squash(lines[i]!);
    if (!t) continue;

    let header = false;
    const h = headerEnd.exec(t);
    if (h) {
      t = t.slice(0, h.index).trim();
      header = true;
    }
    if (headerAnywhere && headerAnywhere.test(t)) {
      warn(lineNo, 'The running header appears inside a line, not at its end; it is removed but no page break is assumed there.');
      t = squash(t.replace(new RegExp(headerAnywhere.source, 'g'), ' '));
    }

    // Page number: `> 12`, or a bare number right after a running header.
    const marker = /^>\s*([ivxlcdm]+|\d{1,4})$/i.exec(t);
    const bare = !marker && afterHeader && /^\d{1,4}$/.test(t) ? t : undefined;
    if (marker || bare) {
      if (runCheck > 0) endRunCheck();
      const label = marker ? marker[1]! : bare!;
      if (bare) warn(lineNo, `The page number ${bare} is a bare line, not a quoted "> ${bare}" like the other page numbers.`, 'It is read as the page number all the same.');
      if (!pendingBreak && !afterHeader) warn(lineNo, `Page number ${label} follows no running header.`);
      startPage(label, lineNo);
      pendingBreak = false;
      afterHeader = header;
      runCheck = 2;
      if (header) pendingBreak = true;
      continue;
    }
    if (pendingBreak) {
      if (pages.some((p) => !p.unnumbered)) {
        const previous = pages[current()]!.label;
        const guess = /^\d+$/.test(previous) ? String(Number(previous) + 1) : `after-${previous}`;
        warn(lineNo, `A running header is not followed by a page number; the page is labelled "${guess}".`);
        startPage(guess, lineNo);
        runCheck = 2;
      } else {
        unnumbered += 1;
        startPage(`unnumbered-${unnumbered}`, lineNo, true);
        runCheck = 0;
      }
      pendingBreak = false;
    }

    if (runCheck > 0) {
      const page = pages[current()]!;
      if (/^[\d ]+$/.test(t)) {
        const run = parseRun(t.split(' '), expectedRunStart, true);
        if (run) {
          page.lines = run;
          expectedRunStart = run.last + 1;
          runCheck = 0;
          afterHeader = header;
          if (header) pendingBreak = true;
          continue;
        }
        warn(
          lineNo,
          `The line of numbers "${t.length > 40 ? `${t.slice(0, 40)}…` : t}" after page number ${page.label} is not a run of consecutive margin line numbers${expectedRunStart ? ` starting at ${expectedRunStart}` : ''}.`,
          'It is kept as text, and the page gets no line range.',
        );
        runCheck = 0;
      } else {
        const trailing = trailingRun(t, expectedRunStart);
        if (trailing) {
          page.lines = trailing.run;
          expectedRunStart = trailing.run.last + 1;
          t = trailing.text;
          runCheck = 0;
        } else {
          runCheck -= 1;
          if (runCheck === 0) endRunCheck();
        }
      }
    }

    if (t) {
      const page = current();
      if (t.startsWith('>')) {
        const inner = squash(t.replace(/^>\s*/, ''));
        const fig = FIGURE_CAPTION.exec(inner);
        const note = /^(\d{1,3})(?=\D)\s*(\S.*)$/.exec(inner);
        if (fig) events.push({ type: 'figure', number: Number(fig[1]), caption: fig[2]!, line: lineNo, page });
        else if (note) events.push({ type: 'footnote', number: note[1]!, text: note[2]!, line: lineNo, page });
        else {
          warn(lineNo, `A quoted line is neither a page number, a figure caption nor a footnote: "${inner.slice(0, 60)}".`, 'It is kept as text.');
          events.push({ type: 'text', text: inner, line: lineNo, page });
        }
      } else {
        events.push({ type: 'text', text: t, line: lineNo, page });
      }
    }
    afterHeader = header;
    if (header) pendingBreak = true;
  }
  return events;
}

/**
 * A run of margin line numbers: consecutive integers; with `gluedStart`, the
 * first token may be several numbers written together (`12345678910`).
 */
function parseRun(tokens: string[], expectedStart: number | undefined, gluedStart: boolean): LineRange | undefined {
  const nums = tokens.filter(Boolean);
  if (!nums.length || !nums.every((n) => /^\d+$/.test(n))) return undefined;
  if (nums.length === 1) {
    // All glued (`123456789`): consecutive numbers from the expected start (or 1).
    if (!gluedStart) return undefined;
    const from = expectedStart ?? 1;
    let to = from;
    let concat = String(from);
    while (concat.length < nums[0]!.length) concat += String(++to);
    return concat === nums[0] && to > from ? { first: from, last: to } : undefined;
  }
  const last = Number(nums[nums.length - 1]);
  let first = last;
  for (let k = nums.length - 2; k >= 0; k--) {
    const want = first - 1;
    if (Number(nums[k]) === want) {
      first = want;
      continue;
    }
    if (k === 0 && gluedStart) {
      const glued = nums[0]!;
      let s = want;
      let concat = String(want);
      while (s > 1 && concat.length < glued.length) {
        s -= 1;
        concat = String(s) + concat;
      }
      if (concat === glued) {
        first = s;
        continue;
      }
    }
    return undefined;
  }
  if (expectedStart !== undefined && first !== expectedStart) return undefined;
  return { first, last };
}

/** A margin run appended to the first line of a page: `2. Background Considerations 133 134 … 171`. */
function trailingRun(text: string, expectedStart: number | undefined): { text: string; run: LineRange } | undefined {
  const m = /^(.*?\S)((?:\s+\d+){3,})\s*$/.exec(text);
  if (!m) return undefined;
  const tokens = m[2]!.trim().split(/\s+/);
  // The longest consecutive suffix (the text itself may end with a number).
  for (let k = 0; k <= tokens.length - 3; k++) {
    const run = parseRun(tokens.slice(k), expectedStart, false);
    if (run) return { text: squash(`${m[1]} ${tokens.slice(0, k).join(' ')}`), run };
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// The walk: events → sections of draft blocks

interface Walk {
  sections: DraftSection[];
  toc: TocEntry[];
  tocLine: number;
  figuresList: GuidelineDocument['figuresList'];
  footnotes: { number: string; text: string; line: number; page: number }[];
  /** The text breaks off mid-sentence: last line, last words and page. */
  endsOpen?: { line: number; tail: string; page: number };
}

function newBlock(kind: DraftBlock['kind'], line: number, page: number): DraftBlock {
  return { kind, sourceLine: line, page, units: [], text: '', lastLineLen: 0, ordered: false, items: [], variant: '', title: '', number: 0, footnoteRefs: [], lastLine: line, rawLines: [] };
}

/** The unit of `block` on `page`, created (and registered with the page) when new. */
function unitOn(block: { units: Unit[] }, page: number, pages: PageRec[]): Unit {
  const last = block.units[block.units.length - 1];
  if (last && last.page === page) return last;
  const unit: Unit = { page, fixed: 0, pieces: [] };
  block.units.push(unit);
  pages[page]?.units.push(unit);
  return unit;
}

function walkEvents(events: Event[], ctx: Ctx, warn: (line: number, message: string, hint?: string) => void): Walk {
  const { pages } = ctx;
  const walk: Walk = { sections: [], toc: [], tocLine: 0, figuresList: [], footnotes: [] };
  let section: DraftSection | undefined;
  let open: DraftBlock | undefined;
  let inBody = false;
  let pendingTocTitle: { text: string; line: number } | undefined;
  const tocTitles = () => new Map(walk.toc.filter((t) => !t.number).map((t) => [textKey(t.title), t]));

  const startSection = (title: string, line: number, page: number, extra: Partial<DraftSection> = {}) => {
    section = { title, page, sourceLine: line, frontMatter: !inBody, blocks: [], kind: LIST_SECTIONS.has(title.toLowerCase()) ? 'list-section' : 'normal', ...extra };
    walk.sections.push(section);
    const unit: Unit = { page, fixed: Math.max(1, Math.ceil(title.length / CHARS_PER_LINE)), pieces: [] };
    pages[page]?.units.push(unit);
    open = undefined;
  };
  const ensureSection = (line: number, page: number): DraftSection => {
    if (!section) {
      section = { title: 'Notices', titleInferred: true, page, sourceLine: line, frontMatter: true, blocks: [], kind: 'normal' };
      walk.sections.push(section);
    }
    return section;
  };
  const nextText = (i: number): Extract<Event, { type: 'text' }> | undefined => {
    for (let k = i + 1; k < events.length; k++) {
      const e = events[k]!;
      if (e.type === 'text') return e;
      if (e.type === 'footnote') continue;
      return undefined;
    }
    return undefined;
  };

  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;

    if (e.type === 'figure') {
      const s = ensureSection(e.line, e.page);
      const block = newBlock('figure', e.line, e.page);
      block.number = e.number;
      block.title = e.caption;
      unitOn(block, e.page, pages).pieces.push(e.caption.length);
      s.blocks.push(block);
      continue;
    }

    if (e.type === 'footnote') {
      walk.footnotes.push({ number: e.number, text: squash(e.text), line: e.line, page: e.page });
      const target = open;
      const ref = new RegExp(`(?:\\s+|(?<=[\\p{L})\\]]))${e.number}$`, 'u');
      if (target) {
        const where = target.kind === 'list' ? target.items[target.items.length - 1] : target;
        if (where && ref.test(where.text)) {
          where.text = where.text.replace(ref, '');
          target.footnoteRefs.push(e.number);
          continue;
        }
      }
      warn(e.line, `Footnote ${e.number} has no reference number at the end of the text before it.`, 'The footnote is kept; no block lists it in footnoteRefs.');
      continue;
    }

    const text = e.text;
    const next = nextText(i);
    const frontHeading = !inBody && FRONT_MATTER_HEADINGS.has(text.toLowerCase());
    // The body starts at chapter 1 (or at a chapter the table of contents lists).
    const chapter = inBody ? undefined : NUMBERED_HEADING.exec(text);
    const startsBody = Boolean(
      chapter && !chapter[1]!.includes('.') && isHeadingText(chapter[2]!) && !TOC_LINE.test(text) && (walk.toc.length ? walk.toc.some((t) => t.number === chapter[1]) : chapter[1] === '1'),
    );

    // Table of contents and list of figures.
    if (section?.kind === 'list-section' && !frontHeading && !startsBody) {
      const full = pendingTocTitle ? `${pendingTocTitle.text} ${text}` : text;
      const entryLine = pendingTocTitle?.line ?? e.line;
      const m = TOC_LINE.exec(full);
      if (m) {
        pendingTocTitle = undefined;
        const head = squash(m[1]!);
        const page = m[2]!;
        const fig = FIGURE_CAPTION.exec(head);
        const numbered = NUMBERED_HEADING.exec(head);
        const appendix = /^Appendix\s+([A-Z])\.?\s+(\S.*)$/.exec(head);
        if (!walk.tocLine) walk.tocLine = entryLine;
        if (fig) walk.figuresList.push({ number: Number(fig[1]), title: normalizeText(fig[2]!), page });
        else if (appendix) walk.toc.push({ number: appendix[1]!, title: appendix[2]!, page, inSource: false, appendix: true });
        else if (numbered) walk.toc.push({ number: numbered[1]!, title: numbered[2]!, page, inSource: false });
        else walk.toc.push({ title: head, page, inSource: false });
        continue;
      }
      if (next && TOC_LINE.test(next.text) && !TOC_ENTRY_START.test(next.text)) {
        // A title wrapped onto the next line, which holds the leader and page.
        pendingTocTitle = { text: full, line: entryLine };
        continue;
      }
      pendingTocTitle = undefined;
      warn(e.line, `A line of the ${section.title} has no dotted leader and page number: "${text.slice(0, 60)}".`, 'It is kept as a paragraph of that section.');
    }

    // Headings.
    if (frontHeading) {
      startSection(text, e.line, e.page);
      continue;
    }
    if (startsBody) inBody = true;
    if (inBody) {
      const heading = bodyHeading(text, next, walk.toc, tocTitles());
      if (heading) {
        startSection(heading.title, e.line, e.page, { printedNumber: heading.number, appendix: heading.appendix, tocLevel: heading.tocLevel, frontMatter: false });
        continue;
      }
    }

    const s = ensureSection(e.line, e.page);

    // Callouts.
    const callout = CALLOUT_START.exec(text);
    if (callout && text.length <= CALLOUT_MAX_LINE && !(open && startsAsContinuation(text))) {
      const block = newBlock('callout', e.line, e.page);
      block.variant = callout[1]!.toLowerCase();
      block.title = callout[2]!;
      unitOn(block, e.page, pages).fixed += 1;
      let k = i + 1;
      const after = events[k];
      if (after?.type === 'text' && block.title.length >= 40 && !/[.?!:]$/.test(block.title) && after.text.length <= 50 && isTitleCase(after.text) && !/[.,;:]$/.test(after.text)) {
        block.title = `${block.title} ${after.text}`;
        unitOn(block, after.page, pages).fixed += 1;
        block.lastLine = after.line;
        k += 1;
      }
      let page = e.page;
      for (; k < events.length; k++) {
        const b = events[k]!;
        if (b.type !== 'text') break;
        if (b.page !== page && block.text && isTerminated(block.text)) break;
        if (b.text.length > CALLOUT_MAX_LINE || BULLET.test(b.text) || ORDERED_ITEM.test(b.text) || CALLOUT_START.test(b.text)) break;
        const following = k + 1 < events.length ? events[k + 1] : undefined;
        if (block.text && isTerminated(block.text) && isHeadingText(b.text) && !(following?.type === 'text' && startsAsContinuation(following.text))) break;
        block.text = block.text ? joinText(block.text, b.text) : b.text;
        unitOn(block, b.page, pages).fixed += 1;
        block.lastLineLen = b.text.length;
        block.lastLine = b.line;
        page = b.page;
      }
      s.blocks.push(block);
      open = isTerminated(block.text) ? undefined : block;
      i = k - 1;
      continue;
    }

    // List items.
    const item = listItem(text);
    if (item) {
      const last = s.blocks[s.blocks.length - 1];
      let list = last?.kind === 'list' && last === open ? last : undefined;
      if (list && item.style === 'decimal' && item.marker === '1.' && list.items.some((it) => it.style === 'decimal')) list = undefined;
      if (list && (item.style === 'bullet') === list.ordered) list = undefined;
      if (!list) {
        list = newBlock('list', e.line, e.page);
        list.ordered = item.style !== 'bullet';
        s.blocks.push(list);
      }
      const style = resolveStyle(item, list.items);
      list.items.push({ marker: item.marker, style, depth: depthFor(style, list.items), text: item.text });
      unitOn(list, e.page, pages).pieces.push(item.text.length);
      list.lastLineLen = text.length;
      list.lastLine = e.line;
      open = list;
      continue;
    }

    // Continuation of the open block.
    if (open && open.lastLine < e.line && shouldJoin(open, text)) {
      const unit = unitOn(open, e.page, pages);
      if (open.kind === 'list') {
        const it = open.items[open.items.length - 1]!;
        it.text = joinText(it.text, text);
        if (unit.pieces.length === 0) unit.pieces.push(0);
        unit.pieces[unit.pieces.length - 1]! += text.length;
      } else if (open.kind === 'callout') {
        open.text = joinText(open.text, text);
        unit.fixed += 1;
      } else {
        open.text = joinText(open.text, text);
        open.rawLines.push(text);
        if (unit.pieces.length === 0) unit.pieces.push(0);
        unit.pieces[unit.pieces.length - 1]! += text.length;
      }
      open.lastLineLen = text.length;
      open.lastLine = e.line;
      continue;
    }

    // A new paragraph.
    if (/^\p{Ll}/u.test(text) && !/^(?:\S+@\S+|https?:\/\/\S+)$/.test(text)) warn(e.line, `A paragraph starts in lower case ("${text.slice(0, 40)}…"): the text it continues was not found.`, 'It is kept as a paragraph of its own.');
    const para = newBlock('paragraph', e.line, e.page);
    para.text = text;
    para.rawLines.push(text);
    para.lastLineLen = text.length;
    unitOn(para, e.page, pages).pieces.push(text.length);
    s.blocks.push(para);
    open = para;
  }

  if (open) {
    const text = open.kind === 'list' ? (open.items[open.items.length - 1]?.text ?? '') : open.text;
    const lastUnit = open.units[open.units.length - 1];
    if (!isTerminated(text)) walk.endsOpen = { line: open.lastLine, tail: text.split(' ').slice(-3).join(' '), page: lastUnit?.page ?? open.page };
  }
  return walk;
}

/** A heading in the body: numbered, a TOC title, or an unnumbered title-case line. */
function bodyHeading(
  text: string,
  next: { text: string } | undefined,
  toc: TocEntry[],
  tocTitles: Map<string, TocEntry>,
): { title: string; number?: string; appendix?: string; tocLevel?: number } | undefined {
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
  if (tocTitles.has(textKey(text))) return { title: text, tocLevel: 1 };
  if (CALLOUT_START.test(text) || BULLET.test(text) || ORDERED_ITEM.test(text) || FIGURE_CAPTION.test(text)) return undefined;
  if (isHeadingText(text)) return { title: text };
  return undefined;
}

/** Short, title case, no final punctuation but `?`, no citation, starts with a capital. */
function isHeadingText(text: string): boolean {
  if (text.length > HEADING_MAX || text.length < 3) return false;
  if (!/^\p{Lu}/u.test(text)) return false;
  if (/[.,;:!]$/.test(text)) return false;
  if (/\[\d+\]/.test(text)) return false;
  if (/:\s/.test(text)) return false;
  if (text.split(' ').length > 12) return false;
  return isTitleCase(text);
}

function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/);
  for (const w of words) {
    const core = w.replace(/^[^\p{L}\p{N}]+/u, '');
    if (!core) continue;
    if (/^\p{N}/u.test(core)) continue;
    if (MINOR_WORDS.has(core.toLowerCase().replace(/[^a-z]/g, ''))) continue;
    if (/\p{Lu}/u.test(core)) continue;
    return false;
  }
  return true;
}

function startsAsContinuation(text: string): boolean {
  return /^\p{Ll}/u.test(text) || /^[)\],.;:’”]/.test(text);
}

/** Ends with final punctuation (quotes and brackets after it allowed). */
function isTerminated(text: string): boolean {
  return /[.?!:;]["”’')\]]*$/.test(text.trimEnd());
}

function shouldJoin(open: DraftBlock, next: string): boolean {
  if (open.kind === 'figure') return false;
  const text = open.kind === 'list' ? (open.items[open.items.length - 1]?.text ?? '') : open.text;
  if (startsAsContinuation(next)) return true;
  if (isTerminated(text)) return false;
  return open.lastLineLen >= LONG_LINE;
}

function joinText(a: string, b: string): string {
  if (/[\p{L}\p{N}]-$/u.test(a) && /^[\p{L}\p{N}]/u.test(b)) return a + b;
  return `${a} ${b}`;
}

function listItem(text: string): { marker: string; style: string; text: string } | undefined {
  const bullet = BULLET.exec(text);
  if (bullet) return { marker: '•', style: 'bullet', text: bullet[1]! };
  const ordered = ORDERED_ITEM.exec(text);
  if (!ordered) return undefined;
  const [, mark, punct, rest] = ordered as unknown as [string, string, string, string];
  let style: string;
  if (/^\d+$/.test(mark)) style = 'decimal';
  else if (/^[ivx]{2,}$/.test(mark)) style = `roman${punct}`;
  else if (/^[ivx]$/.test(mark)) style = `roman?${punct}`;
  else style = `alpha${punct}`;
  return { marker: `${mark}${punct}`, style, text: rest };
}

/** Settles `i.` / `v.` / `x.`: a letter when it follows `h.` / `u.` / `w.` of the same style, else a roman numeral. */
function resolveStyle(item: { marker: string; style: string }, items: ListItemDraft[]): string {
  if (!item.style.startsWith('roman?')) return item.style;
  const punct = item.style.slice(-1);
  const letter = item.marker[0]!;
  const before = { i: 'h', v: 'u', x: 'w' }[letter as 'i' | 'v' | 'x'];
  const previous = [...items].reverse().find((it) => it.style === `alpha${punct}`);
  const lastRoman = [...items].reverse().find((it) => it.style === `roman${punct}`);
  if (previous && previous.marker[0] === before && (!lastRoman || items.indexOf(lastRoman) < items.indexOf(previous))) return `alpha${punct}`;
  return `roman${punct}`;
}

function depthFor(style: string, items: ListItemDraft[]): number {
  const seen = items.find((it) => it.style === style);
  if (seen) return seen.depth;
  const last = items[items.length - 1];
  return last ? last.depth + 1 : 0;
}

// ---------------------------------------------------------------------------
// Post passes

/** list · paragraph · list, where the second list goes on with the first: one list, the paragraph part of the item. */
function mergeSplitLists(sections: DraftSection[]): void {
  for (const s of sections) {
    for (let k = 0; k + 2 < s.blocks.length; k++) {
      const [a, p, b] = [s.blocks[k]!, s.blocks[k + 1]!, s.blocks[k + 2]!];
      if (a.kind !== 'list' || p.kind !== 'paragraph' || b.kind !== 'list' || !a.ordered || !b.ordered) continue;
      const lastA = a.items[a.items.length - 1]!;
      const firstB = b.items[0]!;
      const continues =
        (firstB.style !== lastA.style && !a.items.some((it) => it.style === firstB.style) && ['a.', 'a)', 'i.', 'i)'].includes(firstB.marker)) ||
        (firstB.style === 'decimal' && lastA.style === 'decimal' && Number.parseInt(firstB.marker, 10) === Number.parseInt(lastA.marker, 10) + 1);
      if (!continues) continue;
      lastA.text = `${lastA.text} ${p.text}`;
      a.footnoteRefs.push(...p.footnoteRefs);
      // The paragraph's weight goes to the list, on the pages it covered.
      for (const unit of p.units) {
        const target = a.units.find((u) => u.page === unit.page);
        if (target) {
          target.pieces.push(...unit.pieces);
          target.fixed += unit.fixed;
          unit.pieces = [];
          unit.fixed = 0;
        } else a.units.push(unit);
      }
      for (const it of b.items) a.items.push({ ...it, depth: depthFor(it.style, a.items) });
      a.footnoteRefs.push(...b.footnoteRefs);
      for (const unit of b.units) {
        const target = a.units.find((u) => u.page === unit.page);
        if (target && target === a.units[a.units.length - 1]) {
          target.pieces.push(...unit.pieces);
          target.fixed += unit.fixed;
          unit.pieces = [];
          unit.fixed = 0;
        } else a.units.push(unit);
      }
      a.lastLine = b.lastLine;
      a.lastLineLen = b.lastLineLen;
      s.blocks.splice(k + 1, 2);
      k -= 1;
    }
  }
}

/** Numbers and levels: printed ones kept, unnumbered body headings inferred as level 2 of their chapter. */
function inferNumbers(sections: DraftSection[], warn: (line: number, message: string, hint?: string) => void): void {
  let chapter: string | undefined;
  let level2 = 0;
  let currentL2: string | undefined;
  let previousLevel = 0;
  for (let k = 0; k < sections.length; k++) {
    const s = sections[k]!;
    if (s.frontMatter) {
      s.level = 1;
      continue;
    }
    if (s.printedNumber) {
      const parts = s.printedNumber.split('.');
      s.level = parts.length;
      if (parts.length === 1) {
        chapter = parts[0];
        level2 = 0;
        currentL2 = undefined;
      } else if (parts.length === 2) {
        level2 = Number(parts[1]);
        currentL2 = s.printedNumber;
      } else {
        const parent = parts.slice(0, 2).join('.');
        if (parts[0] !== chapter) warn(s.sourceLine, `Heading ${s.printedNumber} is not in chapter ${chapter ?? '(none)'}.`);
        else if (currentL2 !== parent) {
          const guess = sections.find((x) => x.inferredNumber && x.inferredNumber === currentL2);
          warn(s.sourceLine, `Heading ${s.printedNumber} follows section ${currentL2 ?? `${chapter}`}${guess ? ` ("${guess.title}", number inferred)` : ''}, not ${parent}.`, 'Check the inferred numbers of the unnumbered headings before it.');
          level2 = Number(parts[1]);
          currentL2 = parent;
        }
      }
      previousLevel = s.level;
      continue;
    }
    if (s.appendix || s.tocLevel === 1) {
      // An appendix numbers its subsections A.1, A.2…; References and the like have none.
      s.level = 1;
      chapter = s.appendix;
      level2 = 0;
      currentL2 = undefined;
      previousLevel = 1;
      continue;
    }
    if (!chapter) {
      s.level = 1;
      warn(s.sourceLine, `The unnumbered heading "${s.title}" is outside any numbered chapter; it is taken as a level-1 section without a number.`);
      previousLevel = 1;
      continue;
    }
    level2 += 1;
    const number = `${chapter}.${level2}`;
    s.level = 2;
    s.inferredNumber = number;
    currentL2 = number;
    if (previousLevel === 3) {
      const previous = sections[k - 1]!;
      const sibling = previous.printedNumber ? previous.printedNumber.replace(/\d+$/, (n) => String(Number(n) + 1)) : undefined;
      warn(
        s.sourceLine,
        `The heading "${s.title}" has no number and follows a level-3 section${previous.printedNumber ? ` (${previous.printedNumber})` : ''}: it is taken as ${number}, but it could be ${sibling ?? 'a level-3 section'}.`,
        'Unnumbered headings in this conversion are level-2 ones (the table of contents lists levels 1 and 3 only); check the PDF.',
      );
    }
    previousLevel = 2;
  }
}

function takeCommentFields(sections: DraftSection[], fm: GuidelineDocument['frontMatter']): void {
  for (const s of sections) {
    if (!s.frontMatter) continue;
    const key = s.title.toLowerCase();
    if (key === 'public comment period') {
      const k = s.blocks.findIndex((b) => b.kind === 'paragraph' && /^\S.*?\s[–—-]\s\S.*\d{4}$/.test(squash(b.text)));
      if (k >= 0 && !fm.commentPeriod) {
        const [start, end] = squash(s.blocks[k]!.text).split(/\s[–—-]\s/) as [string, string];
        fm.commentPeriod = { start, end };
        s.blocks.splice(k, 1);
      }
    }
    if (key === 'submit comments') {
      const k = s.blocks.findIndex((b) => b.kind === 'paragraph' && /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/.test(squash(b.text)));
      if (k >= 0 && !fm.commentEmail) {
        fm.commentEmail = squash(s.blocks[k]!.text);
        s.blocks.splice(k, 1);
        // The rest of the section is the postal address, one printed line per source line.
        const address: string[] = [];
        while (s.blocks[k]?.kind === 'paragraph') {
          address.push(...s.blocks[k]!.rawLines.map(normalizeText));
          s.blocks.splice(k, 1);
        }
        if (address.length) fm.commentAddress = address.join('\n');
      }
    }
  }
}

/** Shares each page's margin run among its units (see the module header). */
function estimateLines(pages: PageRec[], truncatedPage: number | undefined): void {
  for (const [p, page] of pages.entries()) {
    if (!page.lines) continue;
    const units = page.units.filter((u) => u.fixed > 0 || u.pieces.some((n) => n > 0));
    const weights = units.map((u) => u.fixed + u.pieces.reduce((sum, n) => sum + (n > 0 ? Math.ceil(n / CHARS_PER_LINE) : 0), 0));
    const total = weights.reduce((a, b) => a + b, 0);
    if (!total) continue;
    const { first, last } = page.lines;
    // The page the text breaks off on is not stretched: its content fills only its own share.
    const count = p === truncatedPage ? Math.min(last - first + 1, total) : last - first + 1;
    let before = 0;
    units.forEach((unit, k) => {
      const after = before + weights[k]!;
      const from = first + Math.floor((before / total) * count);
      const to = first + Math.ceil((after / total) * count) - 1;
      const a = Math.min(Math.max(from, first), last);
      unit.range = { first: a, last: Math.min(Math.max(to, a), last) };
      before = after;
    });
  }
}

function blockLines(units: Unit[]): LineRange | undefined {
  const ranged = units.filter((u) => u.range);
  if (!ranged.length) return undefined;
  return { first: ranged[0]!.range!.first, last: ranged[ranged.length - 1]!.range!.last };
}

function buildSections(drafts: DraftSection[], labelOf: (p: number) => string): Section[] {
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
    const blocks: Block[] = [];
    for (const b of d.blocks) {
      const prefix = { paragraph: 'p', list: 'l', callout: 'c', figure: 'f' }[b.kind];
      counters[prefix] = (counters[prefix] ?? 0) + 1;
      const bid = `${prefix}${counters[prefix]}`;
      const page = labelOf(b.page);
      const lastUnit = b.units.filter((u) => u.fixed > 0 || u.pieces.some((n) => n > 0)).pop();
      const endLabel = lastUnit && lastUnit.page !== b.page ? labelOf(lastUnit.page) : undefined;
      const lines = blockLines(b.units.filter((u) => u.fixed > 0 || u.pieces.some((n) => n > 0)));
      const common = { page, ...(endLabel ? { endPage: endLabel } : {}), ...(lines ? { lines } : {}), sourceLine: b.sourceLine };
      if (b.kind === 'figure') {
        blocks.push({ kind: 'figure', id: bid, number: b.number, caption: normalizeText(b.title), page, sourceLine: b.sourceLine, ...(lines ? { lines } : {}) });
      } else if (b.kind === 'paragraph') {
        const text = normalizeText(b.text);
        blocks.push({ kind: 'paragraph', id: bid, text, ...common, citations: citationsOf(text), footnoteRefs: b.footnoteRefs });
      } else if (b.kind === 'list') {
        const items = b.items.map((it) => normalizeText(it.text));
        const depths = b.items.map((it) => it.depth);
        blocks.push({
          kind: 'list',
          id: bid,
          ordered: b.ordered,
          items,
          ...(b.ordered ? { markers: b.items.map((it) => it.marker) } : {}),
          ...(depths.some((n) => n > 0) ? { depths } : {}),
          ...common,
          citations: citationsOf(items.join(' ')),
          ...(b.footnoteRefs.length ? { footnoteRefs: b.footnoteRefs } : {}),
        });
      } else {
        const text = normalizeText(b.text);
        blocks.push({
          kind: 'callout',
          id: bid,
          variant: b.variant,
          title: normalizeText(b.title),
          text,
          ...common,
          citations: citationsOf(`${b.title} ${text}`),
          ...(b.footnoteRefs.length ? { footnoteRefs: b.footnoteRefs } : {}),
        });
      }
    }
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

function checkToc(toc: TocEntry[], sections: Section[], ctx: Ctx, warn: (line: number, message: string, hint?: string) => void, tocLine: number): void {
  const numericPages = ctx.pages.map((p) => p.label).filter((l) => /^\d+$/.test(l)).map(Number);
  const lastPage = numericPages.length ? Math.max(...numericPages) : 0;
  for (const entry of toc) {
    const found = entry.appendix
      ? sections.find((s) => s.number === entry.number && s.id.startsWith('appendix-'))
      : entry.number
        ? sections.find((s) => s.number === entry.number && !s.frontMatter)
        : sections.find((s) => !s.frontMatter && textKey(s.title) === textKey(entry.title));
    entry.inSource = Boolean(found);
    const label = `${entry.appendix ? 'Appendix ' : ''}${entry.number ? `${entry.number} ` : ''}"${entry.title}"`;
    if (found) {
      if (found.page !== entry.page) warn(found.sourceLine, `Section ${label} is on page ${found.page}, but the table of contents says page ${entry.page}.`);
      if (textKey(found.title) !== textKey(entry.title)) warn(found.sourceLine, `Section ${entry.number ?? ''} is titled "${found.title}" here but ${label} in the table of contents.`);
    } else if (/^\d+$/.test(entry.page) && Number(entry.page) <= lastPage) {
      warn(tocLine, `The table of contents lists ${label} on page ${entry.page}, but no such heading was found.`);
    }
  }
  for (const s of sections) {
    if (s.frontMatter || s.numberInferred || !s.number || !toc.length) continue;
    const listedLevel = toc.some((t) => t.number && !t.appendix && t.number.split('.').length === s.level);
    if (listedLevel && !toc.some((t) => t.number === s.number)) warn(s.sourceLine, `Heading ${s.number} "${s.title}" is not in the table of contents.`);
  }
}

// ---------------------------------------------------------------------------
// Text helpers

/** Plain text: squashed, link-glitch spaces removed, citations normalized. */
export function normalizeText(raw: string): string {
  let s = squash(raw);
  // `[ [23] , [24] , [25] ]` → `[23], [24], [25]`
  s = s.replace(/\[\s*((?:\[\s*\d+\s*\]\s*,?\s*)+)\]/g, (_, inner: string) => [...inner.matchAll(/\d+/g)].map((m) => `[${m[0]}]`).join(', '));
  s = s.replace(/\[\s*(\d+)\s*\]/g, '[$1]');
  s = s.replace(/\]\s*,\s*\[/g, '], [');
  s = s.replace(/\s+,(?=[^\s,])/g, ', ');
  s = s.replace(/\s+([,.;:!?)])/g, '$1');
  s = s.replace(/\(\s+/g, '(');
  return s.trim();
}

function citationsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(CITATION)) if (!out.includes(m[1]!)) out.push(m[1]!);
  return out;
}

function slug(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'section'
  );
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}
