/** Tailoring records: a product type's own record gives its documents; the agency's decisions, with reasons, change them and are stated in a Tailoring section. */
import { createHash } from 'node:crypto';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../src/lib/model/schemas/model.ts';
import {
  templateDocx,
  templateJson,
  templateMarkdown,
  templateOscalProfile,
} from '../../src/lib/products/product-downloads.ts';
import { requirementDocument, tailoredDocument } from '../../src/lib/products/requirement-document.ts';
import { IMPACT_LEVELS } from '../../src/lib/products/select-requirements.ts';
import { documentTexts, modelOfTailorData, tailorData } from '../../src/lib/products/tailor-data.ts';
import {
  defaultTailoring,
  impactLevel,
  readTailoring,
  type Tailoring,
  TAILORING_VERSION,
  valueProblem,
} from '../../src/lib/products/tailoring.ts';
import { decodeTailoring, encodeTailoring } from '../../src/lib/products/tailoring-codec.ts';
import {
  addComponent,
  blankProduct,
  removeComponent,
  setAllocation,
  setExcluded,
  setIncluded,
  setKey,
  setImpact,
  setOverride,
  setValue,
} from '../../src/lib/products/tailoring-edits.ts';
import { type CatalogIndex, catalogIndex } from '../../src/lib/site/catalog-index.ts';
import { sha256Hex } from '../../src/lib/stable-uuid.ts';
import { realModel } from '../support/real-sources.ts';

let model: Model;
let index: CatalogIndex;
let ipv: Tailoring;

beforeAll(async () => {
  model = await realModel();
  index = catalogIndex(model);
  ipv = defaultTailoring(model.productTypes.find((t) => t.id === 'ip-video-surveillance')!, 'MODERATE');
}, 120_000);

const ids = (t: Tailoring) => tailoredDocument(index, t).technical.map((r) => r.id);

