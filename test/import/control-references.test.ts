import { describe, expect, it } from 'vitest';
import { parseControlCell, titleKey } from '../../src/lib/import/control-references.ts';
import type { CellText } from '../../src/lib/import/workbook-cells.ts';

const FAMILIES = new Set(['ac', 'au', 'ca', 'cm', 'ia', 'sc', 'si']);
const cell = (text: string, boldRanges: [number, number][] = []): CellText => ({
  text,
  address: 'E2',
  bold: Array.from(text, (_, i) => boldRanges.some(([a, b]) => i >= a && i < b)),
});

describe('reading "related controls" cells', () => {
  it('reads a control and an enhancement per line', () => {
    const r = parseControlCell(
      cell('AC-2 ACCOUNT MANAGEMENT\nAC-2 ACCOUNT MANAGEMENT (7) ACCOUNT MANAGEMENT | PRIVILEGED USER ACCOUNTS'),
      FAMILIES,
    );
    expect(r.references.map((x) => [x.id, x.baseTitle, x.enhancementTitle])).toEqual([
      ['ac-2', 'ACCOUNT MANAGEMENT', undefined],
      ['ac-2.7', 'ACCOUNT MANAGEMENT', 'PRIVILEGED USER ACCOUNTS'],
    ]);
    expect(r.unreadable).toEqual([]);
  });

  it('reads past missing and doubled spaces, and notes the slips', () => {
    const r = parseControlCell(
      cell(
        'SC-28PROTECTION OF INFORMATION AT REST\nCM-5  ACCESS RESTRICTIONS FOR CHANGE \nAC-2 ACCOUNT MANAGEMENT(2) ACCOUNT MANAGEMENT | AUTOMATED',
      ),
      FAMILIES,
    );
    expect(r.references.map((x) => [x.id, x.slips])).toEqual([
      ['sc-28', ['no space after "SC-28"']],
      ['cm-5', []],
      ['ac-2.2', ['no space before "(2)"']],
    ]);
  });

  it('keeps parenthesised words of a title apart from the enhancement number', () => {
    const r = parseControlCell(
      cell(
        'IA-2 IDENTIFICATION AND AUTHENTICATION (ORGANIZATIONAL USERS) (1) IDENTIFICATION AND AUTHENTICATION (ORGANIZATIONAL USERS) | MULTI-FACTOR AUTHENTICATION TO PRIVILEGED ACCOUNTS',
      ),
      FAMILIES,
    );
    expect(r.references[0]).toMatchObject({
      id: 'ia-2.1',
      baseTitle: 'IDENTIFICATION AND AUTHENTICATION (ORGANIZATIONAL USERS)',
      enhancementTitle: 'MULTI-FACTOR AUTHENTICATION TO PRIVILEGED ACCOUNTS',
    });
  });

  it('takes bold from the characters of the id, also across rich-text runs', () => {
    const text = 'AC-3 ACCESS ENFORCEMENT\nAC-6 LEAST PRIVILEGE';
    const r = parseControlCell(cell(text, [[0, 23]]), FAMILIES);
    expect(r.references.map((x) => [x.id, x.bold])).toEqual([
      ['ac-3', true],
      ['ac-6', false],
    ]);
  });

  it('says "No Mapping", skips blank lines, and reports text that is no reference', () => {
    expect(parseControlCell(cell('No Mapping '), FAMILIES)).toEqual({
      references: [],
      noMapping: true,
      unreadable: [],
    });
    const r = parseControlCell(cell('   \nSI-4 SYSTEM MONITORING\nsee the other sheet\n'), FAMILIES);
    expect(r.references.map((x) => x.id)).toEqual(['si-4']);
    expect(r.unreadable).toEqual([{ line: 3, text: 'see the other sheet' }]);
  });

  it('splits two references typed on one line, but not capital pairs of unknown families', () => {
    const r = parseControlCell(cell('CM-6 CONFIGURATION SETTINGS SI-4 SYSTEM MONITORING'), FAMILIES);
    expect(r.references.map((x) => x.id)).toEqual(['cm-6', 'si-4']);
    expect(parseControlCell(cell('SC-7 BOUNDARY PROTECTION TO-2 PARTS'), FAMILIES).references.map((x) => x.id)).toEqual(
      ['sc-7'],
    );
  });

  it('compares titles regardless of case, hyphens and spacing, but not spelling', () => {
    expect(titleKey('CP-12 SAFE-MODE'.slice(6))).toBe(titleKey('Safe Mode'));
    expect(titleKey('MULTIFACTOR AUTHENTICATION')).toBe(titleKey('Multi-factor Authentication'));
    expect(titleKey('CONTINOUS MONITORING')).not.toBe(titleKey('Continuous Monitoring'));
  });
});

describe('bold across line endings', () => {
  it('reads the same bold flags whether the cell breaks lines with \\n or \\r\\n', () => {
    for (const nl of ['\n', '\r\n']) {
      const text = `SI-4 SYSTEM MONITORING${nl}CM-6 CONFIGURATION SETTINGS`;
      const start = text.indexOf('CM-6');
      const r = parseControlCell(cell(text, [[start, text.length]]), FAMILIES);
      expect(r.references.map((x) => [x.id, x.bold, x.sourceText])).toEqual([
        ['si-4', false, 'SI-4 SYSTEM MONITORING'],
        ['cm-6', true, 'CM-6 CONFIGURATION SETTINGS'],
      ]);
    }
  });
});
