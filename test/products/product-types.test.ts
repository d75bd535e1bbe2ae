/**
 * Product types (catalog/product-types/<id>.yaml): the loader's checks on small inline files against the
 * mini model, and the real files against the model of the real NIST sources.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/lib/model/schemas/model.ts';
import { projectRoot } from '../../src/lib/paths.ts';
import { COMPONENT_TYPES, loadProductTypes, parseProductType } from '../../src/lib/import/product-types.ts';
import { Problems } from '../../src/lib/problems.ts';
import { buildMiniModel } from '../support/build-mini-model.ts';
import { realModel } from '../support/real-sources.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const tempDir = useTempDirs();

let mini: Promise<Model> | undefined;
/** The mini model (capabilities DI, DP technical, DOC non-technical), built once for this file. */
const miniModel = () => (mini ??= buildMiniModel(tempDir()));

const FILE = 'catalog/product-types/test-kit.yaml';

// Line numbers matter: the tests below name them.
const VALID = `name: Test sensor kit
description: A sensor that reports to a cloud backend, used to test the loader.
impact: LOW
components:
  - id: sensor
    type: iot-device
    name: Sensor
    does: Measures and reports readings.
  - id: cloud
    type: backend
    name: Cloud service
    does: Stores the readings for staff.
data:
  - kind: environmental
    what: Temperature readings
effects:
  availability: Readings stop when the link fails.
allocation:
  - capabilities: [DI-1, DP]
    components: [sensor]
    why: The sensor identifies itself and protects its data.
  - capabilities: [DP-1]
    components: [cloud]
    why: The cloud encrypts the readings it stores.
key:
  - requirement: DI-1
    why: Each reading is tied to one sensor.
  - requirement: DOC-1.a.1
    why: Maintenance activities are documented.
not-applicable:
  - elements: [DI-1.2]
    components: [sensor]
    why: The sensor is never identified remotely.
`;

/** VALID with `from` (which must occur once) replaced by `to`. */
function variant(from: string, to: string): string {
  expect(VALID.split(from)).toHaveLength(2);
  return VALID.replace(from, to);
}

async function parse(text: string) {
  const problems = new Problems();
  const type = parseProductType(text, FILE, await miniModel(), problems);
  return { type, problems: problems.list };
}

describe('parseProductType', () => {
  it('reads a valid file: the id is the file name, and nothing is reported', async () => {
    const { type, problems } = await parse(VALID);
    expect(problems).toEqual([]);
    expect(type).toMatchObject({ id: 'test-kit', file: FILE, name: 'Test sensor kit', impact: 'LOW' });
    expect(type!.components.map((c) => [c.id, c.type])).toEqual([
      ['sensor', 'iot-device'],
      ['cloud', 'backend'],
    ]);
    expect(type!.allocation.map((r) => r.capabilities)).toEqual([['DI-1', 'DP'], ['DP-1']]);
    expect(type!.key.map((k) => k.requirement)).toEqual(['DI-1', 'DOC-1.a.1']);
    expect(type!['not-applicable']).toEqual([
      { elements: ['DI-1.2'], components: ['sensor'], why: 'The sensor is never identified remotely.' },
    ]);
  });

  it('reports an unknown capability with the file, its line and a "did you mean"', async () => {
    const { problems } = await parse(variant('[DP-1]', '[DP-3]'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      severity: 'error',
      file: FILE,
      place: 'line 22 (allocation[1].capabilities[0])',
      message: 'unknown SP 800-213A capability "DP-3"',
    });
    expect(problems[0]!.hint).toMatch(/^did you mean "DP-1"/);
  });

  it('rejects a non-technical capability in the allocation', async () => {
    const { problems } = await parse(variant('[DI-1, DP]', '[DI-1, DOC-1]'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, place: 'line 19 (allocation[0].capabilities[1])' });
    expect(problems[0]!.message).toMatch(/^"DOC-1" is non-technical/);
  });

  it('reports an allocation to a component the file does not declare', async () => {
    const { problems } = await parse(variant('components: [cloud]', 'components: [clowd]'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: FILE,
      place: 'line 23 (allocation[1].components[0])',
      message: 'unknown component "clowd"',
      hint: 'did you mean "cloud"?',
    });
  });

  it('requires at least one IoT device', async () => {
    const { problems } = await parse(variant('type: iot-device', 'type: gateway'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: FILE,
      place: 'line 5 (components)',
      message: 'an IoT product has at least one IoT device component',
    });
  });

  it('reports a schema error at its line and returns nothing', async () => {
    const { type, problems } = await parse(variant('impact: LOW', 'impact: MEDIUM'));
    expect(type).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', file: FILE, place: 'line 3 (impact)' });
    expect(problems[0]!.hint).toContain('catalog/product-types/README.md');
  });

  it('reports an unknown key requirement, and an item named where its requirement is meant', async () => {
    const { problems } = await parse(variant('requirement: DI-1\n', 'requirement: DI-9\n'));
    expect(problems.map((p) => [p.place, p.message])).toEqual([
      ['line 26 (key[0].requirement)', 'unknown SP 800-213A requirement "DI-9"'],
    ]);
    expect(problems[0]!.hint).toMatch(/did you mean "DI-1"/);
    const item = await parse(variant('requirement: DOC-1.a.1\n', 'requirement: DOC-1.a.1.2\n'));
    expect(item.problems.map((p) => [p.place, p.message, p.hint])).toEqual([
      [
        'line 28 (key[1].requirement)',
        'must be a requirement id: a technical sub-capability such as SU-1 or a non-technical element such as DOC-1.e.1',
        'See catalog/product-types/README.md for the fields of a product type.',
      ],
    ]);
  });

  it('reports a not-applicable element that the allocation does not give to the component, or an unknown one', async () => {
    const notGiven = await parse(
      variant(
        '    components: [sensor]\n    why: The sensor is never',
        '    components: [cloud]\n    why: The sensor is never',
      ),
    );
    expect(notGiven.problems.map((p) => [p.place, p.message])).toEqual([
      [
        'line 31 (not-applicable[0].elements[0])',
        'DI-1.2 is not allocated to "cloud", so there is nothing to take out',
      ],
    ]);
    const unknown = await parse(variant('elements: [DI-1.2]', 'elements: [DI-1.7]'));
    expect(unknown.problems.map((p) => [p.place, p.message])).toEqual([
      ['line 31 (not-applicable[0].elements[0])', 'unknown SP 800-213A technical element "DI-1.7"'],
    ]);
  });
});

