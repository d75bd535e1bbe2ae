import { describe, expect, it } from 'vitest';
import { controlLabelOf, idCandidates, idListOf, idLists, idPath, resolveId } from '../../src/lib/site/search-ids.ts';

const KNOWN = ['ia-3', 'ac-2.7', 'ac-2', 'DI-1.3', 'DOC-1.a.2.4', 'CSA-9', 'DI'];

/** The site's lists of KNOWN, and the names of the lists the search asked for. */
function site() {
  const lists = idLists(KNOWN);
  const asked: string[] = [];
  const list = (name: string) => {
    asked.push(name);
    const ids = lists.get(name);
    return ids && new Set(ids);
  };
  return { list, asked };
}

describe('ids typed into search', () => {
  it('reads control ids however they are written', async () => {
    const { list } = site();
    for (const q of ['IA-3', 'ia-3', 'IA 3', ' ia-03 ', 'IA3']) expect(await resolveId(q, list), q).toBe('ia-3');
    for (const q of ['AC-2(7)', 'ac-2.7', 'AC-2 (7)', 'ac 2(7)', 'AC-02(07)'])
      expect(await resolveId(q, list), q).toBe('ac-2.7');
  });

  it('reads SP 800-213A ids in any case, even where they look like a control id', async () => {
    const { list } = site();
    expect(idCandidates('di-1.3')).toEqual(['di-1.3', 'DI-1.3']);
    expect(await resolveId('di-1.3', list)).toBe('DI-1.3');
    expect(await resolveId('DOC-1.A.2.4', list)).toBe('DOC-1.a.2.4');
    expect(await resolveId('csa-9', list)).toBe('CSA-9');
  });

  it('does not take words, or ids that do not exist, for a record', async () => {
    const { list } = site();
    for (const q of ['firmware update', 'account', 'IA-3 logging', '', 'IA-99', 'XX-1'])
      expect(await resolveId(q, list), q).toBeUndefined();
  });

  it('asks for no id list for words, and for one small list per id', async () => {
    const { list, asked } = site();
    await resolveId('firmware update', list);
    await resolveId('account', list);
    expect(asked).toEqual([]);
    await resolveId('IA-3', list);
    expect(asked).toEqual(['sp800-53-ia']);
    asked.length = 0;
    await resolveId('di-1.3', list);
    expect(asked).toEqual(['sp800-53-di', 'sp800-213a-di']);
  });

  it('files each id in the list of its control family or capability code', () => {
    expect(idListOf('ac-2.7')).toBe('sp800-53-ac');
    expect(idListOf('DOC-1.a.2.4')).toBe('sp800-213a-doc');
    expect(idListOf('DI')).toBe('sp800-213a-di');
    expect([...idLists(KNOWN)]).toEqual([
      ['sp800-53-ia', ['ia-3']],
      ['sp800-53-ac', ['ac-2.7', 'ac-2']],
      ['sp800-213a-di', ['DI-1.3', 'DI']],
      ['sp800-213a-doc', ['DOC-1.a.2.4']],
      ['sp800-213a-csa', ['CSA-9']],
    ]);
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
