import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAgainstSchema, parseJsonSource } from '../../src/lib/import/json-source.ts';
import { importOscalCatalog, type OscalCatalogDocument } from '../../src/lib/import/oscal-catalog.ts';
import { importOscalProfile, type OscalProfileDocument } from '../../src/lib/import/oscal-profile.ts';
import { Problems } from '../../src/lib/problems.ts';
import { fixturesDir } from '../support/mini-sources.ts';

const text = (name: string) => readFileSync(join(fixturesDir, 'oscal', name), 'utf8');
const miniCatalog = () => JSON.parse(text('mini-catalog.json')) as OscalCatalogDocument;

function imported() {
  const problems = new Problems();
  const result = importOscalCatalog(miniCatalog(), { id: 'catalog', file: 'catalog.json' }, problems);
  return { ...result, problems, control: (id: string) => result.controls.find((c) => c.id === id)! };
}

describe('OSCAL catalog import', () => {
  it('reads families, controls and enhancements in catalog order with labels and parents', () => {
    const { families, controls, control, problems } = imported();
    expect(problems.list).toEqual([]);
    expect(families.map((f) => [f.id, f.label, f.title, f.controls])).toEqual([
      ['ac', 'AC', 'Access Control', ['ac-1', 'ac-2', 'ac-2.1', 'ac-2.2']],
      ['sc', 'SC', 'System and Communications Protection', ['sc-8', 'sc-8.1', 'sc-28', 'sc-99']],
    ]);
    expect(controls).toHaveLength(8);
    expect(control('ac-2.1')).toMatchObject({
      label: 'AC-2(1)',
      kind: 'enhancement',
      parent: 'ac-2',
      sortId: 'ac-02.01',
    });
    expect(control('ac-2').enhancements).toEqual(['ac-2.1', 'ac-2.2']);
    expect(control('ac-1').related).toEqual(['ac-2']);
  });

  it('keeps statement item labels and renders parameters the way NIST prints them', () => {
    const { control } = imported();
    const smt = control('ac-1').statement!;
    expect(smt.parts.map((p) => [p.label, p.text])).toEqual([
      ['a.', 'Share the rules with [Assignment: organization-defined personnel or roles]:'],
      ['b.', 'Keep them current.'],
    ]);
    expect(smt.parts[0]!.parts[0]).toMatchObject({
      id: 'ac-1_smt.a.1',
      label: '1.',
      text: '[Selection (one or more): Organization-level; System-level] rules that:',
    });
    expect(control('ac-1').guidance).toBe('Rules matter.');
    expect(control('ac-2.1').statement).toMatchObject({
      label: '',
      text: 'Support account management with automated mechanisms.',
      parts: [],
    });
  });

  it('renders selections without "one or more", and parameters nested in choices', () => {
    const { control } = imported();
    expect(control('ac-2').statement!.parts[0]!.text).toBe(
      'Manage accounts by [Selection: a role-based scheme; another [Assignment: organization-defined kind of] scheme].',
    );
    expect(control('ac-2').params[1]).toEqual({
      id: 'ac-2_prm_2',
      label: 'organization-defined kind of',
      dependsOn: 'ac-2_prm_1',
      text: '[Assignment: organization-defined kind of]',
    });
    expect(JSON.stringify(imported().controls)).not.toContain('{{');
  });

  it('records where withdrawn controls went: an item of a control, or a whole family', () => {
    const { control } = imported();
    expect(control('ac-2.2')).toMatchObject({
      withdrawn: true,
      withdrawnTo: [{ relation: 'incorporated-into', target: 'item', id: 'ac-2', part: 'ac-2_smt.k', label: 'AC-2k' }],
    });
    expect(control('sc-99').withdrawnTo).toEqual([
      { relation: 'incorporated-into', target: 'family', id: 'ac', label: 'AC' },
    ]);
    expect(control('ac-1').withdrawn).toBe(false);
  });

  it('cites a nested item as NIST does (AC-1a.1)', () => {
    const doc = miniCatalog();
    const sc99 = doc.catalog.groups![1]!.controls!.find((c) => c.id === 'sc-99')!;
    sc99.links = [{ href: '#ac-1_smt.a.1', rel: 'moved-to' }];
    const problems = new Problems();
    const r = importOscalCatalog(doc, { id: 'catalog', file: 'catalog.json' }, problems);
    expect(r.controls.find((c) => c.id === 'sc-99')!.withdrawnTo).toEqual([
      { relation: 'moved-to', target: 'item', id: 'ac-1', part: 'ac-1_smt.a.1', label: 'AC-1a.1' },
    ]);
  });

  it('reports an insertion of an undefined parameter with its JSON path', () => {
    const doc = miniCatalog();
    doc.catalog.groups![0]!.controls![0]!.parts![0]!.parts![1]!.prose = 'Keep {{ insert: param, ac-1_prm_9 }} current.';
    const problems = new Problems();
    importOscalCatalog(doc, { id: 'catalog', file: 'catalog.json' }, problems);
    expect(problems.list).toEqual([
      expect.objectContaining({
        file: 'catalog.json',
        place: '$.catalog.groups[0].controls[0].parts[0].parts[1]',
        message: 'the text inserts parameter "ac-1_prm_9", which no control defines',
      }),
    ]);
  });
});

describe('reading JSON sources', () => {
  it('reports truncated JSON with line and column, and says to fetch again', () => {
    const problems = new Problems();
    const full = text('mini-catalog.json');
    expect(parseJsonSource(full.slice(0, 400), 'catalog.json', problems)).toBeUndefined();
    const p = problems.list[0]!;
    expect(p.file).toBe('catalog.json');
    expect(p.place).toMatch(/^line \d+, column \d+$/);
    expect(p.hint).toContain('looks truncated');
  });

  it('reports schema violations by JSON path', () => {
    const problems = new Problems();
    const schema = JSON.parse(text('mini-schema.json')) as object;
    const doc = { catalog: { uuid: 'not-a-uuid', metadata: {} } };
    expect(checkAgainstSchema(doc, schema, 'OSCAL catalog schema', 'catalog.json', problems)).toBe(false);
    expect(problems.list[0]).toMatchObject({
      place: '$.catalog.uuid',
      message: 'does not conform to the OSCAL catalog schema: must match format "uuid"',
    });
  });
});

describe('OSCAL baseline profile import', () => {
  it('lists the included control ids with their JSON paths', () => {
    const problems = new Problems();
    const b = importOscalProfile(
      JSON.parse(text('mini-low-profile.json')) as OscalProfileDocument,
      'LOW',
      'low.json',
      problems,
    );
    expect(b.controls.map((c) => c.id)).toEqual(['ac-1', 'ac-2', 'sc-8']);
    expect(b.controls[2]!.path).toBe('$.profile.imports[0].include-controls[0].with-ids[2]');
    expect(problems.list).toEqual([]);
  });

  it('an empty baseline is an error', () => {
    const problems = new Problems();
    importOscalProfile(
      { profile: { metadata: { title: 'x' }, imports: [{ href: 'x', 'include-controls': [{ 'with-ids': [] }] }] } },
      'LOW',
      'low.json',
      problems,
    );
    expect(problems.errors[0]).toMatchObject({ file: 'low.json', message: 'the LOW baseline includes no controls' });
  });
});

describe('JSON error places', () => {
  it('names the line and column of a syntax error in the middle of a file', () => {
    const problems = new Problems();
    parseJsonSource('{\n  "a": 1,\n  "b": x\n}\n', 'f.json', problems);
    expect(problems.list[0]!.place).toBe('line 3, column 8');
    expect(problems.list[0]!.hint).not.toContain('truncated');
  });
});
