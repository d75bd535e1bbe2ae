/**
 * The XLSX export and import of the comment workspace, on an exceljs Workbook (the page passes exceljs's
 * browser build, the tests the Node one): the same code writes and reads in both.
 */
import type ExcelJS from 'exceljs';
import { commenterLabel, type CommentStore, type TemplateColumn, xlsxRows } from './comment-model.ts';

export { workbookRows } from './spreadsheet-cells.ts';

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** Writes the comments sheet (every cell a string) and a notes sheet; returns how many characters were replaced. */
export function fillCommentWorkbook(
  wb: ExcelJS.Workbook,
  store: CommentStore,
  columns: TemplateColumn[],
  exported: string,
): { replaced: number } {
  const { rows, replaced } = xlsxRows(store, columns);
  const ws = wb.addWorksheet('Comments', { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const row of rows) ws.addRow(row); // strings only: no cell is a number, a date or a formula
  ws.getRow(1).font = { bold: true };
  const notes = wb.addWorksheet('Notes');
  for (const line of [
    `${plural(store.comments.length, 'comment')} by ${commenterLabel(store) || '(no name given)'}, exported ${exported}.`,
    "Every cell is text. The columns after NIST's template (Document to Updated) let this file be imported back into the comment workspace without adding any comment twice.",
    replaced
      ? `${plural(replaced, 'character')} that XLSX cannot hold (control characters, U+FFFE, U+FFFF) were replaced by \uFFFD; the JSON backup keeps them.`
      : 'No character had to be replaced.',
  ])
    notes.addRow([line]);
  return { replaced };
}
