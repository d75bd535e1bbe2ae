/** Product templates read back with real readers: mammoth (DOCX), exceljs (XLSX), csv-parse, ajv with the OSCAL schemas. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { sp800213aOscalCatalog } from '../../src/lib/downloads/oscal-213a-catalog.ts';
import { checkAgainstSchema } from '../../src/lib/import/json-source.ts';
import type { Model } from '../../src/lib/model/schemas/model.ts';
import { paths } from '../../src/lib/paths.ts';
import { Problems } from '../../src/lib/problems.ts';
import { LIFECYCLE_SUBCAPABILITIES, RESPONSES, TEMPLATE_COLUMNS, lifecycleObligations, templateCsv, templateDocx, templateOscalProfile, templateRows, templateXlsx } from '../../src/lib/products/product-downloads.ts';
import { type Selection, selectRequirements } from '../../src/lib/products/select-requirements.ts';
import { type CatalogIndex, catalogIndex } from '../../src/lib/site/catalog-index.ts';
import { loadSourceManifest } from '../../src/lib/sources/source-manifest.ts';
import { realModel, requireSourcesDir } from '../support/real-sources.ts';

let model: Model;
let index: CatalogIndex;
let selection: Selection;
let schemas: { catalog: object; profile: object };

beforeAll(async () => {
  model = await realModel();
  index = catalogIndex(model);
  selection = selectRequirements(index, model.productTypes.find((t) => t.id === 'ip-video-surveillance')!, 'MODERATE');
  const manifest = loadSourceManifest(paths.sourceManifest);
  const schema = (w: string) => JSON.parse(readFileSync(join(requireSourcesDir(), manifest.files.find((f) => f.kind === 'oscal-schema' && f.schemaFor === w)!.file), 'utf8')) as object;
  schemas = { catalog: schema('catalog'), profile: schema('profile') };
}, 120_000);

describe('product templates', () => {
  it('every product type at its default level covers the lifecycle: updates, configuration, access, data, logging, and post-market support', () => {
    for (const type of model.productTypes) {
      const s = selectRequirements(index, type, type.impact);
      const caps = new Set(s.requirements.map((r) => r.capability));
      for (const c of ['SU', 'DC', 'LA', 'DP', 'CSA']) expect(caps.has(c), `${type.id} ${c}`).toBe(true);
      const topics = lifecycleObligations(s, index);
      const subs = new Set(s.requirements.map((r) => r.subCapability));
      for (const sub of LIFECYCLE_SUBCAPABILITIES) expect(subs.has(sub), `${type.id} ${sub}`).toBe(true);
      expect(topics.length).toBeGreaterThan(2);
      expect(topics.flatMap((t) => t.clauses).every((c) => /^(The manufacturer shall|If )/.test(c))).toBe(true);
    }
  });

  it('the CSV rows equal the selection, one per allocated clause', () => {
    const rows = parse(templateCsv(selection, index), { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...TEMPLATE_COLUMNS]);
    expect(rows).toHaveLength(selection.requirements.reduce((n, r) => n + r.clauses.length, 0));
    expect(rows.map((r) => r.statement)).toEqual(selection.requirements.flatMap((r) => r.clauses.map((c) => c.text)));
    expect(rows.filter((r) => r.key === 'yes').map((r) => r.sp800_213a)).toEqual(expect.arrayContaining(selection.type.key.map((k) => k.element)));
  });

  it('the XLSX is a compliance matrix: same rows, a response drop-down, header frozen, filters on', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await templateXlsx(selection, index)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows = templateRows(selection, index);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...TEMPLATE_COLUMNS, 'response', 'evidence_reference', 'notes']);
    expect(ws.rowCount).toBe(rows.length + 1);
    expect(ws.getCell('B2').value).toBe(rows[0]!.statement);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getCell('J2').dataValidation).toMatchObject({ type: 'list', formulae: [`"${RESPONSES.join(',')}"`] });
  });

  it('the DOCX reads as a solicitation: scope, definitions, product, requirement table, instructions, evaluation', async () => {
    const definitions = model.glossary.filter((e) => e.definition).map((e) => ({ term: e.term, text: e.definition!.text }));
    const { value: text } = await mammoth.extractRawText({ buffer: await templateDocx(selection, index, definitions) });
    for (const heading of ['1. Scope', '2. Definitions', '3. Product description', '4. Requirements', '5. Post-market support', '6. Instructions to offerors', '7. Evaluation criteria']) expect(text).toContain(heading);
    for (const r of templateRows(selection, index)) expect(text).toContain(r.statement);
    expect(text).toContain('[solicitation number]');
    expect(text).toContain('Committed support period: [number] years');
    expect(text).toMatch(/Pass\/fail: each of the \d+ key requirements/);
  });

  it('the OSCAL profile selects the controls behind the requirements and is valid OSCAL 1.0.6', () => {
    const profile = templateOscalProfile(selection, index, 'https://example.org/catalog.json', '2026-11-23T00:00:00Z') as { profile: { imports: { 'include-controls': { 'with-ids': string[] }[] }[] } };
    const problems = new Problems();
    expect(checkAgainstSchema(profile, schemas.profile, 'OSCAL profile schema', 'profile.json', problems), JSON.stringify(problems.list)).toBe(true);
    const ids = profile.profile.imports[0]!['include-controls'][0]!['with-ids'];
    expect(new Set(ids)).toEqual(new Set(selection.requirements.flatMap((r) => r.controls)));
  });

  it('for every product type and level, the XLSX and CSV read back to the selection, and the OSCAL profile validates', async () => {
    for (const type of model.productTypes) {
      for (const level of ['LOW', 'MODERATE', 'HIGH'] as const) {
        const s = selectRequirements(index, type, level);
        const statements = s.requirements.flatMap((r) => r.clauses.map((c) => c.text));
        const csvRows = parse(templateCsv(s, index), { bom: true, columns: true }) as Record<string, string>[];
        expect(csvRows.map((r) => r.statement), `${type.id} ${level} csv`).toEqual(statements);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load((await templateXlsx(s, index)) as unknown as ArrayBuffer);
        const xlsxStatements = wb.worksheets[0]!.getColumn(2).values.slice(2);
        expect(xlsxStatements, `${type.id} ${level} xlsx`).toEqual(statements);
        const problems = new Problems();
        expect(checkAgainstSchema(templateOscalProfile(s, index, 'https://example.org/c.json', '2026-11-23T00:00:00Z'), schemas.profile, 'OSCAL profile schema', `${type.id}-${level}`, problems)).toBe(true);
      }
    }
  }, 120_000);

  it('the SP 800-213A catalog in OSCAL is valid OSCAL 1.0.6 and holds every record', () => {
    const doc = sp800213aOscalCatalog(model, 'https://example.org/catalog.json', '2026-11-23T00:00:00Z') as { catalog: { groups: { controls: { controls: { controls?: unknown[] }[] }[] }[] } };
    const problems = new Problems();
    expect(checkAgainstSchema(doc, schemas.catalog, 'OSCAL catalog schema', 'catalog.json', problems), JSON.stringify(problems.list.slice(0, 3))).toBe(true);
    expect(doc.catalog.groups).toHaveLength(model.capabilities.length);
    const elements = doc.catalog.groups.flatMap((g) => g.controls.flatMap((c) => c.controls));
    expect(elements).toHaveLength(model.elements.length);
    expect(elements.flatMap((e) => e.controls ?? [])).toHaveLength(model.subElements.length);
  });
});
