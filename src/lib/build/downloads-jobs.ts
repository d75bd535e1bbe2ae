/**
 * The downloads as stages: one for the catalog files (the SP 800-213A catalog as
 * CSV, JSON, XLSX and OSCAL, the SP 800-53 controls, the source report), one per
 * product type (its templates at every impact level). Each is keyed on the part
 * of the model it reads (the model without its product types, plus that one
 * type), the writers' code, the OSCAL schemas and the build date; so an edited
 * guide re-runs none of them and an edited product type re-runs only its own.
 */
import { fork } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Model } from '../model/schemas/model.ts';
import { projectRoot } from '../paths.ts';
import { type Problem, ProblemsError } from '../problems.ts';
import { sourceReport } from '../report/source-report.ts';
import type { CatalogIndex } from '../site/catalog-index.ts';
import { DOWNLOADS } from '../downloads/download-files.ts';
import { writeDownloads } from '../downloads/write-downloads.ts';
import { type OscalSchemas, writeOscalCatalog, writeProductTypeDownloads } from '../downloads/write-product-downloads.ts';
import { codeFiles, sha256, stageKey } from './stages.ts';

export type DownloadJob = { name: string; dir: string } & ({ kind: 'catalog' } | { kind: 'product-type'; typeId: string });

export type DownloadsMessage =
  | { type: 'done'; name: string; files: string[]; ms: number; peakRssMB: number }
  | { type: 'end'; peakRssMB: number }
  | { type: 'problems'; stage: string; problems: Problem[] }
  | { type: 'error'; message: string };

const lib = (f: string) => join(projectRoot, 'src/lib', f);
const LOCK = join(projectRoot, 'package-lock.json');
const CHILD = fileURLToPath(new URL('./downloads-child.ts', import.meta.url));

export const CATALOG_STAGE = 'downloads-catalog';
export const productTypeStage = (id: string) => `downloads-${id}`;

/** The stage keys of the downloads: the catalog stage, then one per product type (in the model's order). */
export function downloadKeys(model: Model, values: { date: string; sources: string }): { name: string; key: string; job: Omit<DownloadJob, 'dir' | 'name'> }[] {
  const rest = sha256(JSON.stringify({ ...model, productTypes: [] }));
  const catalogCode = codeFiles([lib('build/downloads-child.ts'), lib('downloads/write-downloads.ts'), lib('report/source-report.ts'), lib('downloads/oscal-213a-catalog.ts')]);
  const productCode = codeFiles([lib('build/downloads-child.ts'), lib('downloads/write-product-downloads.ts')]);
  return [
    { name: CATALOG_STAGE, key: stageKey({ files: [...catalogCode, LOCK], values: { model: rest, ...values } }), job: { kind: 'catalog' } },
    ...model.productTypes.map((t) => ({
      name: productTypeStage(t.id),
      key: stageKey({ files: [...productCode, LOCK], values: { model: rest, productType: sha256(JSON.stringify(t)), ...values } }),
      job: { kind: 'product-type' as const, typeId: t.id },
    })),
  ];
}

/** Writes one job's files under `<dir>/downloads/`; returns their paths under downloads/. */
export async function writeDownloadJob(job: DownloadJob, index: CatalogIndex, schemas: OscalSchemas, date: Date): Promise<string[]> {
  if (job.kind === 'product-type') return writeProductTypeDownloads(index, job.typeId, job.dir, schemas, date);
  const files = [...(await writeDownloads(index.model, job.dir, date)), ...(await writeOscalCatalog(index.model, job.dir, schemas, date))];
  await writeFile(join(job.dir, 'downloads', DOWNLOADS.sourceReport), `${JSON.stringify(sourceReport(index.model), null, 2)}\n`);
  return [...files, DOWNLOADS.sourceReport];
}

/**
 * Runs the jobs in a child process (its own memory, its own core), calling
 * `onDone` as each one finishes; resolves with the child's peak memory.
 */
export function runDownloadJobs(modelJson: string, date: Date, jobs: DownloadJob[], onDone: (m: Extract<DownloadsMessage, { type: 'done' }>) => Promise<void> | void, signal?: AbortSignal): Promise<{ peakRssMB: number }> {
  return new Promise((ok, fail) => {
    const child = fork(CHILD, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], ...(signal ? { signal } : {}) });
    let failure: Error | undefined;
    let end: { peakRssMB: number } | undefined;
    let pending = Promise.resolve();
    child.on('message', (m: DownloadsMessage) => {
      if (m.type === 'done') pending = pending.then(() => onDone(m));
      else if (m.type === 'end') end = { peakRssMB: m.peakRssMB };
      else if (m.type === 'problems') failure = new ProblemsError(m.stage, m.problems);
      else failure = new Error(`writing the downloads failed: ${m.message}`);
    });
    child.on('error', (e) => (failure ??= e));
    child.on('exit', (code, signal) => {
      pending.then(
        () => {
          if (failure) fail(failure);
          else if (code !== 0 || !end) fail(new Error(`the downloads process ended with ${signal ?? `exit code ${code}`}`));
          else ok(end);
        },
        (e) => fail(failure ?? e),
      );
    });
    child.send({ modelJson, date: date.toISOString(), jobs });
  });
}
