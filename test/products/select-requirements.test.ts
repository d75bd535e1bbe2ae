import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/lib/model/schemas/model.ts';
import type { Procurement } from '../../src/lib/model/schemas/procurement.ts';
import type { ProductType } from '../../src/lib/products/product-type.ts';
import { addedSince, selectRequirements } from '../../src/lib/products/select-requirements.ts';
import { catalogIndex } from '../../src/lib/site/catalog-index.ts';
import { buildMiniModel } from '../support/build-mini-model.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const tempDir = useTempDirs();

const camera: ProductType = {
  id: 'test-camera',
  file: 'catalog/product-types/test-camera.yaml',
  name: 'Test camera system',
  description: 'A camera with a recorder, for tests of the selection.',
  impact: 'MODERATE',
  components: [
    { id: 'camera', type: 'iot-device', name: 'IP camera', does: 'Captures video.' },
    { id: 'recorder', type: 'gateway', name: 'video recorder', does: 'Stores video.' },
  ],
  data: [{ kind: 'personal', what: 'Images of people' }],
  effects: { availability: 'Loss of video coverage' },
  allocation: [
    { capabilities: ['DI'], components: ['camera', 'recorder'], why: 'Both must be identifiable.' },
    { capabilities: ['DP-1'], components: ['recorder'], why: 'The recorder stores video.' },
  ],
  key: [{ requirement: 'DP-1', why: 'Keys protect stored video.' }],
};

/** The mini model with test terms for every requirement, and one agency value and one correction. */
async function model(): Promise<Model> {
  const m = await buildMiniModel(tempDir());
  const ids = [
    ...m.subCapabilities.filter((s) => s.kind === 'technical').map((s) => s.id),
    ...m.elements.filter((e) => e.kind === 'non-technical').map((e) => e.id),
  ];
  const procurement: Procurement = {
    requirements: ids.map((id) => ({
      id,
      file: 'test',
      title: `Title of ${id}`,
      verification: 'test',
      evidence: [`Evidence for ${id}.`],
      outcome: `Outcome of ${id}.`,
      pass: `Verified by test: check ${id}.`,
    })),
    values: [
      {
        id: 'oversight-kind',
        name: 'kind of oversight',
        kind: 'text',
        params: [],
        uses: [{ element: 'DOC-1.a.1.1', replace: 'a description of oversight', with: 'a description of {value}' }],
      },
    ],
    corrections: [
      {
        element: 'DI-1.1',
        replace: 'name the device uniquely',
        with: 'name the device uniquely and permanently',
        why: 'A test correction.',
        file: 'test',
        line: 1,
      },
    ],
    postMarket: [],
    deliverables: [],
    federalClauses: [],
    definitions: [],
  };
  return { ...m, procurement };
}

describe('selecting requirements for a product type', () => {
  it('writes one requirement per technical sub-capability and per non-technical element, with the items the baseline selects', async () => {
    const s = selectRequirements(catalogIndex(await model()), camera, 'LOW');
    expect(s.requirements.map((r) => [r.number, r.appliesTo, r.key, r.items.map((i) => i.record)])).toEqual([
      ['R-DI-1', ['camera', 'recorder'], false, ['DI-1.1', 'DI-1.2']],
      ['R-DI-2', ['camera', 'recorder'], false, ['DI-2.1']],
      ['R-DP-1', ['recorder'], true, ['DP-1.1', 'DP-1.2']],
      ['R-DOC-1.a.1', [], false, ['DOC-1.a.1.1']],
      ['R-DOC-2.a.1', [], false, ['DOC-2.a.1.1']],
    ]);
    expect(s.requirements[0]!.items.map((i) => i.number)).toEqual(['R-DI-1.a', 'R-DI-1.b']);
  });

  it('explains each item by the baseline controls that brought it in; a key requirement the baseline misses keeps all its items', async () => {
    const s = selectRequirements(catalogIndex(await model()), camera, 'LOW');
    const item = (id: string) => s.requirements.flatMap((r) => r.items).find((i) => i.record === id)!;
    expect(item('DI-1.2').selectedBy).toEqual(['AC-2']);
    expect(item('DP-1.2').selectedBy).toEqual([]);
    expect(s.requirements.find((r) => r.id === 'DP-1')!.keyWhy).toBe('Keys protect stored video.');
  });

  it('words each item as the verb phrase of "shall", with corrections, agency values and conditions applied', async () => {
    const s = selectRequirements(catalogIndex(await model()), camera, 'LOW');
    const item = (id: string) => s.requirements.flatMap((r) => r.items).find((i) => i.record === id)!;
    expect(item('DI-1.1').text).toBe('provide the ability to name the device uniquely and permanently');
    expect(item('DOC-1.a.1.1').text).toBe('provide a description of [AGENCY: kind of oversight]');
    expect(item('DOC-1.a.1.1').values).toEqual(['oversight-kind']);
    expect(item('DP-1.2').text).toBe('where keys are stored on the device, provide the ability to protect the keys');
    const filled = selectRequirements(catalogIndex(await model()), camera, 'LOW', {
      values: { 'oversight-kind': 'quarterly oversight' },
    });
    expect(filled.requirements.flatMap((r) => r.items).find((i) => i.record === 'DOC-1.a.1.1')!.text).toBe(
      'provide a description of quarterly oversight',
    );
  });

  it('a higher level selects more, says what it adds, and the same inputs give the same output', async () => {
    const index = catalogIndex(await model());
    const low = selectRequirements(index, camera, 'LOW');
    const moderate = selectRequirements(index, camera, 'MODERATE');
    expect(addedSince(low, moderate).length).toBeGreaterThan(0);
    const records = (s: typeof low) => s.requirements.flatMap((r) => r.items.map((i) => i.record));
    expect(records(moderate)).toEqual(expect.arrayContaining(records(low)));
    expect(selectRequirements(index, camera, 'MODERATE')).toEqual(moderate);
  });

  it('lists baseline elements no rule allocates, and leaves out items the type marks not applicable', async () => {
    const index = catalogIndex(await model());
    const noDp = { ...camera, allocation: camera.allocation.slice(0, 1), key: [] };
    const s = selectRequirements(index, noDp, 'MODERATE');
    expect(s.unallocated.map((u) => u.element)).toEqual(['DP-1.1', 'DP-1.2']);
    expect(s.requirements.some((r) => r.capability === 'DP')).toBe(false);
    const na = selectRequirements(
      index,
      {
        ...camera,
        'not-applicable': [
          { elements: ['DI-1.2'], components: ['camera'], why: 'The camera is never identified remotely.' },
        ],
      },
      'LOW',
    );
    const di1 = na.requirements.find((r) => r.id === 'DI-1')!;
    expect(di1.items.map((i) => [i.record, i.components])).toEqual([
      ['DI-1.1', ['camera', 'recorder']],
      ['DI-1.2', ['recorder']],
    ]);
    expect(na.notApplicable).toEqual([
      { element: 'DI-1.2', components: ['camera'], why: 'The camera is never identified remotely.' },
    ]);
  });
});
