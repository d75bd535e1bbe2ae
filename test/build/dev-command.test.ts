/**
 * `npm run dev`: Astro's dev server over the model. An edit of the catalog data
 * shows on the next request; an edit with a problem prints it (file, line, hint)
 * and the last good model stays served. Runs on a copy of catalog/ (IOT_CATALOG_DIR).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/lib/paths.ts';
import { requireSourcesDir } from '../support/real-sources.ts';
import { shellEnv } from '../support/run-build.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const tempDir = useTempDirs();
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill();
});

const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => ok(p));
    });
  });

describe('npm run dev', () => {
  it('serves the pages, and shows an edit of catalog/ on the next request; a bad edit is reported and the last good model kept', async () => {
    const dir = tempDir();
    const catalog = join(dir, 'catalog');
    cpSync(join(projectRoot, 'catalog'), catalog, { recursive: true });
    const port = await freePort();
    child = spawn(process.execPath, ['scripts/dev.ts'], {
      cwd: projectRoot,
      env: {
        ...shellEnv(),
        NIST_SOURCES_DIR: requireSourcesDir(),
        IOT_CACHE_DIR: join(dir, 'cache'),
        IOT_CATALOG_DIR: catalog,
        PORT: String(port),
        FORCE_COLOR: '0',
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let said = '';
    child.stdout!.on('data', (b) => (said += b));
    child.stderr!.on('data', (b) => (said += b));
    await expect.poll(() => said, { timeout: 60_000, interval: 250 }).toContain(`localhost:${port}`);
    const terms = async () =>
      /Also searched as: ([^<]*)\./.exec(await (await fetch(`http://localhost:${port}/capabilities/su/`)).text())?.[1];
    await expect(terms()).resolves.toBe('firmware update');

    const file = join(catalog, 'search-terms.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      original.replace(
        '  - term: firmware update\n',
        '  - term: firmware upgrade\n    records: [SU]\n    why: A term added while the dev server runs.\n  - term: firmware update\n',
      ),
    );
    await expect.poll(terms, { timeout: 30_000, interval: 250 }).toBe('firmware upgrade, firmware update');

    writeFileSync(file, original.replace('records: [SU, SU-1.1', 'records: [SUU, SU-1.1'));
    await expect
      .poll(() => said, { timeout: 30_000, interval: 250 })
      .toMatch(
        /catalog\/search-terms\.yaml \(line \d+ \(terms\[0\]\.records\[0\]\)\): unknown SP 800-213A record "SUU"\s+hint: did you mean "SU"/,
      );
    await expect(terms()).resolves.toBe('firmware upgrade, firmware update');
  }, 120_000);
});
