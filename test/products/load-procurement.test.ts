/**
 * catalog/procurement/: the real files load against the real model without a problem, and each kind of mistake
 * in them is reported with the file, the line and a hint, never read past.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/lib/model/schemas/finding.ts';
import type { Model } from '../../src/lib/model/schemas/model.ts';
import { projectRoot } from '../../src/lib/paths.ts';
import { loadProcurement } from '../../src/lib/import/procurement.ts';
import { Problems } from '../../src/lib/problems.ts';
import { realModel } from '../support/real-sources.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const tempDir = useTempDirs();
const REAL = join(projectRoot, 'catalog/procurement');
let model: Model;
beforeAll(async () => {
  model = await realModel();
}, 120_000);

/** A copy of catalog/procurement with `from` (which must occur once in `file`) replaced by `to`. */
function withEdit(file: string, from: string, to: string): string {
  const dir = tempDir();
  cpSync(REAL, dir, { recursive: true });
  const text = readFileSync(join(dir, file), 'utf8');
  expect(text.split(from), `${file} holds "${from}" once`).toHaveLength(2);
  writeFileSync(join(dir, file), text.replace(from, to));
  return dir;
}

function load(dir: string) {
  const problems = new Problems();
  const findings: Finding[] = [];
  const procurement = loadProcurement(dir, model, problems, findings);
  return { procurement, problems: problems.list, findings };
}

const lineOf = (file: string, text: string) =>
  readFileSync(join(REAL, file), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(text)) + 1;

describe('catalog/procurement', () => {
  it('loads without problems: terms for every requirement, and each wording correction as a finding of the source report', () => {
    const { procurement, problems, findings } = load(REAL);
    expect(problems).toEqual([]);
    const expected =
      model.subCapabilities.filter((s) => s.kind === 'technical').length +
      model.elements.filter((e) => e.kind === 'non-technical').length;
    expect(procurement.requirements).toHaveLength(expected);
    expect(findings.filter((f) => f.kind === 'wording-corrected')).toHaveLength(procurement.corrections.length);
    expect(findings.find((f) => f.records[0] === 'CSA-5.1')!.where.at(-1)).toEqual({
      source: 'project',
      file: 'catalog/procurement/wording-corrections.yaml',
      place: `line ${lineOf('wording-corrections.yaml', 'element: CSA-5.1')}`,
    });
    expect(model.findings.filter((f) => f.kind === 'wording-corrected').length, 'the real model carries them').toBe(
      procurement.corrections.length,
    );
  });

  it('reports agency-value words the element does not contain, with the line', () => {
    const dir = withEdit('agency-values.yaml', 'replace: in a timely manner', 'replace: in a timely way');
    const { problems } = load(dir);
    expect(problems.map((p) => [p.file, p.message])).toEqual([
      ['catalog/procurement/agency-values.yaml', 'DIS-2.b.1.1 does not contain the words "in a timely way"'],
    ]);
    expect(problems[0]!.place).toMatch(/^line \d+ \(\[\d+\]\.uses\[0\]\.replace\)$/);
  });

  it('reports an unknown SP 800-53 parameter with a "did you mean"', () => {
    const { problems } = load(withEdit('agency-values.yaml', 'params: [ac-8_prm_1]', 'params: [ac-8_prm_9]'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ message: 'unknown SP 800-53 parameter "ac-8_prm_9"' });
    expect(problems[0]!.hint).toMatch(/did you mean .*"ac-8_prm_\d"/);
  });

  it('reports a requirement with no terms, an item given as a requirement, and a pass criterion of another method', () => {
    const missing = load(withEdit('requirements/DI.yaml', 'DI-4:', 'DI-4.1:'));
    expect(missing.problems.map((p) => p.message)).toEqual([
      '"DI-4.1" is an item of a requirement, not a requirement',
      '1 requirement(s) have no terms: DI-4',
    ]);
    expect(missing.problems[0]!.place).toBe(`line ${lineOf('requirements/DI.yaml', 'DI-4:')} (DI-4.1)`);
    const dir = tempDir();
    cpSync(REAL, dir, { recursive: true });
    const file = join(dir, 'requirements/DI.yaml');
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf('verification: ', text.indexOf('DI-1:'));
    const method = /^verification: (\w+)/.exec(text.slice(at))![1]!;
    const other = method === 'test' ? 'analysis' : 'test';
    writeFileSync(
      file,
      `${text.slice(0, at)}verification: ${other}${text.slice(at + `verification: ${method}`.length)}`,
    );
    expect(load(dir).problems.map((p) => p.message)).toEqual([
      `the pass criterion says "Verified by ${method}" but verification is "${other}"`,
    ]);
  });

  it('reports an unknown agency value named in a post-market clause with a "did you mean"', () => {
    const { problems } = load(
      withEdit('post-market.yaml', 'earlier than {support-end-date}', 'earlier than {support-end-day}'),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: 'catalog/procurement/post-market.yaml',
      message: 'unknown agency value "{support-end-day}"',
    });
    expect(problems[0]!.hint).toBe('did you mean "support-end-date"?');
  });

  it('reports a wording correction whose words are no longer in the catalog, so that a fixed source is noticed', () => {
    const { problems } = load(
      withEdit('wording-corrections.yaml', 'replace: revoke their access', 'replace: revoke all their access'),
    );
    expect(problems.map((p) => p.message)).toEqual(['LA-2.3 does not contain the words "revoke all their access"']);
    expect(problems[0]!.hint).toContain('remove the entry if the source has been fixed');
  });

  it('reports a definition of a term the glossary does not list', () => {
    const { problems } = load(withEdit('definitions.yaml', '- term: Backend\n', '- term: Back end\n'));
    expect(problems.map((p) => [p.message, p.hint])).toEqual([
      ['"Back end" is not a term of catalog/glossary.yaml', 'did you mean "Backend"?'],
    ]);
  });

  it('reports a federal clause naming an unknown product type', () => {
    const { problems } = load(
      withEdit(
        'federal-clauses.yaml',
        'types: all\n  cfr: 48 CFR 52.204-24',
        'types: [ip-video-survelliance]\n  cfr: 48 CFR 52.204-24',
      ),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      message: 'unknown product type "ip-video-survelliance"',
      hint: 'did you mean "ip-video-surveillance"?',
    });
  });
});
