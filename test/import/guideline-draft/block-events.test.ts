/** Stage 3: the furniture stage's events as sections of draft blocks, over a stage fixture. */
import { describe, expect, it } from 'vitest';
import { bodyHeading, startsBody } from '../../../src/lib/import/guideline-draft/headings.ts';
import { lineOf, walkOf } from '../../support/draft-stages.ts';

describe('block events', () => {
  const { markdown, walk, warnings } = walkOf('block-events');
  const at = (snippet: string) => lineOf(markdown, snippet);
  const outline = walk.sections.map((s) => ({
    title: s.title,
    frontMatter: s.frontMatter,
    printedNumber: s.printedNumber,
    kind: s.kind,
    blocks: s.blocks.map((b) => [b.kind, b.sourceLine]),
  }));

  it('makes sections: the untitled notices, front-matter headings, then the body from chapter 1', () => {
    expect(outline).toEqual([
      {
        title: 'Notices',
        frontMatter: true,
        printedNumber: undefined,
        kind: 'normal',
        blocks: [['paragraph', at('Mentioning')]],
      },
      { title: 'Table of Contents', frontMatter: true, printedNumber: undefined, kind: 'list-section', blocks: [] },
      {
        title: 'Abstract',
        frontMatter: true,
        printedNumber: undefined,
        kind: 'normal',
        blocks: [['paragraph', at('This guide covers')]],
      },
      {
        title: 'Introduction',
        frontMatter: false,
        printedNumber: '1',
        kind: 'normal',
        blocks: [
          ['paragraph', at('A kettle on the network')],
          ['callout', at('Details:')],
          ['figure', at('> Figure 2')],
          ['list', at('• A kettle')],
        ],
      },
      // Listed in the table of contents: a heading although longer than the heuristics allow.
      {
        title: 'Boiling Points for Kettles That Are Shared Between Several Offices on One Floor',
        frontMatter: false,
        printedNumber: '2',
        kind: 'normal',
        blocks: [],
      },
      {
        title: 'Spout Safety',
        frontMatter: false,
        printedNumber: undefined,
        kind: 'normal',
        blocks: [['paragraph', at('Spouts should')]],
      },
    ]);
  });

  it('reads the table of contents, a title wrapped onto the leader line included', () => {
    expect(walk.toc).toEqual([
      { number: '1', title: 'Introduction', page: '1', inSource: false },
      {
        number: '2',
        title: 'Boiling Points for Kettles That Are Shared Between Several Offices on One Floor',
        page: '1',
        inSource: false,
      },
      { title: 'References', page: '2', inSource: false },
    ]);
    expect(walk.tocLine).toBe(at('1. Introduction ....'));
  });

  it('takes the footnote number off the text, keeps the footnote, and joins the lines that go on in lower case around it', () => {
    const para = walk.sections[3]!.blocks[0]!;
    expect([para.text, para.footnoteRefs, para.lastLine]).toEqual([
      'A kettle on the network can be switched on from a desk, which saves time but means someone must watch it and switch it off when it boils.',
      ['1'],
      at('and switch it off'),
    ]);
    expect(walk.footnotes).toEqual([
      { number: '1', text: 'Watching means staying within sight of the kettle.', line: at('> 1Watching'), page: 2 },
    ]);
  });

  it('reads a callout with its hard-wrapped text, a figure and a list item', () => {
    const [, callout, figure, list] = walk.sections[3]!.blocks;
    expect([callout!.variant, callout!.title, callout!.text]).toEqual([
      'details',
      'What Is a Kettle?',
      'Any appliance that boils water and has a network interface.',
    ]);
    expect([figure!.number, figure!.title]).toEqual([2, 'A Kettle and Its Base']);
    expect(list!.items).toEqual([{ marker: '•', style: 'bullet', depth: 0, text: 'A kettle with a display.' }]);
  });

  it('notices that the text breaks off mid-sentence, and warns of nothing else', () => {
    expect(walk.endsOpen).toEqual({ line: at('Spouts should'), tail: 'stops in the', page: 2 });
    expect(warnings).toEqual([]);
  });

  it('tells headings from sentences', () => {
    expect(startsBody('1. Introduction', [])).toBe(true);
    expect(startsBody('2. Heating', [])).toBe(false);
    expect(startsBody('1. Introduction .......... 1', [])).toBe(false);
    expect(bodyHeading('3.2. Lids and Seals', undefined, [])).toEqual({ title: 'Lids and Seals', number: '3.2' });
    expect(bodyHeading('Lids and Seals', { text: 'are checked yearly.' }, [])).toBeUndefined();
    expect(bodyHeading('Why Descale a Kettle?', { text: 'because scale builds up.' }, [])).toEqual({
      title: 'Why Descale a Kettle?',
    });
    expect(bodyHeading('Appendix B. Kettle Models', undefined, [])).toEqual({ title: 'Kettle Models', appendix: 'B' });
    expect(bodyHeading('References', undefined, [{ title: 'References', page: '9', inSource: false }])).toEqual({
      title: 'References',
      tocLevel: 1,
    });
    expect(bodyHeading('Kettles boil water quickly.', undefined, [])).toBeUndefined();
    expect(bodyHeading('Details: Lids', undefined, [])).toBeUndefined();
  });
});
