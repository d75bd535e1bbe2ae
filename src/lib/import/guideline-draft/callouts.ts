/**
 * Callout boxes (`Details: …`, `Consider: …`): the title, run on to the next
 * line when long and followed by a short title-case phrase, then the box's
 * hard-wrapped text: the run of short lines up to a long line, a list item,
 * another callout, a heading, a figure, or a page break after a finished
 * sentence. Each source line weighs one printed line.
 */
import { BULLET, CALLOUT_MAX_LINE, CALLOUT_START, ORDERED_ITEM } from './patterns.ts';
import { unitOn } from './line-estimates.ts';
import { isHeadingText, isTerminated, isTitleCase, joinText, startsAsContinuation } from './text-rules.ts';
import { type DraftSection, newBlock } from './types.ts';
import type { WalkState } from './walk-state.ts';

/** The callout starting at event `i`, when its line starts one: added to `s`; returns the index of the first event after it. */
export function takeCallout(state: WalkState, s: DraftSection, i: number): number | undefined {
  const { events, pages } = state;
  const e = events[i]!;
  if (e.type !== 'text') return undefined;
  const callout = CALLOUT_START.exec(e.text);
  if (!callout || e.text.length > CALLOUT_MAX_LINE || (state.open && startsAsContinuation(e.text))) return undefined;
  const block = newBlock('callout', e.line, e.page);
  block.variant = callout[1]!.toLowerCase();
  block.title = callout[2]!;
  unitOn(block, e.page, pages).fixed += 1;
  let k = i + 1;
  const after = events[k];
  if (
    after?.type === 'text' &&
    block.title.length >= 40 &&
    !/[.?!:]$/.test(block.title) &&
    after.text.length <= 50 &&
    isTitleCase(after.text) &&
    !/[.,;:]$/.test(after.text)
  ) {
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
    if (
      b.text.length > CALLOUT_MAX_LINE ||
      BULLET.test(b.text) ||
      ORDERED_ITEM.test(b.text) ||
      CALLOUT_START.test(b.text)
    )
      break;
    const following = k + 1 < events.length ? events[k + 1] : undefined;
    if (
      block.text &&
      isTerminated(block.text) &&
      isHeadingText(b.text) &&
      !(following?.type === 'text' && startsAsContinuation(following.text))
    )
      break;
    block.text = block.text ? joinText(block.text, b.text) : b.text;
    unitOn(block, b.page, pages).fixed += 1;
    block.lastLineLen = b.text.length;
    block.lastLine = b.line;
    page = b.page;
  }
  s.blocks.push(block);
  state.open = isTerminated(block.text) ? undefined : block;
  return k;
}
