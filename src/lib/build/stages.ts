/**
 * The build's stage cache. A stage's key is a SHA-256 over what it reads: files
 * (sorted paths and bytes), the code it runs (the modules it imports, found by
 * following relative imports, and package-lock.json for the packages) and
 * values (upstream keys, the build date, the base path). The manifest
 * (`<root>/manifest.json`) records the key and output folder of each stage's
 * last successful run; a stage whose key matches is not run, its folder is
 * used as it is. A stage writes into a fresh folder that becomes its entry only
 * once it succeeded, so a failed run leaves the previous entry in place.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';

export interface KeyInputs {
  /** Files or folders (walked; folders named node_modules, dist or .cache are skipped). */
  files?: string[];
  /** Named values that change the output: upstream keys, dates, options. */
  values?: Record<string, string>;
}

const SKIPPED = new Set(['node_modules', 'dist', '.cache', '.astro', '.git']);

/** Every file under `path` (or `path` itself), sorted; a missing path is named as missing. */
export function listFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  const out: string[] = [];
  for (const e of readdirSync(path, { withFileTypes: true })) {
    if (SKIPPED.has(e.name)) continue;
    const p = join(path, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (e.isFile()) out.push(p);
  }
  return out.sort();
}

export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** The key of a stage: SHA-256 over its sorted input paths and their bytes, then its sorted values. */
export function stageKey(inputs: KeyInputs): string {
  const h = createHash('sha256');
  const files = [
    ...new Set(
      (inputs.files ?? []).flatMap((f) => (existsSync(f) ? listFiles(resolve(f)) : [`missing:${resolve(f)}`])),
    ),
  ].sort();
  for (const f of files) {
    h.update(`file ${f}\0`);
    h.update(f.startsWith('missing:') ? '' : readFileSync(f));
    h.update('\0');
  }
  for (const [k, v] of Object.entries(inputs.values ?? {}).sort(([a], [b]) => a.localeCompare(b)))
    h.update(`value ${k}=${v}\0`);
  return h.digest('hex');
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** The modules `entries` run: the entries and every file reached through relative imports. */
export function codeFiles(entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    if (!/\.(ts|mts|js|mjs)$/.test(file)) return;
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) visit(resolve(dirname(file), m[1]!));
  };
  for (const e of entries) visit(resolve(e));
  return [...seen].sort();
}

interface Entry {
  key: string;
  dir: string;
  finished: string;
}

/** The stage cache under `root` (the build uses `.cache/stages`). */
export class StageCache {
  readonly root: string;
  readonly force: boolean;
  private manifest: Record<string, Entry>;
  private writes: Promise<void> = Promise.resolve();

  constructor(root: string, options: { force?: boolean } = {}) {
    this.root = root;
    this.force = options.force ?? false;
    const file = join(root, 'manifest.json');
    try {
      this.manifest = (JSON.parse(readFileSync(file, 'utf8')) as { stages: Record<string, Entry> }).stages;
    } catch {
      this.manifest = {};
    }
  }

  /** The output folder of the last successful run of `name` when it had this key (never under --force). */
  lookup(name: string, key: string): string | undefined {
    const e = this.manifest[name];
    if (this.force || !e || e.key !== key) return undefined;
    const dir = join(this.root, e.dir);
    return existsSync(dir) ? dir : undefined;
  }

  /** Removes the folders of runs that never finished (a build killed midway); one build at a time uses a cache. */
  async sweep(): Promise<void> {
    if (!existsSync(this.root)) return;
    for (const stage of await readdir(this.root, { withFileTypes: true })) {
      if (!stage.isDirectory()) continue;
      for (const e of await readdir(join(this.root, stage.name)))
        if (e.startsWith('run-')) await rm(join(this.root, stage.name, e), { recursive: true, force: true });
    }
  }

  /** A fresh, empty folder for a run of `name`. */
  async begin(name: string): Promise<string> {
    const dir = join(
      this.root,
      name,
      `run-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    );
    await mkdir(dir, { recursive: true });
    return dir;
  }

  /** Makes a finished run the entry of `name` for `key`; the previous entry's folder is removed. */
  async commit(name: string, key: string, runDir: string): Promise<string> {
    const dir = join(this.root, name, `out-${key.slice(0, 20)}`);
    const previous = this.manifest[name];
    await rm(dir, { recursive: true, force: true });
    await rename(runDir, dir);
    this.manifest[name] = { key, dir: relative(this.root, dir), finished: new Date().toISOString() };
    await this.save();
    if (previous && previous.dir !== this.manifest[name]!.dir)
      await rm(join(this.root, previous.dir), { recursive: true, force: true });
    return dir;
  }

  /** Drops a failed run's folder; the stage's entry stays as it was. */
  async abort(runDir: string): Promise<void> {
    await rm(runDir, { recursive: true, force: true });
  }

  private save(): Promise<void> {
    this.writes = this.writes.then(async () => {
      await mkdir(this.root, { recursive: true });
      const file = join(this.root, 'manifest.json');
      await writeFile(`${file}.tmp`, `${JSON.stringify({ stages: this.manifest }, null, 2)}\n`);
      await rename(`${file}.tmp`, file);
    });
    return this.writes;
  }
}

export interface StageResult {
  dir: string;
  cached: boolean;
  key: string;
}

/** Runs a stage unless the cache holds its key: `run` writes into the folder it is given. */
export async function runStage(
  cache: StageCache,
  name: string,
  key: string,
  run: (dir: string) => Promise<void>,
): Promise<StageResult> {
  const hit = cache.lookup(name, key);
  if (hit) return { dir: hit, cached: true, key };
  const dir = await cache.begin(name);
  try {
    await run(dir);
  } catch (e) {
    await cache.abort(dir);
    throw e;
  }
  return { dir: await cache.commit(name, key, dir), cached: false, key };
}

/**
 * Puts the files of `from` into `to` as hard links (copies across file systems):
 * the cache's entries are never written again once committed, so the published
 * site can share their bytes. A file already in `to` is replaced. Synchronous
 * calls: thousands of links each waiting for the thread pool took a second.
 */
export function linkTree(from: string, to: string): number {
  let n = 0;
  mkdirSync(to, { recursive: true });
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const src = join(from, e.name);
    const dst = join(to, e.name);
    if (e.isDirectory()) n += linkTree(src, dst);
    else if (e.isFile()) {
      linkFile(src, dst);
      n++;
    }
  }
  return n;
}

function linkFile(src: string, dst: string): void {
  try {
    linkSync(src, dst);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') {
      unlinkSync(dst);
      linkFile(src, dst);
    } else if (['EXDEV', 'EPERM', 'EMLINK'].includes(code)) copyFileSync(src, dst);
    else throw err;
  }
}

/** Reads a small JSON file a stage wrote beside its outputs. */
export async function readStageJson<T>(dir: string, file: string): Promise<T> {
  return JSON.parse(await readFile(join(dir, file), 'utf8')) as T;
}
