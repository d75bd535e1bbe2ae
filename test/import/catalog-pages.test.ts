import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCatalogPage, type PageCapability } from '../../src/lib/import/catalog-pages.ts';
import { Problems } from '../../src/lib/problems.ts';

const fixtures = fileURLToPath(new URL('../fixtures/catalog-pages/', import.meta.url));

function fixture(name: string): string {
  return readFileSync(`${fixtures}${name}/page.md`, 'utf8');
}

/** 1-based line of the first line holding `snippet` (the way a reader would count, front matter included). */
function lineWith(markdown: string, snippet: string): number {
  const index = markdown.split('\n').findIndex((line) => line.includes(snippet));
  if (index < 0) throw new Error(`fixture has no line with "${snippet}"`);
  return index + 1;
}

function parse(
  name: string,
  kind: 'technical' | 'non-technical',
): { page: PageCapability; problems: Problems; markdown: string } {
  const markdown = fixture(name);
  const problems = new Problems();
  const page = parseCatalogPage(markdown, `${name}.md`, kind, problems);
  return { page, problems, markdown };
}

function places(problems: Problems): string[] {
  return problems.list.map((p) => `${p.severity} ${p.place}: ${p.message}`);
}

describe('parseCatalogPage — technical page', () => {
  const { page, problems, markdown } = parse('technical', 'technical');

  it('reads front matter and counts lines from the top of the file', () => {
    expect(page.frontMatter).toEqual({
      layout: 'default',
      title: 'Kettle Control',
      navOrder: 3,
      permalink: '/technical/kettle/',
    });
    expect(page.title).toBe('Kettle Control');
    expect(page.line).toBe(8);
    expect(page.description).toBe('The capability to control when and how a kettle heats water.');
    expect(page.notes).toEqual([]);
    expect(page.label).toBeUndefined();
  });

  it('reads sub-capabilities with their description and line', () => {
    expect(page.subCapabilities.map((s) => [s.title, s.line])).toEqual([
      ['Heating Support', 12],
      ['Scheduled Heating', 24],
      ['Physical Switch', 30],
    ]);
    expect(page.subCapabilities[0]?.description).toBe('Ability to heat water safely. Elements that may be needed:');
  });

  it('keeps top-level bullets as elements and nested bullets (two levels) as items', () => {
    const heating = page.subCapabilities[0]!;
    expect(heating.elements.map((e) => e.text)).toEqual([
      'Ability to start heating on request.',
      'Ability to stop heating when the kettle is empty.',
      'Ability to report the water temperature.',
    ]);
    const start = heating.elements[0]!;
    expect(start.line).toBe(lineWith(markdown, 'start heating on request'));
    expect(start.items.map((i) => i.text)).toEqual([
      'Ability to refuse requests from unknown apps.',
      'Ability to offer these heat levels:',
    ]);
    expect(start.items[1]?.items.map((i) => [i.text, i.line])).toEqual([
      ['Warm', lineWith(markdown, '- Warm')],
      ['Boiling', lineWith(markdown, '- Boiling')],
    ]);
    expect(start.examples).toEqual([]);
  });

  it('reads a bullet indented by one space after a nested list as a sibling element, with a warning', () => {
    const stop = page.subCapabilities[0]!.elements[1]!;
    expect(stop.items).toEqual([]);
    expect(places(problems)).toEqual([
      `warning line ${lineWith(markdown, 'stop heating')}: bullet indented 1 space(s) deeper than its first sibling; read as a sibling, not as a nested item`,
    ]);
  });

  it('accepts a missing description and keeps a lead-in bullet as an element', () => {
    const scheduled = page.subCapabilities[1]!;
    expect(scheduled.description).toBe('');
    expect(scheduled.elements.map((e) => e.text)).toEqual([
      'Ability to heat at a set time.',
      'If heating is scheduled from far away:',
    ]);
    expect(scheduled.elements[1]?.items.map((i) => i.text)).toEqual(['Ability to confirm the schedule with the owner']);
  });

  it('accepts a sub-capability with a description and no elements', () => {
    expect(page.subCapabilities[2]).toMatchObject({
      description: 'Ability to switch the kettle off with a button on its base.',
      elements: [],
    });
  });
});

