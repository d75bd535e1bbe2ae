import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { buildDate } from '../../src/lib/downloads/build-date.ts';
import { stampZip } from '../../src/lib/downloads/stamp-zip.ts';
import { ProblemsError } from '../../src/lib/problems.ts';
import { writeDocx } from '../../src/lib/products/docx-writer.ts';

const DATE = new Date('2026-06-30T12:00:00Z');
const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A DOCX dated now, as a writer that stamps the current time would write it. */
async function docx(): Promise<Buffer> {
  const blocks = [{ runs: [{ text: 'Requirement DI-1.1 applies to the device.' }] }];
  return Buffer.from(
    await writeDocx({
      title: 'Test',
      description: 'A test document',
      creator: 'test',
      date: new Date(),
      header: [],
      footer: [],
      sections: [{ orientation: 'portrait', blocks }],
    }),
  );
}
async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Matrix').addRow(['DI-1.1', 'device']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('Office files with one date', () => {
  it('the same DOCX or XLSX content, written at different times, gives the same bytes once stamped', async () => {
    for (const make of [docx, xlsx]) {
      const first = await make();
      await later(1100); // the writers stamp the current second
      const second = await make();
      expect(first.equals(second)).toBe(false);
      expect((await stampZip(first, DATE)).equals(await stampZip(second, DATE))).toBe(true);
    }
  });

  it('sets the document properties and every zip entry to the date, and the files still read', async () => {
    const stamped = await stampZip(await docx(), DATE);
    const zip = await JSZip.loadAsync(stamped);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toMatch(/<dcterms:created[^>]*>2026-06-30T12:00:00Z<\/dcterms:created>/);
    expect(core).toMatch(/<dcterms:modified[^>]*>2026-06-30T12:00:00Z<\/dcterms:modified>/);
    // Zip entries keep local MS-DOS times at 2-second precision; JSZip reads them back as UTC.
    for (const entry of Object.values(zip.files))
      expect(entry.date.toISOString(), entry.name).toBe('2026-06-30T12:00:00.000Z');
    expect((await mammoth.extractRawText({ buffer: stamped })).value).toContain(
      'Requirement DI-1.1 applies to the device.',
    );

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await stampZip(await xlsx(), DATE)) as unknown as ArrayBuffer);
    expect(book.getWorksheet('Matrix')!.getRow(1).values).toEqual([undefined, 'DI-1.1', 'device']);
    expect(book.created.toISOString()).toBe('2026-06-30T12:00:00.000Z');
    expect(book.modified.toISOString()).toBe('2026-06-30T12:00:00.000Z');
  });
});

describe('the build date', () => {
  it('is SOURCE_DATE_EPOCH when set, else the current second', () => {
    expect(buildDate({ SOURCE_DATE_EPOCH: '1782820800' }).toISOString()).toBe('2026-06-30T12:00:00.000Z');
    const now = buildDate({});
    expect(Math.abs(now.getTime() - Date.now())).toBeLessThan(2000);
    expect(now.getMilliseconds()).toBe(0);
  });

  it('stops on a SOURCE_DATE_EPOCH that is not seconds since 1970 from 1980 on, naming it and how to set it', () => {
    for (const bad of ['2026-06-30', '1.5', '-1', '100']) {
      let error: unknown;
      try {
        buildDate({ SOURCE_DATE_EPOCH: bad });
      } catch (e) {
        error = e;
      }
      expect(error, bad).toBeInstanceOf(ProblemsError);
      const [problem] = (error as ProblemsError).problems;
      expect(problem!.file).toBe('SOURCE_DATE_EPOCH');
      expect(problem!.message).toContain(`"${bad}"`);
      expect(problem!.hint).toContain('git log -1 --format=%ct');
    }
  });
});
