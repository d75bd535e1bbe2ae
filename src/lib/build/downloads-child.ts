/**
 * The download writers, run in a child process beside the Astro pages (see
 * downloads-jobs.ts). The parent sends the jobs (one folder each); the child
 * writes them in order, says when each is done, and ends with its peak memory.
 * It imports the writers and nothing of the build, so that the download
 * stages' keys hold the writers' code and no more.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DOWNLOADS } from '../downloads/download-files.ts';
import { writeDownloads } from '../downloads/write-downloads.ts';
import {
  type OscalSchemas,
  writeOscalCatalog,
  writeProductTypeDownloads,
} from '../downloads/write-product-downloads.ts';
import type { Model } from '../model/schemas/model.ts';
import { type Problem, ProblemsError } from '../problems.ts';
import { sourceReport } from '../report/source-report.ts';
import { type CatalogIndex, catalogIndex } from '../site/catalog-index.ts';

export type DownloadJob = { name: string; dir: string } & (
  | { kind: 'catalog' }
  | { kind: 'product-type'; typeId: string }
);

export type DownloadsMessage =
  | { type: 'done'; name: string; files: string[]; ms: number; peakRssMB: number }
  | { type: 'end'; peakRssMB: number }
  | { type: 'problems'; stage: string; problems: Problem[] }
  | { type: 'error'; message: string };

/** Writes one job's files under `<dir>/downloads/`; returns their paths under downloads/. */
export async function writeDownloadJob(
  job: DownloadJob,
  index: CatalogIndex,
  schemas: OscalSchemas,
  date: Date,
): Promise<string[]> {
  if (job.kind === 'product-type') return writeProductTypeDownloads(index, job.typeId, job.dir, schemas, date);
  const files = [
    ...(await writeDownloads(index.model, job.dir, date)),
    ...(await writeOscalCatalog(index.model, job.dir, schemas, date)),
  ];
  await writeFile(
    join(job.dir, 'downloads', DOWNLOADS.sourceReport),
    `${JSON.stringify(sourceReport(index.model), null, 2)}\n`,
  );
  return [...files, DOWNLOADS.sourceReport];
}

if (process.send) {
  const send = (m: DownloadsMessage) => new Promise<void>((ok) => process.send!(m, () => ok()));
  process.once(
    'message',
    async (msg: { modelJson: string; schemas: OscalSchemas; date: string; jobs: DownloadJob[] }) => {
      try {
        const model = JSON.parse(readFileSync(msg.modelJson, 'utf8')) as Model;
        const index = catalogIndex(model);
        const date = new Date(msg.date);
        for (const job of msg.jobs) {
          const started = performance.now();
          const files = await writeDownloadJob(job, index, msg.schemas, date);
          await send({
            type: 'done',
            name: job.name,
            files,
            ms: Math.round(performance.now() - started),
            peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
          });
        }
        await send({ type: 'end', peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) });
        process.exit(0);
      } catch (e) {
        await send(
          e instanceof ProblemsError
            ? { type: 'problems', stage: e.stage, problems: e.problems }
            : { type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) },
        );
        process.exit(1);
      }
    },
  );
}
