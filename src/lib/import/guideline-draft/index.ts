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
 *
 * The stages, one module each, run in this order (each takes what the one
 * before gives and passes its state on explicitly):
 *
 * | module | does |
 * |---|---|
 * | `preamble.ts` | 1: YAML front matter, converter preamble, title block |
 * | `page-furniture.ts` | 2: running headers, page numbers, margin runs (`margin-runs.ts`) → events and pages |
 * | `block-events.ts` | 3: events → sections of draft blocks, one step per kind of line (`walk-state.ts`, `toc-entries.ts`, `headings.ts`, `callouts.ts`, `lists.ts`) |
 * | `lists.ts` | 3: list items, marker styles and depths, split lists joined |
 * | `later-passes.ts` | 5 and 3: split lists, section numbers and levels, comment fields |
 * | `line-estimates.ts` | 6: margin runs shared out among the units of each page |
 * | `output.ts` | 7: the document's sections, block ids, footnotes and pages |
 * | `toc-check.ts` | the table of contents and List of Figures against the sections; a partial source |
 *
 * Stage 4 (text) is `text-rules.ts`, used by every stage; `patterns.ts` holds
 * the shared patterns and `types.ts` the types.
 */
import type { Problems } from '../../problems.ts';
import { walkEvents } from './block-events.ts';
import { runLaterPasses } from './later-passes.ts';
import { estimateLines } from './line-estimates.ts';
import { buildFootnotes, buildPages, buildSections, pageLabels } from './output.ts';
import { readBody } from './page-furniture.ts';
import { readFrontMatter } from './preamble.ts';
import { checkFiguresList, checkToc, reportPartialSource } from './toc-check.ts';
import type { GuidelineDocument, Warn } from './types.ts';

export { normalizeText } from './text-rules.ts';
export type { Block, GuidelineDocument, LineRange, Page, Section, TocEntry } from './types.ts';

/** Parses the whole draft. Never throws on content: oddities are warnings. */
export function parseGuidelineDraft(markdown: string, file: string, problems: Problems): GuidelineDocument {
  const lines = markdown.split(/\r?\n/);
  const warn: Warn = (line, message, hint) => problems.warning(file, `line ${line}`, message, hint);

  const { frontMatter, bodyStart, header } = readFrontMatter(lines, warn);
  const { events, pages } = readBody(lines, bodyStart, header, warn);
  const walk = walkEvents(events, pages, warn);
  runLaterPasses(walk.sections, frontMatter, warn);
  estimateLines(pages, walk.endsOpen?.page);

  const labelOf = pageLabels(pages);
  const sections = buildSections(walk.sections, labelOf);
  const toc = checkToc(walk.toc, sections, pages, walk.tocLine, warn);
  const figuresList = checkFiguresList(walk.figuresList, sections, warn);
  reportPartialSource(walk.endsOpen, toc, pages, frontMatter.totalPages, warn);

  return {
    frontMatter,
    toc,
    figuresList,
    sections,
    footnotes: buildFootnotes(walk.footnotes, labelOf),
    pages: buildPages(pages),
  };
}
