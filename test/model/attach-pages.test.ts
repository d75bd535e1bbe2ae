import { describe, expect, it } from 'vitest';
import { buildMiniModel, miniModelProblems } from '../support/build-mini-model.ts';
import { CAPABILITIES_YAML } from '../support/mini-sources.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const tempDir = useTempDirs();

describe('joining the catalog pages to the workbook', () => {
  it('takes titles, descriptions and anchors from the pages, and reports a title that differs', async () => {
    const m = await buildMiniModel(tempDir());
    const di = m.capabilities.find((c) => c.id === 'DI')!;
    expect(di).toMatchObject({
      title: 'Device Identification',
      workbookTitle: 'Device Identity',
      description: 'Ways to tell one device from another.',
      pageProvenance: { file: 'pages/technical/identity.md', place: 'line 7' },
    });
    expect(m.findings).toContainEqual(expect.objectContaining({ kind: 'title-differs', records: ['DI'] }));
    const doc = m.capabilities.find((c) => c.id === 'DOC')!;
    expect(doc.description).toBe('The maker writes things down for its customers.');
    expect(m.subCapabilities.find((s) => s.id === 'DOC-1')).toMatchObject({
      anchor: 'Doc1',
      description: 'Assumptions shape how customers use the device.',
    });
  });

  it('pairs elements by text, also a sub-capability stated as its description and elements under a lead-in', async () => {
    const m = await buildMiniModel(tempDir());
    const el = (id: string) => m.elements.find((e) => e.id === id)!;
    expect(el('DI-1.2').pageProvenance?.place).toBe('line 16');
    expect(el('DI-2.1').pageProvenance?.place).toBe('line 20 (description)');
    expect(el('DP-1.2').pageProvenance?.place).toBe('line 15');
    expect(m.findings.filter((f) => f.kind === 'only-in-workbook')).toEqual([]);
  });

  it('reports elements found in one source only and texts that read differently', async () => {
    const m = await buildMiniModel(tempDir());
    expect(
      m.findings.filter((f) => f.kind === 'only-in-page').map((f) => [f.message, f.where[0]!.file, f.where[0]!.place]),
    ).toEqual([
      [
        'The catalog page lists the element "Ability to wipe the device." under "Secure Storage", which the workbook does not have.',
        'pages/technical/protection.md',
        'line 16',
      ],
    ]);
    expect(m.findings.filter((f) => f.kind === 'text-differs').map((f) => f.records)).toEqual([['DP-1.1']]);
  });

  it('attaches <details> examples and the explanation of non-technical elements', async () => {
    const m = await buildMiniModel(tempDir());
    expect(m.subElements.find((s) => s.id === 'DOC-1.a.1.1')!.examples).toEqual([
      'A one-page overview of the oversight tools.',
    ]);
    expect(m.elements.find((e) => e.id === 'DOC-1.a.1')!.description).toBe(
      'Customers need to know how to watch the device.',
    );
    expect(m.subElements.find((s) => s.id === 'DOC-1.a.1.2')!.examples).toEqual([]);
  });

  it('adds the federal profile topics with manufacturer and agency actions, linked to their capability', async () => {
    const m = await buildMiniModel(tempDir());
    expect(m.profileTopics).toEqual([
      expect.objectContaining({
        id: 'fp-nontech-identity',
        title: 'Device Identity',
        capability: 'DI',
        sections: [
          expect.objectContaining({
            id: 'fp-nontech-identity-s1',
            heading: 'Policies and procedures for unique device names.',
            manufacturer: ['Provides a unique name for each device.'],
            agency: ['Records the name of every device.'],
            provenance: { source: 'profile-identity', file: 'profile/nontechnical/identity.md', place: 'line 9' },
          }),
        ],
      }),
    ]);
  });

  it('a capability page that is not pinned stops the build, naming capabilities.yaml', async () => {
    const err = await miniModelProblems(tempDir(), {
      capabilitiesYaml: CAPABILITIES_YAML.replace('page: protection', 'page: protect'),
    });
    expect(err.problems).toContainEqual(
      expect.objectContaining({
        file: 'catalog/capabilities.yaml',
        place: '$.capabilities[1].page',
        message: 'no technical SP 800-213A page "protect" is pinned',
      }),
    );
  });

  it('a page without a title heading is an error with its file', async () => {
    const err = await miniModelProblems(tempDir(), {
      pages: { protection: Buffer.from('---\ntitle: x\n---\n\nJust text.\n') },
    });
    expect(err.problems.some((p) => p.file === 'pages/technical/protection.md')).toBe(true);
  });
});
