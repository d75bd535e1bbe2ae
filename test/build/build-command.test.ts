/**
 * `npm run build` end to end (scripts/build.ts in a child process, with its
 * cache and output folders in a temporary place): a good build publishes the
 * site and its downloads; a failed one names the problem and leaves the
 * previous site as it was.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/lib/paths.ts';
import { requireSourcesDir } from '../support/real-sources.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const tempDir = useTempDirs();

function build(env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: projectRoot, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env }, encoding: 'utf8', timeout: 300_000 });
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` };
}

describe('npm run build', () => {
  it('publishes the site, the downloads and the source report', () => {
    const dir = tempDir();
    const out = join(dir, 'dist');
    const r = build({ NIST_SOURCES_DIR: requireSourcesDir(), IOT_CACHE_DIR: join(dir, 'cache'), IOT_OUT_DIR: out });
    expect(r.out).toContain('build done');
    expect(r.code).toBe(0);
    for (const f of ['index.html', 'downloads/sp800-213a-catalog.csv', 'downloads/sp800-213a-catalog.json', 'downloads/sp800-213a-catalog.xlsx', 'downloads/sp800-53r5-controls.csv', 'downloads/source-report.json']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    const report = JSON.parse(readFileSync(join(out, 'downloads/source-report.json'), 'utf8'));
    expect(report.counts.controls + report.counts.enhancements).toBe(1189);
    expect(report.findings.total).toBe(report.findings.list.length);
    expect(r.out).toMatch(/\[1\/6\] Sources[\s\S]*sp800-53r5-catalog\s+3\.0 MB\s+copied from NIST_SOURCES_DIR, sha256 ok/);
    expect(r.out).toContain('Source report');
  }, 300_000);

  it('stops on a tampered source, naming it and both hashes, and leaves the previous site intact', () => {
    const dir = tempDir();
    const sources = join(dir, 'nist');
    cpSync(requireSourcesDir(), sources, { recursive: true });
    const tampered = join(sources, 'oscal-sp800-53r5/NIST_SP-800-53_rev5_LOW-baseline_profile.json');
    writeFileSync(tampered, readFileSync(tampered, 'utf8').replace('"ac-1"', '"ac-99"'));
    const out = join(dir, 'dist');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'previous good site');

    const r = build({ NIST_SOURCES_DIR: sources, IOT_CACHE_DIR: join(dir, 'cache'), IOT_OUT_DIR: out });
    expect(r.code).toBe(1);
    expect(r.out).toContain('Fetching sources failed with 1 problem');
    expect(r.out).toContain('oscal-sp800-53r5/NIST_SP-800-53_rev5_LOW-baseline_profile.json');
    expect(r.out).toMatch(/expected sha256 364b0ee5[0-9a-f]{56} \(5119 bytes\), got [0-9a-f]{64}/);
    expect(r.out).toContain('hint:');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous good site');
  }, 120_000);
});
