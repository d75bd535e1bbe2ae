/**
 * A list block of the draft as nested items: the importer gives its items
 * flat, with each item's depth (0 = top) and, for an ordered list, its
 * printed marker; an item one deeper than the item before it is a sub-item
 * of that one.
 */

export interface ListNode {
  text: string;
  /** The marker the draft prints (`1.`, `a.`, `ii.`), for ordered lists. */
  marker?: string;
  children: ListNode[];
}

export function listTree(block: { items: string[]; depths?: number[]; markers?: string[] }): ListNode[] {
  const roots: ListNode[] = [];
  // path[d]: the last item seen at depth d.
  const path: ListNode[] = [];
  block.items.forEach((text, i) => {
    // At most one level below the item before it.
    const depth = Math.max(0, Math.min(block.depths?.[i] ?? 0, path.length));
    const marker = block.markers?.[i];
    const node: ListNode = { text, ...(marker ? { marker } : {}), children: [] };
    (depth === 0 ? roots : path[depth - 1]!.children).push(node);
    path.length = depth;
    path.push(node);
  });
  return roots;
}
