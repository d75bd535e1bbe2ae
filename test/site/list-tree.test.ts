/** Draft lists nested as printed: sub-items under their item, markers kept. */
import { describe, expect, it } from 'vitest';
import { type ListNode, listTree } from '../../src/lib/site/list-tree.ts';

/** `marker text` per item, sub-items indented under their item. */
const outline = (nodes: ListNode[], indent = ''): string[] =>
  nodes.flatMap((n) => [`${indent}${n.marker ? `${n.marker} ` : ''}${n.text}`, ...outline(n.children, `${indent}  `)]);

describe('listTree', () => {
  it('puts each item one deeper than the item before it under that item, and comes back up', () => {
    const tree = listTree({
      items: ['who', 'what', 'a lid', 'a base', 'its radio', 'where'],
      markers: ['1.', '2.', 'a.', 'b.', 'i.', '3.'],
      depths: [0, 0, 1, 1, 2, 0],
    });
    expect(outline(tree)).toEqual(['1. who', '2. what', '  a. a lid', '  b. a base', '    i. its radio', '3. where']);
    expect(tree.map((n) => n.children.length)).toEqual([0, 2, 0]);
  });

  it('keeps a flat list flat, bullets without markers', () => {
    expect(listTree({ items: ['one', 'two'] })).toEqual([
      { text: 'one', children: [] },
      { text: 'two', children: [] },
    ]);
  });

  it('nests an item that jumps more than one level under the item before it', () => {
    expect(outline(listTree({ items: ['top', 'deep', 'back'], depths: [0, 3, 0] }))).toEqual(['top', '  deep', 'back']);
    expect(outline(listTree({ items: ['starts deep'], depths: [2] }))).toEqual(['starts deep']);
  });
});
