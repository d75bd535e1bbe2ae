/** Integration tests over the real NIST sources (NIST_SOURCES_DIR): the known facts of the data. */
import { parse } from 'csv-parse/sync';
import { strictCsvRecords } from '../support/strict-csv.ts';
import { describe, expect, it } from 'vitest';
import { CATALOG_COLUMNS, catalogRows, flatRow } from '../../src/lib/downloads/catalog-table.ts';
import { catalogCsv } from '../../src/lib/downloads/write-downloads.ts';
import { sourceReport } from '../../src/lib/report/source-report.ts';
import { realModel } from '../support/real-sources.ts';

describe('the model of the real sources', () => {
  it('has all 1,189 SP 800-53 Rev. 5 controls and enhancements in 20 families, 182 withdrawn', async () => {
    const m = await realModel();
    expect(m.controls).toHaveLength(1189);
    expect(m.families).toHaveLength(20);
    expect(m.controls.filter((c) => c.kind === 'control')).toHaveLength(322);
    expect(m.controls.filter((c) => c.kind === 'enhancement')).toHaveLength(867);
    const withdrawn = m.controls.filter((c) => c.withdrawn);
    expect(withdrawn).toHaveLength(182);
    // All but two say where they went (CP-10(3) and SC-19 were withdrawn without a destination).
    expect(withdrawn.filter((c) => c.withdrawnTo.length === 0).map((c) => c.id)).toEqual(['cp-10.3', 'sc-19']);
  });

  it('renders every parameter insertion as NIST text, never as raw OSCAL', async () => {
    const m = await realModel();
    const text = JSON.stringify(m.controls);
    expect(text).not.toMatch(/\{\{\s*insert/);
    const params = m.controls.flatMap((c) => c.params);
    expect(params.length).toBeGreaterThan(1000);
    for (const p of params)
      expect(p.text).toMatch(p.select ? /^\[Selection( \(one or more\))?: .+\]$/ : /^\[Assignment: .+\]$/);
    const ac1 = m.controls.find((c) => c.id === 'ac-1')!;
    expect(ac1.statement!.parts.map((p) => p.label)).toEqual(['a.', 'b.', 'c.']);
    expect(ac1.statement!.parts[0]!.parts[0]!.parts.map((p) => p.label)).toEqual(['(a)', '(b)']);
  });

  it('gives every control its SP 800-53B baselines', async () => {
    const m = await realModel();
    const count = (b: string) => m.controls.filter((c) => (c.baselines as string[]).includes(b)).length;
    expect([count('LOW'), count('MODERATE'), count('HIGH'), count('PRIVACY')]).toEqual([149, 287, 370, 96]);
  });

  it('has 161 technical elements in 7 capabilities and 38 sub-capabilities, and 181 non-technical sub-elements in 4 capabilities', async () => {
    const m = await realModel();
    expect(m.capabilities.filter((c) => c.kind === 'technical').map((c) => c.id)).toEqual([
      'DI',
      'DC',
      'DP',
      'LA',
      'SU',
      'CSA',
      'DS',
    ]);
    expect(m.subCapabilities.filter((c) => c.kind === 'technical')).toHaveLength(38);
    expect(m.elements.filter((c) => c.kind === 'technical')).toHaveLength(161);
    expect(m.capabilities.filter((c) => c.kind === 'non-technical').map((c) => c.id)).toEqual([
      'DOC',
      'IQR',
      'DIS',
      'EDU',
    ]);
    expect(m.subElements).toHaveLength(181);
  });

  it('resolves every mapped control: 457 links onto 147 distinct controls, one record with "No Mapping"', async () => {
    const m = await realModel();
    const ids = new Set(m.controls.map((c) => c.id));
    const records = [...m.elements, ...m.subElements];
    const links = records.flatMap((r) => r.controls);
    expect(links).toHaveLength(457);
    expect(new Set(links.map((l) => l.control)).size).toBe(147);
    expect(links.every((l) => ids.has(l.control))).toBe(true);
    expect(records.filter((r) => r.noMapping)).toHaveLength(1);
  });

  it('reads the typed slips of the workbook and reports them as findings with their rows', async () => {
    const m = await realModel();
    const slips = m.findings.filter((f) => f.kind === 'control-reference-typo');
    expect(slips.map((f) => f.message).join('\n')).toMatch(/SC-28PROTECTION/);
    expect(slips.map((f) => f.message).join('\n')).toMatch(/AC-2 ACCOUNT MANAGEMENT\(2\)/);
    const titleTypos = m.findings.filter((f) => f.kind === 'control-title-typo');
    expect(titleTypos.some((f) => f.records.length > 1 && f.message.includes('CA-7'))).toBe(true);
    for (const f of m.findings) expect(f.where[0]!.place).toMatch(/!\d+$|^line \d+|^\$/);
  });

  it('agrees with the LOW profile on all but a handful of links, each of which is a finding', async () => {
    const m = await realModel();
    const links = [...m.elements, ...m.subElements].flatMap((r) => r.controls);
    const disagree = links.filter((l) => l.lowBaselineSource !== l.lowBaselineProfile);
    expect(disagree.length).toBeGreaterThan(0);
    expect(disagree.length).toBeLessThan(10);
    expect(m.findings.filter((f) => f.kind === 'low-baseline-disagreement')).toHaveLength(disagree.length);
    expect(sourceReport(m).counts.lowBaselineLinks.disagree).toBe(disagree.length);
  });

  it('attaches CSF 1.1 subcategories to the records, with every CSF row joined', async () => {
    const m = await realModel();
    const records = [...m.elements.filter((e) => e.kind === 'technical'), ...m.subElements];
    expect(records.filter((r) => r.csf.length === 0 && !r.csfNoMapping)).toEqual([]);
    expect(m.findings.filter((f) => f.kind === 'csf-row-mismatch')).toEqual([]);
  });

  it('publishes a CSV with the documented columns and a row per technical element and non-technical sub-element', async () => {
    const m = await realModel();
    const rows = parse(catalogCsv(m), { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...CATALOG_COLUMNS]);
    expect(rows).toHaveLength(161 + 181);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.filter((r) => r.type === 'technical')).toHaveLength(161);
    expect(rows.every((r) => /^(Technical Capabilities 800-53|Non Technical Manufacturers)!\d+$/.test(r.source!))).toBe(
      true,
    );
  });

  it('its CSV reads back in strict mode (any line break ends an unquoted record) to the same rows, multi-line elements with their line breaks', async () => {
    const m = await realModel();
    const strict = strictCsvRecords(catalogCsv(m));
    const expected = catalogRows(m).map(flatRow);
    expect(strict).toEqual(expected);
    const multiLine = strict.filter((r) => Object.values(r).some((v) => /[\r\n]/.test(v)));
    expect(multiLine).toHaveLength(24);
    expect(multiLine.map((r) => r.id)).toContain('DI-2.1');
  });
});

describe('the catalog pages and the federal profile joined to the workbook', () => {
  it('gives every capability and sub-capability its page, and the non-technical ones their anchors', async () => {
    const m = await realModel();
    expect(m.capabilities.filter((c) => !c.pageProvenance)).toEqual([]);
    expect(m.subCapabilities.filter((s) => !s.pageProvenance)).toEqual([]);
    const prefix: Record<string, string> = { DOC: 'Doc', IQR: 'Query', DIS: 'Info', EDU: 'Edu' };
    for (const s of m.subCapabilities.filter((x) => x.kind === 'non-technical'))
      expect(s.anchor).toBe(`${prefix[s.capability]}${s.label!.replace('.', '')}`);
  });

  it('finds nearly every record on its page, and reports the rest as findings', async () => {
    const m = await realModel();
    const records = [...m.elements.filter((e) => e.kind === 'technical'), ...m.subElements];
    const onPage = records.filter((r) => r.pageProvenance);
    expect(onPage.length / records.length).toBeGreaterThan(0.95);
    const onlyInWorkbook = m.findings.filter((f) => f.kind === 'only-in-workbook').flatMap((f) => f.records);
    expect(
      records
        .filter((r) => !r.pageProvenance)
        .map((r) => r.id)
        .sort(),
    ).toEqual(onlyInWorkbook.sort());
    expect(m.subElements.filter((s) => s.examples.length).length).toBeGreaterThan(50);
  });

  it('has the federal profile topics with manufacturer and agency actions', async () => {
    const m = await realModel();
    const nontech = m.profileTopics.filter((t) => t.kind === 'non-technical');
    expect(nontech.map((t) => t.topic).sort()).toEqual([
      'configuration',
      'event',
      'identity',
      'logical',
      'maintenance',
      'protection',
      'security',
      'update',
    ]);
    for (const t of nontech) {
      expect(t.sections.length).toBeGreaterThan(0);
      for (const s of t.sections) expect(s.manufacturer.length + s.agency.length).toBeGreaterThan(0);
    }
    expect(m.profileTopics.filter((t) => t.kind === 'technical')).toHaveLength(7);
    const byTopic = new Map(nontech.map((t) => [t.topic, t.capability]));
    expect(byTopic.get('event')).toBe('CSA');
    expect(byTopic.get('maintenance')).toBeUndefined();
  });
});
