/**
 * The stage cache (src/lib/build/stages.ts) on fixture folders: a stage runs
 * once and is then reused while its inputs, code and values stay the same;
 * any change of them runs it again; --force always runs it; a failing run
 * leaves the previous entry (and what was built from it) as it was.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StageCache, codeFiles, linkTree, runStage, stageKey } from '../../src/lib/build/stages.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const tempDir = useTempDirs();

function fixture() {
  const dir = tempDir();
  mkdirSync(join(dir, 'src/util'), { recursive: true });
  mkdirSync(join(dir, 'inputs/sub'), { recursive: true });
  writeFileSync(join(dir, 'inputs/a.txt'), 'alpha\n');
  writeFileSync(join(dir, 'inputs/sub/b.txt'), 'beta\n');
  writeFileSync(
    join(dir, 'src/writer.ts'),
    "import { upper } from './util/upper.ts';\nexport const write = (s: string) => upper(s);\n",
  );
  writeFileSync(join(dir, 'src/util/upper.ts'), 'export const upper = (s: string) => s.toUpperCase();\n');
  writeFileSync(join(dir, 'src/unrelated.ts'), 'export const x = 1;\n');
  return dir;
}

/** A stage that concatenates the inputs in upper case; counts its runs. */
function upperStage(dir: string, options: { force?: boolean; values?: Record<string, string> } = {}) {
  const cache = new StageCache(join(dir, 'cache'), { force: options.force });
  const key = stageKey({
    files: [join(dir, 'inputs'), ...codeFiles([join(dir, 'src/writer.ts')])],
    values: options.values ?? { date: 'day 2026-12-01' },
  });
  return { cache, key };
}

describe('stage cache', () => {
  it("follows the relative imports of a stage's code, and nothing else", () => {
    const dir = fixture();
    expect(codeFiles([join(dir, 'src/writer.ts')])).toEqual([
      join(dir, 'src/util/upper.ts'),
      join(dir, 'src/writer.ts'),
    ]);
  });

  it('runs a stage once, then reuses its output while nothing changed; a changed input, code file or value runs it again', async () => {
    const dir = fixture();
    let runs = 0;
    const run = async (out: string) => {
      runs++;
      await writeFile(
        join(out, 'out.txt'),
        (
          readFileSync(join(dir, 'inputs/a.txt'), 'utf8') + readFileSync(join(dir, 'inputs/sub/b.txt'), 'utf8')
        ).toUpperCase(),
      );
    };
    const go = (o?: Parameters<typeof upperStage>[1]) => {
      const { cache, key } = upperStage(dir, o);
      return runStage(cache, 'upper', key, run);
    };

    const first = await go();
    expect(first.cached).toBe(false);
    expect(readFileSync(join(first.dir, 'out.txt'), 'utf8')).toBe('ALPHA\nBETA\n');
    const inode = statSync(join(first.dir, 'out.txt')).ino;

    // Hit: a new cache object (a new build) reads the manifest; the same file is used.
    const again = await go();
    expect(again).toMatchObject({ cached: true, dir: first.dir });
    expect(statSync(join(again.dir, 'out.txt')).ino).toBe(inode);
    expect(runs).toBe(1);

    // A file the stage does not import changes nothing.
    writeFileSync(join(dir, 'src/unrelated.ts'), 'export const x = 2;\n');
    expect((await go()).cached).toBe(true);

    // Miss on an input file.
    writeFileSync(join(dir, 'inputs/sub/b.txt'), 'gamma\n');
    const changed = await go();
    expect(changed.cached).toBe(false);
    expect(readFileSync(join(changed.dir, 'out.txt'), 'utf8')).toBe('ALPHA\nGAMMA\n');
    expect(runs).toBe(2);

    // Miss on a code file the stage imports (through another module).
    writeFileSync(join(dir, 'src/util/upper.ts'), "export const upper = (s: string) => s.toLocaleUpperCase('en');\n");
    expect((await go()).cached).toBe(false);
    expect(runs).toBe(3);

    // Miss on a value (here the build date).
    expect((await go({ values: { date: 'day 2026-12-02' } })).cached).toBe(false);
    expect(runs).toBe(4);
    expect((await go({ values: { date: 'day 2026-12-02' } })).cached).toBe(true);

    // --force runs it although it is cached, and its run becomes the entry.
    expect((await go({ values: { date: 'day 2026-12-02' }, force: true })).cached).toBe(false);
    expect(runs).toBe(5);
    expect((await go({ values: { date: 'day 2026-12-02' } })).cached).toBe(true);
  });

  it('a failing run leaves the previous entry, and a site linked from it, as they were', async () => {
    const dir = fixture();
    const { cache, key } = upperStage(dir);
    const good = await runStage(cache, 'upper', key, async (out) => writeFile(join(out, 'out.txt'), 'GOOD\n'));
    const site = join(dir, 'site');
    await linkTree(good.dir, site);

    writeFileSync(join(dir, 'inputs/a.txt'), 'changed\n');
    const next = upperStage(dir);
    let runDir = '';
    await expect(
      runStage(next.cache, 'upper', next.key, async (out) => {
        runDir = out;
        await writeFile(join(out, 'out.txt'), 'HALF WRITTEN');
        throw new Error('the writer failed');
      }),
    ).rejects.toThrow('the writer failed');
    // The half-written run is gone; the entry is still the good one, for its own key, and the site unchanged.
    expect(() => statSync(runDir)).toThrow();
    expect(readFileSync(join(site, 'out.txt'), 'utf8')).toBe('GOOD\n');
    const manifest = JSON.parse(readFileSync(join(dir, 'cache/manifest.json'), 'utf8'));
    expect(manifest.stages.upper.key).toBe(key);
    // Inputs put back: the good entry is a hit again.
    writeFileSync(join(dir, 'inputs/a.txt'), 'alpha\n');
    const restored = upperStage(dir);
    expect(restored.key).toBe(key);
    const hit = await runStage(restored.cache, 'upper', restored.key, async () => {
      throw new Error('not run');
    });
    expect(hit.cached).toBe(true);
    expect(readFileSync(join(hit.dir, 'out.txt'), 'utf8')).toBe('GOOD\n');

    // A run a killed build left behind is swept at the next start; entries stay.
    const left = await restored.cache.begin('upper');
    await restored.cache.sweep();
    expect(() => statSync(left)).toThrow();
    expect(readFileSync(join(hit.dir, 'out.txt'), 'utf8')).toBe('GOOD\n');
  });

  it("links a stage's files into the site: the same inode, the same bytes", async () => {
    const dir = fixture();
    const { cache, key } = upperStage(dir);
    const r = await runStage(cache, 'upper', key, async (out) => {
      mkdirSync(join(out, 'downloads/deep'), { recursive: true });
      await writeFile(join(out, 'downloads/deep/f.csv'), 'a,b\n');
    });
    const site = join(dir, 'site');
    expect(await linkTree(r.dir, site)).toBe(1);
    expect(statSync(join(site, 'downloads/deep/f.csv')).ino).toBe(statSync(join(r.dir, 'downloads/deep/f.csv')).ino);
  });
});
