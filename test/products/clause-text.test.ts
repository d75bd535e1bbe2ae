import { describe, expect, it } from 'vitest';
import {
  clauseProblems,
  conditionOf,
  manufacturerPhrase,
  technicalPhrase,
  withSubItems,
} from '../../src/lib/products/clause-text.ts';
import { itemRows } from '../../src/lib/products/product-downloads.ts';
import { requirementDocument } from '../../src/lib/products/requirement-document.ts';
import { IMPACT_LEVELS } from '../../src/lib/products/select-requirements.ts';
import { catalogIndex } from '../../src/lib/site/catalog-index.ts';
import { realModel } from '../support/real-sources.ts';

describe('requirement wording', () => {
  it('turns technical statements into the verb phrase of "shall", without doubled verbs', () => {
    expect(technicalPhrase('Ability to uniquely identify the IoT device logically.')).toBe(
      'provide the ability to uniquely identify the IoT device logically',
    );
    expect(technicalPhrase('Ability to provide information to an external process.')).toBe(
      'provide information to an external process',
    );
    expect(technicalPhrase('Ability for the IoT device to hide or mask authentication information.')).toBe(
      'hide or mask authentication information',
    );
    expect(technicalPhrase('Ability for only authorized entities to configure the interfaces')).toBe(
      'allow only authorized entities to configure the interfaces',
    );
    expect(technicalPhrase('The device can generate audit logs for defined events')).toBe(
      'generate audit logs for defined events',
    );
    expect(technicalPhrase('Configuration settings for use with the capability including:')).toBe(
      'provide configuration settings for use with the capability including:',
    );
  });

  it("turns non-technical statements into the manufacturer's verb phrase, conditions made explicit", () => {
    expect(manufacturerPhrase('Providing details about the types of maintenance activities.')).toBe(
      'provide details about the types of maintenance activities',
    );
    expect(manufacturerPhrase('Establishing and providing communications that describe resources.')).toBe(
      'establish and provide communications that describe resources',
    );
    expect(manufacturerPhrase('Communications, detailed descriptions and policies the manufacturer uses.')).toBe(
      'provide communications, detailed descriptions and policies the manufacturer uses',
    );
    expect(
      manufacturerPhrase('If the manufacturer provides anti-malware, the manufacturer should provide education.'),
    ).toBe('where the manufacturer provides anti-malware, provide education');
    expect(manufacturerPhrase('Providing the details customers need, and documenting the response staff follow.')).toBe(
      'provide the details customers need, and document the response staff follow',
    );
    expect(manufacturerPhrase('Providing documentation and supporting materials.')).toBe(
      'provide documentation and supporting materials',
    );
    expect(conditionOf('If software updates are delivered and applied automatically:')).toBe(
      'where software updates are delivered and applied automatically',
    );
  });

  it('lists items under a statement as sub-items, introduced once', () => {
    expect(
      withSubItems('provide the ability to configure policies', [{ text: 'Ability to hide identity.', items: [] }]),
    ).toEqual({
      phrase: 'provide the ability to configure policies, including:',
      subItems: ['the ability to hide identity'],
    });
    expect(
      withSubItems('provide the ability to limit sessions for:', [
        { text: 'User accounts', items: [] },
        { text: 'Roles', items: [] },
      ]),
    ).toEqual({ phrase: 'provide the ability to limit sessions for:', subItems: ['user accounts', 'roles'] });
  });

  it('introduces nested items once, even when the statement already ends with a colon', () => {
    expect(
      withSubItems('support a second method', [
        {
          text: 'Ability to use a method such as:',
          items: [
            { text: 'Tokens', items: [] },
            { text: 'Biometrics', items: [] },
          ],
        },
      ]).subItems,
    ).toEqual(['the ability to use a method such as: tokens; biometrics']);
  });

  it('flags the defects procurement staff found', () => {
    expect(clauseProblems('The camera shall provide the ability to provide information.')).toContain(
      'doubled verb ("ability to provide")',
    );
    expect(
      clauseProblems(
        'track the time they interacted with the device, the time they interacted with the device, and more',
      ),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/^repeated phrase/)]));
    expect(clauseProblems('revoke their access')).toContain('pronoun with nothing to refer to');
    expect(clauseProblems('provide the details, and documenting the response')).toContain(
      'coordinated verbs in different forms',
    );
    expect(clauseProblems('use a method such as:: tokens')).toContain('doubled punctuation');
    expect(clauseProblems('display an organizationally-defined banner')).toContain(
      'value left to the agency without a fill-in',
    );
    expect(
      clauseProblems('provide the ability to display the banner [AGENCY: system use notification message]'),
    ).toEqual([]);
  });

  it('every item of every product type at every level reads well, and every agency value is a named fill-in', async () => {
    const model = await realModel();
    const index = catalogIndex(model);
    const bad: string[] = [];
    for (const type of model.productTypes) {
      for (const level of IMPACT_LEVELS) {
        const doc = requirementDocument(index, type.id, level);
        for (const r of [...doc.technical, ...doc.manufacturer]) {
          for (const i of r.items)
            for (const p of clauseProblems([i.text, ...i.subItems].join(' ')))
              bad.push(`${type.id} ${level} ${i.number} (${i.record}): ${p}`);
          expect(r.outcome, r.number).not.toMatch(/shall provide the ability to/);
        }
        for (const row of itemRows(doc))
          expect(row.text, row.item).toMatch(/^(The |Each of |Where )[\s\S]*\bshall\b[\s\S]*\.$/);
      }
    }
    expect([...new Set(bad)]).toEqual([]);
  }, 120_000);
});
