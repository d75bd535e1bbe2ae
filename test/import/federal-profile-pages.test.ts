import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseProfilePage, type ProfileTopic } from '../../src/lib/import/federal-profile-pages.ts';
import { Problems } from '../../src/lib/problems.ts';

const fixtures = fileURLToPath(new URL('../fixtures/federal-profile/', import.meta.url));

function parse(
  name: string,
  kind: 'technical' | 'non-technical',
): { topic: ProfileTopic; problems: Problems; markdown: string } {
  const markdown = readFileSync(`${fixtures}${name}/page.md`, 'utf8');
  const problems = new Problems();
  const topic = parseProfilePage(markdown, `${name}.md`, kind, problems);
  return { topic, problems, markdown };
}

/** 1-based line of the first line holding `snippet`, front matter included. */
function lineWith(markdown: string, snippet: string): number {
  const index = markdown.split('\n').findIndex((line) => line.includes(snippet));
  if (index < 0) throw new Error(`fixture has no line with "${snippet}"`);
  return index + 1;
}

function places(problems: Problems): string[] {
  return problems.list.map((p) => `${p.severity} ${p.place}: ${p.message}`);
}

describe('parseProfilePage — technical page', () => {
  const { topic, problems, markdown } = parse('technical', 'technical');

  it('reads title, front matter, navigation and description', () => {
    expect(topic).toMatchObject({ title: 'Toaster Safety', line: 7, kind: 'technical' });
    expect(topic.frontMatter).toEqual({ layout: 'default', title: 'Toaster Safety', navOrder: 2 });
    expect(topic.navigation).toEqual(['See also the non-technical side of this topic']);
    expect(topic.description).toBe("The capability to keep a toaster's heating safe.");
  });

  it('reads sections with their element bullets and nested bullets', () => {
    expect(topic.sections.map((s) => [s.heading, s.line])).toEqual([
      ['Heat Limits', lineWith(markdown, '## Heat')],
      ['Crumb Tray', lineWith(markdown, '## Crumb')],
    ]);
    const heat = topic.sections[0]!;
    expect(heat.description).toBe('Ability to limit heat. Elements that may be needed:');
    expect(heat.items.map((i) => i.text)).toEqual(['Ability to cap the temperature.', 'Ability to log overheating.']);
    expect(heat.items[0]?.items.map((i) => [i.text, i.line])).toEqual([
      ['Ability to cap it per slot.', lineWith(markdown, 'per slot')],
      ['Ability to cap it per bread type.', lineWith(markdown, 'per bread type')],
    ]);
    expect(heat).toMatchObject({ manufacturer: [], agency: [] });
    expect(topic.sections[1]).toMatchObject({ description: 'Ability to detect a full crumb tray.', items: [] });
  });

  it('warns about the bullet indented deeper than its sibling', () => {
    expect(places(problems)).toEqual([
      `warning line ${lineWith(markdown, 'per bread type')}: bullet indented 1 space(s) deeper than its first sibling; read as a sibling, not as a nested item`,
    ]);
  });
});

describe('parseProfilePage — technical page without "##" headings', () => {
  it('keeps the bullets in a section named after the page, with a warning', () => {
    const { topic, problems, markdown } = parse('technical-no-headings', 'technical');
    expect(places(problems)).toEqual([
      `warning line ${lineWith(markdown, 'fetch updates')}: bullets before the first "##" heading; kept in a section named after the page title`,
    ]);
    expect(topic.description).toBe('');
    expect(topic.navigation).toEqual(['See also the other side']);
    expect(topic.sections).toHaveLength(1);
    expect(topic.sections[0]).toMatchObject({
      heading: 'Toaster Updates',
      implied: true,
      description: 'Ability to update the toaster. Elements:',
      line: lineWith(markdown, 'fetch updates'),
    });
    expect(topic.sections[0]?.items.map((i) => i.text)).toEqual([
      'Ability to fetch updates.',
      'Ability to check update signatures.',
    ]);
  });
});

describe('parseProfilePage — non-technical page', () => {
  const { topic, problems, markdown } = parse('non-technical', 'non-technical');
  const [cleaning, repairs, disposal] = topic.sections;

  it('reads title, navigation and description', () => {
    expect(topic).toMatchObject({
      title: 'Toaster Upkeep',
      description: 'The management controls that keep toasters in good shape.',
    });
    expect(topic.navigation).toEqual(['See also the technical side']);
    expect(topic.sections.map((s) => s.heading)).toEqual([
      'Policies for cleaning toasters.',
      'Policies for repairs.',
      'Policies for disposal.',
    ]);
  });

  it('reads the Manufacturer and Agency lists, nested bullets kept in the item trees', () => {
    expect(cleaning).toMatchObject({
      description: 'Policies explain how to clean toasters. Actions that may be necessary:',
      manufacturer: ['Provides cleaning instructions.', 'Provides a cleaning brush.'],
      agency: ['Assigns a cleaning rota.'],
      items: [],
    });
    expect(cleaning?.agencyItems?.[0]?.items.map((i) => i.text)).toEqual(['Rota covers weekends.']);
    expect(cleaning?.manufacturerItems?.map((i) => i.line)).toEqual([
      lineWith(markdown, 'cleaning instructions'),
      lineWith(markdown, 'cleaning brush'),
    ]);
  });

  it('accepts "**Manufacturer**" without colon and "**Agency:** " with a trailing space', () => {
    expect(repairs?.manufacturer).toEqual(['Publishes repair prices.']);
    expect(repairs?.agency).toEqual(['Keeps repair receipts for:', 'Parts.', 'Labour.']);
  });

  it('keeps example bullets inside the description as items and joins description paragraphs', () => {
    expect(repairs?.description).toBe('Policies explain repairs. Some examples:\n\nActions that may be necessary:');
    expect(repairs?.items.map((i) => i.text)).toEqual(['A broken lever.', 'A frayed cord.']);
  });

  it('reads a "-Example" line as text of the bullet above', () => {
    expect(disposal?.manufacturer).toEqual(['Takes old toasters back. -Example: a free return label.']);
    expect(disposal?.agency).toEqual([]);
  });

  it('reports every oddity with its line', () => {
    expect(places(problems)).toEqual([
      `warning line ${lineWith(markdown, '-Example')}: line starts with "-" without a space, so it is not a bullet; read as part of the text above it`,
      `warning line ${lineWith(markdown, 'A broken lever')}: bullets before the "**Manufacturer:**" / "**Agency:**" lists; kept as items of the section`,
      `warning line ${lineWith(markdown, 'Keeps repair receipts')}: paragraph under "**Agency:**" where a bullet was expected; kept as one of its entries`,
      `warning line ${lineWith(markdown, '## Policies for disposal')}: section has no "**Agency:**" list`,
    ]);
  });
});

describe('parseProfilePage — errors', () => {
  it('reports a page without title and sections as errors, without throwing', () => {
    const { topic, problems } = parse('no-headings', 'non-technical');
    expect(places(problems)).toEqual([
      'error line 1: page has no "#" title heading',
      'error line 1: page has no section ("##" heading) and no bullets',
    ]);
    expect(topic).toMatchObject({ title: '', description: 'Some words but no headings at all.', sections: [] });
  });
});
