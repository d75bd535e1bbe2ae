import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProblemsError } from '../../src/lib/problems.ts';
import { fetchSources, sha256Hex } from '../../src/lib/sources/fetch-sources.ts';
import type { SourceManifest } from '../../src/lib/sources/source-manifest.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const tempDir = useTempDirs();
const CONTENT = '{"hello":"world"}';

function manifestFor(content: string, file = 'oscal/catalog.json'): SourceManifest {
  return {
    files: [
      {
        id: 'catalog',
        title: 'A catalog',
        kind: 'oscal-catalog',
        file,
        url: 'https://example.org/catalog.json',
        sha256: sha256Hex(Buffer.from(content)),
        bytes: Buffer.byteLength(content),
        upstream: { repository: 'usnistgov/example', path: 'catalog.json' },
        licence: 'US government work',
      },
    ],
  };
}

function sourcesDirWith(content: string, file = 'oscal/catalog.json'): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'oscal'), { recursive: true });
  writeFileSync(join(dir, file), content);
  return dir;
}

async function failure(p: Promise<unknown>): Promise<ProblemsError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ProblemsError) return e;
    throw e;
  }
  throw new Error('expected a ProblemsError');
}

const noNetwork: typeof fetch = async () => {
  throw new Error('network used');
};

describe('fetching the pinned sources', () => {
  it('copies from NIST_SOURCES_DIR, checks the hash, and prints a line per file', async () => {
    const cacheDir = tempDir();
    const lines: string[] = [];
    const got = await fetchSources(manifestFor(CONTENT), {
      cacheDir,
      sourcesDir: sourcesDirWith(CONTENT),
      log: (l) => lines.push(l),
      fetchImpl: noNetwork,
    });
    expect(got.map((g) => g.origin)).toEqual(['sources-dir']);
    expect(readFileSync(join(cacheDir, 'oscal/catalog.json'), 'utf8')).toBe(CONTENT);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/catalog\s+17 B\s+copied from NIST_SOURCES_DIR, sha256 ok/);
  });

  it('reuses a cached copy whose hash matches, without reading the sources folder', async () => {
    const cacheDir = tempDir();
    const m = manifestFor(CONTENT);
    await fetchSources(m, { cacheDir, sourcesDir: sourcesDirWith(CONTENT), fetchImpl: noNetwork });
    const again = await fetchSources(m, { cacheDir, sourcesDir: tempDir(), fetchImpl: noNetwork });
    expect(again.map((g) => g.origin)).toEqual(['cache']);
  });

  it('stops on a hash mismatch, naming the file, both hashes and what to do', async () => {
    const err = await failure(
      fetchSources(manifestFor(CONTENT), {
        cacheDir: tempDir(),
        sourcesDir: sourcesDirWith('{"hello":"tampered"}'),
        fetchImpl: noNetwork,
      }),
    );
    const p = err.problems[0]!;
    expect(p.file).toMatch(/oscal\/catalog\.json$/);
    expect(p.place).toBe('catalog/sources.json $.files[0]');
    expect(p.message).toContain(`expected sha256 ${sha256Hex(Buffer.from(CONTENT))}`);
    expect(p.message).toContain(`got ${sha256Hex(Buffer.from('{"hello":"tampered"}'))}`);
    expect(p.hint).toContain('Updating a source');
    expect(err.message).toContain('Fetching sources failed with 1 problem');
  });

  it('does not cache a file that failed its check', async () => {
    const cacheDir = tempDir();
    await failure(
      fetchSources(manifestFor(CONTENT), { cacheDir, sourcesDir: sourcesDirWith('tampered'), fetchImpl: noNetwork }),
    );
    expect(() => readFileSync(join(cacheDir, 'oscal/catalog.json'))).toThrow();
  });

  it('stops on a file missing from NIST_SOURCES_DIR, saying where it was looked for', async () => {
    const dir = tempDir();
    const err = await failure(
      fetchSources(manifestFor(CONTENT), { cacheDir: tempDir(), sourcesDir: dir, fetchImpl: noNetwork }),
    );
    expect(err.problems[0]).toMatchObject({
      file: join(dir, 'oscal/catalog.json'),
      message: 'source file "catalog" is missing from NIST_SOURCES_DIR',
    });
    expect(err.problems[0]!.hint).toContain('https://example.org/catalog.json');
  });

  it('downloads from the pinned URL when NIST_SOURCES_DIR is not set', async () => {
    const asked: string[] = [];
    const fakeFetch: typeof fetch = async (url) => {
      asked.push(String(url));
      return new Response(CONTENT);
    };
    const got = await fetchSources(manifestFor(CONTENT), { cacheDir: tempDir(), fetchImpl: fakeFetch });
    expect(asked).toEqual(['https://example.org/catalog.json']);
    expect(got[0]!.origin).toBe('download');
  });

  it('stops on a failed download, naming the URL and the offline alternative', async () => {
    const failing: typeof fetch = async () => new Response('nope', { status: 404, statusText: 'Not Found' });
    const err = await failure(fetchSources(manifestFor(CONTENT), { cacheDir: tempDir(), fetchImpl: failing }));
    expect(err.problems[0]).toMatchObject({
      file: 'https://example.org/catalog.json',
      message: 'download of "catalog" failed: HTTP 404 Not Found',
    });
    expect(err.problems[0]!.hint).toContain('NIST_SOURCES_DIR');
  });
});
