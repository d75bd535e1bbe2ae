import { describe, expect, it } from 'vitest';
import { buildGlossary, parseGlossaryConfig } from '../../src/lib/model/glossary.ts';
import type { Guideline } from '../../src/lib/model/schemas/guideline.ts';
import { Problems } from '../../src/lib/problems.ts';

const para = (id: string, text: string, extra: object = {}) => ({
  kind: 'paragraph' as const,
  id,
  text,
  page: '3',
  sourceLine: 10,
  citations: [],
  footnoteRefs: [],
  lines: { first: 80, last: 84 },
  ...extra,
});
const guideline = {
  pdfUrl: 'https://example.org/draft.pdf',
  pdfPageOffset: 8,
  frontMatter: { title: 'T', series: 'S', authors: [] },
  toc: [],
  figuresList: [],
  pages: [],
  provenance: { source: 's', file: 'f', place: 'whole file' },
  footnotes: [{ number: '1', text: 'Widget parts are the pieces a widget needs.', page: '4', line: 50 }],
  sections: [
    {
      id: '1',
      number: '1',
      title: 'Intro',
      level: 1,
      page: '3',
      sourceLine: 5,
      blocks: [
        para('p1', 'Widgets matter. A widget is a small thing that does one job. Widgets are common.'),
        {
          kind: 'list' as const,
          id: 'l1',
          ordered: false,
          items: ['Gadgets – larger things made of widgets.', 'Other things'],
          page: '3',
          sourceLine: 12,
          citations: [],
        },
        para('p2', 'Each widget has widget parts 1 inside.', { footnoteRefs: ['1'] }),
        para('p3', 'Systems may include helpers, which are processes run by the maker.'),
      ],
    },
  ],
} as unknown as Guideline;

const config = (yaml: string) => parseGlossaryConfig(yaml, 'catalog/glossary.yaml', new Problems());

describe('the glossary', () => {
  it('quotes the defining sentence, list item, apposition or footnote, with where it is', () => {
    const entries = buildGlossary(
      config(`terms:
  - { term: Widget, forms: [widget, widgets] }
  - { term: Gadget, forms: [gadget, gadgets] }
  - { term: Helper, forms: [helper, helpers] }
  - { term: Widget part, forms: [widget part, widget parts] }
  - { term: Doohickey, forms: [doohickey] }
`),
      guideline,
    );
    expect(entries.map((e) => [e.slug, e.definition?.text, e.definition?.block ?? e.definition?.footnote])).toEqual([
      ['widget', 'A widget is a small thing that does one job.', 'p1'],
      ['gadget', 'Gadgets – larger things made of widgets.', 'l1'],
      ['helper', 'Systems may include helpers, which are processes run by the maker.', 'p3'],
      ['widget-part', 'Widget parts are the pieces a widget needs.', '1'],
      ['doohickey', undefined, undefined],
    ]);
    expect(entries[0]!.definition).toMatchObject({
      section: '1',
      sectionNumber: '1',
      page: '3',
      lines: { first: 80, last: 84 },
    });
  });

  it('reports a malformed term list with its JSON path', () => {
    const problems = new Problems();
    parseGlossaryConfig('terms:\n  - term: Widget\n', 'catalog/glossary.yaml', problems);
    expect(problems.list[0]).toMatchObject({ file: 'catalog/glossary.yaml', place: '$.terms[0].forms' });
  });
});
