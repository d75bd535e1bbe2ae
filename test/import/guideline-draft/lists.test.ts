/** Lists: item markers, styles and depths, one list per run of items, and split lists joined, over a stage fixture. */
import { describe, expect, it } from 'vitest';
import { depthFor, listItem, mergeSplitLists, resolveStyle } from '../../../src/lib/import/guideline-draft/lists.ts';
import type { DraftBlock } from '../../../src/lib/import/guideline-draft/types.ts';
import { walkOf } from '../../support/draft-stages.ts';

const items = (b: DraftBlock) => b.items.map((it) => `${'  '.repeat(it.depth)}${it.marker} ${it.text}`);

describe('lists', () => {
  it('reads markers and styles', () => {
    expect(listItem('• A bullet')).toEqual({ marker: '•', style: 'bullet', text: 'A bullet' });
    expect(listItem('12. Twelfth')).toEqual({ marker: '12.', style: 'decimal', text: 'Twelfth' });
    expect(listItem('b) second')).toEqual({ marker: 'b)', style: 'alpha)', text: 'second' });
    expect(listItem('iv. fourth')).toEqual({ marker: 'iv.', style: 'roman.', text: 'fourth' });
    // A lone i. is settled by what came before it.
    expect(listItem('i. first')).toEqual({ marker: 'i.', style: 'roman?.', text: 'first' });
    expect(listItem('Kettles. Not an item')).toBeUndefined();
  });

  it('settles i. as a letter after h., else as a roman numeral, and nests each new style one deeper', () => {
    const h = { marker: 'h.', style: 'alpha.', depth: 0, text: '' };
    const a = { marker: 'a.', style: 'alpha.', depth: 1, text: '' };
    expect(resolveStyle({ marker: 'i.', style: 'roman?.' }, [h])).toBe('alpha.');
    expect(resolveStyle({ marker: 'i.', style: 'roman?.' }, [a])).toBe('roman.');
    expect(resolveStyle({ marker: 'i)', style: 'roman?)' }, [h])).toBe('roman)');
    expect(depthFor('decimal', [])).toBe(0);
    expect(depthFor('roman.', [{ marker: '1.', style: 'decimal', depth: 0, text: '' }, a])).toBe(2);
    expect(depthFor('decimal', [{ marker: '1.', style: 'decimal', depth: 0, text: '' }, a])).toBe(0);
  });

  const { walk, warnings } = walkOf('lists');
  const blocks = walk.sections[0]!.blocks;

  it('makes one list of a run of items, nested by style, a wrapped item joined', () => {
    expect(blocks.map((b) => b.kind)).toEqual([
      'paragraph',
      'list',
      'paragraph',
      'list',
      'paragraph',
      'list',
      'paragraph',
      'list',
      'paragraph',
      'list',
      'list',
    ]);
    expect(items(blocks[1]!)).toEqual([
      '1. how updates are signed;',
      '2. which parts can be replaced:',
      '  a. the lid;',
      '  b. the base, which holds the radio and the controller;',
      '    i. with its firmware; or',
      '    ii. without it.',
      '3. who answers questions.',
    ]);
    expect(items(blocks[3]!)).toEqual(['g. the handle;', 'h. the spout;', 'i. the filter.']);
    // A second 1. starts a new list; so does a bullet after numbers.
    expect([items(blocks[9]!), blocks[9]!.ordered, items(blocks[10]!), blocks[10]!.ordered]).toEqual([
      ['1. When is it replaced?'],
      true,
      ['• A bullet after numbers starts its own list.'],
      false,
    ]);
    expect(warnings).toEqual([]);
  });

  it('joins list · paragraph · list when the second list goes on with the first: the paragraph is part of the item', () => {
    const [q1, between, q2] = [blocks[5]!, blocks[6]!, blocks[7]!];
    // Read apart, the second list nests its 2. under its a.; joined, the depths are counted again.
    expect([items(q1), between.text, items(q2)]).toEqual([
      ['1. Who descales it?'],
      'This matters in hard-water areas. For example:',
      ['a. Is there a descaling reminder?', '  2. Where does it sit?'],
    ]);
    mergeSplitLists(walk.sections);
    const after = walk.sections[0]!.blocks;
    expect(after.map((b) => b.kind)).toEqual([
      'paragraph',
      'list',
      'paragraph',
      'list',
      'paragraph',
      'list',
      'paragraph',
      'list',
      'list',
    ]);
    expect(items(after[5]!)).toEqual([
      '1. Who descales it? This matters in hard-water areas. For example:',
      '  a. Is there a descaling reminder?',
      '2. Where does it sit?',
    ]);
    // The paragraph's weight went to the list's unit on the same page.
    expect(after[5]!.units.map((u) => u.pieces)).toEqual([
      [
        'Who descales it?'.length,
        'This matters in hard-water areas. For example:'.length,
        'Is there a descaling reminder?'.length,
        'Where does it sit?'.length,
      ],
    ]);
    // "Parts are listed by letter:" between two lists that do not go on from each other stays.
    expect(after[2]!.text).toBe('Parts are listed by letter:');
  });
});
