import { describe, expect, it } from 'vitest';
import type { ProductType } from '../../src/lib/products/product-type.ts';
import { selectRequirements } from '../../src/lib/products/select-requirements.ts';
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
  key: [{ element: 'DP-1.2', why: 'Keys protect stored video.' }],
};

describe('selecting requirements for a product type', () => {
  it('takes the elements that support a control of the baseline, allocated to the components the rules name', async () => {
    const s = selectRequirements(catalogIndex(await buildMiniModel(tempDir())), camera, 'LOW');
    expect(s.requirements.map((r) => [r.id, r.components, r.key])).toEqual([
      ['test-camera/DP-1.2', ['recorder'], true],
      ['test-camera/DI-1.1', ['camera', 'recorder'], false],
      ['test-camera/DI-1.2', ['camera', 'recorder'], false],
      ['test-camera/DI-2.1', ['camera', 'recorder'], false],
      ['test-camera/DOC-1.a.1.1', ['product'], false],
      ['test-camera/DOC-2.a.1.1', ['product'], false],
    ]);
  });

  it('explains each selection by the baseline controls that brought it in', async () => {
    const s = selectRequirements(catalogIndex(await buildMiniModel(tempDir())), camera, 'LOW');
    const byId = new Map(s.requirements.map((r) => [r.element, r]));
    expect(byId.get('DI-1.2')!.because).toEqual([{ control: 'ac-2', label: 'AC-2' }]);
    expect(byId.get('DP-1.2')!.because).toEqual([]);
    expect(byId.get('DP-1.2')!.keyWhy).toBe('Keys protect stored video.');
  });

  it('writes a clause per component, and the manufacturer\'s for non-technical requirements', async () => {
    const s = selectRequirements(catalogIndex(await buildMiniModel(tempDir())), camera, 'LOW');
    const r = s.requirements.find((x) => x.element === 'DI-1.1')!;
    expect(r.clauses).toEqual([
      { component: 'camera', text: 'The IP camera shall provide the ability to name the device uniquely.' },
      { component: 'recorder', text: 'The video recorder shall provide the ability to name the device uniquely.' },
    ]);
    expect(s.requirements.find((x) => x.element === 'DOC-1.a.1.1')!.clauses).toEqual([{ component: 'product', text: 'The manufacturer shall provide a description of oversight.' }]);
    expect(s.requirements.find((x) => x.element === 'DP-1.2')!.clauses[0]!.text).toBe('If keys are stored on the device, the video recorder shall provide the ability to protect the keys.');
  });

  it('a higher level selects more, and the same inputs give the same output', async () => {
    const index = catalogIndex(await buildMiniModel(tempDir()));
    const low = selectRequirements(index, camera, 'LOW');
    const moderate = selectRequirements(index, camera, 'MODERATE');
    expect(moderate.requirements.map((r) => r.element)).toEqual(expect.arrayContaining(low.requirements.map((r) => r.element)));
    expect(moderate.requirements.map((r) => r.element)).toContain('DP-1.1');
    expect(selectRequirements(index, camera, 'MODERATE')).toEqual(moderate);
  });

  it('lists baseline elements no rule allocates', async () => {
    const noDp = { ...camera, allocation: camera.allocation.slice(0, 1), key: [] };
    const s = selectRequirements(catalogIndex(await buildMiniModel(tempDir())), noDp, 'MODERATE');
    expect(s.unallocated.map((u) => u.element)).toEqual(['DP-1.1', 'DP-1.2']);
    expect(s.requirements.some((r) => r.capability === 'DP')).toBe(false);
  });
});
