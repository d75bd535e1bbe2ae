/**
 * parseGuidelineDraft over small hand-written fixtures (test/fixtures/guideline-draft/),
 * one per construct of the SP 800-213r1 draft's Markdown conversion. Every
 * fixture is written for these tests and imitates a construct, not the draft's text.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type Block,
  type GuidelineDocument,
  normalizeText,
  parseGuidelineDraft,
  type Section,
} from '../../src/lib/import/guideline-draft/index.ts';
import { Problems } from '../../src/lib/problems.ts';
import { documentWords, ledgerDifference, sourceWords } from '../support/word-ledger.ts';

const fixtures = fileURLToPath(new URL('../fixtures/guideline-draft/', import.meta.url));
const HEADER = 'NIST SP 900-7 ipd (Initial Public Draft) March 2031';
const FIXTURES = [
  'front-matter',
  'toc',
  'page-furniture',
  'headings',
  'callouts',
  'lists',
  'footnotes',
  'figures',
  'citations',
  'oddities',
];

function parse(name: string): { doc: GuidelineDocument; problems: Problems; markdown: string } {
  const markdown = readFileSync(`${fixtures}${name}.md`, 'utf8');
  const problems = new Problems();
  const doc = parseGuidelineDraft(markdown, `${name}.md`, problems);
  return { doc, problems, markdown };
}

/** 1-based line of the first line holding `snippet`. */
function lineWith(markdown: string, snippet: string): number {
  const index = markdown.split('\n').findIndex((line) => line.includes(snippet));
  if (index < 0) throw new Error(`fixture has no line with "${snippet}"`);
  return index + 1;
}

/** 1-based line of the first line that is exactly `text` (surrounding spaces aside). */
function lineIs(markdown: string, text: string): number {
  const index = markdown.split('\n').findIndex((line) => line.trim() === text);
  if (index < 0) throw new Error(`fixture has no line "${text}"`);
  return index + 1;
}

function warnings(problems: Problems): string[] {
  return problems.list.map((p) => `${p.severity} ${p.place}: ${p.message}`);
}

