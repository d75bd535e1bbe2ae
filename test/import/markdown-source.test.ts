import type { Heading, List, Paragraph } from 'mdast';
import { describe, expect, it } from 'vitest';
import {
  headingAnchor,
  isWebOnly,
  lineOf,
  markDetailsBlocks,
  nodeText,
  parseAttributeList,
  readMarkdownSource,
  reportLayoutOddities,
  splitFrontMatter,
  stripLiquid,
  takeAttributeLists,
} from '../../src/lib/import/markdown-source.ts';
import { Problems } from '../../src/lib/problems.ts';

describe('splitFrontMatter', () => {
  it('parses the YAML and blanks its lines so the body keeps its line numbers', () => {
    const split = splitFrontMatter('---\ntitle: "Pump"\nnavOrder: 4\n---\n\n# Pump\n');
    expect(split.frontMatter).toEqual({ title: 'Pump', navOrder: 4 });
    expect(split.body.split('\n')).toEqual(['', '', '', '', '', '# Pump', '']);
    expect(split.problem).toBeUndefined();
  });

  it('returns the whole text as body when there is no front matter', () => {
    expect(splitFrontMatter('# Pump\n')).toEqual({ frontMatter: {}, body: '# Pump\n' });
  });

  it('reports invalid YAML at its line in the file', () => {
    const split = splitFrontMatter('---\nlayout: a\ntitle: [open\n---\n# Pump\n');
    expect(split.frontMatter).toEqual({});
    expect(split.problem?.line).toBe(3);
    expect(split.problem?.message).toMatch(/^front matter is not valid YAML: /);
    expect(split.problem?.message).not.toMatch(/at line/);
  });

  it('reports an unclosed front matter and keeps the text', () => {
    const split = splitFrontMatter('---\ntitle: Pump\n# Pump\n');
    expect(split.problem).toMatchObject({ line: 1, message: 'front matter opened with "---" is never closed' });
    expect(split.body).toBe('---\ntitle: Pump\n# Pump\n');
  });
});

describe('stripLiquid', () => {
  it('removes tags and output blocks, keeping line breaks inside them', () => {
    expect(stripLiquid('a {% include x.html %} b')).toBe('a  b');
    expect(stripLiquid('[x]({{site.baseurl}}{%link _A/b.md %})')).toBe('[x]()');
    expect(stripLiquid('a {% if x\n %}b')).toBe('a \nb');
  });
});

describe('kramdown attribute lists', () => {
  it('takes block attribute lists with their line and drops inline ones', () => {
    const { text, blockAttributes } = takeAttributeLists(
      '## Head\n{: #Pump1 }\n[x](y){: style="color:red;" } z\n{:latex-ignore="true"}',
    );
    expect(text).toBe('## Head\n\n[x](y) z\n');
    expect(blockAttributes).toEqual([
      { line: 2, id: 'Pump1', classes: [], attributes: {} },
      { line: 4, classes: [], attributes: { 'latex-ignore': 'true' } },
    ]);
  });

  it('parses ids, classes and key/value pairs', () => {
    expect(parseAttributeList(' #a .b .c k=\'v w\' n=1 q="r"')).toEqual({
      id: 'a',
      classes: ['b', 'c'],
      attributes: { k: 'v w', n: '1', q: 'r' },
    });
  });

  it('finds a heading anchor on the next line or at the end of the heading', () => {
    const source = readMarkdownSource(
      '# T\n\n## One\n{: #First }\ntext\n\n## Two {#second}\n\n## Three\n',
      'a.md',
      new Problems(),
    );
    const headings = source.tree.children.filter((n): n is Heading => n.type === 'heading');
    expect(headings.map((h) => headingAnchor(source, h))).toEqual([
      { text: 'T' },
      { text: 'One', anchor: 'First' },
      { text: 'Two', anchor: 'second' },
      { text: 'Three' },
    ]);
  });

  it('marks a paragraph followed by {:latex-ignore="true"} as web-only', () => {
    const source = readMarkdownSource(
      '_See the [other page](x.md)_\n{:latex-ignore="true"}\n\nBody text.\n',
      'a.md',
      new Problems(),
    );
    const [nav, body] = source.tree.children;
    expect(isWebOnly(source, nav!)).toBe(true);
    expect(isWebOnly(source, body!)).toBe(false);
    expect(nodeText(nav!)).toBe('See the other page');
  });
});

