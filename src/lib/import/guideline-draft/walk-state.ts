/**
 * The state of the block-event stage, passed explicitly to each of its steps
 * (table-of-contents lines, headings, callouts, list items, paragraphs): the
 * walk's results so far, the open section and the open block.
 */
import { LIST_SECTIONS } from './patterns.ts';
import { headingUnit } from './line-estimates.ts';
import type { DraftBlock, DraftSection, Event, PageRec, TextEvent, Walk, Warn } from './types.ts';

export interface WalkState {
  readonly events: Event[];
  /** The pages of the furniture stage; each new unit of content is registered with its page. */
  readonly pages: PageRec[];
  readonly warn: Warn;
  readonly walk: Walk;
  section?: DraftSection;
  /** The block a following line may continue. */
  open?: DraftBlock;
  /** Past the front matter (chapter 1 has begun). */
  inBody: boolean;
  /** A table-of-contents title wrapped onto the next line, waiting for its leader and page. */
  pendingTocTitle?: { text: string; line: number };
}

export function newWalkState(events: Event[], pages: PageRec[], warn: Warn): WalkState {
  return {
    events,
    pages,
    warn,
    walk: { sections: [], toc: [], tocLine: 0, figuresList: [], footnotes: [] },
    inBody: false,
  };
}

/** Opens a section at a heading (weighed on its page like a line of text); no block is open after it. */
export function startSection(
  state: WalkState,
  title: string,
  line: number,
  page: number,
  extra: Partial<DraftSection> = {},
): DraftSection {
  const section: DraftSection = {
    title,
    page,
    sourceLine: line,
    frontMatter: !state.inBody,
    blocks: [],
    kind: LIST_SECTIONS.has(title.toLowerCase()) ? 'list-section' : 'normal',
    ...extra,
  };
  state.walk.sections.push(section);
  state.pages[page]?.units.push(headingUnit(title, page));
  state.section = section;
  state.open = undefined;
  return section;
}

/** The open section; text before the first heading opens the untitled "Notices". */
export function ensureSection(state: WalkState, line: number, page: number): DraftSection {
  if (!state.section) {
    state.section = {
      title: 'Notices',
      titleInferred: true,
      page,
      sourceLine: line,
      frontMatter: true,
      blocks: [],
      kind: 'normal',
    };
    state.walk.sections.push(state.section);
  }
  return state.section;
}

/** The next text event after index `i`, looking past footnotes but not past a figure. */
export function nextText(events: Event[], i: number): TextEvent | undefined {
  for (let k = i + 1; k < events.length; k++) {
    const e = events[k]!;
    if (e.type === 'text') return e;
    if (e.type === 'footnote') continue;
    return undefined;
  }
  return undefined;
}
