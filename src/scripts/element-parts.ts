/**
 * The parts of a page widget (a custom element): found inside the element itself, never in the whole
 * document, and said by name when the markup lacks one (instead of a null met later).
 */
export function part<T extends Element = HTMLElement>(root: Element, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`<${root.localName}> has no ${selector}`);
  return found;
}

/** Defines a widget's element once (a module loaded twice, as in the dev server, defines nothing again). */
export function defineElement(name: string, element: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, element);
}
