/**
 * The moderate DOCX and XLSX of every product type, as LibreOffice renders them:
 * US Letter pages, a page budget, portrait body and landscape annex, the footer,
 * the section headings and key requirements in the text, no leftover
 * "organization-defined" wording, and table columns no narrower than an inch.
 * Needs soffice (LibreOffice) and poppler; without them the test fails, never skips.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateDocx, templateXlsx } from '../../src/lib/products/product-downloads.ts';
import { type RequirementDocumentModel, requirementDocument } from '../../src/lib/products/requirement-document.ts';
import { catalogIndex } from '../../src/lib/site/catalog-index.ts';
import { realModel } from '../support/real-sources.ts';

const run = promisify(execFile);
const INSTALL =
  'install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils (apt-get install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils)';
const LETTER = new Set(['612x792', '792x612']);

interface PageInfo {
  page: number;
  width: number;
  height: number;
  landscape: boolean;
}
interface Render {
  doc: RequirementDocumentModel;
  docxXml: string;
  docxPdf: string;
  docxPages: PageInfo[];
  docxText: string;
  xlsxPdf: string;
  xlsxPages: PageInfo[];
}

function requireTool(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw new Error(`${cmd} is not available (${r.error.message}): ${INSTALL}.`);
}

/** Each page's size in points, rotation applied: `pdfinfo -f 1 -l N`. */
async function pageInfo(pdf: string): Promise<PageInfo[]> {
  const { stdout: head } = await run('pdfinfo', [pdf]);
  const n = Number(/^Pages:\s+(\d+)/m.exec(head)?.[1]);
  if (!n) throw new Error(`pdfinfo found no pages in ${pdf}:\n${head}`);
  const { stdout } = await run('pdfinfo', ['-f', '1', '-l', String(n), pdf]);
  const rot = new Map([...stdout.matchAll(/^Page\s+(\d+) rot:\s+(\d+)/gm)].map((m) => [Number(m[1]), Number(m[2])]));
  const pages = [...stdout.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => {
    const page = Number(m[1]);
    const turned = (rot.get(page) ?? 0) % 180 === 90;
    const [w, h] = [Math.round(Number(m[2])), Math.round(Number(m[3]))];
    const [width, height] = turned ? [h, w] : [w, h];
    return { page, width, height, landscape: width > height };
  });
  if (pages.length !== n) throw new Error(`pdfinfo listed ${pages.length} page sizes for ${n} pages in ${pdf}`);
  return pages;
}

/** One soffice call converting all files into outDir; returns the PDF path per input. */
async function convert(files: string[], outDir: string, profile: string): Promise<Map<string, string>> {
  mkdirSync(outDir, { recursive: true });
  const args = [
    '--headless',
    `-env:UserInstallation=file://${profile}`,
    '--convert-to',
    'pdf',
    '--outdir',
    outDir,
    ...files,
  ];
  const { stdout, stderr } = await run('soffice', args, { timeout: 240_000, maxBuffer: 16 * 1024 * 1024 });
  const made = new Set(readdirSync(outDir));
  const out = new Map<string, string>();
  for (const f of files) {
    const pdf = `${basename(f).replace(/\.[^.]+$/, '')}.pdf`;
    if (!made.has(pdf)) throw new Error(`soffice did not write ${pdf} for ${f}.\nstdout: ${stdout}\nstderr: ${stderr}`);
    out.set(f, join(outDir, pdf));
  }
  return out;
}

const dirs: string[] = [];
const renders: Render[] = [];

