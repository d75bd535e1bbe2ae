/** Stage 5: section numbers and levels, and the comment fields, after the walk over a stage fixture. */
import { describe, expect, it } from 'vitest';
import {
  inferNumbers,
  runLaterPasses,
  takeCommentFields,
} from '../../../src/lib/import/guideline-draft/later-passes.ts';
import type { GuidelineDocument } from '../../../src/lib/import/guideline-draft/types.ts';
import { lineOf, recorder, walkOf } from '../../support/draft-stages.ts';

describe('later passes', () => {
  it('keeps printed numbers, infers unnumbered body headings as level 2 of their chapter or appendix, and reports doubtful ones', () => {
    const { markdown, walk } = walkOf('later-passes');
    const { warn, warnings } = recorder();
    inferNumbers(walk.sections, warn);
    expect(walk.sections.map((s) => [s.title, s.level, s.printedNumber ?? s.inferredNumber ?? s.appendix])).toEqual([
      ['Public Comment Period', 1, undefined],
      ['Submit Comments', 1, undefined],
      ['Abstract', 1, undefined],
      ['Introduction', 1, '1'],
      ['Purpose of This Guide', 2, '1.1'],
      ['Scope Limits', 3, '1.2.1'],
      ['Kettles Without Displays', 2, '1.3'],
      ['Kettle Models', 1, 'A'],
      ['Older Models', 2, 'A.1'],
    ]);
    expect(walk.sections.filter((s) => s.inferredNumber).map((s) => s.title)).toEqual([
      'Purpose of This Guide',
      'Kettles Without Displays',
      'Older Models',
    ]);
    expect(warnings).toEqual([
      `line ${lineOf(markdown, '1.2.1.')}: Heading 1.2.1 follows section 1.1 ("Purpose of This Guide", number inferred), not 1.2.`,
      `line ${lineOf(markdown, 'Kettles Without')}: The heading "Kettles Without Displays" has no number and follows a level-3 section (1.2.1): it is taken as 1.3, but it could be 1.2.2.`,
    ]);
  });

  it('takes the comment period, e-mail and postal address out of their sections', () => {
    const { walk } = walkOf('later-passes');
    const fm: GuidelineDocument['frontMatter'] = { title: 'T', series: 'S', authors: [] };
    takeCommentFields(walk.sections, fm);
    expect(fm).toEqual({
      title: 'T',
      series: 'S',
      authors: [],
      commentPeriod: { start: 'May 3', end: 'June 30, 2032' },
      commentEmail: 'kettles@example.gov',
      commentAddress: 'Boiling Water Division\nMail Stop 12, Brewton, ZZ 00000',
    });
    expect(walk.sections.slice(0, 3).map((s) => [s.title, s.blocks.length])).toEqual([
      ['Public Comment Period', 0],
      ['Submit Comments', 0],
      ['Abstract', 1],
    ]);
  });

  it('runs every pass', () => {
    const { walk } = walkOf('later-passes');
    const fm: GuidelineDocument['frontMatter'] = { title: 'T', series: 'S', authors: [] };
    const { warn, warnings } = recorder();
    runLaterPasses(walk.sections, fm, warn);
    expect([fm.commentEmail, walk.sections[4]!.inferredNumber, warnings.length]).toEqual([
      'kettles@example.gov',
      '1.1',
      2,
    ]);
  });
});