describe('parseCatalogPage — Liquid, kramdown and entities', () => {
  const { page, problems, markdown } = parse('liquid-and-entities', 'technical');

  it('strips Liquid tags and kramdown attribute lists and decodes entities', () => {
    expect(problems.list).toEqual([]);
    expect(page.description).toBe("The capability to keep a lamp's usage data private, as the overview page explains.");
    expect(page.notes).toEqual([]);
    expect(page.frontMatter).toMatchObject({ tags: 'lamp privacy', navOrder: 9 });
  });

  it('reads a kramdown {#id} at the end of a heading as its anchor', () => {
    const sub = page.subCapabilities[0]!;
    expect(sub).toMatchObject({ title: 'Usage Data Handling', anchor: 'usage', line: lineWith(markdown, '## Usage') });
    expect(sub.description).toBe('Ability to handle "usage" data with care. Elements:');
    expect(sub.elements.map((e) => e.text)).toEqual(['Ability to erase usage data & logs.']);
  });
});

describe('parseCatalogPage — non-technical page', () => {
  const { page, problems, markdown } = parse('non-technical', 'non-technical');
  const [help1, help2] = page.subCapabilities;

  it('splits the capability label, takes the bold statement as description and the rest as notes', () => {
    expect(page).toMatchObject({ label: 'B.', title: 'Support from the Maker', line: 7 });
    expect(page.description).toBe('The ability for the maker to help owners keep their gadgets secure.');
    expect(page.notes).toEqual([
      'Support matters because owners rarely read manuals.',
      'Owners often need help with',
      '1. setting up the gadget, and',
      '2. keeping it patched.',
    ]);
  });

  it('reads the sub-capability label (both "1)." and "2.)"), its anchor line and description', () => {
    expect(help1).toMatchObject({
      label: '1.',
      title: 'Help owners set up the gadget securely.',
      anchor: 'Help1',
      line: lineWith(markdown, '## 1).'),
    });
    expect(help1?.description).toBe('This part lists what the maker can do so that owners start from a safe setup.');
    expect(help2).toMatchObject({ label: '2.', title: 'Answer owner questions.', anchor: 'Help2' });
  });

  it('files numbered elements under their lettered group', () => {
    expect(help1?.elements.map((e) => [e.group?.label, e.group?.title, e.label, e.topic])).toEqual([
      ['a.', 'First start', '1.', 'Device Configuration'],
      ['a.', 'First start', '2.', 'Device Security'],
      ['b.', 'Later changes', '1.', 'Data Protection'],
    ]);
    const first = help1!.elements[0]!;
    expect(first.text).toBe('Device Configuration: Explain the safe first-start steps.');
    expect(first.statement).toBe('Explain the safe first-start steps.');
    expect(first.description).toBe('Details that may be worth sharing include:');
    expect(first.line).toBe(lineWith(markdown, 'Explain the safe first-start'));
  });

  it('reads sub-element bullets with their <details> examples (also a tab-indented <details> and an example without bullet)', () => {
    const [checklist, reset] = help1!.elements[0]!.items;
    expect(checklist).toEqual({
      text: 'Providing a short checklist for the first start.',
      items: [],
      examples: ['A printed card in the box.', "A video on the maker's site."],
      line: lineWith(markdown, 'short checklist'),
    });
    expect(reset).toMatchObject({
      text: 'Providing a way to reset the gadget to factory settings.',
      examples: ['A pinhole reset button on the back.'],
      items: [],
    });
  });

  it('reads a description written on the line right after the bold title', () => {
    const second = help1!.elements[1]!;
    expect(second.text).toBe('Device Security: Name the default accounts.');
    expect(second.description).toBe('Information that may be worth sharing:');
    expect(second.items.map((i) => i.text)).toEqual(['Providing the list of built-in accounts.']);
  });

  it('attaches a <details> block right under an element to the element', () => {
    const wipe = help1!.elements[2]!;
    expect(wipe.examples).toEqual(['Holding the power button for ten seconds.']);
    expect(wipe.items).toEqual([]);
    expect(wipe.description).toBeUndefined();
  });

  it('keeps over-indented bullets as nested items, each with its own examples', () => {
    const desk = help2!.elements[0]!;
    expect(desk.text).toBe('Device Security: Run a help desk for security questions.');
    const phone = desk.items[0]!;
    expect(phone.examples).toEqual(['A hotline open on weekdays.']);
    expect(phone.items.map((i) => i.text)).toEqual([
      'Providing opening hours, including:',
      'Providing an email address.',
    ]);
    expect(phone.items[0]).toMatchObject({ examples: ['Nine to five.'] });
    expect(phone.items[0]?.items.map((i) => i.text)).toEqual(['Weekday hours.', 'Weekend hours.']);
  });

  it('warns about the doubled bold marker only', () => {
    expect(places(problems)).toEqual([
      `warning line ${lineWith(markdown, 'Run a help desk')}: stray "**" inside the bold element title; read as one bold title`,
    ]);
  });
});

