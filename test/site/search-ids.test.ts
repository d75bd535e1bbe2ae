import { describe, expect, it } from 'vitest';
import { controlLabelOf, idCandidates, idPath, resolveId } from '../../src/lib/site/search-ids.ts';

const KNOWN = new Set(['ia-3', 'ac-2.7', 'DI-1.3', 'DOC-1.a.2.4', 'CSA-9', 'DI']);

describe('ids typed into search', () => {
  it('reads control ids however they are written', () => {
    for (const q of ['IA-3', 'ia-3', 'IA 3', ' ia-03 ', 'IA3']) expect(resolveId(q, KNOWN), q).toBe('ia-3');
    for (const q of ['AC-2(7)', 'ac-2.7', 'AC-2 (7)', 'ac 2(7)', 'AC-02(07)']) expect(resolveId(q, KNOWN), q).toBe('ac-2.7');
  });

  it('reads SP 800-213A ids in any case, even where they look like a control id', () => {
    expect(idCandidates('di-1.3')).toEqual(['di-1.3', 'DI-1.3']);
    expect(resolveId('di-1.3', KNOWN)).toBe('DI-1.3');
    expect(resolveId('DOC-1.A.2.4', KNOWN)).toBe('DOC-1.a.2.4');
    expect(resolveId('csa-9', KNOWN)).toBe('CSA-9');
  });

  it('does not take words, or ids that do not exist, for a record', () => {
    for (const q of ['firmware update', 'account', 'IA-3 logging', '', 'IA-99']) expect(resolveId(q, KNOWN), q).toBeUndefined();
  });

  it('knows the page of every kind of id', () => {
    expect(idPath('ac-2.7')).toBe('controls/ac-2.7/');
    expect(idPath('DI')).toBe('capabilities/di/');
    expect(idPath('DI-1')).toBe('capabilities/di-1/');
    expect(idPath('DI-1.3')).toBe('capabilities/di-1/#di-1.3');
    expect(idPath('DOC-1.a.2.4')).toBe('capabilities/doc-1/#doc-1.a.2.4');
    expect(controlLabelOf('ac-2.7')).toBe('AC-2(7)');
  });
});
