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

export const step = (n: number, total: number, what: string) => console.log(pc.bold(`[${n}/${total}] ${what}`));
