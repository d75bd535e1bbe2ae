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
import JSZip from 'jszip';
import {
  ITEM_COLUMNS,
  KEY_RESPONSES,
  MATRIX_SHEET,
  RESPONSES,
  itemRows,
  templateCsv,
  templateDocx,
  templateJson,
  templateMarkdown,
  templateOscalProfile,
  templateXlsx,
} from '../../src/lib/products/product-downloads.ts';
import { type RequirementDocumentModel, requirementDocument } from '../../src/lib/products/requirement-document.ts';
import { IMPACT_LEVELS } from '../../src/lib/products/select-requirements.ts';
import { type CatalogIndex, catalogIndex } from '../../src/lib/site/catalog-index.ts';
import { loadSourceManifest } from '../../src/lib/sources/source-manifest.ts';
import { realModel, requireSourcesDir } from '../support/real-sources.ts';

const DATE = new Date('2026-06-30T12:00:00Z');
let model: Model;
let index: CatalogIndex;
let doc: RequirementDocumentModel;
let schemas: { catalog: object; profile: object };

beforeAll(async () => {
  model = await realModel();
  index = catalogIndex(model);
  doc = requirementDocument(index, 'ip-video-surveillance', 'MODERATE');
  const manifest = loadSourceManifest(paths.sourceManifest);
  const schema = (w: string) =>
    JSON.parse(
      readFileSync(
        join(requireSourcesDir(), manifest.files.find((f) => f.kind === 'oscal-schema' && f.schemaFor === w)!.file),
        'utf8',
      ),
    ) as object;
  schemas = { catalog: schema('catalog'), profile: schema('profile') };
}, 120_000);

const docxText = async (d: RequirementDocumentModel) =>
  (await mammoth.extractRawText({ buffer: (await templateDocx(d, DATE)) as Buffer })).value;
const workbook = async (d: RequirementDocumentModel) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await templateXlsx(d, DATE)) as unknown as ArrayBuffer);
  return wb;
};