describe('tailoring records', () => {
  it('hashes as node:crypto does, so the OSCAL uuid is the same in the browser', () => {
    for (const s of [
      '',
      'abc',
      'profile:ip-video-surveillance-moderate',
      'x'.repeat(55),
      'x'.repeat(64),
      'é'.repeat(300),
    ])
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s).digest('hex'));
  });

  it("a product type's own record gives its documents, which say nothing was tailored", () => {
    const doc = tailoredDocument(index, ipv);
    expect(templateMarkdown(doc)).toBe(
      templateMarkdown(requirementDocument(index, 'ip-video-surveillance', 'MODERATE')),
    );
    expect(doc.tailoring.changed).toBe(false);
    expect(templateMarkdown(doc)).toMatch(
      /## 13 Tailoring\n\nSecurity category \(FIPS 199\) of the information the product handles: SC = \{\(confidentiality, MODERATE\), \(integrity, MODERATE\), \(availability, MODERATE\)\}\. Impact level used: MODERATE; MODERATE is the high-water mark[^\n]*\n\nNot tailored: /,
    );
    expect(readTailoring(JSON.parse(JSON.stringify(ipv)), model)).toEqual({ record: ipv, problems: [] });
  });

  it('the scenario: no cloud, a second camera, LA-2 key, a support end date, availability HIGH', async () => {
    let t = removeComponent(ipv, 'cloud');
    t = addComponent(t, 'iot-device', 'Thermal camera', model);
    t = setKey(t, 'LA-2', true, 'Operators share consoles; per-user roles decide who may export evidence.', model);
    t = setValue(t, 'support-end-date', '2031-12-31');
    t = setImpact(t, 'availability', 'HIGH');
    const doc = tailoredDocument(index, t);
    expect(doc.level).toBe('HIGH');
    expect(doc.tailoring.levelReason).toBe('HIGH is the high-water mark of the security category (availability HIGH)');
    expect(doc.components.map((c) => c.name)).toEqual([
      'IP camera',
      'Network video recorder / VMS server',
      'Mobile viewing app',
      'Thermal camera',
    ]);
    expect(doc.technical.some((r) => r.appliesTo.includes('cloud'))).toBe(false);
    const camera = doc.technical.filter((r) => r.appliesTo.includes('camera')).map((r) => r.id);
    expect(doc.technical.filter((r) => r.appliesTo.includes('thermal-camera')).map((r) => r.id)).toEqual(camera);
    expect(doc.key.map((r) => r.id)).toContain('LA-2');
    expect(doc.tailoring.keyChanges).toEqual([
      {
        requirement: 'R-LA-2',
        title: expect.any(String),
        key: true,
        reason: 'Operators share consoles; per-user roles decide who may export evidence.',
      },
    ]);
    expect(doc.tailoring.components).toEqual({
      added: ['Thermal camera'],
      removed: ['Vendor cloud service'],
      renamed: [],
    });
    const md = templateMarkdown(doc);
    expect(md).toContain('no such date shall be earlier than 2031-12-31');
    expect(md).toMatch(
      /\| Marked key \| R-LA-2 [^|]+\| Operators share consoles; per-user roles decide who may export evidence\. \|/,
    );
    const text = (
      await mammoth.extractRawText({ buffer: (await templateDocx(doc, new Date('2026-06-30T12:00:00Z'))) as Buffer })
    ).value;
    expect(text).toContain('13 Tailoring');
    expect(text).toContain('Components removed: Vendor cloud service');
    const profile = templateOscalProfile(doc, model.controls, 'https://example.org/c.json', '2026-11-23T00:00:00Z') as {
      profile: { modify: { 'set-parameters': { 'param-id': string; values?: string[] }[] } };
    };
    expect(profile.profile.modify['set-parameters'].find((p) => p['param-id'] === 'sa-22_prm_2')?.values).toEqual([
      '2031-12-31',
    ]);
  });

  it('excludes and adds requirements and items with reasons, changes allocation, takes a key mark off, overrides the level', () => {
    let t = setExcluded(ipv, 'CSA-2', true, 'Tamper reports are handled by the building alarm.');
    t = setExcluded(t, 'DI-1.2', true, 'Cameras are never identified remotely.');
    t = setIncluded(t, 'DC-4', true, 'Cameras must be configurable in bulk.');
    t = setAllocation(t, 'DP-3', 'camera', true, 'Cameras keep clips on SD cards.');
    t = setKey(t, 'LA-1', false, 'Covered by the agency network access control.', model);
    t = setOverride(t, { level: 'HIGH', reason: 'Recordings are evidence in court.' });
    const doc = tailoredDocument(index, t);
    expect(doc.level).toBe('HIGH');
    expect(doc.tailoring.levelReason).toBe(
      'HIGH, set by the agency instead of MODERATE (the high-water mark of the security category): Recordings are evidence in court.',
    );
    expect(doc.technical.some((r) => r.id === 'CSA-2')).toBe(false);
    expect(doc.technical.find((r) => r.id === 'DI-1')!.items.map((i) => i.record)).not.toContain('DI-1.2');
    expect(doc.technical.find((r) => r.id === 'DP-3')!.appliesTo).toContain('camera');
    expect(doc.key.map((r) => r.id)).not.toContain('LA-1');
    const md = templateMarkdown(doc);
    expect(md).toContain('| Excluded | R-CSA-2 ');
    expect(md).toContain('| Excluded | DI-1.2 (item of R-DI-1 ');
    expect(md).toContain('| Key mark removed | R-LA-1 ');
    expect(md).toContain('| Allocated to IP camera | DP-3 | Cameras keep clips on SD cards. |');
    // An item the baseline does not select, added with its reason, is marked as the agency's.
    const base = tailoredDocument(index, ipv);
    const candidates = base.technical.flatMap((r) =>
      index.subCapabilities
        .get(r.id)!
        .elements.filter((e) => !r.items.some((i) => i.record === e))
        .map((e) => ({ r, e })),
    );
    const hit = candidates.find(({ r, e }) =>
      tailoredDocument(index, setIncluded(ipv, e, true, 'x'))
        .technical.find((x) => x.id === r.id)!
        .items.some((i) => i.record === e),
    )!;
    expect(hit).toBeDefined();
    const added = tailoredDocument(index, setIncluded(ipv, hit.e, true, 'Labels must be readable on site.'));
    expect(added.technical.find((r) => r.id === hit.r.id)!.items.find((i) => i.record === hit.e)!.included).toBe(
      'Labels must be readable on site.',
    );
    expect(templateMarkdown(added)).toContain(
      `| Added (not selected by the baseline) | ${hit.e} (item of ${hit.r.number} `,
    );
    expect(templateMarkdown(added)).toMatch(new RegExp(`${hit.e.replace('.', '\\.')}; added by the agency\\]`));
    // A requirement no component provides comes in once it is allocated.
    expect(ids(ipv)).not.toContain('DC-4');
    expect(
      ids(
        setAllocation(
          setIncluded(ipv, 'DC-4', true, 'Bulk configuration.'),
          'DC-4',
          'camera',
          true,
          'Bulk configuration.',
        ),
      ),
    ).toContain('DC-4');
    // Undoing a change removes it.
    expect(setAllocation(t, 'DP-3', 'camera', false).allocationChanges).toEqual([]);
  });

  it('a blank product starts with one IoT device given what the product types give their devices, and states that it has no type', () => {
    let t = blankProduct(model, 'LOW');
    t = addComponent(t, 'backend', 'Vendor cloud', model);
    t = setKey(t, 'SU-1', true, 'Unsigned firmware would reach every device.', model);
    const doc = tailoredDocument(index, t);
    expect(doc.components.map((c) => c.id)).toEqual(['device', 'vendor-cloud']);
    expect(doc.technical.filter((r) => r.appliesTo.includes('device')).length).toBeGreaterThan(15);
    expect(doc.technical.filter((r) => r.appliesTo.includes('vendor-cloud')).length).toBeGreaterThan(3);
    expect(doc.key.map((r) => r.id)).toEqual(['SU-1']);
    expect(doc.tailoring.changed).toBe(true);
    expect(templateMarkdown(doc)).toContain(
      'Written by the agency for a product it described itself (no product type)',
    );
    expect(templateMarkdown(doc)).toContain('| Marked key | R-SU-1 ');
    expect(readTailoring(JSON.parse(JSON.stringify(t)), model).problems).toEqual([]);
  });

  it('refuses a record of a newer version, of a wrong shape, or naming what does not exist, naming the field', () => {
    const refuse = (data: unknown) => readTailoring(data, model).problems.map((p) => `${p.field}: ${p.message}`);
    expect(refuse({ ...ipv, version: TAILORING_VERSION + 1 })).toEqual([
      `version: the record is version ${TAILORING_VERSION + 1}, newer than this site reads (version ${TAILORING_VERSION}); open it with the site that wrote it`,
    ]);
    expect(refuse({ ...ipv, components: [{ ...ipv.components[0]!, type: 'toaster' }] })[0]).toMatch(
      /^components\[0\]\.type: /,
    );
    expect(refuse({ ...ipv, excluded: [{ id: 'XX-9', reason: 'x' }] })).toEqual([
      'excluded[0].id: unknown requirement or item "XX-9"',
    ]);
    expect(refuse({ ...ipv, values: { 'support-end-date': '31/12/2031' } })).toEqual([
      'values.support-end-date: "31/12/2031" is not a date (YYYY-MM-DD)',
    ]);
    expect(refuse({ ...ipv, impact: { ...ipv.impact, override: { level: 'HIGH', reason: '' } } })).toEqual([
      'impact.override.reason: an override of the impact level needs a reason',
    ]);
    expect(refuse('not a record')[0]).toMatch(/^\(the record\): /);
    expect(valueProblem('days', '0')).toBe('"0" is not a positive whole number of days');
    expect(valueProblem('days', '30')).toBeUndefined();
    expect(valueProblem('date', '2031-02-30')).toBe('"2031-02-30" is not a date (YYYY-MM-DD)');
  });

  it('goes into a link and back unchanged, and a damaged link is refused', async () => {
    const t = setKey(ipv, 'LA-2', true, 'Roles.', model);
    const link = await encodeTailoring(t);
    expect(link).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(link.length).toBeLessThan(JSON.stringify(t).length);
    expect(await decodeTailoring(link)).toEqual({ data: t });
    expect(await decodeTailoring(link.slice(0, 40))).toEqual({ error: expect.stringMatching(/damaged/) });
  });

  it("the tool's data gives the same documents as the model, for every type and level", () => {
    const data = JSON.parse(JSON.stringify(tailorData(model)));
    const texts = JSON.parse(JSON.stringify(documentTexts(model)));
    const small = catalogIndex(modelOfTailorData(data, texts));
    for (const type of model.productTypes) {
      for (const level of IMPACT_LEVELS) {
        const a = requirementDocument(index, type.id, level);
        const b = tailoredDocument(
          small,
          defaultTailoring(small.model.productTypes.find((t) => t.id === type.id)!, level),
        );
        expect(templateJson(b), `${type.id} ${level}`).toBe(templateJson(a));
        expect(templateMarkdown(b)).toBe(templateMarkdown(a));
        expect(templateOscalProfile(b, data.controls, 'u', 'd')).toEqual(
          templateOscalProfile(a, model.controls, 'u', 'd'),
        );
      }
    }
    // Without the texts (the list the page shows first) the same requirements and items.
    const list = tailoredDocument(catalogIndex(modelOfTailorData(data)), ipv);
    expect(list.counts).toEqual(tailoredDocument(index, ipv).counts);
    expect(impactLevel(ipv).level).toBe('MODERATE');
  });
});