describe('the product types in catalog/product-types', () => {
  const load = async () => {
    const problems = new Problems();
    const types = loadProductTypes(
      join(projectRoot, 'catalog/product-types'),
      'catalog/product-types',
      await realModel(),
      problems,
    );
    return { types, problems: problems.list };
  };

  it('load without problems: at least 11 types', async () => {
    const { types, problems } = await load();
    expect(problems).toEqual([]);
    expect(types.length).toBeGreaterThanOrEqual(11);
    expect(types.map((t) => t.id)).toEqual(
      expect.arrayContaining([
        'ip-video-surveillance',
        'physical-access-control',
        'building-automation',
        'smart-electricity-meter',
        'environmental-sensor-network',
        'connected-infusion-pump',
        'fleet-telematics',
        'wearable-health-monitor',
        'small-office-router',
        'voice-enabled-printer',
        'smart-lighting',
      ]),
    );
  });

  it('give every type an IoT device, and allocate every component by some rule', async () => {
    const { types } = await load();
    for (const t of types) {
      expect(
        t.components.some((c) => c.type === 'iot-device'),
        `${t.id} has an IoT device`,
      ).toBe(true);
      const allocated = new Set(t.allocation.flatMap((r) => r.components));
      expect(
        t.components.filter((c) => !allocated.has(c.id)).map((c) => c.id),
        `${t.id}: components no rule allocates`,
      ).toEqual([]);
      for (const c of t.components) expect(COMPONENT_TYPES).toContain(c.type);
    }
  });

  it('allocate every technical key requirement to a component', async () => {
    const { types } = await load();
    const model = await realModel();
    const technical = new Map(model.subCapabilities.filter((e) => e.kind === 'technical').map((e) => [e.id, e]));
    for (const t of types) {
      const unallocated = t.key
        .map((k) => technical.get(k.requirement))
        .filter(
          (e) => e && !t.allocation.some((r) => r.capabilities.includes(e.id) || r.capabilities.includes(e.capability)),
        )
        .map((e) => e!.id);
      expect(unallocated, `${t.id}: technical key requirements no rule allocates`).toEqual([]);
    }
  });

  it('name 5 to 10 key requirements per type, each once', async () => {
    const { types } = await load();
    for (const t of types) {
      const ids = t.key.map((k) => k.requirement);
      expect(ids.length, `${t.id} key requirements`).toBeGreaterThanOrEqual(5);
      expect(ids.length, `${t.id} key requirements`).toBeLessThanOrEqual(10);
      expect(new Set(ids).size, `${t.id} repeats a key requirement`).toBe(ids.length);
    }
  });
});