beforeAll(async () => {
  requireTool('soffice', ['--version']);
  requireTool('pdfinfo', ['-v']);
  requireTool('pdftotext', ['-v']);
  const model = await realModel();
  const index = catalogIndex(model);
  const dir = mkdtempSync(join(tmpdir(), 'iot-render-'));
  const profile = mkdtempSync('/tmp/lo-');
  dirs.push(dir, profile);
  mkdirSync(join(dir, 'docx'));
  mkdirSync(join(dir, 'xlsx'));
  const written: { doc: RequirementDocumentModel; docx: string; xlsx: string; docxXml: string }[] = [];
  for (const type of model.productTypes) {
    const doc = requirementDocument(index, type.id, 'MODERATE');
    const docxBytes = Buffer.from(await templateDocx(doc, new Date('2026-06-30T12:00:00Z')));
    const docx = join(dir, 'docx', `${doc.fileBase}.docx`);
    const xlsx = join(dir, 'xlsx', `${doc.fileBase}.xlsx`);
    writeFileSync(docx, docxBytes);
    writeFileSync(xlsx, await templateXlsx(doc, new Date('2026-06-30T12:00:00Z')));
    const docxXml = await (await JSZip.loadAsync(docxBytes)).file('word/document.xml')!.async('string');
    written.push({ doc, docx, xlsx, docxXml });
  }
  // One soffice call per format, each into its own folder (the PDFs share base names), one after the other (same profile).
  const docxPdfs = await convert(
    written.map((w) => w.docx),
    join(dir, 'docx-pdf'),
    profile,
  );
  const xlsxPdfs = await convert(
    written.map((w) => w.xlsx),
    join(dir, 'xlsx-pdf'),
    profile,
  );
  for (const w of written) {
    const docxPdf = docxPdfs.get(w.docx)!;
    const xlsxPdf = xlsxPdfs.get(w.xlsx)!;
    const { stdout: docxText } = await run('pdftotext', [docxPdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
    renders.push({
      doc: w.doc,
      docxXml: w.docxXml,
      docxPdf,
      docxPages: await pageInfo(docxPdf),
      docxText,
      xlsxPdf,
      xlsxPages: await pageInfo(xlsxPdf),
    });
  }
}, 300_000);

afterAll(() => {
  if (process.env.KEEP_RENDERS) return console.log(`renders kept in ${dirs[0]}`);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('the moderate DOCX and XLSX of every product type, as LibreOffice renders them', () => {
  it('renders every product type', () => {
    expect(renders.length).toBeGreaterThan(0);
  });

  it('every page of every PDF is US Letter', () => {
    for (const r of renders)
      for (const [pdf, pages] of [
        [r.docxPdf, r.docxPages],
        [r.xlsxPdf, r.xlsxPages],
      ] as const)
        for (const p of pages)
          expect([...LETTER], `${basename(pdf)} page ${p.page}`).toContain(`${p.width}x${p.height}`);
  });

  it('the DOCX is at most 45 pages', () => {
    const over = renders
      .filter((r) => r.docxPages.length > 45)
      .map((r) => `${r.doc.fileBase}: ${r.docxPages.length} pages`);
    expect(over).toEqual([]);
  });

  it('the DOCX starts portrait and ends landscape (the traceability annex)', () => {
    for (const r of renders) {
      expect(r.docxPages[0]!.landscape, `${r.doc.fileBase} first page`).toBe(false);
      expect(r.docxPages.at(-1)!.landscape, `${r.doc.fileBase} last page`).toBe(true);
    }
  });

  it('the DOCX text has the page footer, the section headings and every key requirement', () => {
    for (const r of renders) {
      const text = squash(r.docxText);
      for (const s of [
        'Page 1 of',
        'Values the agency sets',
        'Post-market support',
        'Deliverables',
        'Instructions to offerors',
        'Evaluation',
        'Annex A Traceability',
      ])
        expect(text, `${r.doc.fileBase}: "${s}"`).toContain(s);
      expect(r.doc.key.length, `${r.doc.fileBase} key requirements`).toBeGreaterThan(0);
      for (const k of r.doc.key)
        expect(text, `${r.doc.fileBase}: key requirement ${k.number}`).toMatch(
          new RegExp(`${k.number.replace(/[.-]/g, '\\$&')}(?![\\w-])`),
        );
    }
  });

  it('the DOCX text leaves no "organization-defined" wording', () => {
    for (const r of renders) expect(r.docxText, r.doc.fileBase).not.toMatch(/organi[sz]ationally?-\s*defined/i);
  });

  it('the XLSX pages are landscape', () => {
    for (const r of renders) {
      const portrait = r.xlsxPages.filter((p) => !p.landscape).map((p) => p.page);
      expect(portrait, `${r.doc.fileBase} XLSX portrait pages`).toEqual([]);
    }
  });

  it('every DOCX table column is at least 1 inch (1440 twips)', () => {
    for (const r of renders) {
      const widths = [...r.docxXml.matchAll(/<w:gridCol w:w="(\d+)"\s*\/>/g)].map((m) => Number(m[1]));
      expect(widths.length, `${r.doc.fileBase} gridCol count`).toBeGreaterThan(0);
      const narrow = widths.filter((w) => w < 1440);
      expect(narrow, `${r.doc.fileBase} columns under 1440 twips`).toEqual([]);
    }
  });
});
