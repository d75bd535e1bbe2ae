/**
 * npm run build: the build as stages (src/lib/build/stages.ts), each keyed on
 * what it reads and skipped when its key matches its last successful run:
 *
 *   sources → model → downloads (catalog; one per product type; in a child process)
 *                   ∥ Astro pages → search index → link check → publish dist/
 *
 * The pages and the downloads are assembled in a staging folder that replaces
 * dist/ only when every stage passed. `--force` runs every stage.
 */
import { readdirSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CATALOG_STAGE,
  type DownloadJob,
  catalogCodeKey,
  checkDeclaredFiles,
  downloadKeys,
  runDownloadJobs,
} from '../src/lib/build/downloads-jobs.ts';
import { provideDownloadSizes, sizesIn } from '../src/lib/downloads/download-sizes.ts';
import { provideModelReady } from '../src/lib/model/model-ready.ts';
import { inChild } from '../src/lib/build/child.ts';
import { renderedPages, resetRenderedPages } from '../src/lib/site/render-count.ts';
import { withProjectLock } from '../src/lib/build/project-lock.ts';
import { StageCache, codeFiles, linkTree, runStage, sha256, stageKey } from '../src/lib/build/stages.ts';
import { buildDate } from '../src/lib/downloads/build-date.ts';
import { DOWNLOAD_LIST } from '../src/lib/downloads/download-list.ts';
import { PRODUCT_EXTENSIONS } from '../src/lib/downloads/download-files.ts';
import type { Model } from '../src/lib/model/schemas/model.ts';
import { paths, projectRoot } from '../src/lib/paths.ts';
import { ensureSources, oscalSchemas, publish } from '../src/lib/pipeline.ts';
import { formatReport, sourceReport } from '../src/lib/report/source-report.ts';
import { type Problem, ProblemsError } from '../src/lib/problems.ts';
import { type StageStat, heading, peakRssMB, record, reportStages, runCli } from './cli.ts';

const base = process.env.SITE_BASE || '/';
const force = process.argv.includes('--force');
// The build reaches no server but the sources' own: Astro's usage telemetry stays off.
process.env.ASTRO_TELEMETRY_DISABLED = '1';

/** What Astro's incremental build keeps in its cache folder: its manifest and the pages it wrote. */
const ASTRO_INCREMENTAL_CACHE = ['incremental-build.json', 'dist'];

/** Empties `dir` but for the entries named in `keep`. */
async function keepOnly(dir: string, keep: string[]): Promise<void> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    entries.filter((e) => !keep.includes(e)).map((e) => rm(join(dir, e), { recursive: true, force: true })),
  );
}

const lib = (f: string) => join(projectRoot, 'src/lib', f);
const LOCK = join(projectRoot, 'package-lock.json');
const STEPS = 7;
const started = performance.now();

