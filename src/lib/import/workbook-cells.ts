/**
 * Reading hand-made NIST workbooks with exceljs: find a sheet by its header,
 * read each cell's text with which characters are bold, and resolve merged
 * cells to the value written in their first cell.
 */
import ExcelJS from 'exceljs';
import type { Problems } from '../problems.ts';
import { squash } from '../text.ts';

export interface CellText {
  /** The cell's text; for a merged cell, its master's text. */
  text: string;
  /** One flag per character of `text`: set in bold. */
  bold: boolean[];
  /** The cell is part of a merged range other than its first cell. */
  mergedFrom?: string;
  /** A1 address of the cell. */
  address: string;
}

export async function loadWorkbook(
  bytes: Uint8Array,
  file: string,
  problems: Problems,
): Promise<ExcelJS.Workbook | undefined> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    return wb;
  } catch (e) {
    problems.error(
      file,
      'whole file',
      `cannot open the workbook: ${(e as Error).message}`,
      'The file must be the byte-exact NIST .xlsx; fetch it again (npm run sources).',
    );
    return undefined;
  }
}

/** The first sheet whose A1 starts with `headerStart` (case and whitespace ignored). */
export function findSheetByHeader(
  wb: ExcelJS.Workbook,
  headerStart: string,
  file: string,
  problems: Problems,
): ExcelJS.Worksheet | undefined {
  const want = squash(headerStart).toUpperCase();
  const found = wb.worksheets.find((ws) =>
    squash(cellText(ws.getCell('A1')).text)
      .toUpperCase()
      .startsWith(want),
  );
  if (!found) {
    const seen = wb.worksheets
      .map((ws) => `"${ws.name}" (A1: "${squash(cellText(ws.getCell('A1')).text).slice(0, 40)}")`)
      .join(', ');
    problems.error(
      file,
      'sheets',
      `no sheet has a header cell A1 starting with "${headerStart}"`,
      `Sheets found: ${seen || 'none'}. The importer finds each sheet by its A1 header.`,
    );
  }
  return found;
}

type RichRun = { text: string; font?: Partial<ExcelJS.Font> };

function runsOf(value: ExcelJS.CellValue, cellBold: boolean): { text: string; bold: boolean }[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return [{ text: value, bold: cellBold }];
  if (typeof value === 'number' || typeof value === 'boolean') return [{ text: String(value), bold: cellBold }];
  if (value instanceof Date) return [{ text: value.toISOString().slice(0, 10), bold: cellBold }];
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) {
      // A run with its own font is bold only if that font says so; a run without one takes the cell's style.
      return (value.richText as RichRun[]).map((r) => ({
        text: r.text ?? '',
        bold: r.font ? Boolean(r.font.bold) : cellBold,
      }));
    }
    if ('text' in value && typeof value.text === 'string') return [{ text: value.text, bold: cellBold }];
    if ('result' in value) return runsOf((value as { result: ExcelJS.CellValue }).result, cellBold);
  }
  return [{ text: String(value), bold: cellBold }];
}

/** Text and per-character bold of a cell, following a merged cell to its master. */
export function cellText(cell: ExcelJS.Cell): CellText {
  const master = cell.isMerged && cell.master && cell.master.address !== cell.address ? cell.master : cell;
  const runs = runsOf(master.value, Boolean(master.font?.bold));
  const text = runs.map((r) => r.text).join('');
  const bold = runs.flatMap((r) => Array.from({ length: r.text.length }, () => r.bold));
  return { text, bold, address: cell.address, ...(master !== cell ? { mergedFrom: master.address } : {}) };
}

/** Each non-empty row (by any of the given columns) from `firstRow` on, with the cells of those columns. */
export function readRows(
  ws: ExcelJS.Worksheet,
  columns: string[],
  firstRow = 2,
): { row: number; cells: Record<string, CellText> }[] {
  const out: { row: number; cells: Record<string, CellText> }[] = [];
  for (let r = firstRow; r <= ws.rowCount; r++) {
    const cells: Record<string, CellText> = {};
    let any = false;
    for (const col of columns) {
      const c = cellText(ws.getCell(`${col}${r}`));
      cells[col] = c;
      if (c.text.trim()) any = true;
    }
    if (any) out.push({ row: r, cells });
  }
  return out;
}
