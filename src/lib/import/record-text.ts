/** The words of SP 800-213A records that requirement text is written from: a record's sentence and every item under it. */
import type { Element, NestedItem, SubElement } from '../model/schemas/catalog.ts';
import type { Model } from '../model/schemas/model.ts';

const flat = (items: NestedItem[]): string[] => items.flatMap((i) => [i.text, ...flat(i.items)]);

/** A technical element or non-technical sub-element by id. */
export function textOfRecord(model: Model, id: string): Element | SubElement | undefined {
  return (
    model.elements.find((e) => e.id === id && e.kind === 'technical') ?? model.subElements.find((s) => s.id === id)
  );
}

/** Record id → its sentence and items joined by newlines (technical elements and non-technical sub-elements). */
export function catalogTexts(model: Model): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of [...model.elements.filter((e) => e.kind === 'technical'), ...model.subElements])
    out.set(r.id, [r.text, ...flat(r.items)].join('\n'));
  return out;
}
