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

/**
 * The package holds exactly `names` (in zip order), each well-formed and named in [Content_Types].xml; the main
 * part's relationships (`rels`) name each of `targets`, and the package's own relationships name `main`.
 */
export async function expectPackage(
  bytes: Uint8Array,
  kind: 'DOCX' | 'XLSX',
  expected: { names: string[]; main: string; rels: string; targets: string[] },
): Promise<void> {
  const { zip, read } = await ooxmlParts(bytes, kind);
  const names = Object.keys(zip.files);
  expect(names).toEqual(expected.names);
  for (const name of names) expectWellFormed(await read(name), name);
  const types = await read('[Content_Types].xml');
  for (const name of names.filter((n) => !n.endsWith('.rels') && n !== '[Content_Types].xml'))
    expect(types, name).toContain(`PartName="/${name}"`);
  const rels = await read(expected.rels);
  for (const target of expected.targets) expect(rels).toContain(`Target="${target}"`);
  expect(await read('_rels/.rels')).toContain(`Target="${expected.main}"`);
}