function section(doc: GuidelineDocument, id: string): Section {
  const s = doc.sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id} (have ${doc.sections.map((x) => x.id).join(', ')})`);
  return s;
}

// ---------------------------------------------------------------------------
// "Nothing is lost": a word ledger, written independently of the parser.
//
// Source side: the lines after the title block (which ends on the first line
// holding the running header), minus the furniture: the running header wherever
// it is; page-number lines (`> 12`, a bare `23`); lines of consecutive margin
// numbers (`12345678910 11 12`: the tokens after the first go up by one); runs of
// three or more consecutive numbers at a line's end; dotted leaders. Words are
// runs of letters or of digits, lower-cased (`1IoT` is `1` + `iot`).
//
// Output side: comment period, e-mail and address; each TOC entry (`Appendix`,
// number, title, page); each List of Figures entry (`Figure`, number, title,
// page); each section's printed number and printed title (inferred ones are the
// parser's, not the source's); each block (paragraph text; list markers and
// items; callout variant word, title and text; `Figure`, number and caption),
// with its footnote reference numbers; each footnote's number and text.

// ---------------------------------------------------------------------------

describe('parseGuidelineDraft — front matter and title block', () => {
  const { doc, problems, markdown } = parse('front-matter');

  it('reads the title block, the preamble and the comment fields', () => {
    expect(doc.frontMatter).toEqual({
      title: 'Toaster Cybersecurity Guidelines for Shared Kitchens',
      subtitle: 'Keeping Crumbs Out of the Network',
      series: 'NIST SP 900-7 ipd',
      status: 'Initial Public Draft',
      authors: ['Ada Quill', 'Bo Reyes, Jr.'],
      doi: 'https://doi.org/10.0000/NIST.SP.900-7.ipd',
      date: 'March 2031',
      sourceUrl: 'https://example.org/toaster.pdf',
      imprint: ['Kitchen Security Division', 'Department of Breakfast', 'Pat Lee, Head Baker'],
      totalPages: 12,
      commentPeriod: { start: 'March 2', end: 'April 30, 2031' },
      commentEmail: 'toasters@example.gov',
      commentAddress: 'Kitchen Security Division\n12 Crumb Lane, Loafton, ZZ 00000',
    });
  });

  it('makes front-matter sections, the untitled notices first, and unnumbered pages before page i', () => {
    const para = (text: string, page: string, snippet: string): Block => ({
      kind: 'paragraph',
      id: 'p1',
      text,
      page,
      sourceLine: lineWith(markdown, snippet),
      citations: [],
      footnoteRefs: [],
    });
    expect(doc.sections.filter((s) => s.frontMatter)).toEqual([
      {
        id: 'notices',
        title: 'Notices',
        titleInferred: true,
        level: 1,
        page: 'unnumbered-1',
        sourceLine: lineWith(markdown, 'Naming a toaster'),
        frontMatter: true,
        blocks: [
          para('Naming a toaster brand here does not mean that brand is endorsed.', 'unnumbered-1', 'Naming a toaster'),
        ],
      },
      {
        id: 'authority',
        title: 'Authority',
        level: 1,
        page: 'unnumbered-1',
        sourceLine: lineWith(markdown, 'Authority'),
        frontMatter: true,
        blocks: [para('This draft exists only to exercise a parser.', 'unnumbered-1', 'This draft exists')],
      },
      // Their lines went to frontMatter.commentPeriod / commentEmail / commentAddress.
      {
        id: 'public-comment-period',
        title: 'Public Comment Period',
        level: 1,
        page: 'unnumbered-2',
        sourceLine: lineWith(markdown, 'Public Comment Period'),
        frontMatter: true,
        blocks: [],
      },
      {
        id: 'submit-comments',
        title: 'Submit Comments',
        level: 1,
        page: 'unnumbered-2',
        sourceLine: lineWith(markdown, 'Submit Comments'),
        frontMatter: true,
        blocks: [],
      },
      {
        id: 'additional-information',
        title: 'Additional Information',
        level: 1,
        page: 'unnumbered-2',
        sourceLine: lineWith(markdown, 'Additional Information'),
        frontMatter: true,
        // The link's stray space before the comma goes; the line after the comma is the same paragraph.
        blocks: [
          para(
            'More about this draft is posted at https://example.gov/toaster, including later updates.',
            'unnumbered-2',
            'More about this draft',
          ),
        ],
      },
      {
        id: 'abstract',
        title: 'Abstract',
        level: 1,
        page: 'i',
        sourceLine: lineWith(markdown, 'Abstract'),
        frontMatter: true,
        blocks: [
          para(
            'Toasters on office networks need the same care as any other connected appliance.',
            'i',
            'Toasters on office',
          ),
        ],
      },
      {
        id: 'keywords',
        title: 'Keywords',
        level: 1,
        page: 'i',
        sourceLine: lineWith(markdown, 'Keywords'),
        frontMatter: true,
        blocks: [para('Crumbs; toasters; kitchens.', 'i', 'Crumbs;')],
      },
    ]);
    expect(doc.pages).toEqual([
      { label: 'unnumbered-1', sourceLine: lineWith(markdown, 'Naming a toaster'), unnumbered: true },
      { label: 'unnumbered-2', sourceLine: lineWith(markdown, 'Public Comment Period'), unnumbered: true },
      { label: 'i', sourceLine: lineWith(markdown, '> i') },
      // `123456789`: the whole run glued together.
      { label: '1', lines: { first: 1, last: 9 }, sourceLine: lineWith(markdown, '> 1') },
    ]);
  });

  it('starts the body at chapter 1', () => {
    expect(section(doc, '1')).toEqual({
      id: '1',
      number: '1',
      title: 'Introduction',
      level: 1,
      page: '1',
      sourceLine: lineWith(markdown, '1. Introduction'),
      // Page 1 holds the heading (weight 1) and the paragraph (weight 1) on lines 1–9: 1–5 and 5–9, rounded outward.
      blocks: [
        {
          kind: 'paragraph',
          id: 'p1',
          text: 'The body begins here with one short paragraph.',
          page: '1',
          lines: { first: 5, last: 9 },
          sourceLine: lineWith(markdown, 'The body begins'),
          citations: [],
          footnoteRefs: [],
        },
      ],
    });
  });

  it('reports the author spelled differently on the title page', () => {
    expect(warnings(problems)).toEqual([
      `warning line ${lineWith(markdown, '## Bo Reyes ')}: The title page names author "Bo Reyes" where the cover has "Bo Reyes, Jr.".`,
    ]);
  });
});

describe('parseGuidelineDraft — table of contents and list of figures', () => {
  const { doc, problems, markdown } = parse('toc');

  it('reads one entry per line, dotted leaders and page numbers apart, and marks what the source holds', () => {
    expect(doc.toc).toEqual([
      { number: '1', title: 'Introduction', page: '1', inSource: true },
      { number: '2', title: 'Heating Elements', page: '2', inSource: true },
      { number: '2.1.1', title: 'Coil Limits', page: '2', inSource: true },
      { number: '3', title: 'Crumb Trays', page: '9', inSource: false },
      { title: 'References', page: '11', inSource: false },
      { number: 'A', title: 'Glossary, and Terms', page: '12', inSource: false, appendix: true },
    ]);
  });

  it('reads the List of Figures, a title wrapped onto the leader line included', () => {
    expect(doc.figuresList).toEqual([
      { number: 1, title: 'A Toaster Seen from Above [Adapted from a Sketch]', page: '1', inSource: true },
      {
        number: 2,
        title: 'Crumb Paths Through a Toaster Whose Tray Is Left Open While It Is Being Cleaned and Stored',
        page: '2',
        inSource: true,
      },
      { number: 3, title: 'Tray Latches', page: '9', inSource: false },
    ]);
  });

  it('keeps both lists as empty front-matter sections and finds the sections in the body', () => {
    expect(
      doc.sections.map((s) => [
        s.id,
        s.number,
        s.numberInferred,
        s.title,
        s.level,
        s.page,
        s.frontMatter,
        s.blocks.length,
      ]),
    ).toEqual([
      ['table-of-contents', undefined, undefined, 'Table of Contents', 1, 'i', true, 0],
      ['list-of-figures', undefined, undefined, 'List of Figures', 1, 'ii', true, 0],
      ['1', '1', undefined, 'Introduction', 1, '1', undefined, 2],
      ['2', '2', undefined, 'Heating Elements', 1, '2', undefined, 1],
      ['2.1', '2.1', true, 'Coils and Controllers', 2, '2', undefined, 1],
      ['2.1.1', '2.1.1', undefined, 'Coil Limits', 3, '2', undefined, 2],
    ]);
    expect(section(doc, '2.1.1').blocks[1]).toEqual({
      kind: 'figure',
      id: 'f1',
      number: 2,
      caption: 'Crumb Paths Through a Toaster Whose Tray Is Left Open While It Is Being Cleaned and Stored',
      page: '2',
      sourceLine: lineWith(markdown, '> Figure 2:'),
      lines: { first: 11, last: 11 },
    });
    expect(warnings(problems)).toEqual([]);
  });
});

describe('parseGuidelineDraft — page furniture', () => {
  const { doc, problems, markdown } = parse('page-furniture');

  it('reads page numbers (a bare one reported) and margin runs, glued digits included', () => {
    expect(doc.pages).toEqual([
      { label: '1', lines: { first: 1, last: 12 }, sourceLine: lineWith(markdown, '> 1') },
      { label: '2', lines: { first: 13, last: 18 }, sourceLine: lineWith(markdown, '> 2') },
      { label: '3', lines: { first: 19, last: 21 }, sourceLine: lineIs(markdown, '3') },
    ]);
    expect(warnings(problems)).toEqual([
      `warning line ${lineIs(markdown, '3')}: The page number 3 is a bare line, not a quoted "> 3" like the other page numbers.`,
    ]);
  });

  it('strips running headers, joins hard wraps and a paragraph running over a page break, and estimates lines', () => {
    // Page 1 (lines 1–12) weighs: heading 1, first paragraph 1 (66 chars), second paragraph's two lines 2 (97 + 91 chars) → 3 lines a weight.
    // Page 2 (lines 13–18): the rest of the second paragraph 1, the last paragraph 1 → 3 lines each.
    expect(section(doc, '1').blocks).toEqual([
      {
        kind: 'paragraph',
        id: 'p1',
        text: 'A toaster is a small appliance, and many offices now connect them.',
        page: '1',
        lines: { first: 4, last: 6 },
        sourceLine: lineWith(markdown, 'A toaster is'),
        citations: [],
        footnoteRefs: [],
      },
      {
        kind: 'paragraph',
        id: 'p2',
        text: "Toasters that join the office network can report their state, take settings from a phone app, and Kitchen Cloud, the vendor's backend, sends them new firmware whenever a fix is ready, which means updates can arrive at night.",
        page: '1',
        endPage: '2',
        lines: { first: 7, last: 15 },
        sourceLine: lineWith(markdown, 'Toasters that join'),
        citations: [],
        footnoteRefs: [],
      },
      // Ends with a full stop at the foot of page 2: the upper-case first line of page 3 is a new paragraph.
      {
        kind: 'paragraph',
        id: 'p3',
        text: 'The vendor signs each update before it leaves the factory.',
        page: '2',
        lines: { first: 16, last: 18 },
        sourceLine: lineWith(markdown, 'The vendor signs'),
        citations: [],
        footnoteRefs: [],
      },
      {
        kind: 'paragraph',
        id: 'p4',
        text: 'Signed updates are checked by the toaster before it installs them.',
        page: '3',
        lines: { first: 19, last: 21 },
        sourceLine: lineWith(markdown, 'Signed updates'),
        citations: [],
        footnoteRefs: [],
      },
    ]);
  });
});

describe('parseGuidelineDraft — headings', () => {
  const { doc, problems, markdown } = parse('headings');

  it('keeps printed numbers and infers the unnumbered ones from their order', () => {
    expect(
      doc.sections.map((s) => ({
        id: s.id,
        number: s.number,
        numberInferred: s.numberInferred,
        title: s.title,
        level: s.level,
        page: s.page,
        sourceLine: s.sourceLine,
      })),
    ).toEqual([
      {
        id: 'table-of-contents',
        number: undefined,
        numberInferred: undefined,
        title: 'Table of Contents',
        level: 1,
        page: 'i',
        sourceLine: lineWith(markdown, 'Table of Contents'),
      },
      {
        id: '1',
        number: '1',
        numberInferred: undefined,
        title: 'Introduction',
        level: 1,
        page: '1',
        sourceLine: lineIs(markdown, '1. Introduction'),
      },
      {
        id: '1.1',
        number: '1.1',
        numberInferred: true,
        title: 'Purpose of This Guide',
        level: 2,
        page: '1',
        sourceLine: lineWith(markdown, 'Purpose of'),
      },
      {
        id: '1.2',
        number: '1.2',
        numberInferred: true,
        title: 'Who Should Read It?',
        level: 2,
        page: '1',
        sourceLine: lineWith(markdown, 'Who Should'),
      },
      // The margin run glued after the heading is not part of its title.
      {
        id: '2',
        number: '2',
        numberInferred: undefined,
        title: 'Heating Elements',
        level: 1,
        page: '2',
        sourceLine: lineWith(markdown, '2. Heating Elements 7'),
      },
      {
        id: '2.1',
        number: '2.1',
        numberInferred: true,
        title: 'Coils and Controllers',
        level: 2,
        page: '2',
        sourceLine: lineWith(markdown, 'Coils and'),
      },
      {
        id: '2.1.1',
        number: '2.1.1',
        numberInferred: undefined,
        title: 'Coil Limits',
        level: 3,
        page: '2',
        sourceLine: lineIs(markdown, '2.1.1. Coil Limits'),
      },
      {
        id: '2.1.2',
        number: '2.1.2',
        numberInferred: undefined,
        title: 'Timer Limits',
        level: 3,
        page: '3',
        sourceLine: lineIs(markdown, '2.1.2. Timer Limits'),
      },
      {
        id: '2.2',
        number: '2.2',
        numberInferred: true,
        title: 'Thermal Fuses',
        level: 2,
        page: '3',
        sourceLine: lineWith(markdown, 'Thermal Fuses'),
      },
    ]);
    expect(doc.pages.map((p) => [p.label, p.lines])).toEqual([
      ['i', undefined],
      ['1', { first: 1, last: 6 }],
      ['2', { first: 7, last: 14 }],
      ['3', { first: 15, last: 19 }],
    ]);
    expect(section(doc, '2.1').blocks).toEqual([
      // Page 2: six units of weight 1 on eight lines; the fourth covers 11–12.
      {
        kind: 'paragraph',
        id: 'p1',
        text: 'Each coil has a controller.',
        page: '2',
        lines: { first: 11, last: 12 },
        sourceLine: lineWith(markdown, 'Each coil'),
        citations: [],
        footnoteRefs: [],
      },
    ]);
  });

  it('reports the one uncertain inference: after a level-3 section', () => {
    expect(warnings(problems)).toEqual([
      `warning line ${lineWith(markdown, 'Thermal Fuses')}: The heading "Thermal Fuses" has no number and follows a level-3 section (2.1.2): it is taken as 2.2, but it could be 2.1.3.`,
    ]);
    expect(doc.toc.map((t) => [t.number, t.inSource])).toEqual([
      ['1', true],
      ['2', true],
      ['2.1.1', true],
      ['2.1.2', true],
      ['3', false],
    ]);
  });
});

describe('parseGuidelineDraft — callouts', () => {
  const { doc, problems, markdown } = parse('callouts');

  it('reads Details: and Consider: boxes, wrapped titles and hard-wrapped text', () => {
    // Page 1 (lines 1–10) weighs: heading 1, first box 4 lines, second box 5 lines, paragraph 2 (108 chars).
    expect(section(doc, '1').blocks).toEqual([
      {
        kind: 'callout',
        id: 'c1',
        variant: 'details',
        title: 'What Counts as a Toaster?',
        text: 'In this guide a toaster is any appliance that browns bread with a heating element and has at least one network interface. A toaster oven counts too, as does a sandwich press with a companion app [3].',
        page: '1',
        lines: { first: 1, last: 5 },
        sourceLine: lineWith(markdown, 'Details:'),
        citations: ['3'],
      },
      {
        kind: 'callout',
        id: 'c2',
        variant: 'consider',
        title: 'Asking the Vendor About Firmware Signing Before a Toaster Is Bought',
        // A line ending in a hyphen is joined without a space, the hyphen kept.
        text: 'Ask the vendor whether updates are signed and how the signing keys are kept. Some vendors also let a third-party lab check the signing service.',
        page: '1',
        lines: { first: 5, last: 9 },
        sourceLine: lineWith(markdown, 'Consider:'),
        citations: [],
      },
      {
        kind: 'paragraph',
        id: 'p1',
        text: 'The rest of the section is ordinary text, written as one long line the way the converter writes a paragraph.',
        page: '1',
        lines: { first: 9, last: 10 },
        sourceLine: lineWith(markdown, 'The rest of'),
        citations: [],
        footnoteRefs: [],
      },
    ]);
    expect(warnings(problems)).toEqual([]);
  });
});

describe('parseGuidelineDraft — lists', () => {
  const { doc, problems, markdown } = parse('lists');
  const lists = section(doc, '1').blocks.filter((b) => b.kind === 'list');

  it('reads bullets, a wrapped bullet included', () => {
    expect(lists[0]).toEqual({
      kind: 'list',
      id: 'l1',
      ordered: false,
      items: [
        'Security: who can change the settings, and whether the toaster can be told to heat when nobody is around to watch it.',
        'Privacy: what the toaster learns about breakfast habits.',
      ],
      page: '1',
      lines: { first: 3, last: 6 },
      sourceLine: lineWith(markdown, '• Security'),
      citations: [],
    });
  });

  it('nests a) / i. items by marker style', () => {
    expect(lists[1]).toEqual({
      kind: 'list',
      id: 'l2',
      ordered: true,
      items: [
        'a signed update for every flaw; or',
        'a replacement toaster, offered either:',
        'at no cost; or',
        'at a discount.',
      ],
      markers: ['a)', 'b)', 'i.', 'ii.'],
      depths: [0, 0, 1, 1],
      page: '1',
      lines: { first: 7, last: 11 },
      sourceLine: lineWith(markdown, 'a) a signed'),
      citations: [],
    });
  });

  it('keeps a question list whole: sub-items, and a paragraph between an item and its sub-items', () => {
    expect(lists[2]).toEqual({
      kind: 'list',
      id: 'l3',
      ordered: true,
      items: [
        'Who will own the toaster? The answer decides who applies updates.',
        'Might the toaster affect other equipment? Toasters share circuits with kettles and microwaves. For example:',
        'Could it trip a breaker? A tripped breaker stops other devices.',
        'Could it overheat a shared socket?',
        'Is there a manual? Manuals explain the reset button.',
      ],
      markers: ['1.', '2.', 'a.', 'b.', '3.'],
      depths: [0, 0, 1, 1, 0],
      page: '1',
      lines: { first: 12, last: 18 },
      sourceLine: lineWith(markdown, '1. Who will'),
      citations: [],
    });
    // A list starting over at 1 after a paragraph is a new list.
    expect(lists[3]).toMatchObject({ id: 'l4', items: ['Where will it sit?'], markers: ['1.'] });
    expect(lists).toHaveLength(4);
    expect(section(doc, '1').blocks.map((b) => b.id)).toEqual(['p1', 'l1', 'p2', 'l2', 'p3', 'l3', 'p4', 'l4']);
    expect(warnings(problems)).toEqual([]);
  });
});

describe('parseGuidelineDraft — footnotes', () => {
  const { doc, problems, markdown } = parse('footnotes');

  it('takes the reference number off the text, keeps the footnote, and joins the text around it', () => {
    expect(doc.footnotes).toEqual([
      {
        number: '1',
        text: 'Crumb sensors are the optical parts that notice a full tray; they are not the same as smoke sensors.',
        page: '1',
        line: lineWith(markdown, '> 1Crumb'),
      },
      {
        number: '2',
        text: "A cloud service may be run by a third party on the vendor's behalf.",
        page: '1',
        line: lineWith(markdown, '> 2A cloud'),
      },
    ]);
    expect(section(doc, '1').blocks).toEqual([
      {
        kind: 'paragraph',
        id: 'p1',
        text: "A toaster may rely on crumb sensors to decide when to warn the owner. Such warnings travel through the vendor's backend.",
        page: '1',
        lines: { first: 3, last: 6 },
        sourceLine: lineWith(markdown, 'A toaster may'),
        citations: [],
        footnoteRefs: ['1'],
      },
      {
        kind: 'list',
        id: 'l1',
        ordered: true,
        items: ['Which backend stores the warnings (e.g., a cloud service), and for how long?'],
        markers: ['1.'],
        page: '1',
        lines: { first: 7, last: 8 },
        sourceLine: lineWith(markdown, '1. Which'),
        citations: [],
        footnoteRefs: ['2'],
      },
    ]);
    expect(warnings(problems)).toEqual([]);
  });
});

describe('parseGuidelineDraft — figures', () => {
  const { doc, problems, markdown } = parse('figures');

  it('reads a caption that shares its quote with the running header and the next page number', () => {
    expect(section(doc, '1').blocks).toEqual([
      {
        kind: 'paragraph',
        id: 'p1',
        text: 'Figure 4 shows the parts of a toaster.',
        page: '6',
        lines: { first: 2, last: 3 },
        sourceLine: lineWith(markdown, 'Figure 4 shows'),
        citations: [],
        footnoteRefs: [],
      },
      {
        kind: 'figure',
        id: 'f1',
        number: 4,
        caption: 'Parts of a Toaster [Drawn for This Guide]',
        page: '6',
        lines: { first: 3, last: 4 },
        sourceLine: lineWith(markdown, '> Figure 4'),
      },
      {
        kind: 'figure',
        id: 'f2',
        number: 5,
        caption: 'Where the Crumbs Go',
        page: '7',
        lines: { first: 5, last: 7 },
        sourceLine: lineWith(markdown, '> Figure 5'),
      },
      {
        kind: 'paragraph',
        id: 'p2',
        text: 'The tray collects what falls from the slots.',
        page: '7',
        lines: { first: 7, last: 9 },
        sourceLine: lineWith(markdown, 'The tray'),
        citations: [],
        footnoteRefs: [],
      },
    ]);
    expect(doc.pages.map((p) => [p.label, p.lines])).toEqual([
      ['6', { first: 1, last: 4 }],
      ['7', { first: 5, last: 9 }],
    ]);
    expect(warnings(problems)).toEqual([]);
  });
});

describe('parseGuidelineDraft — citations', () => {
  const { doc, problems, markdown } = parse('citations');

  it('normalizes odd spacings and bracket groups, and lists the numbers', () => {
    // Page 1 (lines 1–6) weighs: heading 1, paragraph 3 (its line, 188 chars), list 1 → 1–2, 2–5, 5–6.
    expect(section(doc, '1').blocks).toEqual([
      {
        kind: 'paragraph',
        id: 'p1',
        text: 'Kitchen guides [7] say the same, and so do [2], [3], [4] and the appliance series [23], [24], [25]. See the Toaster Act, the guide of [9], which agrees (see Sec. 1 and Figure 2).',
        page: '1',
        lines: { first: 2, last: 5 },
        sourceLine: lineWith(markdown, 'Kitchen guides'),
        citations: ['7', '2', '3', '4', '23', '24', '25', '9'],
        footnoteRefs: [],
      },
      {
        kind: 'list',
        id: 'l1',
        ordered: false,
        items: ['Guides of the appliance series [23] and [7].'],
        page: '1',
        lines: { first: 5, last: 6 },
        sourceLine: lineWith(markdown, '• Guides'),
        citations: ['23', '7'],
      },
    ]);
    expect(warnings(problems)).toEqual([]);
  });

  it('normalizeText handles each spacing on its own', () => {
    expect(normalizeText('see  [2] , [3] ,[4]  here')).toBe('see [2], [3], [4] here');
    expect(normalizeText('series [ [23] , [24] ]')).toBe('series [23], [24]');
    expect(normalizeText('the Act , the (RMF ) and ( CSF) .')).toBe('the Act, the (RMF) and (CSF).');
    expect(normalizeText('Approved on YYYY-MM-DD [Will be added later.]')).toBe(
      'Approved on YYYY-MM-DD [Will be added later.]',
    );
  });
});

describe('parseGuidelineDraft — what it cannot place is kept and reported', () => {
  const { doc, problems, markdown } = parse('oddities');

  it('keeps each oddity as a paragraph (or a footnote) and warns', () => {
    expect(section(doc, 'table-of-contents').blocks.map((b) => b.kind === 'paragraph' && b.text)).toEqual([
      'Further chapters follow in the final version',
    ]);
    expect(section(doc, '1').blocks.map((b) => b.kind === 'paragraph' && [b.text, b.page, b.lines])).toEqual([
      ['Toasters are everywhere.', '1', { first: 2, last: 3 }],
      ['A quoted aside that is neither a caption nor a footnote.', '1', { first: 3, last: 4 }],
      ['5 6 8 9', '2', undefined],
    ]);
    expect(section(doc, '2').blocks.map((b) => b.kind === 'paragraph' && b.text)).toEqual([
      'and this line has lost the sentence it belonged to.',
    ]);
    expect(doc.footnotes).toEqual([
      {
        number: '3',
        text: 'A footnote whose reference number is nowhere in the text.',
        page: '1',
        line: lineWith(markdown, '> 3A'),
      },
    ]);
    expect(doc.pages.map((p) => [p.label, p.lines])).toEqual([
      ['i', undefined],
      ['1', { first: 1, last: 4 }],
      ['2', undefined],
    ]);
    expect(warnings(problems).sort()).toEqual(
      [
        `warning line ${lineWith(markdown, '> A quoted')}: A quoted line is neither a page number, a figure caption nor a footnote: "A quoted aside that is neither a caption nor a footnote.".`,
        `warning line ${lineWith(markdown, '5 6 8 9')}: The line of numbers "5 6 8 9" after page number 2 is not a run of consecutive margin line numbers starting at 5.`,
        `warning line ${lineWith(markdown, 'Further chapters')}: A line of the Table of Contents has no dotted leader and page number: "Further chapters follow in the final version".`,
        `warning line ${lineWith(markdown, '> 3A')}: Footnote 3 has no reference number at the end of the text before it.`,
        `warning line ${lineWith(markdown, 'and this line')}: A paragraph starts in lower case ("and this line has lost the sentence it b…"): the text it continues was not found.`,
        `warning line ${lineIs(markdown, '2. Heating Elements')}: Section 2 "Heating Elements" is on page 2, but the table of contents says page 3.`,
      ].sort(),
    );
    expect(problems.hasErrors).toBe(false);
  });
});

describe('parseGuidelineDraft — nothing is lost', () => {
  it.each(FIXTURES)('every word of %s.md lands in exactly one place of the output', (name) => {
    const { doc, markdown } = parse(name);
    const source = sourceWords(markdown, HEADER);
    expect(source.length).toBeGreaterThan(10);
    expect(ledgerDifference(source, documentWords(doc))).toEqual([]);
  });

  it('the ledger notices a lost word', () => {
    const { doc, markdown } = parse('lists');
    const lost = structuredClone(doc);
    const list = lost.sections[0]!.blocks[1]!;
    if (list.kind !== 'list') throw new Error('fixture changed');
    list.items.pop();
    expect(ledgerDifference(sourceWords(markdown, HEADER), documentWords(lost)).sort()).toEqual(
      [
        'privacy: +1',
        'what: +1',
        'the: +1',
        'toaster: +1',
        'learns: +1',
        'about: +1',
        'breakfast: +1',
        'habits: +1',
      ].sort(),
    );
  });
});
