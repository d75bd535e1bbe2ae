/** The XLSX writer read back: its parts with jszip and their XML, the cells and their settings with exceljs. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { expectPackage, ooxmlParts } from '../support/ooxml-parts.ts';
import { columnName, type Sheet, type Workbook, writeXlsx } from '../../src/lib/products/xlsx-writer.ts';

const DATE = new Date('2026-06-30T12:00:00Z');
const PAGE: Sheet['page'] = {
  orientation: 'landscape',
  paperSize: 1,
  fitToWidth: 1,
  fitToHeight: 0,
  margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
};
const FILL = 'FFE8EEF4';

const sample = (over: Partial<Workbook> = {}): Workbook => ({
  title: 'Camera & recorder <test>',
  creator: 'iot-guidance-site',
  date: DATE,
  sheets: [
    {
      name: 'Notes',
      columns: [90],
      rows: [
        { cells: [{ value: 'Camera & recorder', style: { bold: true, size: 14, wrap: true } }], height: 47 },
        { cells: [] },
        { cells: [{ value: 'Tailoring', style: { bold: true, size: 12 } }], style: { bold: true, size: 12 } },
      ],
      page: PAGE,
      printTitleRows: [1, 1],
      header: '&LR&&D <lab>',
      footer: '&LPage &P of &N&R&A',
    },
    {
      name: "Vendor's matrix",
      columns: [13, 55, 14, 20],
      frozenRows: 1,
      outlineLevelRow: 1,
      autoFilter: 'A1:D4',
      rows: [
        {
          cells: ['Requirement', 'Text', 'Response', 'Justification'].map((value) => ({
            value,
            style: { bold: true, wrap: true },
          })),
          height: 32,
        },
        {
          cells: [
            { value: 'R-1', style: { bold: true, fill: FILL, wrap: true } },
            { value: 'Head', style: { bold: true, fill: FILL, wrap: true } },
          ],
          style: { fill: FILL },
          height: 17,
        },
        {
          cells: [
            { value: 'R-1', style: { wrap: true } },
            { value: 'First item', style: { wrap: true } },
            { value: '', style: { wrap: true, unlocked: true } },
            { value: '', style: { wrap: true, unlocked: true } },
          ],
          outlineLevel: 1,
          height: 62,
        },
        {
          cells: [
            { value: 'R-1', style: { wrap: true } },
            { value: 'Second item', style: { wrap: true } },
            { value: '', style: { wrap: true, unlocked: true } },
            { value: '', style: { wrap: true, unlocked: true } },
          ],
          outlineLevel: 1,
          height: 17,
        },
      ],
      validations: [
        { sqref: 'C3:C4', list: ['Comply', 'Does not comply'], errorTitle: 'Response', error: 'Choose one.' },
      ],
      conditionalFormats: [{ sqref: 'D2:D4', formula: 'AND($C2="Not applicable",LEN(TRIM($D2))=0)', fill: 'FFFFC7CE' }],
      page: PAGE,
      printTitleRows: [1, 1],
    },
    {
      name: 'Sums',
      columns: [16, 10],
      rows: [
        { cells: [{ value: 'A' }, { value: 2 }] },
        { cells: [{ value: 'B' }, { value: 3.5 }] },
        { cells: [{ value: 'Total' }, { value: { formula: 'SUM(B1:B2)' } }] },
        { cells: [{ value: 'Count' }, { value: { formula: `COUNTIFS('Vendor''s matrix'!$A$2:$A$4,"R-1")` } }] },
      ],
      page: PAGE,
    },
  ],
  ...over,
});

const parts = (bytes: Uint8Array) => ooxmlParts(bytes, 'XLSX');

const load = async (bytes: Uint8Array) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
};

describe('the XLSX writer', () => {
  it('writes every part, each well-formed and named in [Content_Types].xml and the relationships', async () => {
    await expectPackage(await writeXlsx(sample()), 'XLSX', {
      names: [
        '[Content_Types].xml',
        '_rels/.rels',
        'xl/workbook.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet2.xml',
        'xl/worksheets/sheet3.xml',
        'xl/styles.xml',
        'xl/sharedStrings.xml',
        'docProps/core.xml',
        'docProps/app.xml',
      ],
      main: 'xl/workbook.xml',
      rels: 'xl/_rels/workbook.xml.rels',
      targets: ['worksheets/sheet1.xml', 'worksheets/sheet3.xml', 'styles.xml', 'sharedStrings.xml'],
    });
    const wb = await load(await writeXlsx(sample()));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Notes', "Vendor's matrix", 'Sums']);
    expect(wb.title).toBe('Camera & recorder <test>');
    expect(wb.creator).toBe('iot-guidance-site');
  });

  it('names columns A…Z, AA…', () => {
    expect([1, 11, 26, 27, 52, 53, 702, 703].map(columnName)).toEqual(['A', 'K', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('escapes text, sheet names and header codes, drops characters XML 1.0 forbids, and keeps spaces at the ends', async () => {
    const text = 'R&D <script>alert("x")</script> \u0007bell \uDC00lone 😀';
    const book = sample();
    book.sheets[0]!.rows.push({ cells: [{ value: text }] }, { cells: [{ value: '  padded ' }] });
    const bytes = await writeXlsx(book);
    const { read } = await parts(bytes);
    const strings = await read('xl/sharedStrings.xml');
    expect(strings).toContain('<si><t>R&amp;D &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; bell lone 😀</t></si>');
    expect(strings).toContain('<si><t xml:space="preserve">  padded </t></si>');
    expect(await read('xl/workbook.xml')).toContain('<sheet name="Vendor\'s matrix" sheetId="2" r:id="rId2"/>');
    expect(await read('xl/worksheets/sheet1.xml')).toContain('<oddHeader>&amp;LR&amp;&amp;D &lt;lab&gt;</oddHeader>');
    expect(await read('docProps/core.xml')).toContain('<dc:title>Camera &amp; recorder &lt;test&gt;</dc:title>');
    const wb = await load(bytes);
    const notes = wb.getWorksheet('Notes')!;
    expect(notes.getCell('A4').value).toBe('R&D <script>alert("x")</script> bell lone 😀');
    expect(notes.getCell('A5').value).toBe('  padded ');
    expect(notes.headerFooter.oddHeader).toBe('&LR&&D <lab>');
    expect(notes.headerFooter.oddFooter).toBe('&LPage &P of &N&R&A');
  });

  it('builds the style table from the distinct fonts, fills, alignments and protection, visible through exceljs', async () => {
    const bytes = await writeXlsx(sample());
    const styles = await (await parts(bytes)).read('xl/styles.xml');
    // Fonts: the plain one, bold 14, bold 12, bold 11; fills: none, gray125, the head rows' solid fill.
    expect(styles).toContain('<fonts count="4">');
    expect(styles).toContain('<fills count="3">');
    expect(styles).toContain('<fgColor rgb="FFE8EEF4"/>');
    // Plain, bold 14 wrapped, bold 12, bold wrapped, fill (the row), bold fill wrapped, wrapped, wrapped unlocked.
    expect(styles).toContain('<cellXfs count="8">');
    expect(styles.match(/<protection locked="0"\/>/g)).toHaveLength(1);
    const wb = await load(bytes);
    const notes = wb.getWorksheet('Notes')!;
    expect(notes.getCell('A1').font).toMatchObject({ bold: true, size: 14, name: 'Calibri' });
    expect(notes.getCell('A1').alignment).toEqual({ vertical: 'top', wrapText: true });
    expect(notes.getRow(3).font).toMatchObject({ bold: true, size: 12 });
    const matrix = wb.getWorksheet("Vendor's matrix")!;
    expect(matrix.getCell('A2').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: FILL } });
    expect(matrix.getRow(2).fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: FILL } });
    expect(matrix.getCell('A2').font).toMatchObject({ bold: true });
    expect(matrix.getCell('B3').font?.bold).toBeFalsy();
    expect(matrix.getCell('C3').protection).toMatchObject({ locked: false });
    expect(matrix.getCell('D4').protection).toMatchObject({ locked: false });
    expect(matrix.getCell('B3').protection).toBeUndefined();
  });

  it('writes column widths, row heights (customHeight), blank rows and the outline level', async () => {
    const bytes = await writeXlsx(sample());
    const sheet2 = await (await parts(bytes)).read('xl/worksheets/sheet2.xml');
    expect(sheet2).toContain('<row r="3" ht="62" customHeight="1" outlineLevel="1">');
    expect(sheet2).toContain('<sheetFormatPr defaultRowHeight="15" outlineLevelRow="1"/>');
    const sheet1 = await (await parts(bytes)).read('xl/worksheets/sheet1.xml');
    expect(sheet1).not.toContain('<row r="2"');
    const wb = await load(bytes);
    const matrix = wb.getWorksheet("Vendor's matrix")!;
    expect(matrix.columns.map((c) => c.width)).toEqual([13, 55, 14, 20]);
    expect([1, 2, 3, 4].map((r) => matrix.getRow(r).height)).toEqual([32, 17, 62, 17]);
    expect(matrix.getRow(3).outlineLevel).toBe(1);
    expect(matrix.getRow(2).outlineLevel).toBe(0);
    expect(matrix.rowCount).toBe(4);
    expect(wb.getWorksheet('Notes')!.getRow(1).height).toBe(47);
  });

  it('freezes the header row, filters the matrix range and names it _xlnm._FilterDatabase and the print titles', async () => {
    const bytes = await writeXlsx(sample());
    const { read } = await parts(bytes);
    const sheet2 = await read('xl/worksheets/sheet2.xml');
    expect(sheet2).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet2).toContain('<autoFilter ref="A1:D4"/>');
    const workbook = await read('xl/workbook.xml');
    expect(workbook).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'Vendor''s matrix'!$A$1:$D$4</definedName>`,
    );
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'Notes'!$1:$1</definedName>`);
    const wb = await load(bytes);
    const matrix = wb.getWorksheet("Vendor's matrix")!;
    expect(matrix.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
    expect(matrix.autoFilter).toBe('A1:D4');
    expect(wb.getWorksheet('Notes')!.views[0]?.state ?? 'normal').toBe('normal');
  });

  it('writes the list validation of the response cells and the conditional format with its fill', async () => {
    const bytes = await writeXlsx(sample());
    const sheet2 = await (await parts(bytes)).read('xl/worksheets/sheet2.xml');
    expect(sheet2).toContain(
      '<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="Response" error="Choose one." sqref="C3:C4"><formula1>&quot;Comply,Does not comply&quot;</formula1></dataValidation></dataValidations>',
    );
    expect(sheet2).toContain(
      '<conditionalFormatting sqref="D2:D4"><cfRule type="expression" dxfId="0" priority="1"><formula>AND($C2=&quot;Not applicable&quot;,LEN(TRIM($D2))=0)</formula></cfRule></conditionalFormatting>',
    );
    const styles = await (await parts(bytes)).read('xl/styles.xml');
    expect(styles).toContain('<dxfs count="1"><dxf><fill><patternFill patternType="solid"><bgColor rgb="FFFFC7CE"/>');
    const wb = await load(bytes);
    const matrix = wb.getWorksheet("Vendor's matrix")!;
    for (const ref of ['C3', 'C4'])
      expect(matrix.getCell(ref).dataValidation).toMatchObject({
        type: 'list',
        allowBlank: true,
        showErrorMessage: true,
        formulae: ['"Comply,Does not comply"'],
        errorTitle: 'Response',
        error: 'Choose one.',
      });
    expect(matrix.getCell('C2').dataValidation).toBeUndefined();
    const cf = (matrix as unknown as { conditionalFormattings: { ref: string; rules: unknown[] }[] })
      .conditionalFormattings;
    expect(cf).toHaveLength(1);
    expect(cf[0]!.ref).toBe('D2:D4');
    expect(cf[0]!.rules[0]).toMatchObject({
      type: 'expression',
      formulae: ['AND($C2="Not applicable",LEN(TRIM($D2))=0)'],
      style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } },
    });
  });

  it('writes numbers and formulas (no cached value; the workbook is recalculated on load)', async () => {
    const bytes = await writeXlsx(sample());
    const { read } = await parts(bytes);
    const sheet3 = await read('xl/worksheets/sheet3.xml');
    expect(sheet3).toContain('<c r="B2"><v>3.5</v></c>');
    expect(sheet3).toContain('<c r="B3"><f>SUM(B1:B2)</f></c>');
    expect(sheet3).toContain(`<f>COUNTIFS('Vendor''s matrix'!$A$2:$A$4,&quot;R-1&quot;)</f>`);
    expect(await read('xl/workbook.xml')).toContain('<calcPr calcId="191029" fullCalcOnLoad="1"/>');
    const sums = (await load(bytes)).getWorksheet('Sums')!;
    expect(sums.getCell('B1').value).toBe(2);
    expect(sums.getCell('B3').value).toMatchObject({ formula: 'SUM(B1:B2)' });
    expect(sums.getCell('B4').value).toMatchObject({ formula: `COUNTIFS('Vendor''s matrix'!$A$2:$A$4,"R-1")` });
  });

  it('writes the page setup: landscape, US Letter, fit to one page wide, margins, print titles', async () => {
    const wb = await load(await writeXlsx(sample()));
    const matrix = wb.getWorksheet("Vendor's matrix")!;
    expect(matrix.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 1,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    });
    expect(wb.getWorksheet('Sums')!.pageSetup.printTitlesRow).toBeUndefined();
  });

  it('is deterministic: the same workbook and date give the same bytes, every entry and the properties dated', async () => {
    const a = await writeXlsx(sample());
    const b = await writeXlsx(sample());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const later = await writeXlsx(sample({ date: new Date('2026-07-01T08:30:00Z') }));
    expect(Buffer.from(a).equals(Buffer.from(later))).toBe(false);
    const { zip, read } = await parts(a);
    for (const entry of Object.values(zip.files)) expect(entry.date.getTime(), entry.name).toBe(DATE.getTime());
    const core = await read('docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-06-30T12:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-06-30T12:00:00Z</dcterms:modified>');
    expect((await load(a)).modified?.toISOString()).toBe(DATE.toISOString());
  });
});
