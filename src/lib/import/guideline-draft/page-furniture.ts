/**
 * Stage 2, page furniture and margin lines: the body's lines become events
 * (text, figure caption, footnote), with the running header, the page
 * numbers and the margin line-number runs taken out. Each page is recorded
 * with its label and run. Pure but for the warnings.
 */
import { squash } from '../../text.ts';
import { FIGURE_CAPTION, HEADER_GENERIC } from './patterns.ts';
import { escapeRegExp } from './text-rules.ts';
import type { Event, LineRange, PageRec, Warn } from './types.ts';

export interface Body {
  events: Event[];
  pages: PageRec[];
}

/** Reads `lines` from index `start`; `headerText` is the running header found by the title block. */
export function readBody(lines: string[], start: number, headerText: string | undefined, warn: Warn): Body {
  const headerEnd = headerText ? new RegExp(`\\s*${escapeRegExp(headerText)}\\s*$`) : HEADER_GENERIC;
  const headerAnywhere = headerText ? new RegExp(escapeRegExp(headerText)) : undefined;
  const events: Event[] = [];
  const pages: PageRec[] = [];
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
  return { events, pages };
}

/**
 * A run of margin line numbers: consecutive integers; with `gluedStart`, the
 * first token may be several numbers written together (`12345678910`).
 */
export function parseRun(tokens: string[], expectedStart: number | undefined, gluedStart: boolean): LineRange | undefined {
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
export function trailingRun(text: string, expectedStart: number | undefined): { text: string; run: LineRange } | undefined {
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
