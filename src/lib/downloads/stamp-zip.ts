/**
 * Gives an Office file (a zip: the catalog XLSX exceljs writes) one date throughout: its
 * document properties' created and modified dates and every zip entry's date.
 * exceljs stamps the current time; after this, the same content and date give
 * the same bytes. (The DOCX and XLSX writers of the product documents,
 * src/lib/products/docx-writer.ts and xlsx-writer.ts, take the date themselves.) Entry order and contents are kept, and entries other than the
 * properties keep their compressed bytes (nothing is deflated twice).
 * A Buffer in Node, bytes in the browser.
 */
import JSZip from 'jszip';
import { isoSeconds } from './build-date.ts';

const CORE_DATES = /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g;

export async function stampZip(bytes: Uint8Array | ArrayBuffer | Blob, date: Date): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  for (const entry of Object.values(zip.files)) entry.date = date;
  const core = zip.file('docProps/core.xml');
  if (core)
    zip.file(core.name, (await core.async('string')).replace(CORE_DATES, `$1${isoSeconds(date)}$3`), {
      date,
      createFolders: false,
    });
  const out = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return (typeof Buffer === 'undefined' ? out : Buffer.from(out.buffer, out.byteOffset, out.byteLength)) as Buffer;
}
