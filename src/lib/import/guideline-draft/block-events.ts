/**
 * Stage 3, block events: the furniture stage's events become sections of
 * draft blocks. Each event goes to one step, in this order of tests: figure
 * caption, footnote, table-of-contents line, heading, callout, list item,
 * continuation of the open block, new paragraph. The steps share one
 * explicit state (walk-state.ts).
 */
import { squash } from '../../text.ts';
import { takeCallout } from './callouts.ts';
import { bodyHeading, isFrontMatterHeading, startsBody, tocTitles } from './headings.ts';
import { unitOn } from './line-estimates.ts';
import { listItem, takeListItem } from './lists.ts';
import { LONG_LINE } from './patterns.ts';
import { isTerminated, joinText, startsAsContinuation } from './text-rules.ts';
import { takeTocLine } from './toc-entries.ts';
import { type DraftBlock, type Event, newBlock, type PageRec, type TextEvent, type Walk, type Warn } from './types.ts';
import { ensureSection, newWalkState, nextText, startSection, type WalkState } from './walk-state.ts';

/** Sections of draft blocks, the table of contents, the List of Figures and the footnotes. */
export function walkEvents(events: Event[], pages: PageRec[], warn: Warn): Walk {
  const state = newWalkState(events, pages, warn);
  for (let i = 0; i < events.length; ) {
    const e = events[i]!;
    if (e.type === 'figure') takeFigure(state, e);
    else if (e.type === 'footnote') takeFootnote(state, e);
    else {
      i = takeText(state, i);
      continue;
    }
    i += 1;
  }
  const endsOpen = openEnd(state.open);
  if (endsOpen) state.walk.endsOpen = endsOpen;
  return state.walk;
}

export function takeFigure(state: WalkState, e: Extract<Event, { type: 'figure' }>): void {
  const s = ensureSection(state, e.line, e.page);
  const block = newBlock('figure', e.line, e.page);
  block.number = e.number;
  block.title = e.caption;
  unitOn(block, e.page, state.pages).pieces.push(e.caption.length);
  s.blocks.push(block);
}

/** Keeps the footnote and takes its reference number off the end of the open block's text. */
export function takeFootnote(state: WalkState, e: Extract<Event, { type: 'footnote' }>): void {
  state.walk.footnotes.push({ number: e.number, text: squash(e.text), line: e.line, page: e.page });
  const target = state.open;
  const ref = new RegExp(`(?:\\s+|(?<=[\\p{L})\\]]))${e.number}$`, 'u');
  if (target) {
    const where = target.kind === 'list' ? target.items[target.items.length - 1] : target;
    if (where && ref.test(where.text)) {
      where.text = where.text.replace(ref, '');
      target.footnoteRefs.push(e.number);
      return;
    }
  }
  state.warn(
    e.line,
    `Footnote ${e.number} has no reference number at the end of the text before it.`,
    'The footnote is kept; no block lists it in footnoteRefs.',
  );
}

/** A text event (index `i`); returns the index of the next event to read. */
export function takeText(state: WalkState, i: number): number {
  const e = state.events[i] as TextEvent;
  const text = e.text;
  const next = nextText(state.events, i);
  const frontHeading = !state.inBody && isFrontMatterHeading(text);
  // The body starts at chapter 1 (or at a chapter the table of contents lists).
  const bodyStarts = !state.inBody && startsBody(text, state.walk.toc);

  if (state.section?.kind === 'list-section' && !frontHeading && !bodyStarts && takeTocLine(state, e, next))
    return i + 1;

  if (frontHeading) {
    startSection(state, text, e.line, e.page);
    return i + 1;
  }
  if (bodyStarts) state.inBody = true;
  if (state.inBody) {
    const heading = bodyHeading(text, next, state.walk.toc, tocTitles(state.walk.toc));
    if (heading) {
      startSection(state, heading.title, e.line, e.page, {
        printedNumber: heading.number,
        appendix: heading.appendix,
        tocLevel: heading.tocLevel,
        frontMatter: false,
      });
      return i + 1;
    }
  }

  const s = ensureSection(state, e.line, e.page);
  const afterCallout = takeCallout(state, s, i);
  if (afterCallout !== undefined) return afterCallout;

  const item = listItem(text);
  if (item) takeListItem(state, s, e, item);
  else if (state.open && state.open.lastLine < e.line && shouldJoin(state.open, text))
    continueBlock(state, state.open, e);
  else startParagraph(state, s, e);
  return i + 1;
}

/** Does line `next` continue the open block (see the module header of index.ts)? */
export function shouldJoin(open: DraftBlock, next: string): boolean {
  if (open.kind === 'figure') return false;
  if (startsAsContinuation(next)) return true;
  if (isTerminated(openText(open))) return false;
  return open.lastLineLen >= LONG_LINE;
}

/** Appends a line to the open block: its last list item, its callout text or its paragraph. */
export function continueBlock(state: WalkState, open: DraftBlock, e: TextEvent): void {
  const { text } = e;
  const unit = unitOn(open, e.page, state.pages);
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
}

export function startParagraph(state: WalkState, s: Walk['sections'][number], e: TextEvent): void {
  const { text } = e;
  if (/^\p{Ll}/u.test(text) && !/^(?:\S+@\S+|https?:\/\/\S+)$/.test(text))
    state.warn(
      e.line,
      `A paragraph starts in lower case ("${text.slice(0, 40)}…"): the text it continues was not found.`,
      'It is kept as a paragraph of its own.',
    );
  const para = newBlock('paragraph', e.line, e.page);
  para.text = text;
  para.rawLines.push(text);
  para.lastLineLen = text.length;
  unitOn(para, e.page, state.pages).pieces.push(text.length);
  s.blocks.push(para);
  state.open = para;
}

/** The text a next line would continue: the last list item's, or the block's. */
function openText(open: DraftBlock): string {
  return open.kind === 'list' ? (open.items[open.items.length - 1]?.text ?? '') : open.text;
}

/** The last open block's end, when it has no final punctuation: the text breaks off there. */
export function openEnd(open: DraftBlock | undefined): Walk['endsOpen'] {
  if (!open) return undefined;
  const text = openText(open);
  if (isTerminated(text)) return undefined;
  const lastUnit = open.units[open.units.length - 1];
  return { line: open.lastLine, tail: text.split(' ').slice(-3).join(' '), page: lastUnit?.page ?? open.page };
}
