/**
 * Gives an Office file (DOCX, XLSX: a zip) one date throughout: its document
 * properties' created and modified dates and every zip entry's date. The
 * writers (docx, exceljs) stamp the current time; after this, the same content
 * and date give the same bytes. Entry order and contents are kept.
 */
import JSZip from 'jszip';
import { isoSeconds } from './build-date.ts';

const CORE_DATES = /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g;

export async function stampZip(bytes: Uint8Array, date: Date): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    if (entry.name === 'docProps/core.xml') {
      const xml = (await entry.async('string')).replace(CORE_DATES, `$1${isoSeconds(date)}$3`);
      out.file(entry.name, xml, { date, createFolders: false });
    } else {
      out.file(entry.name, await entry.async('uint8array'), { date, createFolders: false });
    }
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
