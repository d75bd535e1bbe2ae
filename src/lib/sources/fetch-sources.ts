/**
 * Makes every pinned source file available in the cache folder: reuses a cached
 * copy whose hash still matches, else copies it from NIST_SOURCES_DIR, else
 * downloads it from its URL. Every copy is checked against its SHA-256 and size.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Problems, ProblemsError } from '../problems.ts';
import type { SourceFile, SourceManifest } from './source-manifest.ts';

export type Origin = 'cache' | 'sources-dir' | 'download';

export interface FetchedSource {
  source: SourceFile;
  path: string;
  origin: Origin;
}

export interface FetchOptions {
  /** Folder the files are cached in (created if missing). */
  cacheDir: string;
  /** Folder holding byte-exact copies (NIST_SOURCES_DIR); when set, nothing is downloaded. */
  sourcesDir?: string | undefined;
  /** Display name of the manifest in messages. */
  manifestName?: string;
  /** Called once per file with a progress line. */
  log?: (line: string) => void;
  /** Replaceable for tests; defaults to the global fetch. */
  fetchImpl?: typeof fetch;
  /** Seconds before a download is abandoned. */
  timeoutSeconds?: number;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, path);
}

function matches(source: SourceFile, bytes: Uint8Array): boolean {
  return bytes.byteLength === source.bytes && sha256Hex(bytes) === source.sha256;
}

const UPDATE_HINT =
  'If NIST published a new version on purpose, pin it in catalog/sources.json (README: "Updating a source"); otherwise restore the byte-exact file.';

/** Fetches every file of the manifest; collects all problems and throws one ProblemsError at the end. */
export async function fetchSources(manifest: SourceManifest, options: FetchOptions): Promise<FetchedSource[]> {
  const { cacheDir, sourcesDir, log = () => {}, fetchImpl = fetch, timeoutSeconds = 60 } = options;
  const manifestName = options.manifestName ?? 'catalog/sources.json';
  const problems = new Problems();
  const fetched: FetchedSource[] = [];
  const width = Math.max(...manifest.files.map((f) => f.id.length));

  for (const [index, source] of manifest.files.entries()) {
    const target = join(cacheDir, source.file);
    const line = (what: string) =>
      log(`  ${source.id.padEnd(width)}  ${formatBytes(source.bytes).padStart(8)}  ${what}`);

    const cached = await readIfExists(target);
    if (cached && matches(source, cached)) {
      fetched.push({ source, path: target, origin: 'cache' });
      line('cached, sha256 ok');
      continue;
    }

    let bytes: Uint8Array | undefined;
    let from: string;
    let origin: Origin;
    if (sourcesDir) {
      origin = 'sources-dir';
      from = join(sourcesDir, source.file);
      bytes = await readIfExists(from);
      if (!bytes) {
        problems.error(
          from,
          `${manifestName} $.files[${index}]`,
          `source file "${source.id}" is missing from NIST_SOURCES_DIR`,
          `Copy ${source.url} to ${from}, or unset NIST_SOURCES_DIR to download it.`,
        );
        line('MISSING');
        continue;
      }
    } else {
      origin = 'download';
      from = source.url;
      try {
        const res = await fetchImpl(source.url, { signal: AbortSignal.timeout(timeoutSeconds * 1000) });
        if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
        bytes = new Uint8Array(await res.arrayBuffer());
      } catch (e) {
        problems.error(
          source.url,
          `${manifestName} $.files[${index}]`,
          `download of "${source.id}" failed: ${(e as Error).message}`,
          `Check the network, or build offline: set NIST_SOURCES_DIR to a folder holding ${source.file}.`,
        );
        line('DOWNLOAD FAILED');
        continue;
      }
    }

    if (!matches(source, bytes)) {
      problems.error(
        from,
        `${manifestName} $.files[${index}]`,
        `"${source.id}" does not match its pin: expected sha256 ${source.sha256} (${source.bytes} bytes), got ${sha256Hex(bytes)} (${bytes.byteLength} bytes)`,
        UPDATE_HINT,
      );
      line('HASH MISMATCH');
      continue;
    }
    await writeAtomically(target, bytes);
    fetched.push({ source, path: target, origin });
    line(origin === 'download' ? 'downloaded, sha256 ok' : 'copied from NIST_SOURCES_DIR, sha256 ok');
  }

  if (problems.hasErrors) throw new ProblemsError('Fetching sources', problems.errors);
  return fetched;
}
