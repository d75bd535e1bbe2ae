/**
 * Benchmark of the whole build over the real data, as a user runs it: a cold
 * build (`--force`, nothing reused), a build with nothing changed, a build after
 * editing one guide and one after editing one product type, side by side, with
 * each stage's wall time, peak memory and whether it was reused. Then pages per
 * second, Astro's own phases, page weight (gzipped, with CSS) and the bytes a
 * first, a later and an id search fetch.
 * Prints figures; asserts nothing. Run with `npm run bench:site` (BENCH_RUNS=N repeats the four builds).
 * Targets: cold build at most 12 s, rebuild after editing a guide at most 8 s, peak memory at most 700 MB,
 * median control page < 12 KB gz (largest < 30 KB), first search < 160 KB, later < 60 KB.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { nistSourcesDir, paths, projectRoot } from '../src/lib/paths.ts';

interface Stat {
  name: string;
  ms: number;
  peakRssMB: number;
  cached?: boolean;
  process?: string;
  pages?: { rendered: number; total: number };
}
interface Run {
  label: string;
  wall: number;
  stages: Stat[];
}

const dir = mkdtempSync(join(tmpdir(), 'iot-site-bench-'));
const out = join(dir, 'dist');
const statsFile = join(dir, 'stats.json');
const sourcesDir = nistSourcesDir() ?? paths.sourcesCache;
const catalog = join(dir, 'catalog');
const guides = join(dir, 'guides');
const GUIDE = 'using-this-site.mdx';
const TYPE = 'product-types/smart-lighting.yaml';
const runsWanted = Math.max(1, Number(process.env.BENCH_RUNS ?? 1));

function build(label: string, args: string[] = []): Run {
  const started = performance.now();
  const r = spawnSync(process.execPath, ['scripts/build.ts', ...args], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NIST_SOURCES_DIR: sourcesDir,
      IOT_CACHE_DIR: join(dir, 'cache'),
      IOT_OUT_DIR: out,
      IOT_CATALOG_DIR: catalog,
      IOT_CONTENT_DIR: guides,
      BUILD_STATS_JSON: statsFile,
      NO_COLOR: '1',
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = performance.now() - started;
  if (r.status !== 0) {
    console.error(r.stdout.slice(-3000), r.stderr.slice(-3000));
    process.exit(1);
  }
  return { label, wall, stages: (JSON.parse(readFileSync(statsFile, 'utf8')) as { stages: Stat[] }).stages };
}

/** The four builds of one round, from an empty cache over fresh copies of catalog/ and the guides. */
function round(): Run[] {
  rmSync(join(dir, 'cache'), { recursive: true, force: true });
  rmSync(catalog, { recursive: true, force: true });
  rmSync(guides, { recursive: true, force: true });
  cpSync(paths.catalog, catalog, { recursive: true });
  cpSync(join(projectRoot, 'content/guides'), guides, { recursive: true });
  const runs = [build('cold (--force)', ['--force']), build('no change')];
  writeFileSync(
    join(guides, GUIDE),
    `${readFileSync(join(guides, GUIDE), 'utf8')}\nA paragraph added by the benchmark.\n`,
  );
  runs.push(build('one guide edited'));
  const type = join(catalog, TYPE);
  writeFileSync(
    type,
    readFileSync(type, 'utf8').replace(/^description: >-\n/m, 'description: >-\n  Edited by the benchmark.\n'),
  );
  runs.push(build('one product type edited'));
  return runs;
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
const loadBefore = load();
const rounds: Run[][] = [];
for (let i = 0; i < runsWanted; i++) rounds.push(round());
const runs = rounds.at(-1)!;

const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const cell = (s: Stat | undefined) => (!s ? '-' : s.cached ? 'cached' : `${sec(s.ms)} ${s.peakRssMB} MB`);
const names = [...new Set(runs.flatMap((r) => r.stages.map((s) => s.name)))];
const productStages = names.filter((n) => n.startsWith('downloads-') && n !== 'downloads-catalog');
const shown = names.filter((n) => !productStages.includes(n));
const col = 24;
console.log(`${'stage'.padEnd(40)}${runs.map((r) => r.label.padStart(col)).join('')}`);
for (const name of shown) {
  console.log(
    `${name.padEnd(40)}${runs.map((r) => cell(r.stages.find((s) => s.name === name)).padStart(col)).join('')}`,
  );
  if (name === 'downloads-catalog') {
    const summary = (r: Run) => {
      const ps = r.stages.filter((s) => productStages.includes(s.name));
      const ran = ps.filter((s) => !s.cached);
      return ran.length ? `${ran.length} ran, ${sec(ran.reduce((a, s) => a + s.ms, 0))}` : `${ps.length} cached`;
    };
    console.log(
      `${`downloads per product type (${productStages.length})`.padEnd(40)}${runs.map((r) => summary(r).padStart(col)).join('')}`,
    );
  }
}
const astroPages = (r: Run) => {
  const p = r.stages.find((s) => s.name === 'Site (Astro)')?.pages;
  return p ? `${p.rendered} of ${p.total}` : '-';
};
console.log(`${'  pages rendered (the rest kept)'.padEnd(40)}${runs.map((r) => astroPages(r).padStart(col)).join('')}`);
const peak = (r: Run, p?: string) =>
  Math.max(0, ...r.stages.filter((s) => s.process === p && !s.cached).map((s) => s.peakRssMB));
console.log(`${'peak memory: build process'.padEnd(40)}${runs.map((r) => `${peak(r)} MB`.padStart(col)).join('')}`);
for (const p of ['model', 'downloads', 'links'])
  console.log(
    `${`peak memory: ${p} process`.padEnd(40)}${runs.map((r) => (peak(r, p) ? `${peak(r, p)} MB` : '-').padStart(col)).join('')}`,
  );
console.log(
  `${'whole npm run build (child process)'.padEnd(40)}${runs.map((r) => sec(r.wall).padStart(col)).join('')}`,
);
if (rounds.length > 1) {
  const range = (i: number) => {
    const w = rounds.map((rs) => rs[i]!.wall / 1000);
    return `${Math.min(...w).toFixed(1)}–${Math.max(...w).toFixed(1)} s`;
  };
  console.log(
    `${`range over ${rounds.length} rounds`.padEnd(40)}${runs.map((_, i) => range(i).padStart(col)).join('')}`,
  );
}
console.log(
  `targets: cold at most 12 s, one guide edited at most 8 s, peak memory at most 700 MB (each process); load average before ${loadBefore}, after ${load()}`,
);

const html = (readdirSync(out, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
const controlPages = html.filter((f) => /^controls\/[a-z]{2}-[\d.]+\/index\.html$/.test(f));
const astro = rounds[0]![0]!.stages.find((s) => s.name.startsWith('Site'))!;
const modelJson = join(dir, 'cache/model/model.json');

// Where Astro's time goes: a second, standalone Astro run over the same model, with its own phase timings.
// Its content store (node_modules/.astro) is emptied first: entries read from an earlier copy of the guides keep that copy's path.
const phases = (() => {
  rmSync(join(projectRoot, 'node_modules/.astro'), { recursive: true, force: true });
  const a = spawnSync(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', join(dir, 'astro-phases')],
    {
      cwd: projectRoot,
      env: {
        ...process.env,
        IOT_MODEL_JSON: modelJson,
        IOT_CONTENT_DIR: guides,
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
      },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const log = `${a.stdout}\n${a.stderr}`;
  const secs = (t: string | undefined) =>
    t === undefined ? NaN : t.endsWith('ms') ? Number(t.slice(0, -2)) / 1000 : Number(t.slice(0, -1));
  const bundles = [...log.matchAll(/\[vite\] ✓ built in ([\d.]+m?s)/g)].map((m) => secs(m[1]));
  return {
    ok: a.status === 0,
    setup: secs(/Collecting build info\.\.\.\s*\n.*?✓ Completed in ([\d.]+m?s)/.exec(log)?.[1]),
    serverBundle: bundles[0] ?? NaN,
    clientBundle: bundles[1] ?? NaN,
    generation: secs(/generating static routes[\s\S]*?\n[^\n]*?✓ Completed in ([\d.]+m?s)/.exec(log)?.[1]),
    total: secs(/page\(s\) built in ([\d.]+m?s)/.exec(log)?.[1]),
  };
})();

// Page weight: gzipped HTML plus the CSS it links.
const cssGz = new Map<string, number>();
const weight = (file: string) => {
  const text = readFileSync(join(out, file), 'utf8');
  let total = gzipSync(text).length;
  for (const m of text.matchAll(/<link[^>]+href="\/(_astro\/[^"]+\.css)"/g)) {
    if (!cssGz.has(m[1]!)) cssGz.set(m[1]!, gzipSync(readFileSync(join(out, m[1]!))).length);
    total += cssGz.get(m[1]!)!;
  }
  return total;
};
const weights = controlPages.map(weight).sort((a, b) => a - b);
const scriptsOnControlPages = controlPages.filter((f) => /<script/.test(readFileSync(join(out, f), 'utf8'))).length;

// Search bytes, measured in Chromium when it is installed.
let search = 'Chromium not installed: search bytes not measured';
if (existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
  const { serve } = await import('../test/support/static-server.ts');
  const { launchBrowser } = await import('../test/support/browser.ts');
  const site = await serve(out);
  const browser = await launchBrowser();
  const page = await (await browser.newContext()).newPage();
  // Every response's body, awaited before counting: a count taken while bodies still arrive is short.
  let bodies: Promise<number>[] = [];
  page.on('response', (res) => {
    if (res.url().includes('/pagefind/') || res.url().includes('/search-ids/'))
      bodies.push(
        res.body().then(
          (b) => b.length,
          () => 0,
        ),
      );
  });
  // The first query's count includes what the page loaded on opening (Pagefind, its filters).
  // The status line is written after the results (and their fragments) have been fetched.
  const status = page.locator('#search-status');
  const query = async (q: string, done: RegExp) => {
    const before = await status.textContent();
    await page.locator('#search-input').fill(q);
    await page.waitForFunction(
      ([prev, re]) => {
        const t = document.querySelector('#search-status')?.textContent ?? '';
        return t !== prev && new RegExp(re).test(t);
      },
      [before, done.source] as const,
    );
    const n = (await Promise.all(bodies)).reduce((a, b) => a + b, 0);
    bodies = [];
    return n;
  };
  await page.goto(site.url('search/?jump=no'));
  await status.filter({ hasText: 'Type words' }).waitFor();
  const first = await query('account', /\d+ results?\./);
  const later = await query('firmware integrity', /\d+ results?\./);
  const id = await query('IA-3', /ia-3 is first/);
  search = `first query (words) fetches ${(first / 1024).toFixed(0)} KB of Pagefind, a later one ${(later / 1024).toFixed(0)} KB, an id query ${(id / 1024).toFixed(1)} KB (uncompressed bodies, the search page itself not counted)`;
  await browser.close();
  await site.close();
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(
  `\npages: ${html.length} (${controlPages.length} control pages); Astro stage of the cold build ${(html.length / (astro.ms / 1000)).toFixed(0)} pages/s`,
);
if (phases.ok) {
  console.log(
    `Astro's phases (standalone run): setup ${phases.setup.toFixed(1)} s, server bundle ${phases.serverBundle.toFixed(1)} s, client bundle ${phases.clientBundle.toFixed(2)} s, page generation ${phases.generation.toFixed(1)} s (${(html.length / phases.generation).toFixed(0)} pages/s), total ${phases.total.toFixed(1)} s`,
  );
} else console.log("Astro's phases: the standalone run failed");
console.log(
  `control page weight (gzip, HTML + CSS): median ${kb(weights[Math.floor(weights.length / 2)]!)}, largest ${kb(weights.at(-1)!)}; control pages with a <script>: ${scriptsOnControlPages}`,
);
// Product pages: one impact level per page (targets: under 100 KB of HTML and 2,000 elements).
const levelPages = html.filter((f) => /^products\/[a-z0-9-]+\/(low|moderate|high)\/index\.html$/.test(f));
const levelSizes = levelPages.map((f) => {
  const t = readFileSync(join(out, f), 'utf8');
  return { f, bytes: Buffer.byteLength(t), elements: (t.match(/<[a-zA-Z]/g) ?? []).length };
});
const biggest = levelSizes.reduce(
  (a, b) => (b.bytes > a.bytes ? b : a),
  levelSizes[0] ?? { f: '-', bytes: 0, elements: 0 },
);
const most = levelSizes.reduce(
  (a, b) => (b.elements > a.elements ? b : a),
  levelSizes[0] ?? { f: '-', bytes: 0, elements: 0 },
);
console.log(
  `product level pages: ${levelPages.length}; largest ${kb(biggest.bytes)} of HTML (${biggest.f}), most elements ${most.elements} (${most.f}); targets under 100 KB and 2,000`,
);
console.log(`search: ${search}`);
rmSync(dir, { recursive: true, force: true });
