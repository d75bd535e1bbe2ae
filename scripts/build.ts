/**
 * npm run build: sources → validated model → Astro site → downloads → report,
 * all into a staging folder that replaces dist/ only when every step passed.
 */
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build as astroBuild } from 'astro';
import { DOWNLOADS, OSCAL_213A_CATALOG, PRODUCT_EXTENSIONS } from '../src/lib/downloads/download-files.ts';
import { buildDate } from '../src/lib/downloads/build-date.ts';
import { writeDownloads } from '../src/lib/downloads/write-downloads.ts';
import { paths, projectRoot } from '../src/lib/paths.ts';
import { ensureSources, importModel, oscalSchemas, publish, readManifest, writeModelJson } from '../src/lib/pipeline.ts';
import { writeProductDownloads } from '../src/lib/downloads/write-product-downloads.ts';
import { formatReport, sourceReport } from '../src/lib/report/source-report.ts';
import { ProblemsError } from '../src/lib/problems.ts';
import { checkLinks } from '../src/lib/site/check-links.ts';
import { buildSearchIndex } from '../src/lib/site/search-index.ts';
import { glossaryRecords, guidanceBlockRecords } from '../src/lib/site/search-records.ts';
import { reportStages, runCli, step } from './cli.ts';

const base = process.env.SITE_BASE || '/';
// The build reaches no server but the sources' own: Astro's usage telemetry stays off.
process.env.ASTRO_TELEMETRY_DISABLED = '1';

const STEPS = 7;
await runCli('build', async () => {
  // Every download carries this date: SOURCE_DATE_EPOCH when set (reproducible downloads), else now.
  const date = buildDate();
  step(1, STEPS, 'Sources');
  await ensureSources((line) => console.log(line));

  step(2, STEPS, 'Import and validate the model');
  const model = await importModel();
  await writeModelJson(model);

  step(3, STEPS, 'Downloads and source report');
  const staging = join(paths.staging, 'dist');
  await rm(paths.staging, { recursive: true, force: true });
  const downloads = join(paths.staging, 'downloads');
  for (const f of await writeDownloads(model, paths.staging, date)) console.log(`  downloads/${f}`);
  const products = await writeProductDownloads(model, paths.staging, oscalSchemas(readManifest()), date);
  console.log(`  downloads/${OSCAL_213A_CATALOG}; ${products.length - 1} product templates (${model.productTypes.length} types × 3 levels × ${PRODUCT_EXTENSIONS.length} formats)`);
  const report = sourceReport(model);
  await writeFile(join(downloads, DOWNLOADS.sourceReport), `${JSON.stringify(report, null, 2)}\n`);

  step(4, STEPS, 'Site (Astro)');
  process.env.IOT_MODEL_JSON = paths.modelJson;
  process.env.IOT_DOWNLOADS_DIR = downloads;
  await astroBuild({ root: projectRoot, outDir: staging, logLevel: 'warn' });
  // /downloads/ is also a page: move the files in beside its index.html.
  await mkdir(join(staging, 'downloads'), { recursive: true });
  for (const f of await readdir(downloads)) await rename(join(downloads, f), join(staging, 'downloads', f));

  step(5, STEPS, 'Search index (Pagefind)');
  const blocks = guidanceBlockRecords(model);
  const terms = glossaryRecords(model);
  const entries = await buildSearchIndex(staging, [...blocks, ...terms]);
  console.log(`  ${entries - blocks.length - terms.length} pages, ${blocks.length} paragraphs of the draft and ${terms.length} glossary terms indexed`);

  step(6, STEPS, 'Check links');
  const broken = await checkLinks(staging, base);
  if (broken.length > 50) {
    const more = broken.length - 50;
    throw new ProblemsError('Checking links', [...broken.slice(0, 50), { severity: 'error', file: 'dist', place: '', message: `and ${more} more broken links`, hint: 'Fix the first ones: many usually share one cause.' }]);
  }
  if (broken.length) throw new ProblemsError('Checking links', broken);
  console.log(`  all internal links and anchors resolve`);
  console.log(formatReport(report));

  step(7, STEPS, 'Publish to dist/');
  await publish(staging, paths.dist);
  await reportStages();
});
