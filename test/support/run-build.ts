/** Runs `npm run build` (scripts/build.ts) in a child process, as a user's shell would. */
import { spawnSync } from 'node:child_process';
import { projectRoot } from '../../src/lib/paths.ts';

/** The environment of a user's shell: without what vitest adds (BASE_URL, MODE…), which would leak into Astro. */
export function shellEnv(): NodeJS.ProcessEnv {
  const vitestKeys = /^(BASE_URL|MODE|DEV|PROD|SSR|VITEST.*|TEST)$/;
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !vitestKeys.test(k)));
}

export function runBuild(
  env: Record<string, string>,
  args: string[] = [],
): { code: number | string | null; out: string } {
  const r = spawnSync(process.execPath, ['scripts/build.ts', ...args], {
    cwd: projectRoot,
    env: { ...shellEnv(), FORCE_COLOR: '0', NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: 300_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? r.signal, out: `${r.stdout}\n${r.stderr}${r.error ? `\n${r.error.message}` : ''}` };
}