describe('markDetailsBlocks', () => {
  it('turns details/summary tag lines into comments at the same indentation and pairs them', () => {
    const input = [
      '- item',
      "  <details><summary markdown='span'> _Examples_ </summary>",
      '',
      '  - _one_',
      '  </details>',
      '\t<details>',
      '   <summary>Ex</summary>',
      '  - _two_',
      '  </details>',
    ].join('\n');
    const { text, details, problems } = markDetailsBlocks(input);
    expect(text.split('\n')).toEqual([
      '- item',
      '  <!--details-->',
      '',
      '  - _one_',
      '  <!--/details-->',
      '\t<!--details-->',
      '   <!--summary-->',
      '  - _two_',
      '  <!--/details-->',
    ]);
    expect(details).toEqual([
      { open: 2, close: 5 },
      { open: 6, close: 9 },
    ]);
    expect(problems).toEqual([]);
  });

  it('reports a stray closing tag and an unclosed opening tag', () => {
    const { details, problems } = markDetailsBlocks('</details>\ntext\n<details>\nmore');
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [1, '"</details>" closes no open <details>'],
      [3, '<details> is never closed; it is read up to the end of the page'],
    ]);
    expect(details).toEqual([{ open: 3, close: 4 }]);
  });

  it('leaves lines with other text alone', () => {
    expect(markDetailsBlocks('See <details> here').text).toBe('See <details> here');
  });
});

describe('readMarkdownSource', () => {
  const markdown = [
    '---',
    'title: Pump',
    '---',
    '',
    '# Pump &nbsp;Care',
    '',
    '{% include x.html %}',
    '- Keep the pump&#39;s *filter* clean.',
    "  <details><summary markdown='span'> _Example_ </summary>",
    '  - _Rinse weekly._<br/>',
    '  </details>',
    '  - A nested bullet.',
  ].join('\n');
  const source = readMarkdownSource(markdown, 'pump.md', new Problems());

  it('gives nodes the lines of the original file', () => {
    const [heading, list] = source.tree.children;
    expect(heading?.type).toBe('heading');
    expect(lineOf(heading!)).toBe(5);
    expect(lineOf(list!)).toBe(8);
    expect(source.frontMatter).toEqual({ title: 'Pump' });
    expect(source.lines[4]).toBe('# Pump &nbsp;Care');
  });

  it('keeps Markdown after a </details> line out of the HTML', () => {
    const item = (source.tree.children[1] as List).children[0]!;
    expect(item.children.map((c) => [c.type, lineOf(c)])).toEqual([
      ['paragraph', 8],
      ['html', 9],
      ['list', 10],
      ['html', 11],
      ['list', 12],
    ]);
    expect(source.details).toEqual([{ open: 9, close: 11 }]);
  });

  it('reads text with entities decoded, emphasis dropped and whitespace squashed', () => {
    const [heading, list] = source.tree.children;
    expect(nodeText(heading!)).toBe('Pump Care');
    const item = (list as List).children[0]!;
    expect(nodeText(item.children[0]!)).toBe("Keep the pump's filter clean.");
    expect(nodeText(item.children[2]!)).toBe('Rinse weekly.');
  });
});

describe('reportLayoutOddities', () => {
  it('reports a bullet deeper than its sibling and a "-word" line', () => {
    const problems = new Problems();
    const source = readMarkdownSource(
      '- one\n  - nested\n - two\n\nSome text\n-Note: not a bullet\n',
      'odd.md',
      problems,
    );
    reportLayoutOddities({ source, file: 'odd.md', problems });
    expect(problems.list.map((p) => [p.place, p.message])).toEqual([
      ['line 3', 'bullet indented 1 space(s) deeper than its first sibling; read as a sibling, not as a nested item'],
      ['line 6', 'line starts with "-" without a space, so it is not a bullet; read as part of the text above it'],
    ]);
    const paragraph = source.tree.children[1] as Paragraph;
    expect(nodeText(paragraph)).toBe('Some text -Note: not a bullet');
  });
});
