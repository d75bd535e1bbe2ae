/**
 * npm run build: sources → validated model → Astro site → downloads → report,
 * all into a staging folder that replaces dist/ only when every step passed.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build as astroBuild } from 'astro';
import { DOWNLOADS, writeDownloads } from '../src/lib/downloads/write-downloads.ts';
import { paths, projectRoot } from '../src/lib/paths.ts';
import { ensureSources, importModel, publish, writeModelJson } from '../src/lib/pipeline.ts';
import { formatReport, sourceReport } from '../src/lib/report/source-report.ts';
import { runCli, step } from './cli.ts';

const STEPS = 6;
await runCli('build', async () => {
  step(1, STEPS, 'Sources');
  await ensureSources((line) => console.log(line));

  step(2, STEPS, 'Import and validate the model');
  const model = await importModel();
  await writeModelJson(model);

  step(3, STEPS, 'Site (Astro)');
  const staging = join(paths.staging, 'dist');
  await rm(paths.staging, { recursive: true, force: true });
  process.env.IOT_MODEL_JSON = paths.modelJson;
  await astroBuild({ root: projectRoot, outDir: staging, logLevel: 'warn' });

  step(4, STEPS, 'Downloads');
  for (const f of await writeDownloads(model, staging)) console.log(`  downloads/${f}`);

  step(5, STEPS, 'Source report');
  const report = sourceReport(model);
  await writeFile(join(staging, 'downloads', DOWNLOADS.sourceReport), `${JSON.stringify(report, null, 2)}\n`);
  console.log(formatReport(report));

  step(6, STEPS, 'Publish to dist/');
  await publish(staging, paths.dist);
});
