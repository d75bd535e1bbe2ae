/**
 * Reads the rows of an XLSX file's first sheet off the page's main thread (a 50,000-row file keeps exceljs
 * busy for seconds): receives the file's bytes, answers with the rows as text (rich text, formulas, links and
 * dates made text) or with an error message.
 */
import type ExcelJSModule from 'exceljs';
import excelUrl from 'exceljs/dist/exceljs.min.js?url';
import { cellText, workbookRows } from '../../lib/comments/spreadsheet-cells.ts';

declare function importScripts(...urls: string[]): void;

self.onmessage = async (e: MessageEvent<ArrayBuffer>) => {
  try {
    importScripts(excelUrl);
    const ExcelJS = (self as unknown as { ExcelJS: typeof ExcelJSModule }).ExcelJS;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(e.data);
    postMessage({ rows: workbookRows(wb).map((r) => Array.from(r, (v) => cellText(v))) });
  } catch (err) {
    postMessage({ error: (err as Error).message });
  }
};
