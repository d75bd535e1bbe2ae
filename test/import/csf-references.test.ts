import { describe, expect, it } from 'vitest';
import { parseCsfCell } from '../../src/lib/import/csf-references.ts';

describe('reading CSF 1.1 subcategory cells', () => {
  it('reads ids separated by semicolons and new lines, once each', () => {
    expect(parseCsfCell('ID.SC-3; PR.MA-1\nPR.MA-2\nPR.MA-1\n')).toEqual({
      ids: ['ID.SC-3', 'PR.MA-1', 'PR.MA-2'],
      noMapping: false,
      slips: [],
      unreadable: [],
    });
  });

  it('reads past other separators and a wrong function whose category is unambiguous', () => {
    const r = parseCsfCell('ID-SC-3\nPT.PT-1');
    expect(r.ids).toEqual(['ID.SC-3', 'PR.PT-1']);
    expect(r.slips).toEqual([
      { typed: 'ID-SC-3', read: 'ID.SC-3', why: 'written with other separators' },
      { typed: 'PT.PT-1', read: 'PR.PT-1', why: 'category PT belongs to function PR, not PT' },
    ]);
  });

  it('does not guess when a category belongs to two functions or to none', () => {
    expect(parseCsfCell('XX.RP-1').unreadable).toEqual(['XX.RP-1']);
    expect(parseCsfCell('PR.ZZ-1').unreadable).toEqual(['PR.ZZ-1']);
    expect(parseCsfCell('see notes').unreadable).toEqual(['see notes']);
  });

  it('recognises "No Mapping"', () => {
    expect(parseCsfCell('No Mapping').noMapping).toBe(true);
  });
});
