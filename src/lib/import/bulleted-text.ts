/**
 * Splits a workbook cell such as
 *   "Ability to … such as:\no\t Temporary passwords\n-\t Biometrics"
 * into its sentence and nested items: "o" (or "•") starts an item, "-" an item
 * of the item above it.
 */
import type { NestedItem } from '../model/schemas/catalog.ts';
import { squash } from '../text.ts';

const LEVEL_1 = /^(?:o|•|▪|\u25e6)(?:\s+|\t)/;
const LEVEL_2 = /^[-–](?:\s+|\t)/;

export function parseBulletedText(cell: string): { text: string; items: NestedItem[] } {
  const lines = cell
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  let text = '';
  const items: NestedItem[] = [];
  for (const line of lines) {
    if (LEVEL_1.test(line)) {
      items.push({ text: squash(line.replace(LEVEL_1, '')), items: [] });
    } else if (LEVEL_2.test(line)) {
      const item = { text: squash(line.replace(LEVEL_2, '')), items: [] };
      const parent = items.at(-1);
      if (parent) parent.items.push(item);
      else items.push(item);
    } else {
      const last = items.at(-1);
      const deepest = last?.items.at(-1) ?? last;
      if (deepest) deepest.text = squash(`${deepest.text} ${line}`);
      else text = squash(`${text} ${line}`);
    }
  }
  return { text, items };
}
