/**
 * Stage 2, page furniture and margin lines: the body's lines become events
 * (text, figure caption, footnote), with the running header, the page
 * numbers and the margin line-number runs taken out. Each page is recorded
 * with its label and run (margin-runs.ts reads the runs). Pure but for the
 * warnings.
 */
import { squash } from '../../text.ts';
import { FIGURE_CAPTION, HEADER_GENERIC } from './patterns.ts';
import { escapeRegExp } from './text-rules.ts';
import { parseRun, trailingRun } from './margin-runs.ts';
import type { Event, PageRec, Warn } from './types.ts';

export interface Body {
  events: Event[];
  pages: PageRec[];
}

/** What the stage has read so far, and what the last lines said about the next one. */
export interface FurnitureState {
  readonly warn: Warn;
  readonly events: Event[];
  readonly pages: PageRec[];
  /** A running header ended a line: the next content begins a new page. */
  pendingBreak: boolean;
  /** The last line ended with the running header (a bare number after it is a page number). */
  afterHeader: boolean;
  /** How many more lines of the current page may hold its margin run. */
  runCheck: number;
  /** Pages before the first printed number, so far. */
  unnumbered: number;
  /** The number the next margin run must start at. */
  expectedRunStart?: number;
}

export function newFurnitureState(warn: Warn): FurnitureState {
  return { warn, events: [], pages: [], pendingBreak: true, afterHeader: true, runCheck: 0, unnumbered: 0 };
}

/** Reads `lines` from index `start`; `headerText` is the running header found by the title block. */
export function readBody(lines: string[], start: number, headerText: string | undefined, warn: Warn): Body {
  const headers = headerPatterns(headerText);
  const state = newFurnitureState(warn);
  for (let i = start; i < lines.length; i++) {
    const t = squash(lines[i]!);
    if (t) readLine(state, stripHeader(t, headers, i + 1, warn), i + 1);
  }
  return { events: state.events, pages: state.pages };
}

export interface HeaderPatterns {
  /** The running header at a line's end (a page break). */
  end: RegExp;
  /** The running header anywhere in a line. */
  anywhere?: RegExp;
}

export function headerPatterns(headerText: string | undefined): HeaderPatterns {
  if (!headerText) return { end: HEADER_GENERIC };
  return { end: new RegExp(`\\s*${escapeRegExp(headerText)}\\s*$`), anywhere: new RegExp(escapeRegExp(headerText)) };
}

/** A line with the running header taken out; `header` when it ended the line. */
export function stripHeader(
  line: string,
  headers: HeaderPatterns,
  lineNo: number,
  warn: Warn,
): { text: string; header: boolean } {
  let text = line;
  let header = false;
  const h = headers.end.exec(text);
  if (h) {
    text = text.slice(0, h.index).trim();
    header = true;
  }
  if (headers.anywhere?.test(text)) {
    warn(
      lineNo,
      'The running header appears inside a line, not at its end; it is removed but no page break is assumed there.',
    );
    text = squash(text.replace(new RegExp(headers.anywhere.source, 'g'), ' '));
  }
  return { text, header };
}

/** One body line (header stripped): a page number, a margin run, content, or a mix of the last two. */
export function readLine(state: FurnitureState, line: { text: string; header: boolean }, lineNo: number): void {
  if (!takePageNumber(state, line.text, lineNo)) {
    if (state.pendingBreak) openPage(state, lineNo);
    const text = takeMarginRun(state, line.text, lineNo);
    if (text) pushContent(state, text, lineNo);
  }
  state.afterHeader = line.header;
  if (line.header) state.pendingBreak = true;
}

/** Page number: `> 12`, or a bare number right after a running header. Starts the page. */
export function takePageNumber(state: FurnitureState, t: string, lineNo: number): boolean {
  const marker = /^>\s*([ivxlcdm]+|\d{1,4})$/i.exec(t);
  const bare = !marker && state.afterHeader && /^\d{1,4}$/.test(t) ? t : undefined;
  if (!marker && !bare) return false;
  if (state.runCheck > 0) endRunCheck(state);
  const label = marker ? marker[1]! : bare!;
  if (bare)
    state.warn(
      lineNo,
      `The page number ${bare} is a bare line, not a quoted "> ${bare}" like the other page numbers.`,
      'It is read as the page number all the same.',
    );
  if (!state.pendingBreak && !state.afterHeader) state.warn(lineNo, `Page number ${label} follows no running header.`);
  startPage(state, label, lineNo);
  state.pendingBreak = false;
  state.runCheck = 2;
  return true;
}

