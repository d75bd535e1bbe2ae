/**
 * One Astro build at a time per project folder. Astro keeps its generated
 * modules (content modules, prerender chunks) in `<root>/.astro/`, whatever the
 * output and cache folders; two builds of one checkout at the same time (say,
 * with different IOT_CONTENT_DIR) would overwrite each other's. The lock is a
 * folder holding the owner's pid; a lock whose process is gone is taken over.
 */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export async function withProjectLock<T>(
  dir: string,
  run: () => Promise<T>,
  onWait: () => void = () => {},
): Promise<T> {
  const lock = join(dir, 'build.lock');
  await mkdir(dir, { recursive: true });
  let waited = false;
  for (;;) {
    try {
      await mkdir(lock);
      await writeFile(join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(await readFile(join(lock, 'pid'), 'utf8').catch(() => ''));
      const age = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      // Gone: its process ended, or it never wrote its pid (a crash between the two steps above).
      if ((pid && !alive(pid)) || (!pid && age > 10_000)) {
        await rm(lock, { recursive: true, force: true });
        continue;
      }
      if (!waited) onWait();
      waited = true;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await run();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}
