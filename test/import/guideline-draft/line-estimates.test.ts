/** Stage 6: each page's margin run shared out among its weighed units, over a stage fixture and by hand. */
import { describe, expect, it } from 'vitest';
import {
  blockLines,
  estimateLines,
  shareRun,
  unitWeight,
} from '../../../src/lib/import/guideline-draft/line-estimates.ts';
import { walkOf } from '../../support/draft-stages.ts';

describe('line estimates', () => {
  it('weighs a unit in printed lines: fixed lines plus ceil(chars / 95) per piece', () => {
    expect(unitWeight({ page: 0, fixed: 2, pieces: [95, 96, 0] })).toBe(5);
    expect(unitWeight({ page: 0, fixed: 0, pieces: [] })).toBe(0);
  });

  it('shares a run in proportion to the weights, rounding each share outward inside the run', () => {
    expect(shareRun({ first: 1, last: 9 }, [1, 1])).toEqual([
      { first: 1, last: 5 },
      { first: 5, last: 9 },
    ]);
    expect(shareRun({ first: 1, last: 10 }, [1, 1, 1])).toEqual([
      { first: 1, last: 4 },
      { first: 4, last: 7 },
      { first: 7, last: 10 },
    ]);
    expect(shareRun({ first: 21, last: 28 }, [1, 2, 1])).toEqual([
      { first: 21, last: 22 },
      { first: 23, last: 26 },
      { first: 27, last: 28 },
    ]);
    // Fewer lines than the run (the page the text breaks off on): the shares stay at the top.
    expect(shareRun({ first: 1, last: 8 }, [1, 2], 3)).toEqual([
      { first: 1, last: 1 },
      { first: 2, last: 3 },
    ]);
    expect(shareRun({ first: 1, last: 8 }, [0])).toEqual([]);
  });

  it('gives headings, callouts and paragraphs their lines, a paragraph across a page break from its first page to its last', () => {
    const { walk, pages } = walkOf('line-estimates');
    estimateLines(pages, walk.endsOpen?.page);
    // Page 1 (lines 1–6): heading 1, callout 2 source lines, paragraph part 2 (113 chars) → 1–2, 2–4, 4–6.
    expect(pages[0]!.units.map((u) => [unitWeight(u), u.range])).toEqual([
      [1, { first: 1, last: 2 }],
      [2, { first: 2, last: 4 }],
      [2, { first: 4, last: 6 }],
    ]);
    const [callout, paragraph] = walk.sections[0]!.blocks;
    expect(blockLines(callout!.units)).toEqual({ first: 2, last: 4 });
    // The text breaks off on page 2: its one line is not stretched over lines 7–16.
    expect(blockLines(paragraph!.units)).toEqual({ first: 4, last: 7 });
  });

  it('stretches the content of a page the text does not break off on over its whole run', () => {
    const { pages } = walkOf('line-estimates');
    estimateLines(pages, undefined);
    expect(pages[1]!.units.map((u) => u.range)).toEqual([{ first: 7, last: 16 }]);
  });
});
