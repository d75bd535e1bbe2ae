import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CATALOG_COLUMNS } from '../../src/lib/downloads/catalog-table.ts';
import { DOWNLOADS } from '../../src/lib/downloads/download-files.ts';
import { CONTROL_COLUMNS, catalogXlsx, writeDownloads } from '../../src/lib/downloads/write-downloads.ts';
import { buildMiniModel } from '../support/build-mini-model.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const tempDir = useTempDirs();

async function written() {
  const model = await buildMiniModel(tempDir());
  const site = tempDir();
  await writeDownloads(model, site, new Date('2026-06-30T12:00:00Z'));
  const read = (name: string) => readFileSync(join(site, 'downloads', name));
  return { model, read };
}

const csvRecords = (bytes: Buffer) =>
  parse(bytes, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];

describe('catalog downloads', () => {
  it('the CSV has exactly the documented columns and a row per technical element and non-technical sub-element', async () => {
    const { read } = await written();
    const bytes = read(DOWNLOADS.catalogCsv);
    const header = (parse(bytes, { bom: true, to_line: 1 }) as string[][])[0];
    expect(header).toEqual([...CATALOG_COLUMNS]);
    const rows = csvRecords(bytes);
    expect(rows.map((r) => r.id)).toEqual([
      'DI-1.1',
      'DI-1.2',
      'DI-2.1',
      'DP-1.1',
      'DP-1.2',
      'DOC-1.a.1.1',
      'DOC-1.a.1.2',
      'DOC-1.a.2.1',
      'DOC-2.a.1.1',
    ]);
  });

  it('a technical row carries its hierarchy, nested items, controls, both low-baseline marks, CSF and source row', async () => {
    const { read } = await written();
    const row = csvRecords(read(DOWNLOADS.catalogCsv)).find((r) => r.id === 'DI-1.2')!;
    expect(row).toEqual({
      id: 'DI-1.2',
      type: 'technical',
      capability: 'Device Identification',
      sub_capability: 'Identifier Support',
      element: 'Ability to name a remote device.\n- Over the network\n  - by address',
      sub_element: '',
      text: 'Ability to name a remote device.\n- Over the network\n  - by address',
      sp800_53: 'ac-2 ac-2.1',
      low_baseline_source: 'ac-2',
      low_baseline_profile: 'ac-2',
      csf: 'PR.AC-1 ID.AM-1',
      source: 'Technical Capabilities 800-53!3',
    });
  });

  it('a non-technical row names its element and sub-element; the marks of both sources can differ', async () => {
    const { read } = await written();
    const rows = csvRecords(read(DOWNLOADS.catalogCsv));
    expect(rows.find((r) => r.id === 'DOC-1.a.1.1')).toMatchObject({
      type: 'non-technical',
      capability: 'Documentation from the Manufacturer',
      element: 'Device Security: Explain how to oversee the device.',
      sub_element: 'Providing a description of oversight.',
      text: 'Providing a description of oversight.',
      sp800_53: 'ac-1',
    });
    expect(rows.find((r) => r.id === 'DI-2.1')).toMatchObject({
      sp800_53: 'sc-8',
      low_baseline_source: '',
      low_baseline_profile: 'sc-8',
    });
    expect(rows.find((r) => r.id === 'DOC-1.a.2.1')).toMatchObject({ sp800_53: '', csf: '' });
  });

  it('the JSON holds the same rows, with lists as arrays', async () => {
    const { read } = await written();
    const doc = JSON.parse(read(DOWNLOADS.catalogJson).toString('utf8'));
    expect(doc.columns).toEqual([...CATALOG_COLUMNS]);
    expect(doc.rows).toHaveLength(9);
    expect(doc.rows[1]).toMatchObject({ id: 'DI-1.2', sp800_53: ['ac-2', 'ac-2.1'], csf: ['PR.AC-1', 'ID.AM-1'] });
    const csvIds = csvRecords(read(DOWNLOADS.catalogCsv)).map((r) => r.id);
    expect(doc.rows.map((r: { id: string }) => r.id)).toEqual(csvIds);
  });

  it('the XLSX is a real spreadsheet: header frozen, filters on, same rows as the CSV', async () => {
    const { read } = await written();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(read(DOWNLOADS.catalogXlsx) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:L10');
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...CATALOG_COLUMNS]);
    expect(ws.getCell('A3').value).toBe('DI-1.2');
    expect(ws.getCell('H3').value).toBe('ac-2 ac-2.1');
    expect(ws.rowCount).toBe(10);
  });
});

describe('controls download', () => {
  it('lists every control with family, title, baselines, withdrawn and related', async () => {
    const { read, model } = await written();
    const bytes = read(DOWNLOADS.controlsCsv);
    expect((parse(bytes, { bom: true, to_line: 1 }) as string[][])[0]).toEqual([...CONTROL_COLUMNS]);
    const rows = csvRecords(bytes);
    expect(rows).toHaveLength(model.controls.length);
    expect(rows.find((r) => r.id === 'ac-1')).toEqual({
      id: 'ac-1',
      family: 'AC',
      title: 'Policy and Procedures',
      baselines: 'LOW MODERATE',
      withdrawn: 'no',
      related: 'ac-2',
    });
    expect(rows.find((r) => r.id === 'ac-2.2')).toMatchObject({ withdrawn: 'yes', baselines: '' });
  });
});

describe('xlsx writer', () => {
  it('writes catalog text with line breaks readable back', async () => {
    const model = await buildMiniModel(tempDir());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await catalogXlsx(model)) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getCell('G3').value).toBe(
      'Ability to name a remote device.\n- Over the network\n  - by address',
    );
  });

  it('two writes of the same model with the same date give the same bytes, and the workbook carries that date', async () => {
    const model = await buildMiniModel(tempDir());
    const date = new Date('2026-06-30T12:00:00Z');
    const [a, b] = [tempDir(), tempDir()];
    const files = await writeDownloads(model, a, date);
    await new Promise((r) => setTimeout(r, 1100));
    await writeDownloads(model, b, date);
    for (const f of files)
      expect(readFileSync(join(a, 'downloads', f)).equals(readFileSync(join(b, 'downloads', f))), f).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(a, 'downloads', DOWNLOADS.catalogXlsx)) as unknown as ArrayBuffer);
    expect(wb.created.toISOString()).toBe('2026-06-30T12:00:00.000Z');
  });
});
