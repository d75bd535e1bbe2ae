/** Runs a build step: prints problems (file, place, hint) and exits 1 on failure. */
import pc from 'picocolors';
import { ProblemsError, formatProblems } from '../src/lib/problems.ts';

export async function runCli(name: string, step: () => Promise<void>): Promise<void> {
  const started = performance.now();
  try {
    await step();
    console.log(pc.green(`${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`));
  } catch (e) {
    if (e instanceof ProblemsError) {
      console.error(pc.red(formatProblems(e.stage, e.problems, { color: true })));
    } else {
      console.error(pc.red(`${name} failed:`), e);
    }
    process.exitCode = 1;
  }
}

/**
 * Stage timings of this run: wall time, peak memory (of the process that ran the stage, when the stage ended),
 * whether the stage's cached outputs were used, and what it ran beside.
 */
export interface StageStat {
  name: string;
  ms: number;
  peakRssMB: number;
  cached?: boolean;
  beside?: string;
  process?: string;
  /** The Astro stage: pages rendered, of all pages (the others kept from the last build). */
  pages?: { rendered: number; total: number };
}
export const stages: StageStat[] = [];
let current: { name: string; started: number } | undefined;

export const peakRssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

function endStage(): void {
  if (!current) return;
  stages.push({ name: current.name, ms: Math.round(performance.now() - current.started), peakRssMB: peakRssMB() });
  current = undefined;
}

export function step(n: number, total: number, what: string): void {
  endStage();
  current = { name: what, started: performance.now() };
  console.log(pc.bold(`[${n}/${total}] ${what}`));
}

/** Prints a stage's heading without timing it (the caller records it with `record`). */
export function heading(n: number, total: number, what: string): void {
  endStage();
  console.log(pc.bold(`[${n}/${total}] ${what}`));
}

export function record(stat: StageStat): void {
  stages.push(stat);
}

/** Ends the last stage; prints the timings, and writes them as JSON where BUILD_STATS_JSON names a file. */
export async function reportStages(extra: Record<string, unknown> = {}): Promise<void> {
  endStage();
  const peak = Math.max(...stages.map((s) => s.peakRssMB));
  console.log(
    pc.dim(
      `  stages: ${stages.map((s) => `${s.name} ${(s.ms / 1000).toFixed(1)} s${s.cached ? ' (cached)' : ''}`).join(', ')}; peak memory ${peak} MB`,
    ),
  );
  if (process.env.BUILD_STATS_JSON) {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(process.env.BUILD_STATS_JSON, JSON.stringify({ stages, ...extra }, null, 2));
  }
}
