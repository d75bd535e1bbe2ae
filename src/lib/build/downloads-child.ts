/**
 * The download writers, run in a child process beside the Astro pages (see
 * downloads-stages.ts). The parent sends the jobs (one folder each); the child
 * writes them in order, says when each is done, and ends with its peak memory.
 */
import { readFileSync } from 'node:fs';
import type { Model } from '../model/schemas/model.ts';
import { oscalSchemas } from '../pipeline.ts';
import { ProblemsError } from '../problems.ts';
import { catalogIndex } from '../site/catalog-index.ts';
import { type DownloadJob, type DownloadsMessage, writeDownloadJob } from './downloads-jobs.ts';

const send = (m: DownloadsMessage) => new Promise<void>((ok) => process.send!(m, () => ok()));

process.once('message', async (msg: { modelJson: string; date: string; jobs: DownloadJob[] }) => {
  try {
    const model = JSON.parse(readFileSync(msg.modelJson, 'utf8')) as Model;
    const index = catalogIndex(model);
    const schemas = oscalSchemas();
    const date = new Date(msg.date);
    for (const job of msg.jobs) {
      const started = performance.now();
      const files = await writeDownloadJob(job, index, schemas, date);
      await send({ type: 'done', name: job.name, files, ms: Math.round(performance.now() - started), peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) });
    }
    await send({ type: 'end', peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) });
    process.exit(0);
  } catch (e) {
    await send(e instanceof ProblemsError ? { type: 'problems', stage: e.stage, problems: e.problems } : { type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    process.exit(1);
  }
});