describe('product solicitation documents', () => {
  it('at moderate, every product type has at most 100 numbered requirements, key requirements and post-market support', () => {
    for (const type of model.productTypes) {
      const d = requirementDocument(index, type.id, 'MODERATE');
      expect(d.counts.requirements, type.id).toBeLessThanOrEqual(100);
      expect(d.key.length, type.id).toBe(type.key.length);
      for (const c of ['SU', 'DC', 'LA', 'DP', 'CSA'])
        expect(
          d.technical.some((r) => r.capability === c),
          `${type.id} ${c}`,
        ).toBe(true);
      expect(d.postMarket.length).toBeGreaterThanOrEqual(7);
      expect(d.levelChanges?.from).toBe('LOW');
    }
  });

  it('a requirement on several components is written once, with the components it applies to', () => {
    const di1 = doc.technical.find((r) => r.id === 'DI-1')!;
    expect(di1.appliesTo).toEqual(['camera', 'recorder']);
    expect(itemRows(doc).filter((r) => r.sp800_213a === 'DI-1.1')).toHaveLength(1);
    expect(itemRows(doc).find((r) => r.sp800_213a === 'DI-1.1')!.text).toBe(
      'Each of IP camera, Network video recorder / VMS server shall provide the ability to uniquely identify the IoT device logically.',
    );
  });

  it('the CSV is RFC 4180 and holds one row per item, as the other formats do', () => {
    const rows = parse(templateCsv(doc), {
      bom: true,
      columns: true,
      relax_quotes: false,
      relax_column_count: false,
      skip_records_with_error: false,
    }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...ITEM_COLUMNS]);
    expect(rows).toEqual(itemRows(doc));
    expect(rows).toHaveLength(doc.counts.items);
    const json = JSON.parse(templateJson(doc)) as {
      items: unknown[];
      technical: { number: string }[];
      manufacturer: unknown[];
      postMarket: unknown[];
      deliverables: unknown[];
      values: unknown[];
    };
    expect(json.items).toEqual(rows);
    expect(json.technical.map((r) => r.number)).toEqual(doc.technical.map((r) => r.number));
    expect([json.postMarket.length, json.deliverables.length, json.values.length]).toEqual([
      doc.postMarket.length,
      doc.deliverables.length,
      doc.values.length,
    ]);
    const markdown = templateMarkdown(doc);
    for (const r of [...doc.technical, ...doc.manufacturer]) expect(markdown).toContain(`### ${r.number} `);
    for (const h of [
      '## 3 Values the agency sets',
      '## 8 Post-market support',
      '## 10 Deliverables',
      '## 11 Instructions to offerors',
      '## 12 Evaluation',
      '## Annex A Traceability',
    ])
      expect(markdown).toContain(h);
    expect(markdown.match(/^### PM-\d+ /gm)).toHaveLength(doc.postMarket.length);
  });

  it('the DOCX numbers the items of each requirement from a. again: one list per requirement, in order', async () => {
    const zip = await JSZip.loadAsync(await templateDocx(doc, DATE));
    const xml = await zip.file('word/document.xml')!.async('string');
    const requirements = [...doc.technical, ...doc.manufacturer];
    const lists = [...xml.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect([...new Set(lists)]).toEqual(requirements.map((_, i) => i + 1));
    const items = requirements.flatMap((r, i) => r.items.flatMap((item) => [i + 1, ...item.subItems.map(() => i + 1)]));
    expect(lists).toEqual(items);
    const numbering = await zip.file('word/numbering.xml')!.async('string');
    expect(numbering.match(/<w:num w:numId=/g)).toHaveLength(requirements.length);
    expect(numbering.match(/<w:startOverride w:val="1"\/>/g)).toHaveLength(2 * requirements.length);
  });

  it('the DOCX is US Letter with 1-inch margins, a header, "Page X of Y", Word styles and every section', async () => {
    const zip = await JSZip.loadAsync((await templateDocx(doc, DATE)) as Buffer);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
    expect(xml).toMatch(/<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"/);
    expect(xml).toMatch(/w:orient="landscape"/);
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /word\/footer\d*\.xml/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    expect(footers.join('')).toMatch(/PAGE[\s\S]*NUMPAGES/);
    const styles = await zip.file('word/styles.xml')!.async('string');
    for (const s of ['Title', 'Heading1', 'Heading2', 'Heading3', 'ListNumber'])
      expect(styles).toContain(`w:styleId="${s}"`);
    for (const m of xml.matchAll(/<w:gridCol w:w="(\d+)"/g)) expect(Number(m[1])).toBeGreaterThanOrEqual(1440);
    const text = await docxText(doc);
    for (const h of [
      '1 Scope and background',
      '2 Definitions',
      '3 Values the agency sets',
      '4 Product and components',
      '5 Key requirements',
      '6 Requirements on the product components',
      '7 Manufacturer obligations',
      '8 Post-market support',
      '9 Federal acquisition provisions and clauses',
      '10 Deliverables',
      '11 Instructions to offerors',
      'Vendor questionnaire',
      '12 Evaluation',
      'Annex A Traceability',
    ])
      expect(text).toContain(h);
    for (const r of [...doc.technical, ...doc.manufacturer]) expect(text).toContain(`${r.number} ${r.title}`);
    for (const r of doc.key) expect(text).toContain(r.pass);
    expect(text).not.toMatch(/organi[sz]ation(ally)?-defined/);
    expect(text).not.toMatch(/\[\d+\]/);
    for (const d of doc.definitions) {
      expect(text).toContain(`${d.term}: ${d.text}`);
      expect(d.cite).toMatch(/^NIST SP 800-213 Rev\. 1 ipd, section [\d.]+, p\. \d+/);
      expect(d.text, 'project-written, not the draft quoted').not.toBe(
        model.glossary.find((g) => g.term === d.term)!.definition!.text,
      );
    }
    expect(doc.definitions.length).toBeGreaterThanOrEqual(8);
    expect(text).toContain('[AGENCY: earliest support end date]');
    expect(text).toContain('FAR 52.204-25');
  });

  it('the XLSX has the instructions, a compliance matrix grouped by requirement, an evaluation with formulas, and the values', async () => {
    const wb = await workbook(doc);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Instructions', MATRIX_SHEET, 'Evaluation', 'Values']);
    const ws = wb.getWorksheet(MATRIX_SHEET)!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (h: string) => header.indexOf(h) + 1;
    const rows = [...Array(ws.rowCount - 1).keys()].map((i) => ws.getRow(i + 2));
    const items = rows.filter((r) => r.getCell(col('Item')).value);
    expect(items).toHaveLength(doc.counts.items);
    expect(rows.length - items.length).toBe(doc.counts.requirements);
    for (const r of items) {
      const key = r.getCell(col('Key')).value === 'yes';
      const validation = r.getCell(col('Response')).dataValidation;
      expect(validation.formulae).toEqual([`"${(key ? KEY_RESPONSES : RESPONSES).join(',')}"`]);
      expect(r.outlineLevel).toBe(1);
      expect(r.height).toBeGreaterThanOrEqual(
        15 * Math.ceil(String(r.getCell(col('Requirement text')).value).length / 63),
      );
    }
    expect(items.some((r) => r.getCell(col('Key')).value === 'yes')).toBe(true);
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    });
    expect(ws.headerFooter.oddFooter).toContain('Page &P of &N');
    const ev = wb.getWorksheet('Evaluation')!;
    expect(String((ev.getCell('C2').value as { formula: string }).formula)).toMatch(/^COUNTIFS\('Compliance matrix'!/);
    expect(String((ev.getCell('C4').value as { formula: string }).formula)).toContain('FAIL');
    const values = wb.getWorksheet('Values')!;
    expect(values.rowCount - 1).toBe(doc.values.length);
  });

  it('the OSCAL profile selects the controls behind the items, carries the agency values as set-parameters, and is valid OSCAL 1.0.6', () => {
    const filled = requirementDocument(index, 'ip-video-surveillance', 'MODERATE', {
      values: { 'system-use-notification': 'U.S. Government system: authorized use only.' },
    });
    const profile = templateOscalProfile(
      filled,
      model.controls,
      'https://example.org/catalog.json',
      '2026-11-23T00:00:00Z',
    ) as {
      profile: {
        imports: { 'include-controls': { 'with-ids': string[] }[] }[];
        modify: { 'set-parameters': { 'param-id': string; values?: string[] }[] };
      };
    };
    const problems = new Problems();
    expect(
      checkAgainstSchema(profile, schemas.profile, 'OSCAL profile schema', 'profile.json', problems),
      JSON.stringify(problems.list),
    ).toBe(true);
    const ids = profile.profile.imports[0]!['include-controls'][0]!['with-ids'];
    expect(new Set(ids)).toEqual(
      new Set([...filled.technical, ...filled.manufacturer].flatMap((r) => r.items.flatMap((i) => i.controlIds))),
    );
    const setParams = profile.profile.modify['set-parameters'];
    expect(setParams.find((p) => p['param-id'] === 'ac-8_prm_1')?.values).toEqual([
      'U.S. Government system: authorized use only.',
    ]);
    expect(setParams.length).toBeGreaterThan(3);
  });

  it('for every product type and level, the XLSX, CSV and DOCX read back to the same items, and the OSCAL profile validates', async () => {
    for (const type of model.productTypes) {
      for (const level of IMPACT_LEVELS) {
        const d = requirementDocument(index, type.id, level);
        const texts = itemRows(d).map((r) => r.text);
        const csvRows = parse(templateCsv(d), {
          bom: true,
          columns: true,
          relax_quotes: false,
          relax_column_count: false,
        }) as Record<string, string>[];
        expect(
          csvRows.map((r) => r.text),
          `${type.id} ${level} csv`,
        ).toEqual(texts);
        const ws = (await workbook(d)).getWorksheet(MATRIX_SHEET)!;
        const xlsxTexts = [...Array(ws.rowCount - 1).keys()]
          .map((i) => ws.getRow(i + 2))
          .filter((r) => r.getCell(2).value)
          .map((r) => r.getCell(5).value);
        expect(xlsxTexts, `${type.id} ${level} xlsx`).toEqual(texts);
        const problems = new Problems();
        expect(
          checkAgainstSchema(
            templateOscalProfile(d, model.controls, 'https://example.org/c.json', '2026-11-23T00:00:00Z'),
            schemas.profile,
            'OSCAL profile schema',
            `${type.id}-${level}`,
            problems,
          ),
        ).toBe(true);
      }
    }
  }, 180_000);

  it('levels differ where the baselines differ, and each document says what its level adds', () => {
    for (const type of model.productTypes) {
      const low = requirementDocument(index, type.id, 'LOW');
      const moderate = requirementDocument(index, type.id, 'MODERATE');
      expect(moderate.counts.items, type.id).toBeGreaterThan(low.counts.items);
      expect(moderate.levelChanges!.added.length, type.id).toBe(
        moderate.counts.items -
          low.counts.items +
          (low.counts.items - moderate.counts.items + moderate.levelChanges!.added.length),
      );
      expect(templateMarkdown(moderate)).toContain(
        `Compared with the LOW baseline, the MODERATE baseline adds ${moderate.levelChanges!.added.length} item(s)`,
      );
    }
  });

  it('the SP 800-213A catalog in OSCAL is valid OSCAL 1.0.6 and holds every record', () => {
    const doc = sp800213aOscalCatalog(model, 'https://example.org/catalog.json', '2026-11-23T00:00:00Z') as {
      catalog: { groups: { controls: { controls: { controls?: unknown[] }[] }[] }[] };
    };
    const problems = new Problems();
    expect(
      checkAgainstSchema(doc, schemas.catalog, 'OSCAL catalog schema', 'catalog.json', problems),
      JSON.stringify(problems.list.slice(0, 3)),
    ).toBe(true);
    expect(doc.catalog.groups).toHaveLength(model.capabilities.length);
    const elements = doc.catalog.groups.flatMap((g) => g.controls.flatMap((c) => c.controls));
    expect(elements).toHaveLength(model.elements.length);
    expect(elements.flatMap((e) => e.controls ?? [])).toHaveLength(model.subElements.length);
  });
});
