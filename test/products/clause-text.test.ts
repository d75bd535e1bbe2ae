import { describe, expect, it } from 'vitest';
import { clauseProblems, manufacturerClause, technicalClause } from '../../src/lib/products/clause-text.ts';
import { realModel } from '../support/real-sources.ts';

describe('requirement clauses', () => {
  it('turns technical elements into "The <component> shall provide the ability to …"', () => {
    expect(technicalClause('IP camera', 'Ability to uniquely identify the IoT device logically.')).toBe('The IP camera shall provide the ability to uniquely identify the IoT device logically.');
    expect(technicalClause('IP camera', 'Ability for the IoT device to hide or mask authentication information during authentication process.')).toBe('The IP camera shall provide the ability to hide or mask authentication information during authentication process.');
    expect(technicalClause('video server', 'Ability for only authorized entities to configure aspects related to the device’s interfaces')).toBe('The video server shall provide the ability for only authorized entities to configure aspects related to the device’s interfaces.');
    expect(technicalClause('hub', 'The device can generate audit logs for defined events', [{ text: 'Ability to capture events.', items: [] }])).toBe('The hub shall generate audit logs for defined events, including: Ability to capture events.');
    expect(technicalClause('pump', 'Ability to verify and authenticate any update before installing it', [], 'If software updates are delivered and applied automatically:')).toBe('If software updates are delivered and applied automatically, the pump shall provide the ability to verify and authenticate any update before installing it.');
    expect(technicalClause('meter', 'Ability to establish limits on authorized concurrent device sessions for:', [{ text: 'User accounts', items: [] }, { text: 'Roles', items: [] }])).toBe('The meter shall provide the ability to establish limits on authorized concurrent device sessions for: User accounts; Roles.');
  });

  it('turns non-technical sub-elements into manufacturer obligations', () => {
    expect(manufacturerClause('Providing details about the types of maintenance activities.')).toBe('The manufacturer shall provide details about the types of maintenance activities.');
    expect(manufacturerClause('Establishing and providing communications that describe resources.')).toBe('The manufacturer shall establish and provide communications that describe resources.');
    expect(manufacturerClause('Communications, detailed descriptions and policies the manufacturer uses.')).toBe('The manufacturer shall provide communications, detailed descriptions and policies the manufacturer uses.');
    expect(manufacturerClause('If the manufacturer provides anti-malware, the manufacturer should provide education.')).toBe('If the manufacturer provides anti-malware, the manufacturer shall provide education.');
  });

  it('flags ungrammatical output', () => {
    expect(clauseProblems('The camera shall provide the ability to Ability to do X.')).toContain('"ability to Ability"');
    expect(clauseProblems('The manufacturer shall provide providing X.')).toContain('gerund after "shall provide"');
    expect(clauseProblems('The camera shall provide the ability to x o\tthing.')).toContain('dangling list marker');
    expect(clauseProblems('The camera shall provide the ability to do X.')).toEqual([]);
  });

  it('reads well for every real element and sub-element', async () => {
    const m = await realModel();
    const bad: string[] = [];
    for (const e of m.elements.filter((x) => x.kind === 'technical')) {
      const c = technicalClause('IoT device', e.text, e.items, e.leadIn);
      for (const p of clauseProblems(c)) bad.push(`${e.id}: ${p}: ${c}`);
    }
    for (const s of m.subElements) {
      const c = manufacturerClause(s.text, s.items);
      for (const p of clauseProblems(c)) bad.push(`${s.id}: ${p}: ${c}`);
      expect(c).toMatch(/^(The manufacturer shall|If )/);
    }
    expect(bad).toEqual([]);
  });
});
