/**
 * Writes the model's public downloads into `<site>/downloads/`:
 * the SP 800-213A catalog as CSV, JSON and XLSX, and the SP 800-53 controls as CSV.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Model } from '../model/schemas/model.ts';
import { CATALOG_COLUMNS, catalogRows, flatRow } from './catalog-table.ts';
import { csvText } from './csv-text.ts';
import { DOWNLOADS } from './download-files.ts';
import { stampZip } from './stamp-zip.ts';

export const CONTROL_COLUMNS = ['id', 'family', 'title', 'baselines', 'withdrawn', 'related'] as const;

const csv = csvText;

export function catalogCsv(model: Model): string {
  return csv(CATALOG_COLUMNS, catalogRows(model).map(flatRow));
}

export function controlsCsv(model: Model): string {
  const families = new Map(model.families.map((f) => [f.id, f]));
  return csv(
    CONTROL_COLUMNS,
    model.controls.map((c) => ({
      id: c.id,
      family: families.get(c.family)!.label,
      title: c.title,
      baselines: c.baselines.join(' '),
      withdrawn: c.withdrawn ? 'yes' : 'no',
      related: c.related.join(' '),
    })),
  );
}

export function catalogJson(model: Model): string {
  const doc = {
    title: 'SP 800-213A IoT device cybersecurity capability catalog, mapped to SP 800-53 Rev. 5 and CSF 1.1',
    note: 'Generated from the pinned NIST sources listed below; do not edit. One row per technical element and per non-technical sub-element.',
    sources: model.sources
      .filter((s) => s.kind !== 'guideline-draft')
      .map(({ id, url, sha256 }) => ({ id, url, sha256 })),
    columns: CATALOG_COLUMNS,
    rows: catalogRows(model),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export async function catalogXlsx(model: Model): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'iot-guidance-site';
  const ws = wb.addWorksheet('SP 800-213A catalog', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = CATALOG_COLUMNS.map((key) => ({
    header: key,
    key,
    width: ['text', 'element', 'sub_element'].includes(key) ? 60 : key === 'id' ? 16 : 24,
  }));
  for (const r of catalogRows(model)) ws.addRow(flatRow(r));
  ws.getRow(1).font = { bold: true };
  ws.getColumn('text').alignment = { wrapText: true, vertical: 'top' };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: ws.rowCount, column: CATALOG_COLUMNS.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Writes every download, its dates set to `date`; returns the file names written. */
export async function writeDownloads(model: Model, siteDir: string, date: Date): Promise<string[]> {
  const dir = join(siteDir, 'downloads');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, DOWNLOADS.catalogCsv), catalogCsv(model));
  await writeFile(join(dir, DOWNLOADS.catalogJson), catalogJson(model));
  await writeFile(join(dir, DOWNLOADS.catalogXlsx), await stampZip(await catalogXlsx(model), date));
  await writeFile(join(dir, DOWNLOADS.controlsCsv), controlsCsv(model));
  return [DOWNLOADS.catalogCsv, DOWNLOADS.catalogJson, DOWNLOADS.catalogXlsx, DOWNLOADS.controlsCsv];
}
