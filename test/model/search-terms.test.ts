/**
 * Search terms (catalog/search-terms.yaml): the loader's checks on small inline files, and the real
 * file against the model of the real NIST sources.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paths } from '../../src/lib/paths.ts';
import { Problems } from '../../src/lib/problems.ts';
import { parseSearchTerms } from '../../src/lib/import/search-terms.ts';
import { termsFor } from '../../src/lib/model/search-terms.ts';
import { realModel } from '../support/real-sources.ts';

const FILE = 'catalog/search-terms.yaml';
const RECORDS = {
  capabilities: [{ id: 'SU' }, { id: 'DC' }],
  subCapabilities: [{ id: 'SU-1' }, { id: 'DC-5' }],
  elements: [{ id: 'SU-1.1' }, { id: 'DC-5.2' }],
  subElements: [{ id: 'DOC-3.b.1' }],
};

const parse = (text: string) => {
  const problems = new Problems();
  const terms = parseSearchTerms(text, FILE, RECORDS, problems);
  return { terms, problems: problems.errors.map((p) => `${p.place}: ${p.message}${p.hint ? ` | ${p.hint}` : ''}`) };
};

describe('search terms', () => {
  it('reads each term with its records, reason and line', () => {
    const { terms, problems } = parse(`terms:
  - term: firmware update
    records: [SU, SU-1.1]
    why: Firmware is device software.
  - term: factory reset
    records: [DC-5.2, DOC-3.b.1]
    why: Restoring a secure configuration.
`);
    expect(problems).toEqual([]);
    expect(terms).toEqual([
      { term: 'firmware update', records: ['SU', 'SU-1.1'], why: 'Firmware is device software.', line: 2 },
      { term: 'factory reset', records: ['DC-5.2', 'DOC-3.b.1'], why: 'Restoring a secure configuration.', line: 5 },
    ]);
    expect(termsFor(terms, ['DC-5', 'DC-5.2'])).toEqual(['factory reset']);
  });

  it('names the line of an unknown record, with a "did you mean"', () => {
    const { problems } = parse(`terms:
  - term: firmware update
    records: [SU, SU-1.7, SU1.1]
    why: Firmware is device software.
`);
    expect(problems).toEqual([
      'line 3 (terms[0].records[1]): unknown SP 800-213A record "SU-1.7" | did you mean "SU-1.1" or "SU-1"?',
      'line 3 (terms[0].records[2]): unknown SP 800-213A record "SU1.1" | did you mean "SU-1.1" or "SU-1"?',
    ]);
  });

  it('rejects a term listed twice, a record named twice, a missing reason and bad YAML, each with its line', () => {
    expect(
      parse(`terms:
  - term: OTA
    records: [SU-1.1, SU-1.1]
    why: Over-the-air update.
  - term: ota
    records: [SU]
    why: Listed again by mistake.
`).problems,
    ).toEqual([
      'line 3 (terms[0].records[1]): "SU-1.1" is listed twice for "OTA" | Name each record once.',
      'line 5 (terms[1].term): the term "ota" is already listed on line 2 | List each term once, with every record it leads to.',
    ]);
    expect(
      parse(`terms:
  - term: OTA
    records: [SU]
`).problems,
    ).toEqual([expect.stringMatching(/^line 2 \(terms\[0\]\.why\): /)]);
    expect(parse('terms: [\n').problems[0]).toMatch(/^line \d+: not valid YAML/);
  });
});

describe("the project's search terms against the real catalog", () => {
  it('every term of catalog/search-terms.yaml names records that exist, and the model holds them all', async () => {
    const m = await realModel();
    const problems = new Problems();
    const terms = parseSearchTerms(readFileSync(paths.searchTerms, 'utf8'), FILE, m, problems);
    expect(problems.errors).toEqual([]);
    expect(m.searchTerms).toEqual(terms);
    expect(termsFor(m.searchTerms, ['SU'])).toContain('firmware update');
    expect(termsFor(m.searchTerms, ['DC-5', 'DC-5.2'])).toContain('factory reset');
  });
});
