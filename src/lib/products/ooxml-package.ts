/**
 * What the DOCX and XLSX writers (docx-writer.ts, xlsx-writer.ts) share of the
 * Office Open XML package: XML text escaping, the relationships part, the core
 * properties and the zip, every entry dated with the build date so that the
 * same content and date give the same bytes. Runs in the browser too.
 */
import JSZip from 'jszip';

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** The officeDocument relationship types' namespace. */
export const OD = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const XML_SPECIAL = /[&<>"]|[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text for XML content or an attribute: &, <, > and " escaped, characters XML 1.0 forbids removed. */
export const xmlText = (s: string): string => s.replace(XML_SPECIAL, (c) => ENTITY[c] ?? '');

/** A relationships part: [id, type, target] each. */
export const relationships = (rels: [string, string, string][]) =>
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`)
    .join('')}</Relationships>`;

/** The package's own relationships: its main part, the core and the extended properties. */
export const rootRelationships = (mainPart: string) =>
  relationships([
    ['rId1', `${OD}/officeDocument`, mainPart],
    [
      'rId2',
      'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
      'docProps/core.xml',
    ],
    ['rId3', `${OD}/extended-properties`, 'docProps/app.xml'],
  ]);

/** docProps/core.xml: title, creator, description and revision when given, created and modified at `date`. */
export function corePropertiesXml(p: {
  title: string;
  creator: string;
  description?: string;
  revision?: number;
  date: Date;
}): string {
  // W3CDTF to the second, as isoSeconds (src/lib/downloads/build-date.ts) writes the other downloads' dates.
  const date = p.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${xmlText(p.title)}</dc:title><dc:creator>${xmlText(p.creator)}</dc:creator>` +
    (p.description === undefined ? '' : `<dc:description>${xmlText(p.description)}</dc:description>`) +
    (p.revision === undefined ? '' : `<cp:revision>${p.revision}</cp:revision>`) +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified></cp:coreProperties>`
  );
}

/** The package: its parts deflated at `level`, in order, every zip entry dated `date`. A Buffer in Node, bytes in the browser. */
export async function zipPackage(
  parts: [string, string][],
  date: Date,
  level: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const zip = new JSZip();
  for (const [name, xml] of parts) zip.file(name, xml, { date, createFolders: false });
  const out = (await zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level },
  })) as Uint8Array<ArrayBuffer>;
  return typeof Buffer === 'undefined' ? out : Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}
