import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProblemsError } from '../../src/lib/problems.ts';
import { loadSourceManifest } from '../../src/lib/sources/source-manifest.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const tempDir = useTempDirs();

const entry = (over: Record<string, unknown> = {}) => ({
  id: 'catalog',
  title: 'A catalog',
  kind: 'oscal-catalog',
  file: 'oscal/catalog.json',
  url: 'https://example.org/catalog.json',
  sha256: 'a'.repeat(64),
  bytes: 10,
  upstream: { repository: 'usnistgov/example', path: 'catalog.json' },
  licence: 'US government work',
  ...over,
});

function load(doc: unknown): ProblemsError | ReturnType<typeof loadSourceManifest> {
  const path = join(tempDir(), 'sources.json');
  writeFileSync(path, typeof doc === 'string' ? doc : JSON.stringify(doc));
  try {
    return loadSourceManifest(path, 'catalog/sources.json');
  } catch (e) {
    if (e instanceof ProblemsError) return e;
    throw e;
  }
}

describe('catalog/sources.json', () => {
  it('accepts a well-formed manifest', () => {
    const m = load({ files: [entry()] });
    expect(m).not.toBeInstanceOf(ProblemsError);
    expect((m as ReturnType<typeof loadSourceManifest>).files[0]!.id).toBe('catalog');
  });

  it('names the JSON path of a bad hash and of a missing field', () => {
    const { licence: _, ...noLicence } = entry({ id: 'b', file: 'b.json' });
    const err = load({ files: [entry({ sha256: 'XYZ' }), noLicence] }) as ProblemsError;
    expect(err).toBeInstanceOf(ProblemsError);
    expect(err.problems.map((p) => [p.file, p.place])).toEqual([
      ['catalog/sources.json', '$.files[0].sha256'],
      ['catalog/sources.json', '$.files[1].licence'],
    ]);
  });

  it('rejects duplicate ids and files, naming both entries', () => {
    const err = load({ files: [entry(), entry()] }) as ProblemsError;
    expect(err.problems.map((p) => p.message)).toEqual([
      'duplicate id "catalog" (also at $.files[0])',
      'duplicate file "oscal/catalog.json" (also at $.files[0])',
    ]);
  });

  it('rejects a baseline pinned twice', () => {
    const low = (id: string, file: string) => entry({ id, file, kind: 'oscal-profile', baseline: 'LOW' });
    const err = load({ files: [low('low', 'a.json'), low('low-again', 'b.json')] }) as ProblemsError;
    expect(err.problems.map((p) => [p.place, p.message])).toEqual([
      ['$.files[1]', 'a second oscal-profile LOW is pinned (also at $.files[0])'],
    ]);
  });

  it('rejects paths that leave the sources folder and non-https URLs', () => {
    const err = load({ files: [entry({ file: '../etc/passwd', url: 'http://example.org/x' })] }) as ProblemsError;
    expect(err.problems.map((p) => p.place).sort()).toEqual(['$.files[0].file', '$.files[0].url']);
  });

  it('reports a manifest that is not JSON', () => {
    const err = load('{ "files": [') as ProblemsError;
    expect(err.problems[0]).toMatchObject({
      file: 'catalog/sources.json',
      place: '$',
      message: expect.stringContaining('cannot read the source manifest'),
    });
  });

  it('the project manifest pins every file with a sha256, a size and an https URL', () => {
    const m = loadSourceManifest(join(import.meta.dirname, '../../catalog/sources.json'));
    expect(m.files.length).toBeGreaterThan(30);
    const kinds = new Set(m.files.map((f) => f.kind));
    for (const k of [
      'oscal-catalog',
      'oscal-profile',
      'oscal-schema',
      'sp800-53-mapping-workbook',
      'csf-mapping-workbook',
      'sp800-213a-page',
      'federal-profile-page',
      'guideline-draft',
    ])
      expect(kinds).toContain(k);
    expect(
      m.files
        .filter((f) => f.kind === 'oscal-profile')
        .map((f) => f.kind === 'oscal-profile' && f.baseline)
        .sort(),
    ).toEqual(['HIGH', 'LOW', 'MODERATE', 'PRIVACY']);
  });
});
