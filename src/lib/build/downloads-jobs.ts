/**
 * The downloads as stages: one for the catalog files (the SP 800-213A catalog as
 * CSV, JSON, XLSX and OSCAL, the SP 800-53 controls, the source report), one per
 * product type (its templates at every impact level). Each is keyed on the part
 * of the model it reads (the model without its product types, plus that one
 * type), the writers' code, the OSCAL schemas and the build date; so an edited
 * guide re-runs none of them and an edited product type re-runs only its own.
 */
import { fork } from 'node:child_process';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOWNLOAD_LIST } from '../downloads/download-list.ts';
import { PRODUCT_EXTENSIONS, productDownloadPath } from '../downloads/download-files.ts';
import type { OscalSchemas } from '../downloads/write-product-downloads.ts';
import type { Model } from '../model/schemas/model.ts';
import { projectRoot } from '../paths.ts';
import { ProblemsError } from '../problems.ts';
import { IMPACT_LEVELS } from '../products/select-requirements.ts';
import type { DownloadJob, DownloadsMessage } from './downloads-child.ts';
import { codeFiles, sha256, stageKey } from './stages.ts';

export type { DownloadJob } from './downloads-child.ts';

const lib = (f: string) => join(projectRoot, 'src/lib', f);
const LOCK = join(projectRoot, 'package-lock.json');
const CHILD = fileURLToPath(new URL('./downloads-child.ts', import.meta.url));

export const CATALOG_STAGE = 'downloads-catalog';
export const productTypeStage = (id: string) => `downloads-${id}`;

/** The child's own file, and the catalog writers with what they import. */
const catalogCodeFiles = () => [
  CHILD,
  ...codeFiles([
    lib('downloads/write-downloads.ts'),
    lib('downloads/write-product-downloads.ts'),
    lib('report/source-report.ts'),
    lib('site/catalog-index.ts'),
  ]),
];

/** A key over the catalog writers' code (the downloads page shows the sizes of what they write). */
export const catalogCodeKey = () => stageKey({ files: [...catalogCodeFiles(), LOCK] });

/** A download stage: its name, its key, the job that writes it and the files it writes (under downloads/). */
export interface DownloadStage {
  name: string;
  key: string;
  job: Omit<DownloadJob, 'dir' | 'name'>;
  files: string[];
}

/**
 * The stage keys of the downloads: the catalog stage, then one per product type (in the model's order). Each names
 * the files it writes, so that pages' links to them are checked before they are written (see checkDeclaredFiles).
 */
export function downloadKeys(model: Model, values: { date: string; sources: string }): DownloadStage[] {
  const rest = sha256(JSON.stringify({ ...model, productTypes: [] }));
  const catalogCode = catalogCodeFiles();
  const productCode = [
    CHILD,
    ...codeFiles([lib('downloads/write-product-downloads.ts'), lib('site/catalog-index.ts')]),
  ];
  return [
    {
      name: CATALOG_STAGE,
      key: stageKey({ files: [...catalogCode, LOCK], values: { model: rest, ...values } }),
      job: { kind: 'catalog' },
      files: DOWNLOAD_LIST.map((d) => d.file),
    },
    ...model.productTypes.map((t) => ({
      name: productTypeStage(t.id),
      key: stageKey({
        files: [...productCode, LOCK],
        values: { model: rest, productType: sha256(JSON.stringify(t)), ...values },
      }),
      job: { kind: 'product-type' as const, typeId: t.id },
      files: IMPACT_LEVELS.flatMap((level) => PRODUCT_EXTENSIONS.map((ext) => productDownloadPath(t.id, level, ext))),
    })),
  ];
}

/** Fails naming the stage when what it wrote is not what it declares (a file missing, or one no page can expect). */
export function checkDeclaredFiles(stage: DownloadStage, written: string[]): void {
  const declared = new Set(stage.files);
  const wrote = new Set(written);
  const missing = stage.files.filter((f) => !wrote.has(f));
  const extra = written.filter((f) => !declared.has(f));
  if (!missing.length && !extra.length) return;
  const problem = (f: string, message: string, hint: string) => ({
    severity: 'error' as const,
    file: `downloads/${f}`,
    place: stage.name,
    message,
    hint,
  });
  throw new ProblemsError('Writing the downloads', [
    ...missing.map((f) =>
      problem(
        f,
        'declared by the stage but not written',
        'The writer and the stage list in src/lib/build/downloads-jobs.ts must name the same files.',
      ),
    ),
    ...extra.map((f) =>
      problem(
        f,
        'written but not declared by the stage',
        'Add it to the stage list in src/lib/build/downloads-jobs.ts: the link check relies on that list.',
      ),
    ),
  ]);
}

/**
 * Runs the jobs in a child process (its own memory, a lower CPU priority), calling
 * `onDone` as each one finishes; resolves with the child's peak memory.
 */
export function runDownloadJobs(
  modelJson: string,
  schemas: OscalSchemas,
  date: Date,
  jobs: DownloadJob[],
  onDone: (m: Extract<DownloadsMessage, { type: 'done' }>) => Promise<void> | void,
  signal?: AbortSignal,
): Promise<{ peakRssMB: number }> {
  return new Promise((ok, fail) => {
    const child = fork(CHILD, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], ...(signal ? { signal } : {}) });
    // Below the pages and their search index (the longer chain) in the scheduler: the downloads use what they leave.
    try {
      if (child.pid) setPriority(child.pid, 10);
    } catch {
      // The process already ended: its exit reports why.
    }
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
          else if (code !== 0 || !end)
            fail(new Error(`the downloads process ended with ${signal ?? `exit code ${code}`}`));
          else ok(end);
        },
        (e) => fail(failure ?? e),
      );
    });
    child.send({ modelJson, schemas, date: date.toISOString(), jobs });
  });
}
