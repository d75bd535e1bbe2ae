import { describe, expect, it } from 'vitest';
import { nonTechnicalSheet, technicalSheet } from '../support/mini-sources.ts';
import { buildMiniModel, miniModelProblems } from '../support/build-mini-model.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const tempDir = useTempDirs();

describe('the catalog model built from mini sources', () => {
  it('fills merged capability and sub-capability cells down and numbers the records', async () => {
    const model = await buildMiniModel(tempDir());
    expect(model.capabilities.map((c) => c.id)).toEqual(['DI', 'DP', 'DOC']);
    expect(model.subCapabilities.map((s) => [s.id, s.title])).toEqual([
      ['DI-1', 'Identifier Support'],
      ['DI-2', 'Physical Marks'],
      ['DP-1', 'Secure Storage'],
      ['DOC-1', 'Document what the maker assumed.'],
      ['DOC-2', 'Document the features.'],
    ]);
    expect(model.elements.filter((e) => e.kind === 'technical').map((e) => e.id)).toEqual([
      'DI-1.1',
      'DI-1.2',
      'DI-2.1',
      'DP-1.1',
      'DP-1.2',
    ]);
    expect(model.subCapabilities.find((s) => s.id === 'DI-1')!.description).toBe(
      'Ability to tell devices apart. Elements that may be necessary:',
    );
  });

  it('keeps the non-technical hierarchy: group letter and element number in the id, sub-elements under elements', async () => {
    const model = await buildMiniModel(tempDir());
    const nt = model.elements.filter((e) => e.kind === 'non-technical');
    expect(nt.map((e) => e.id)).toEqual(['DOC-1.a.1', 'DOC-1.a.2', 'DOC-2.a.1']);
    expect(nt[0]).toMatchObject({
      label: '1.',
      group: { label: 'a.', title: 'Expected use' },
      topic: 'Device Security',
      subElements: ['DOC-1.a.1.1', 'DOC-1.a.1.2'],
    });
    expect(nt[1]!.topic).toBeUndefined();
    expect(model.subElements.map((s) => [s.id, s.text])).toEqual([
      ['DOC-1.a.1.1', 'Providing a description of oversight.'],
      ['DOC-1.a.1.2', 'Providing a list of roles.'],
      ['DOC-1.a.2.1', 'Providing a phone number.'],
      ['DOC-2.a.1.1', 'Providing the algorithms used.'],
    ]);
    expect(model.capabilities.find((c) => c.id === 'DOC')).toMatchObject({
      label: 'A.',
      title: 'Documentation from the Manufacturer',
    });
  });

  it('splits element bullets into nested items and keeps a lead-in written over some elements', async () => {
    const model = await buildMiniModel(tempDir());
    const el = (id: string) => model.elements.find((e) => e.id === id)!;
    expect(el('DI-1.2').text).toBe('Ability to name a remote device.');
    expect(el('DI-1.2').items).toEqual([{ text: 'Over the network', items: [{ text: 'by address', items: [] }] }]);
    expect(el('DP-1.2').leadIn).toBe('If keys are stored on the device:');
    expect(el('DP-1.1').leadIn).toBeUndefined();
  });

  it('reads control references past typos and records both low-baseline marks per link', async () => {
    const model = await buildMiniModel(tempDir());
    const links = (id: string) => [...model.elements, ...model.subElements].find((e) => e.id === id)!.controls;
    expect(links('DI-1.2')).toEqual([
      {
        control: 'ac-2',
        sourceText: 'AC-2 ACCOUNT MANAGEMENT',
        lowBaselineSource: true,
        lowBaselineProfile: true,
        titleMatchesCatalog: true,
      },
      {
        control: 'ac-2.1',
        sourceText: 'AC-2 ACCOUNT MANAGEMENT(1) ACCOUNT MANAGEMENT | AUTOMATED ACCOUNT MANAGEMENT',
        lowBaselineSource: false,
        lowBaselineProfile: false,
        titleMatchesCatalog: true,
      },
    ]);
    expect(links('DP-1.1')).toMatchObject([{ control: 'sc-28', lowBaselineSource: false, lowBaselineProfile: false }]);
    expect(links('DI-2.1')).toMatchObject([
      { control: 'sc-8', titleMatchesCatalog: false, lowBaselineSource: false, lowBaselineProfile: true },
    ]);
    expect(model.subElements.find((s) => s.id === 'DOC-1.a.2.1')).toMatchObject({ controls: [], noMapping: true });
  });

  it('reports the disagreements between sources as findings, with their rows', async () => {
    const model = await buildMiniModel(tempDir());
    const of = (kind: string) => model.findings.filter((f) => f.kind === kind);
    expect(of('low-baseline-disagreement').map((f) => [f.records, f.where[0]!.place])).toEqual([
      [['DI-2.1', 'sc-8'], 'Technical Capabilities 800-53!4'],
      [['DP-1.2', 'sc-28'], 'Technical Capabilities 800-53!6'],
    ]);
    expect(of('control-title-typo').map((f) => f.message)).toEqual([
      'The workbook titles SC-8 "TRANSMISION CONFIDENTIALITY AND INTEGRITY"; the catalog\'s title is "Transmission Confidentiality and Integrity".',
    ]);
    expect(of('control-reference-typo').map((f) => f.where[0]!.place)).toEqual([
      'Technical Capabilities 800-53!3',
      'Technical Capabilities 800-53!5',
    ]);
    expect(of('no-mapping').map((f) => f.records)).toContainEqual(['DOC-1.a.2.1']);
  });

  it('joins the CSF workbook row by row, reading past typed slips', async () => {
    const model = await buildMiniModel(tempDir());
    const csf = (id: string) => [...model.elements, ...model.subElements].find((e) => e.id === id)!.csf;
    expect(csf('DI-1.2')).toEqual(['PR.AC-1', 'ID.AM-1']);
    expect(csf('DI-2.1')).toEqual(['ID.AM-2']);
    expect(csf('DP-1.2')).toEqual(['PR.PT-1']);
    expect(csf('DOC-1.a.1.1')).toEqual(['ID.SC-3']);
    expect(model.findings.filter((f) => f.kind === 'csf-id-typo').map((f) => f.message)).toEqual([
      'DI-2.1: the CSF workbook writes "ID-AM-2", read as ID.AM-2 (written with other separators).',
      'DP-1.2: the CSF workbook writes "PT.PT-1", read as PR.PT-1 (category PT belongs to function PR, not PT).',
    ]);
  });

  it('gives controls their baselines, statements and rendered parameters', async () => {
    const model = await buildMiniModel(tempDir());
    const ac1 = model.controls.find((c) => c.id === 'ac-1')!;
    expect(ac1.baselines).toEqual(['LOW', 'MODERATE']);
    expect(ac1.statement!.parts[0]!.parts[0]!.text).toBe(
      '[Selection (one or more): Organization-level; System-level] rules that:',
    );
    expect(model.controls.find((c) => c.id === 'sc-28')!.baselines).toEqual(['MODERATE']);
  });
});

