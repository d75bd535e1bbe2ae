/**
 * Size of the requirement documents (run `npm run import` or `npm run build`
 * first): for every product type and impact level, the requirements, items and
 * key requirements, and the pages of the DOCX as LibreOffice renders it (all
 * DOCX of a level in one soffice call); then the largest moderate document
 * against the targets (at most 45 pages, at most 100 requirements), and the CPU
 * time of writing one DOCX (templateDocx) and one XLSX (templateXlsx), each after
 * one warm-up round. Prints figures.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadModel } from '../src/lib/model/load-model.ts';
import { templateDocx, templateXlsx } from '../src/lib/products/product-downloads.ts';
import { type RequirementDocumentModel, requirementDocument } from '../src/lib/products/requirement-document.ts';
import { IMPACT_LEVELS, type ImpactLevel } from '../src/lib/products/select-requirements.ts';
import { catalogIndex } from '../src/lib/site/catalog-index.ts';

const run = promisify(execFile);
const TARGET = { pages: 45, requirements: 100 };

const model = loadModel();
const index = catalogIndex(model);
const dir = mkdtempSync(join(tmpdir(), 'iot-bench-docs-'));
const profile = mkdtempSync('/tmp/lo-');

interface Row {
  type: string;
  level: ImpactLevel;
  doc: RequirementDocumentModel;
  pages: number;
}
const rows: Row[] = [];
const convertMs: Record<string, number> = {};
const date = new Date('2026-06-30T12:00:00Z');
/** CPU time (user + system) of each templateDocx and templateXlsx call, in ms. */
const writeMs: number[] = [];
const xlsxMs: number[] = [];
const cpuMs = async <T>(into: number[], f: () => Promise<T>): Promise<T> => {
  const start = process.cpuUsage();
  const out = await f();
  const used = process.cpuUsage(start);
  into.push((used.user + used.system) / 1000);
  return out;
};

try {
  for (const level of IMPACT_LEVELS) {
    const inDir = join(dir, level.toLowerCase());
    const outDir = join(inDir, 'pdf');
    mkdirSync(outDir, { recursive: true });
    const docs = model.productTypes.map((t) => requirementDocument(index, t.id, level));
    const files: string[] = [];
    for (const doc of docs) {
      const file = join(inDir, `${doc.fileBase}.docx`);
      writeFileSync(file, await templateDocx(doc, date));
      files.push(file);
    }
    const t = performance.now();
    await run(
      'soffice',
      ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', outDir, ...files],
      { timeout: 600_000, maxBuffer: 16 * 1024 * 1024 },
    ).catch((e: Error) => {
      throw new Error(`soffice failed (install libreoffice-writer-nogui poppler-utils): ${e.message}`);
    });
    convertMs[level] = performance.now() - t;
    for (const doc of docs) {
      const { stdout } = await run('pdfinfo', [join(outDir, `${doc.fileBase}.pdf`)]);
      rows.push({ type: doc.type.id, level, doc, pages: Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? NaN) });
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
}

// CPU time of writing the DOCX, then the XLSX, alone: one warm-up round over every document, then one measured round.
const allDocs = rows.map((r) => r.doc);
for (const doc of allDocs) await templateDocx(doc, date);
for (const doc of allDocs) await cpuMs(writeMs, () => templateDocx(doc, date));
for (const doc of allDocs) await templateXlsx(doc, date);
for (const doc of allDocs) await cpuMs(xlsxMs, () => templateXlsx(doc, date));

const header = ['product type', 'level', 'requirements', 'items', 'key', 'DOCX pages'];
const cells = rows.map((r) => [
  r.type,
  r.level,
  String(r.doc.counts.requirements),
  String(r.doc.counts.items),
  String(r.doc.counts.key),
  String(r.pages),
]);
const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
const line = (c: string[]) => c.map((v, i) => (i < 2 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const c of cells) console.log(line(c));
console.log('');
for (const level of IMPACT_LEVELS)
  console.log(
    `soffice, ${level.padEnd(8)} ${model.productTypes.length} DOCX in one call: ${(convertMs[level]! / 1000).toFixed(1)} s`,
  );
console.log('');
const moderate = rows.filter((r) => r.level === 'MODERATE');
const maxBy = (f: (r: Row) => number) => moderate.reduce((a, b) => (f(b) > f(a) ? b : a));
const pages = maxBy((r) => r.pages);
const reqs = maxBy((r) => r.doc.counts.requirements);
const verdict = (v: number, t: number) => (v <= t ? 'ok' : 'OVER');
console.log(
  `largest moderate DOCX:        ${String(pages.pages).padStart(3)} pages         (${pages.type}); target <= ${TARGET.pages}: ${verdict(pages.pages, TARGET.pages)}`,
);
console.log(
  `largest moderate requirements: ${String(reqs.doc.counts.requirements).padStart(3)} requirements (${reqs.type}); target <= ${TARGET.requirements}: ${verdict(reqs.doc.counts.requirements, TARGET.requirements)}`,
);
const cpuLine = (what: string, ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  console.log(
    `${what} (${ms.length} documents): mean ${(ms.reduce((a, b) => a + b, 0) / ms.length).toFixed(1)} ms, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`,
  );
};
cpuLine('templateDocx CPU per DOCX', writeMs);
cpuLine('templateXlsx CPU per XLSX', xlsxMs);