describe('parseCatalogPage — warnings', () => {
  it('reports what a technical page holds out of place, keeping the text', () => {
    const { page, problems, markdown } = parse('odd-technical', 'technical');
    expect(places(problems)).toEqual([
      `warning line ${lineWith(markdown, 'A bullet before')}: bullets before the first sub-capability heading; kept as notes of the capability`,
      `warning line ${lineWith(markdown, '# Level One Sub')}: sub-capability heading is level 1 ("#"), expected "##"; read as a sub-capability`,
      `warning line ${lineWith(markdown, 'A trailing paragraph')}: paragraph where an element was expected; kept as a note of the sub-capability`,
      `warning line ${lineWith(markdown, 'An orphan example')}: <details> examples with no bullet before them; kept as notes of the sub-capability`,
      `warning line ${lineWith(markdown, 'Belongs to three')}: <details> examples not indented under any bullet; attached to the element above`,
    ]);
    expect(page.notes).toEqual(['A bullet before any sub-capability.']);
    expect(page.subCapabilities.map((s) => s.title)).toEqual(['Level One Sub', 'Second', 'Third']);
    expect(page.subCapabilities[0]?.notes).toEqual(['A trailing paragraph where an element should be.']);
    expect(page.subCapabilities[1]).toMatchObject({
      notes: ['An orphan example.'],
      elements: [{ text: 'Ability two.' }],
    });
    expect(page.subCapabilities[2]?.elements[0]).toMatchObject({
      text: 'Ability three.',
      examples: ['Belongs to three, but is not indented.'],
    });
  });

  it('reports what a non-technical page holds out of place', () => {
    const { page, problems, markdown } = parse('odd-non-technical', 'non-technical');
    expect(places(problems)).toEqual([
      'warning line 2: front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      `warning line ${lineWith(markdown, '## 1. First')}: non-technical sub-capability heading has no "{: #id }" anchor on the next line`,
      `warning line ${lineWith(markdown, 'Empty group')}: group "a. Empty group" has no numbered elements`,
      `warning line ${lineWith(markdown, 'Not bold')}: element title is not bold; the whole paragraph is read as the element statement`,
      `warning line ${lineWith(markdown, 'Stray paragraph')}: paragraph where an element was expected; kept as a note of the sub-capability`,
      `warning line ${lineWith(markdown, 'A bullet element')}: bullets where numbered elements ("1. **…**") were expected; each bullet is read as an element`,
    ]);
    expect(page.frontMatter).toEqual({});
    expect(page.subCapabilities[0]?.elements[0]).toMatchObject({
      text: 'Not bold: a statement written without bold.',
      topic: 'Not bold',
      group: { label: 'b.', title: 'Real group' },
    });
    expect(page.subCapabilities[1]).toMatchObject({ anchor: 'Second', elements: [{ text: 'A bullet element.' }] });
  });

  it('reports an error for a page without a title heading', () => {
    const { page, problems } = parse('no-title', 'technical');
    expect(places(problems)).toEqual(['error line 1: page has no "#" title heading']);
    expect(page.title).toBe('');
    expect(page.description).toBe('Some text but the page never gets a title heading.');
    expect(page.subCapabilities.map((s) => s.title)).toEqual(['Only Sub']);
  });

  it('reports an error for a page without sub-capabilities', () => {
    const { page, problems } = parse('no-sub-capability', 'technical');
    expect(places(problems)).toEqual(['error line 1: page has no sub-capability heading']);
    expect(page.description).toBe('Only a description here, and nothing else.');
  });

  it('never throws, even on an empty page', () => {
    const problems = new Problems();
    expect(() => parseCatalogPage('', 'empty.md', 'non-technical', problems)).not.toThrow();
    expect(problems.errors.map((p) => p.message)).toEqual([
      'page has no "#" title heading',
      'page has no sub-capability heading',
    ]);
  });
});
