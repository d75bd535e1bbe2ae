/**
 * Runs one function of a module in a child process: its own memory (the
 * build's peak is per process) and its own core. The child imports `module`,
 * calls `fn(...args)` and sends back the result (JSON) and its peak memory;
 * a ProblemsError comes back as one, with its problems.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Problem, ProblemsError } from '../problems.ts';

type Reply =
  | { type: 'ok'; result: unknown; peakRssMB: number }
  | { type: 'problems'; stage: string; problems: Problem[] }
  | { type: 'error'; message: string };

const SELF = fileURLToPath(import.meta.url);

export function inChild<T>(
  module: string,
  fn: string,
  args: unknown[] = [],
  signal?: AbortSignal,
): Promise<{ result: T; peakRssMB: number }> {
  return new Promise((ok, fail) => {
    const child = fork(SELF, ['--child'], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      ...(signal ? { signal } : {}),
    });
    let reply: Reply | undefined;
    child.on('message', (m: Reply) => (reply = m));
    child.on('error', (e) => fail(e));
    child.on('exit', (code, sig) => {
      if (reply?.type === 'ok') ok({ result: reply.result as T, peakRssMB: reply.peakRssMB });
      else if (reply?.type === 'problems') fail(new ProblemsError(reply.stage, reply.problems));
      else if (reply?.type === 'error') fail(new Error(reply.message));
      else fail(new Error(`${fn} (${module}) ended with ${sig ?? `exit code ${code}`}`));
    });
    child.send({ module, fn, args });
  });
}

if (process.argv[2] === '--child' && process.send) {
  process.once('message', async (m: { module: string; fn: string; args: unknown[] }) => {
    const send = (r: Reply) => new Promise<void>((done) => process.send!(r, () => done()));
    try {
      const mod = (await import(m.module)) as Record<string, (...a: unknown[]) => unknown>;
      const result = await mod[m.fn]!(...m.args);
      await send({ type: 'ok', result: result ?? null, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) });
      process.exit(0);
    } catch (e) {
      await send(
        e instanceof ProblemsError
          ? { type: 'problems', stage: e.stage, problems: e.problems }
          : { type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) },
      );
      process.exit(1);
    }
  });
}
