/** Stage 2: running headers, page numbers and margin runs out, events and pages in, over a stage fixture. */
import { describe, expect, it } from 'vitest';
import { parseRun, trailingRun } from '../../../src/lib/import/guideline-draft/margin-runs.ts';
import { bodyOf, lineIs, lineOf } from '../../support/draft-stages.ts';

describe('page furniture', () => {
  const { markdown, events, pages, warnings } = bodyOf('page-furniture');
  const at = (snippet: string) => lineOf(markdown, snippet);

  it('records each page with its label and margin run: unnumbered before page i, glued and appended runs, a bare number', () => {
    expect(pages.map(({ units: _units, ...p }) => p)).toEqual([
      { label: 'unnumbered-1', sourceLine: at('Kettles in shared'), unnumbered: true },
      { label: 'i', sourceLine: at('> i') },
      { label: '1', sourceLine: at('> 1'), lines: { first: 1, last: 11 } },
      { label: '2', sourceLine: lineIs(markdown, '2'), lines: { first: 12, last: 15 } },
      { label: '3', sourceLine: at('> 3') },
    ]);
  });

  it('gives the content lines as events, the headers stripped, quoted lines as captions and footnotes', () => {
    expect(events).toEqual([
      {
        type: 'text',
        text: 'Kettles in shared offices are covered by this notice.',
        line: at('Kettles in shared'),
        page: 0,
      },
      { type: 'text', text: 'Abstract', line: at('Abstract'), page: 1 },
      { type: 'text', text: 'Kettles boil water for the whole floor.', line: at('Kettles boil'), page: 1 },
      { type: 'text', text: '1. Introduction', line: at('1. Introduction'), page: 2 },
      { type: 'figure', number: 1, caption: 'A Kettle on Its Base', line: at('> Figure 1'), page: 2 },
      { type: 'text', text: 'A kettle reports its temperature.1', line: at('A kettle reports'), page: 2 },
      {
        type: 'footnote',
        number: '1',
        text: 'Temperature reports go to the vendor.',
        line: at('> 1Temperature'),
        page: 2,
      },
      { type: 'text', text: 'A quoted line that is neither.', line: at('> A quoted'), page: 2 },
      { type: 'text', text: 'Kettles also switch off when empty.', line: at('Kettles also'), page: 2 },
      // The run appended to the page's first line is not part of the heading.
      { type: 'text', text: '2. Heating Plates', line: at('2. Heating Plates'), page: 3 },
      { type: 'text', text: 'Plates heat the water from below.', line: at('Plates heat'), page: 3 },
      // Not consecutive: kept as text.
      { type: 'text', text: '16 17 19', line: at('16 17 19'), page: 4 },
      { type: 'text', text: 'Plates cool down slowly.', line: at('Plates cool'), page: 4 },
    ]);
  });

  it('reports the bare page number, the odd quoted line and the broken run', () => {
    expect(warnings).toEqual([
      `line ${at('> A quoted')}: A quoted line is neither a page number, a figure caption nor a footnote: "A quoted line that is neither.".`,
      `line ${lineIs(markdown, '2')}: The page number 2 is a bare line, not a quoted "> 2" like the other page numbers.`,
      `line ${at('16 17 19')}: The line of numbers "16 17 19" after page number 3 is not a run of consecutive margin line numbers starting at 16.`,
    ]);
  });

  it('reads margin runs: glued, spaced, appended to text, and only from the expected start', () => {
    expect(parseRun(['123456789'], undefined, true)).toEqual({ first: 1, last: 9 });
    expect(parseRun(['12345678910', '11'], 1, true)).toEqual({ first: 1, last: 11 });
    expect(parseRun(['20', '21', '22'], 20, false)).toEqual({ first: 20, last: 22 });
    expect(parseRun(['20', '21', '22'], 19, false)).toBeUndefined();
    expect(parseRun(['20', '22'], undefined, false)).toBeUndefined();
    expect(trailingRun('3. Spouts and Lids 40 41 42 43', 40)).toEqual({
      text: '3. Spouts and Lids',
      run: { first: 40, last: 43 },
    });
    // The text's own number stays with the text.
    expect(trailingRun('Kettles sold in 2031 40 41 42', 40)).toEqual({
      text: 'Kettles sold in 2031',
      run: { first: 40, last: 42 },
    });
    expect(trailingRun('Only two numbers 40 41', 40)).toBeUndefined();
  });
});
