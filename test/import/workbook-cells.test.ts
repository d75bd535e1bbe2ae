import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText } from '../../src/lib/import/workbook-cells.ts';

function sheet() {
  return new ExcelJS.Workbook().addWorksheet('s');
}

describe('reading workbook cells', () => {
  it('takes bold from the cell style for plain text, and from each run of rich text', () => {
    const ws = sheet();
    ws.getCell('A1').value = 'AC-1';
    ws.getCell('A1').font = { bold: true };
    ws.getCell('A2').value = {
      richText: [
        { text: 'AC-1 ', font: { bold: true } },
        { text: 'AC-2', font: { italic: true } },
      ],
    };
    ws.getCell('A2').font = { bold: true };
    expect(cellText(ws.getCell('A1')).bold.every(Boolean)).toBe(true);
    const rich = cellText(ws.getCell('A2'));
    expect(rich.text).toBe('AC-1 AC-2');
    expect(rich.bold).toEqual([true, true, true, true, true, false, false, false, false]);
  });

  it('follows a merged cell to its first cell', () => {
    const ws = sheet();
    ws.getCell('B2').value = 'Device Identity';
    ws.mergeCells('B2:B4');
    expect(cellText(ws.getCell('B3'))).toMatchObject({ text: 'Device Identity', mergedFrom: 'B2', address: 'B3' });
    expect(cellText(ws.getCell('B2')).mergedFrom).toBeUndefined();
  });
});