/** Content after a running header with no page number: an unnumbered page before page i, or a guessed label after it. */
export function openPage(state: FurnitureState, lineNo: number): void {
  const { pages } = state;
  if (pages.some((p) => !p.unnumbered)) {
    const previous = pages[pages.length - 1]!.label;
    const guess = /^\d+$/.test(previous) ? String(Number(previous) + 1) : `after-${previous}`;
    state.warn(lineNo, `A running header is not followed by a page number; the page is labelled "${guess}".`);
    startPage(state, guess, lineNo);
    state.runCheck = 2;
  } else {
    state.unnumbered += 1;
    startPage(state, `unnumbered-${state.unnumbered}`, lineNo, true);
    state.runCheck = 0;
  }
  state.pendingBreak = false;
}

/** Takes the page's margin run off one of its first two lines; returns the text left (empty when the line was the run). */
export function takeMarginRun(state: FurnitureState, t: string, lineNo: number): string {
  if (state.runCheck <= 0) return t;
  const page = state.pages[state.pages.length - 1]!;
  if (/^[\d ]+$/.test(t)) {
    const run = parseRun(t.split(' '), state.expectedRunStart, true);
    state.runCheck = 0;
    if (run) {
      page.lines = run;
      state.expectedRunStart = run.last + 1;
      return '';
    }
    state.warn(
      lineNo,
      `The line of numbers "${t.length > 40 ? `${t.slice(0, 40)}…` : t}" after page number ${page.label} is not a run of consecutive margin line numbers${state.expectedRunStart ? ` starting at ${state.expectedRunStart}` : ''}.`,
      'It is kept as text, and the page gets no line range.',
    );
    return t;
  }
  const trailing = trailingRun(t, state.expectedRunStart);
  if (trailing) {
    page.lines = trailing.run;
    state.expectedRunStart = trailing.run.last + 1;
    state.runCheck = 0;
    return trailing.text;
  }
  state.runCheck -= 1;
  if (state.runCheck === 0) endRunCheck(state);
  return t;
}

/** A content line of the current page: a figure caption or footnote when quoted, else text. */
export function pushContent(state: FurnitureState, t: string, lineNo: number): void {
  const page = state.pages.length - 1;
  if (!t.startsWith('>')) {
    state.events.push({ type: 'text', text: t, line: lineNo, page });
    return;
  }
  const inner = squash(t.replace(/^>\s*/, ''));
  const fig = FIGURE_CAPTION.exec(inner);
  const note = /^(\d{1,3})(?=\D)\s*(\S.*)$/.exec(inner);
  if (fig) state.events.push({ type: 'figure', number: Number(fig[1]), caption: fig[2]!, line: lineNo, page });
  else if (note) state.events.push({ type: 'footnote', number: note[1]!, text: note[2]!, line: lineNo, page });
  else {
    state.warn(
      lineNo,
      `A quoted line is neither a page number, a figure caption nor a footnote: "${inner.slice(0, 60)}".`,
      'It is kept as text.',
    );
    state.events.push({ type: 'text', text: inner, line: lineNo, page });
  }
}

function startPage(state: FurnitureState, label: string, line: number, isUnnumbered = false): void {
  state.pages.push({ label, sourceLine: line, units: [], ...(isUnnumbered ? { unnumbered: true } : {}) });
}

/** The page's first lines are read: a numbered page without a run is reported (once some page has one). */
function endRunCheck(state: FurnitureState): void {
  const page = state.pages[state.pages.length - 1];
  if (page && !page.unnumbered && !page.lines && state.pages.some((p) => p.lines)) {
    state.warn(
      page.sourceLine,
      `Page ${page.label} has no margin line numbers after its page number.`,
      'Its blocks get no line range.',
    );
  }
}
