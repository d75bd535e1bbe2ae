/** Reading an Office file (DOCX, XLSX) back in tests: its zip parts, and a check that each part is well-formed XML. */
import JSZip from 'jszip';
import { expect } from 'vitest';

/** The file's zip and a reader of one part's text (failing when the part is missing). */
export async function ooxmlParts(bytes: Uint8Array, kind: 'DOCX' | 'XLSX') {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => {
    const f = zip.file(name);
    if (!f) throw new Error(`no ${name} in the ${kind}`);
    return f.async('string');
  };
  return { zip, read };
}

/** Well-formed XML: one root, every element closed in order, no bare & or <, no characters XML 1.0 forbids. */
export function expectWellFormed(xml: string, name: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  let roots = 0;
  for (const m of body.matchAll(/<(\/?)([\w:]+)((?:\s+[\w:]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos);)/g)) {
    if (m[2] === undefined) throw new Error(`${name}: bare "${m[0]}" at ${m.index}`);
    if (m[1]) {
      expect(stack.pop(), `${name}: </${m[2]}> at ${m.index}`).toBe(m[2]);
    } else {
      if (!stack.length) roots += 1;
      if (!m[4]) stack.push(m[2]);
    }
  }
  expect(stack, name).toEqual([]);
  expect(roots, `${name} roots`).toBe(1);
  expect(body, name).not.toMatch(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
}
