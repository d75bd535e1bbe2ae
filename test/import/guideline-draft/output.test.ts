/** Stage 7: the document's sections, block ids, page labels, lines and normalized text, over a stage fixture. */
import { describe, expect, it } from 'vitest';
import { runLaterPasses } from '../../../src/lib/import/guideline-draft/later-passes.ts';
import { estimateLines } from '../../../src/lib/import/guideline-draft/line-estimates.ts';
import {
  buildFootnotes,
  buildPages,
  buildSections,
  pageLabels,
} from '../../../src/lib/import/guideline-draft/output.ts';
import { lineOf, recorder, walkOf } from '../../support/draft-stages.ts';

describe('output', () => {
  const { markdown, walk, pages } = walkOf('output');
  runLaterPasses(walk.sections, { title: '', series: '', authors: [] }, recorder().warn);
  estimateLines(pages, walk.endsOpen?.page);
  const labelOf = pageLabels(pages);
  const sections = buildSections(walk.sections, labelOf);
  const at = (snippet: string) => lineOf(markdown, snippet);

  it('gives sections unique ids: the number, appendix-a, or a slug of the title', () => {
    expect(sections.map((s) => [s.id, s.number, s.title, s.level, s.page, s.frontMatter])).toEqual([
      ['abstract', undefined, 'Abstract', 1, 'i', true],
      ['abstract-2', undefined, 'Abstract', 1, 'i', true],
      ['1', '1', 'Introduction', 1, '1', undefined],
      ['appendix-a', 'A', 'Kettle Models', 1, '2', undefined],
    ]);
  });

  it('numbers blocks per kind, normalizes text and lists citations, and marks a block that ends on a later page', () => {
    // Page 1 (lines 1–10) weighs 8: heading 1, p1 1, list 1, callout 2, caption 1, p2's first line 2 (96 chars); page 2 (11–15) 3.
    expect(sections[0]!.blocks).toEqual([
      {
        kind: 'paragraph',
        id: 'p1',
        text: 'Kettles, briefly (see [4]).',
        page: 'i',
        sourceLine: at('Kettles , briefly'),
        citations: ['4'],
        footnoteRefs: [],
      },
    ]);
    expect(sections[2]!.blocks).toEqual([
      {
        kind: 'paragraph',
        id: 'p1',
        text: 'Kettles boil water [2], [3] for offices.',
        page: '1',
        lines: { first: 2, last: 3 },
        sourceLine: at('Kettles boil'),
        citations: ['2', '3'],
        footnoteRefs: [],
      },
      {
        kind: 'list',
        id: 'l1',
        ordered: false,
        items: ['One bullet.'],
        page: '1',
        lines: { first: 3, last: 4 },
        sourceLine: at('• One'),
        citations: [],
      },
      {
        kind: 'callout',
        id: 'c1',
        variant: 'details',
        title: 'A Box',
        text: 'Its text.',
        page: '1',
        lines: { first: 4, last: 7 },
        sourceLine: at('Details:'),
        citations: [],
      },
      {
        kind: 'figure',
        id: 'f1',
        number: 1,
        caption: 'A Kettle',
        page: '1',
        lines: { first: 7, last: 8 },
        sourceLine: at('> Figure 1'),
      },
      {
        kind: 'paragraph',
        id: 'p2',
        text: 'A paragraph that runs over the page break, long enough to be one wrapped printed line of the PDF and ends on the next page with a note after it.',
        page: '1',
        endPage: '2',
        lines: { first: 8, last: 12 },
        sourceLine: at('A paragraph that runs'),
        citations: [],
        footnoteRefs: ['2'],
      },
    ]);
  });

  it('gives footnotes their page label and citations, and pages their runs', () => {
    expect(buildFootnotes(walk.footnotes, labelOf)).toEqual([
      { number: '2', text: 'Footnotes cite too [5].', page: '2', line: at('> 2Footnotes'), citations: ['5'] },
    ]);
    expect(buildPages(pages)).toEqual([
      { label: 'i', sourceLine: at('> i') },
      { label: '1', lines: { first: 1, last: 10 }, sourceLine: at('> 1') },
      { label: '2', lines: { first: 11, last: 15 }, sourceLine: at('> 2') },
    ]);
  });
});