await runCli('build', async () => {
  const cache = new StageCache(join(paths.cache, 'stages'), { force });
  await cache.sweep();
  const abort = new AbortController();
  // A stage run in a child process reports that process's peak memory.
  type ChildPeak = { process: string; peakRssMB: number };
  const child = async <T>(peak: ChildPeak, process: string, fn: string, args: unknown[]): Promise<T> => {
    const r = await inChild<T>(join(projectRoot, 'src/lib/build/child-stages.ts'), fn, args, abort.signal);
    Object.assign(peak, { process, peakRssMB: r.peakRssMB });
    return r.result;
  };
  const timed = async <T>(
    name: string,
    run: (peak: ChildPeak) => Promise<T>,
    extra: { cached?: (r: T) => boolean; beside?: string; pages?: () => StageStat['pages'] } = {},
  ): Promise<T> => {
    const t0 = performance.now();
    const peak: ChildPeak = { process: '', peakRssMB: 0 };
    const childPeak = () => (peak.peakRssMB ? peak : undefined);
    const r = await run(peak);
    const ms = Math.round(performance.now() - t0);
    record({
      name,
      ms,
      ...(childPeak() ?? { peakRssMB: peakRssMB() }),
      cached: extra.cached?.(r),
      beside: extra.beside,
      ...(extra.pages?.() ? { pages: extra.pages() } : {}),
    });
    return r;
  };
  const note = (cached: boolean) => (cached ? '  (cached: inputs unchanged since the last successful run)' : '');

  // Every download carries this date: SOURCE_DATE_EPOCH when set (reproducible downloads), else now.
  // Without SOURCE_DATE_EPOCH the keys hold the day (UTC): outputs cached today keep the time they were written.
  const date = buildDate();
  const dateKey = process.env.SOURCE_DATE_EPOCH
    ? `epoch ${process.env.SOURCE_DATE_EPOCH}`
    : `day ${date.toISOString().slice(0, 10)}`;
  if (force) console.log('--force: every stage runs, the cache is not read');

  heading(1, STEPS, 'Sources');
  await timed('Sources', () => ensureSources((line) => console.log(line)));

  heading(2, STEPS, 'Import and validate the model (Astro starts beside it)');
  const modelKey = stageKey({
    files: [paths.catalog, ...codeFiles([lib('model/build-model.ts'), lib('pipeline.ts')]), LOCK],
  });
  const modelRun = timed(
    'Model',
    (peak) =>
      runStage(cache, 'model', modelKey, (dir) =>
        child<void>(peak, 'model', 'importModelInto', [join(dir, 'model.json')]),
      ),
    { cached: (r) => r.cached, beside: 'Site (Astro)' },
  );
  // Astro bundles the site while the model is imported; it reads the model (IOT_MODEL_JSON) only once the file is
  // written (src/lib/model/model-ready.ts).
  const modelFile = modelRun.then(async (stage) => {
    const text = await readFile(join(stage.dir, 'model.json'), 'utf8');
    await mkdir(join(paths.modelJson, '..'), { recursive: true });
    await writeFile(paths.modelJson, text);
    return text;
  });
  provideModelReady(
    modelFile.then(
      () => undefined,
      () => {
        throw new Error('the model was not imported (its problems are listed below)');
      },
    ),
  );
  process.env.IOT_MODEL_JSON = paths.modelJson;
  // The downloads page waits for the catalog downloads' sizes: written beside the pages, or cached.
  let sizesReady: (s: Record<string, number>) => void = () => {};
  let sizesFailed: (e: unknown) => void = () => {};
  provideDownloadSizes(
    new Promise((ok, fail) => {
      sizesReady = ok;
      sizesFailed = fail;
    }),
  );

  // The pages' key: the model's key stands for the model (the same inputs and code give the same model), and the
  // catalog writers' code, the sources and the date for the downloads page's sizes.
  const sources = sha256(await readFile(paths.sourceManifest));
  const contentDir = process.env.IOT_CONTENT_DIR || join(projectRoot, 'content/guides');
  const astroKey = stageKey({
    files: [
      join(projectRoot, 'src'),
      contentDir,
      join(projectRoot, 'public'),
      join(projectRoot, 'astro.config.mjs'),
      join(projectRoot, 'tsconfig.json'),
      LOCK,
    ],
    values: { model: modelKey, date: dateKey, base, sources, downloadsCode: catalogCodeKey() },
  });
  let rendered = { rendered: 0, total: 0 };
  const pagesRun = timed(
    'Site (Astro)',
    () =>
      runStage(cache, 'pages', astroKey, async (dir) =>
        withProjectLock(
          join(projectRoot, '.astro'),
          async () => {
            // A fresh content store each run: Astro keeps an unchanged guide's entry, with the path it was read from,
            // so a store shared with a build of another copy of the guides (IOT_CONTENT_DIR) points at that copy.
            // Its incremental build cache (the pages of the last build, see src/lib/site/render-key.ts) is kept.
            const astroCache = join(paths.cache, 'astro');
            await keepOnly(astroCache, ASTRO_INCREMENTAL_CACHE);
            resetRenderedPages();
            await (await import('astro')).build({
              root: projectRoot,
              outDir: dir,
              cacheDir: astroCache,
              logLevel: 'warn',
              force,
            });
            const total = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).length;
            rendered = { rendered: renderedPages(), total };
          },
          () =>
            console.log(
              '  waiting for another build of this folder to finish its Astro stage (Astro keeps its modules in .astro/)',
            ),
        ),
      ),
    { cached: (r) => r.cached, beside: 'Model, downloads', pages: () => (rendered.total ? rendered : undefined) },
  );
  pagesRun.catch(() => {});

  let modelText: string;
  try {
    modelText = await modelFile;
  } catch (e) {
    // Astro stops at the model it waits for; the error shown is the model's.
    await pagesRun.catch(() => {});
    throw e;
  }
  console.log(note((await modelRun).cached) || '  model imported and validated');
  // Parsed where it is needed and let go between: the Astro stage loads its own copy, and peak memory is the sum.
  const readModel = () => JSON.parse(modelText) as Model;

  const staging = join(paths.staging, 'dist');
  await rm(paths.staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });

  heading(3, STEPS, 'Downloads and source report (a child process, beside the pages)');
  const keys = downloadKeys(readModel(), { date: dateKey, sources });
  const dirs = new Map<string, string>();
  const jobs: DownloadJob[] = [];
  for (const k of keys) {
    const hit = cache.lookup(k.name, k.key);
    if (hit) {
      dirs.set(k.name, hit);
      record({ name: k.name, ms: 0, peakRssMB: 0, cached: true, process: 'downloads' });
    } else jobs.push({ ...k.job, name: k.name, dir: await cache.begin(k.name) } as DownloadJob);
  }
  console.log(
    `  ${keys.length - jobs.length} of ${keys.length} download stages cached; ${jobs.length ? `writing ${jobs.map((j) => j.name.replace(/^downloads-/, '')).join(', ')}` : 'nothing to write'}`,
  );
  const catalogDir = dirs.get(CATALOG_STAGE);
  if (catalogDir)
    sizesReady(
      sizesIn(
        join(catalogDir, 'downloads'),
        DOWNLOAD_LIST.map((d) => d.file),
      ),
    );
  const downloadsStarted = performance.now();
  const downloads = jobs.length
    ? runDownloadJobs(
        paths.modelJson,
        oscalSchemas(),
        date,
        jobs,
        async (m) => {
          const job = jobs.find((j) => j.name === m.name)!;
          const stage = keys.find((k) => k.name === m.name)!;
          checkDeclaredFiles(stage, m.files);
          const dir = await cache.commit(m.name, stage.key, job.dir);
          dirs.set(m.name, dir);
          record({
            name: m.name,
            ms: m.ms,
            peakRssMB: m.peakRssMB,
            cached: false,
            beside: 'Site (Astro), Search index',
            process: 'downloads',
          });
          if (m.name === CATALOG_STAGE) {
            sizesReady(
              sizesIn(
                join(dir, 'downloads'),
                DOWNLOAD_LIST.map((d) => d.file),
              ),
            );
            for (const f of m.files) console.log(`  downloads/${f}`);
          } else
            console.log(
              `  downloads/products/${m.name.replace(/^downloads-/, '')}/: ${m.files.length} templates (3 levels × ${PRODUCT_EXTENSIONS.length} formats)`,
            );
        },
        abort.signal,
      )
    : Promise.resolve({ peakRssMB: 0 });
  let downloadsError: unknown;
  let downloadsMs = 0;
  downloads.then(
    () => (downloadsMs = Math.round(performance.now() - downloadsStarted)),
    (e) => {
      downloadsError = e;
      sizesFailed(e);
    },
  );
  // A failure stops the child processes; the error shown is the first one (a download's, when it failed first).
  const failed = async (e: unknown) => {
    const first = downloadsError ?? e;
    abort.abort();
    await downloads.catch(() => {});
    await Promise.all(jobs.filter((j) => !dirs.has(j.name)).map((j) => cache.abort(j.dir)));
    throw first;
  };

  try {
    heading(4, STEPS, 'Site (Astro), started beside the model import');
    const pages = await pagesRun;
    console.log(
      note(pages.cached) ||
        (rendered.rendered === rendered.total
          ? `  ${rendered.total} pages rendered`
          : `  ${rendered.total} pages: ${rendered.rendered} rendered, ${rendered.total - rendered.rendered} kept from the last build (their code and the model unchanged)`),
    );
    linkTree(pages.dir, staging);

    // The search index (Pagefind's own process) and the link check run at the same time: Pagefind writes its files
    // into the stage's folder, not into the site being checked, and its files hold no links.
    heading(5, STEPS, 'Search index (Pagefind), beside the link check');
    const searchKey = stageKey({ values: { pages: astroKey } });
    const searching = timed(
      'Search index (Pagefind)',
      () =>
        runStage(cache, 'search', searchKey, async (dir) => {
          const { buildSearchIndex } = await import('../src/lib/site/search-index.ts');
          const { glossaryRecords, guidanceBlockRecords } = await import('../src/lib/site/search-records.ts');
          const model = readModel();
          const blocks = guidanceBlockRecords(model);
          const terms = glossaryRecords(model);
          const entries = await buildSearchIndex(staging, [...blocks, ...terms], join(dir, 'pagefind'));
          await writeFile(
            join(dir, 'entries.json'),
            JSON.stringify({
              pages: entries - blocks.length - terms.length,
              blocks: blocks.length,
              terms: terms.length,
            }),
          );
        }),
      { cached: (r) => r.cached, beside: jobs.length ? 'downloads, Check links' : 'Check links' },
    ).then(async (search) => {
      const counts = JSON.parse(await readFile(join(search.dir, 'entries.json'), 'utf8')) as {
        pages: number;
        blocks: number;
        terms: number;
      };
      console.log(
        `  ${counts.pages} pages, ${counts.blocks} paragraphs of the draft and ${counts.terms} glossary terms indexed${search.cached ? ' (cached)' : ''}`,
      );
      return search;
    });

    // The downloads join the site when all are written. The link check does not wait for them: each download stage
    // declares its files (checked when it finishes), and the pages' links to them are checked against that list.
    const linkingDownloads = downloads.then(async ({ peakRssMB: downloadsPeak }) => {
      if (jobs.length)
        record({
          name: 'Downloads (child process, all written)',
          ms: downloadsMs,
          peakRssMB: downloadsPeak,
          cached: false,
          beside: 'Site (Astro), Search index, Check links',
          process: 'downloads',
        });
      for (const k of keys) linkTree(dirs.get(k.name)!, staging);
    });
    const declared = keys.flatMap((k) => k.files.map((f) => `downloads/${f}`));
    const checking = (async () => {
      heading(6, STEPS, 'Check links (beside the search index and the downloads)');
      const linksKey = stageKey({ values: { pages: astroKey, downloads: declared.join(' '), base } });
      const links = await timed(
        'Check links',
        (peak) =>
          runStage(cache, 'links', linksKey, async () => {
            const broken = await child<Problem[]>(peak, 'links', 'brokenLinks', [staging, base, declared]);
            if (broken.length > 50) {
              const more = broken.length - 50;
              throw new ProblemsError('Checking links', [
                ...broken.slice(0, 50),
                {
                  severity: 'error',
                  file: 'dist',
                  place: '',
                  message: `and ${more} more broken links`,
                  hint: 'Fix the first ones: many usually share one cause.',
                },
              ]);
            }
            if (broken.length) throw new ProblemsError('Checking links', broken);
          }),
        {
          cached: (r) => r.cached,
          beside: jobs.length ? 'Search index (Pagefind), downloads' : 'Search index (Pagefind)',
        },
      );
      console.log(
        `  all internal links and anchors resolve${links.cached ? ' (cached: the same pages and download names were checked before)' : ''}`,
      );
    })();
    const [written, check, search] = await Promise.allSettled([linkingDownloads, checking, searching]);
    if (written.status === 'rejected') throw written.reason;
    if (check.status === 'rejected') throw check.reason;
    if (search.status === 'rejected') throw search.reason;
    linkTree(join(search.value.dir, 'pagefind'), join(staging, 'pagefind'));
    console.log(formatReport(sourceReport(readModel())));
  } catch (e) {
    await failed(e);
  }

  heading(7, STEPS, 'Publish to dist/');
  await timed('Publish to dist/', () => publish(staging, paths.dist));
  await reportStages({ wallMs: Math.round(performance.now() - started), force });
});
