/**
 * Benchmark of the whole build over the real data: wall time and peak memory of
 * each stage of `npm run build`, pages per second, the page stage against a
 * plain string-template writer producing the same control pages (checked byte
 * for byte), Astro's own phases, page weight (gzipped, with CSS) and the bytes
 * a first, a later and an id search fetch.
 * Prints figures; asserts nothing. Run with `npm run bench:site`.
 * Targets: build < 30 s, page stage within 4x of the floor, peak memory < 1 GB,
 * median control page < 12 KB gz (largest < 30 KB), first search < 160 KB, later < 60 KB.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Model } from '../src/lib/model/schemas/model.ts';
import { nistSourcesDir, paths, projectRoot } from '../src/lib/paths.ts';
import { catalogIndex } from '../src/lib/site/catalog-index.ts';
import { writeControlPagesFloor } from './control-page-floor.ts';

const dir = mkdtempSync(join(tmpdir(), 'iot-site-bench-'));
const out = join(dir, 'dist');
const statsFile = join(dir, 'stats.json');
const sourcesDir = nistSourcesDir() ?? paths.sourcesCache;

const started = performance.now();
const r = spawnSync(process.execPath, ['scripts/build.ts'], {
  cwd: projectRoot,
  env: { ...process.env, NIST_SOURCES_DIR: sourcesDir, IOT_CACHE_DIR: join(dir, 'cache'), IOT_OUT_DIR: out, BUILD_STATS_JSON: statsFile, NO_COLOR: '1' },
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
const wall = performance.now() - started;
if (r.status !== 0) {
  console.error(r.stdout.slice(-3000), r.stderr.slice(-3000));
  process.exit(1);
}
const { stages } = JSON.parse(readFileSync(statsFile, 'utf8')) as { stages: { name: string; ms: number; peakRssMB: number }[] };

const html = (readdirSync(out, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
const controlPages = html.filter((f) => /^controls\/[a-z]{2}-[\d.]+\/index\.html$/.test(f));
const astro = stages.find((s) => s.name.startsWith('Site'))!;

// The floor: the same control pages from plain template strings, in this process (median of three runs),
// checked byte for byte against the pages the build wrote.
const model = JSON.parse(readFileSync(join(dir, 'cache/model/model.json'), 'utf8')) as Model;
const index = catalogIndex(model);
const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(readFileSync(join(out, 'controls/ac-2/index.html'), 'utf8'))?.[1] ?? '';
const floorRuns: number[] = [];
let floorFiles: string[] = [];
for (let run = 0; run < 3; run++) {
  const floorDir = join(dir, `floor-${run}`);
  const t0 = performance.now();
  floorFiles = writeControlPagesFloor(index, floorDir, { base: '/', stylesheet });
  floorRuns.push(performance.now() - t0);
}
const floorMs = floorRuns.sort((a, b) => a - b)[1]!;
const identical = floorFiles.filter((f) => readFileSync(join(dir, 'floor-0', f), 'utf8') === readFileSync(join(out, f), 'utf8')).length;
const astroControlsMs = (astro.ms * controlPages.length) / html.length;

// Where Astro's time goes: a second, standalone Astro run over the same model, with its own phase timings.
const phases = (() => {
  const a = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', join(dir, 'astro-phases')], {
    cwd: projectRoot,
    env: { ...process.env, IOT_MODEL_JSON: join(dir, 'cache/model/model.json'), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const log = `${a.stdout}\n${a.stderr}`;
  const secs = (t: string | undefined) => (t === undefined ? NaN : t.endsWith('ms') ? Number(t.slice(0, -2)) / 1000 : Number(t.slice(0, -1)));
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
    if (res.url().includes('/pagefind/') || res.url().includes('/search-ids/')) bodies.push(res.body().then((b) => b.length, () => 0));
  });
  // The first query's count includes what the page loaded on opening (Pagefind, its filters).
  // The status line is written after the results (and their fragments) have been fetched.
  const status = page.locator('#search-status');
  const query = async (q: string, done: RegExp) => {
    const before = await status.textContent();
    await page.locator('#search-input').fill(q);
    await page.waitForFunction(([prev, re]) => { const t = document.querySelector('#search-status')?.textContent ?? ''; return t !== prev && new RegExp(re).test(t); }, [before, done.source] as const);
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
console.log('stage                                  wall      peak memory');
for (const s of stages) console.log(`${s.name.padEnd(38)} ${(s.ms / 1000).toFixed(1).padStart(5)} s  ${String(s.peakRssMB).padStart(6)} MB`);
console.log(`${'whole npm run build (child process)'.padEnd(38)} ${(wall / 1000).toFixed(1).padStart(5)} s  ${String(Math.max(...stages.map((s) => s.peakRssMB))).padStart(6)} MB`);
console.log(`\npages: ${html.length} (${controlPages.length} control pages); Astro stage ${(html.length / (astro.ms / 1000)).toFixed(0)} pages/s`);
console.log(`page stage vs string-template floor for the control pages: ${astroControlsMs.toFixed(0)} ms (the Astro stage's share by page count) vs ${floorMs.toFixed(0)} ms = ${(astroControlsMs / floorMs).toFixed(1)}x`);
console.log(`  the floor's pages identical to the built ones: ${identical} of ${floorFiles.length}; floor runs ${floorRuns.map((ms) => ms.toFixed(0)).join(', ')} ms`);
if (phases.ok) {
  const generationControls = (phases.generation * 1000 * controlPages.length) / html.length;
  console.log(`Astro's phases (standalone run): setup ${phases.setup.toFixed(1)} s, server bundle ${phases.serverBundle.toFixed(1)} s, client bundle ${phases.clientBundle.toFixed(2)} s, page generation ${phases.generation.toFixed(1)} s (${(html.length / phases.generation).toFixed(0)} pages/s), total ${phases.total.toFixed(1)} s`);
  console.log(`  page generation alone vs the floor for the control pages: ${generationControls.toFixed(0)} ms vs ${floorMs.toFixed(0)} ms = ${(generationControls / floorMs).toFixed(1)}x`);
} else console.log("Astro's phases: the standalone run failed");
console.log(`control page weight (gzip, HTML + CSS): median ${kb(weights[Math.floor(weights.length / 2)]!)}, largest ${kb(weights.at(-1)!)}; control pages with a <script>: ${scriptsOnControlPages}`);
// Product pages: one impact level per page (targets: under 100 KB of HTML and 2,000 elements).
const levelPages = html.filter((f) => /^products\/[a-z0-9-]+\/(low|moderate|high)\/index\.html$/.test(f));
const levelSizes = levelPages.map((f) => { const t = readFileSync(join(out, f), 'utf8'); return { f, bytes: Buffer.byteLength(t), elements: (t.match(/<[a-zA-Z]/g) ?? []).length }; });
const biggest = levelSizes.reduce((a, b) => (b.bytes > a.bytes ? b : a), levelSizes[0] ?? { f: '-', bytes: 0, elements: 0 });
const most = levelSizes.reduce((a, b) => (b.elements > a.elements ? b : a), levelSizes[0] ?? { f: '-', bytes: 0, elements: 0 });
console.log(`product level pages: ${levelPages.length}; largest ${kb(biggest.bytes)} of HTML (${biggest.f}), most elements ${most.elements} (${most.f}); targets under 100 KB and 2,000`);
console.log(`search: ${search}`);
rmSync(dir, { recursive: true, force: true });
