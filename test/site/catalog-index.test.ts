import { describe, expect, it } from 'vitest';
import { baselineSupport, catalogIndex, groupByCapability } from '../../src/lib/site/catalog-index.ts';
import { citationLine } from '../../src/lib/site/page-data.ts';
import { siteUrls } from '../../src/lib/site/urls.ts';
import { buildMiniModel } from '../support/build-mini-model.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const tempDir = useTempDirs();

describe('lookups for the pages', () => {
  it('links each control back to the requirements that map to it, in catalog order', async () => {
    const index = catalogIndex(await buildMiniModel(tempDir()));
    expect(index.requirementsByControl.get('ac-2')!.map((r) => r.id)).toEqual(['DI-1.1', 'DI-1.2']);
    expect(index.requirementsByControl.get('sc-8')!.map((r) => r.id)).toEqual(['DI-2.1', 'DOC-2.a.1.1']);
    expect(
      groupByCapability(index, index.requirementsByControl.get('sc-8')!).map((g) => [
        g.capability.id,
        g.requirements.map((r) => r.id),
      ]),
    ).toEqual([
      ['DI', ['DI-2.1']],
      ['DOC', ['DOC-2.a.1.1']],
    ]);
    expect(index.requirements).toHaveLength(9);
  });

  it('counts per capability the requirements that support a baseline', async () => {
    const index = catalogIndex(await buildMiniModel(tempDir()));
    expect(baselineSupport(index, 'LOW').map((r) => [r.capability.id, r.supporting.length, r.total])).toEqual([
      ['DI', 3, 3],
      ['DP', 0, 2],
      ['DOC', 2, 4],
    ]);
    expect(
      baselineSupport(index, 'MODERATE')
        .find((r) => r.capability.id === 'DP')!
        .supporting.map((r) => r.id),
    ).toEqual(['DP-1.1', 'DP-1.2']);
  });

  it('writes a citation line with NIST control labels', async () => {
    const index = catalogIndex(await buildMiniModel(tempDir()));
    expect(citationLine(index, index.elements.get('DI-1.2')!)).toBe(
      'SP 800-213A DI-1.2 — Ability to name a remote device. — SP 800-53: AC-2, AC-2(1)',
    );
    expect(citationLine(index, index.subElements.get('DOC-1.a.2.1')!)).toBe(
      'SP 800-213A DOC-1.a.2.1 — Providing a phone number. — SP 800-53: none',
    );
  });
});

describe('site URLs', () => {
  it('put every page under the base path, with lower-case ids', () => {
    const u = siteUrls('/projects/iot/');
    expect(u.control('ac-2.7')).toBe('/projects/iot/controls/ac-2.7/');
    expect(u.family('ac')).toBe('/projects/iot/controls/ac/');
    expect(u.subCapability('DOC-1')).toBe('/projects/iot/capabilities/doc-1/');
    expect(u.requirement({ id: 'DOC-1.a.2.4', subCapability: 'DOC-1' })).toBe(
      '/projects/iot/capabilities/doc-1/#doc-1.a.2.4',
    );
    expect(siteUrls('/projects/iot').home).toBe('/projects/iot/');
    expect(siteUrls('/').download('a.csv')).toBe('/downloads/a.csv');
  });
});
