/** The table of contents and the List of Figures against the sections read, and a partial source, over a stage fixture. */
import { describe, expect, it } from 'vitest';
import { runLaterPasses } from '../../../src/lib/import/guideline-draft/later-passes.ts';
import { buildSections, pageLabels } from '../../../src/lib/import/guideline-draft/output.ts';
import { checkFiguresList, checkToc, reportPartialSource } from '../../../src/lib/import/guideline-draft/toc-check.ts';
import type { Warn } from '../../../src/lib/import/guideline-draft/types.ts';
import { lineOf, recorder, walkOf } from '../../support/draft-stages.ts';

describe('TOC check', () => {
  const { markdown, walk, pages } = walkOf('toc-check');
  runLaterPasses(walk.sections, { title: '', series: '', authors: [] }, recorder().warn);
  const sections = buildSections(walk.sections, pageLabels(pages));
  const at = (snippet: string) => lineOf(markdown, snippet);

  it('marks the entries found in the source and reports page and title differences, a listed heading missing and a heading not listed', () => {
    const { warn, warnings } = recorder();
    const toc = checkToc(walk.toc, sections, pages, walk.tocLine, warn);
    expect(toc.map((t) => [t.number, t.title, t.inSource])).toEqual([
      ['1', 'Introduction', true],
      ['1.1.1', 'Lid Locks', true],
      ['2', 'Spouts', false],
      ['3', 'Bases', false],
      ['A', 'Kettle Models', false],
    ]);
    // The walk's entries are left as they were.
    expect(walk.toc.every((t) => !t.inSource)).toBe(true);
    expect(warnings).toEqual([
      `line ${at('1.1.1. Lid Latches')}: Section 1.1.1 "Lid Locks" is on page 2, but the table of contents says page 1.`,
      `line ${at('1.1.1. Lid Latches')}: Section 1.1.1 is titled "Lid Latches" here but 1.1.1 "Lid Locks" in the table of contents.`,
      // Page 9 is past the last page of the source: not reported.
      `line ${at('1. Introduction ....')}: The table of contents lists 2 "Spouts" on page 2, but no such heading was found.`,
      `line ${at('1.1.2. Lid Seals')}: Heading 1.1.2 "Lid Seals" is not in the table of contents.`,
    ]);
  });

  it('marks the List of Figures entries found and reports a caption that differs and a figure not listed', () => {
    const { warn, warnings } = recorder();
    expect(checkFiguresList(walk.figuresList, sections, warn)).toEqual([
      { number: 1, title: 'A Kettle', page: '1', inSource: true },
      { number: 2, title: 'A Spout', page: '2', inSource: false },
    ]);
    expect(warnings).toEqual([
      `line ${at('> Figure 1')}: Figure 1's caption differs from its title in the List of Figures ("A Kettle").`,
      `line ${at('> Figure 3')}: Figure 3 is not in the List of Figures.`,
    ]);
  });

  it('reports a source that breaks off mid-sentence, with how far the draft runs', () => {
    const said: string[] = [];
    const warn: Warn = (line, message, hint) => said.push(`line ${line}: ${message} ${hint}`);
    const toc = checkToc(walk.toc, sections, pages, walk.tocLine, recorder().warn);
    reportPartialSource(walk.endsOpen, toc, pages, 14, warn);
    expect(said).toEqual([
      `line ${at('Seals keep')}: The text ends in mid-sentence ("…stops before the"): the source is a partial conversion (page 2; its table of contents runs to page 9; the PDF has 14 pages). The 3 table-of-contents entries not found in the source are marked inSource: false.`,
    ]);
    said.length = 0;
    reportPartialSource(undefined, toc, pages, 14, warn);
    expect(said).toEqual([]);
  });
});