describe('bad inputs stop the build with the file, the place and a hint', () => {
  it('an unknown control id names its row and suggests the closest id', async () => {
    const tech = technicalSheet();
    tech.rows[2]![4] = 'SC-88 TRANSMISSION CONFIDENTIALITY AND INTEGRITY';
    const err = await miniModelProblems(tempDir(), { technical: tech });
    expect(err.problems).toContainEqual(
      expect.objectContaining({
        file: 'mappings/to-53.xlsx',
        place: 'Technical Capabilities 800-53!4 (E)',
        message: expect.stringContaining('unknown control "sc-88"'),
        hint: expect.stringContaining('did you mean "sc-28" or "sc-8"'),
      }),
    );
    expect(err.message).toContain('Building the catalog model failed');
  });

  it('text that is no control reference is reported with its line in the cell', async () => {
    const tech = technicalSheet();
    tech.rows[0]![4] = 'AC-2 ACCOUNT MANAGEMENT\nsee above';
    const err = await miniModelProblems(tempDir(), { technical: tech });
    expect(err.problems).toContainEqual(
      expect.objectContaining({
        place: 'Technical Capabilities 800-53!2 (E, line 2)',
        message: 'cannot read a control reference in "see above"',
      }),
    );
  });

  it('a duplicate id names both rows', async () => {
    const nt = nonTechnicalSheet();
    nt.rows[3]![2] = { bold: '1.\tExplain the help desk.' };
    const err = await miniModelProblems(tempDir(), { nonTechnical: nt });
    expect(err.problems).toContainEqual(
      expect.objectContaining({
        file: 'mappings/to-53.xlsx',
        place: 'Non Technical Manufacturers!5',
        message: expect.stringMatching(
          /duplicate catalog record id "DOC-1\.a\.1": also used by the record at mappings\/to-53\.xlsx \(Non Technical Manufacturers!3\)/,
        ),
      }),
    );
  });

  it('an element cell merged over two rows is an error, not two copies of one element', async () => {
    const tech = technicalSheet();
    tech.merges.push('D5:D6');
    const err = await miniModelProblems(tempDir(), { technical: tech });
    expect(err.problems).toContainEqual(
      expect.objectContaining({
        place: 'Technical Capabilities 800-53!6 (D)',
        message: 'element cell is merged with D5',
      }),
    );
  });

  it('an empty sheet is an error', async () => {
    const tech = technicalSheet();
    tech.rows = [];
    tech.merges = [];
    const err = await miniModelProblems(tempDir(), { technical: tech });
    expect(err.problems).toContainEqual(
      expect.objectContaining({ place: 'Technical Capabilities 800-53!2', message: 'the technical sheet has no rows' }),
    );
  });

  it('a capability missing from capabilities.yaml is named with a "did you mean"', async () => {
    const tech = technicalSheet();
    tech.rows[0]![0] = { bold: 'Device Identiy' };
    const err = await miniModelProblems(tempDir(), { technical: tech });
    expect(err.problems).toContainEqual(
      expect.objectContaining({
        place: 'Technical Capabilities 800-53!2',
        message: 'technical capability "Device Identiy" is not declared in catalog/capabilities.yaml',
        hint: expect.stringContaining('did you mean "Device Identity"?'),
      }),
    );
  });

  it('collects every problem before failing', async () => {
    const tech = technicalSheet();
    tech.rows[0]![4] = 'AC-77 NOTHING';
    tech.rows[3]![4] = 'SC-77 NOTHING';
    const err = await miniModelProblems(tempDir(), { technical: tech });
    expect(err.problems.filter((p) => p.message.startsWith('unknown control'))).toHaveLength(2);
  });
});
