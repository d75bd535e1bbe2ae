/**
 * Benchmark: fetching the pinned sources, then importing and validating the
 * model from them. Prints wall times (first run and median of the rest) and
 * the process's peak memory. Run with `npm run bench` (NIST_SOURCES_DIR set,
 * or the sources already cached). Target: sources + import + validation < 5 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildModel } from '../src/lib/model/build-model.ts';
import { nistSourcesDir, paths } from '../src/lib/paths.ts';
import { fetchSources } from '../src/lib/sources/fetch-sources.ts';
import { loadSourceManifest } from '../src/lib/sources/source-manifest.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const manifest = loadSourceManifest(paths.sourceManifest);
const sourcesDir = nistSourcesDir();

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await fn();
  return [performance.now() - t, r];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;

const rows: { step: string; first: number; rest: number[] }[] = [];
const record = (step: string, i: number, t: number) => {
  let r = rows.find((x) => x.step === step);
  if (!r) {
    r = { step, first: t, rest: [] };
    rows.push(r);
  } else if (i > 0) r.rest.push(t);
};

for (let i = 0; i < RUNS; i++) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'iot-bench-'));
  try {
    const [cold] = await time(() => fetchSources(manifest, { cacheDir, sourcesDir: sourcesDir ?? paths.sourcesCache }));
    const [warm] = await time(() => fetchSources(manifest, { cacheDir, sourcesDir }));
    const [model, m] = await time(() =>
      buildModel({ manifest, sourcesRoot: cacheDir, capabilitiesPath: paths.capabilities }),
    );
    record('sources, empty cache (copy + sha256)', i, cold);
    record('sources, warm cache (sha256 only)', i, warm);
    record('import + validate model', i, model);
    record('total (empty cache)', i, cold + model);
    if (i === 0)
      console.log(
        `model: ${m.controls.length} controls, ${m.elements.length} elements, ${m.subElements.length} sub-elements, ${m.findings.length} findings`,
      );
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

console.log(`\n${'step'.padEnd(40)}  first run   median of ${RUNS - 1} more`);
for (const r of rows) console.log(`${r.step.padEnd(40)}  ${ms(r.first)}   ${r.rest.length ? ms(median(r.rest)) : '-'}`);
console.log(`\npeak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log(`node ${process.version}, ${RUNS} runs`);
