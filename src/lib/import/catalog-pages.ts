/**
 * Reads one SP 800-213A catalog page (Jekyll Markdown) into a capability with
 * its sub-capabilities, elements, items and examples.
 *
 * Technical page:  `# Title`, description, then per `## Sub-capability` a
 *   description and a bullet list: each top-level bullet is an element, nested
 *   bullets are its items.
 * Non-technical page: `# A. Title`, a bold statement (the description) and
 *   more paragraphs (notes), then per `## 1). Title` + `{: #Doc1 }` a
 *   description, bold group lines `**a. Group**`, and numbered elements
 *   `1. **Topic: statement.**` with description, sub-element bullets and
 *   `<details>` examples.
 *
 * Whatever cannot be placed is reported to `problems` (warning; error when the
 * page has no title or no sub-capability) and kept where it does least harm.
 */
import type { Heading, List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { Problems } from '../problems.ts';
import { squash } from '../text.ts';
import {
  exampleTexts,
  headingAnchor,
  inDetails,
  isBoldParagraph,
  isEmptyBlock,
  isWebOnly,
  lineOf,
  listMarkerLabel,
  markupResidue,
  nodeText,
  pageRegions,
  readBulletItem,
  readMarkdownSource,
  reportLayoutOddities,
  reportUnplaced,
  warnAt,
  type PageContext,
  type PageItem,
} from './markdown-source.ts';

export type { PageItem } from './markdown-source.ts';

export interface PageElement {
  /** Element statement, whitespace squashed, bold/italic markers removed. */
  text: string;
  /** Non-technical: the element's number, `1.`. */
  label?: string;
  /** Non-technical: the lettered group the element sits in. */
  group?: { label: string; title: string };
  /** Non-technical: paragraph(s) under the element title (paragraphs joined by a blank line). */
  description?: string;
  /** Non-technical: the lead of the bold statement before its first colon ("Device Security"). */
  topic?: string;
  /** Non-technical: the bold statement after that colon. */
  statement?: string;
  /** Technical: nested bullets; non-technical: the sub-element bullets. */
  items: PageItem[];
  /** `<details>` example bullets attached directly to the element. */
  examples: string[];
  line: number;
}

export interface PageSubCapability {
  title: string;
  /** Non-technical: `1.` (the source writes `1).` or `1.)`). */
  label?: string;
  /** Non-technical: the kramdown anchor, `Doc1`. */
  anchor?: string;
  /** Paragraph(s) under the heading, joined by a blank line; empty when there is none. */
  description: string;
  line: number;
  elements: PageElement[];
  /** Text found after the elements where an element was expected (each one reported as a warning). */
  notes?: string[];
}

export interface PageCapability {
  file: string;
  kind: 'technical' | 'non-technical';
  title: string;
  /** Non-technical: `A.`. */
  label?: string;
  /** Technical: the first paragraph; non-technical: the bold statement. */
  description: string;
  /** The other paragraphs (and list items) before the first sub-capability. */
  notes: string[];
  /** Web-only paragraphs marked `{:latex-ignore="true"}` before the first sub-capability. */
  navigation?: string[];
  frontMatter: Record<string, unknown>;
  line: number;
  subCapabilities: PageSubCapability[];
}

type Kind = PageCapability['kind'];

const CAPABILITY_LABEL = /^([A-Z])\.\s*(.+)$/;
const SUB_CAPABILITY_LABEL = /^(\d+)\s*[.)]+\s*(.+)$/;
const GROUP_LINE = /^([a-z])[.)]\s+(.+)$/;
const TOPIC_LEAD = /^([^:]{1,80}):\s+(.+)$/;

/** Parses one catalog page; never throws, reports what it cannot place. */
export function parseCatalogPage(markdown: string, file: string, kind: Kind, problems: Problems): PageCapability {
  const source = readMarkdownSource(markdown, file, problems);
  const ctx: PageContext = { source, file, problems };
  reportLayoutOddities(ctx);
  const regions = pageRegions(source.tree);
  for (const block of regions.beforeTitle) reportUnplaced(ctx, block, 'before the "#" title heading');

  const capability: PageCapability = {
    file,
    kind,
    title: '',
    description: '',
    notes: [],
    frontMatter: source.frontMatter,
    line: regions.title ? lineOf(regions.title) : 1,
    subCapabilities: [],
  };
  if (regions.title) Object.assign(capability, capabilityTitle(nodeText(regions.title), kind));
  else
    problems.error(file, 'line 1', 'page has no "#" title heading', 'Start the page body with "# Capability title".');

  readIntro(regions.intro, capability, ctx);
  for (const section of regions.sections)
    capability.subCapabilities.push(readSubCapability(section.heading, section.blocks, kind, ctx));
  if (capability.subCapabilities.length === 0) {
    problems.error(
      file,
      `line ${capability.line}`,
      'page has no sub-capability heading',
      'Give each sub-capability a "## Title" heading.',
    );
  }
  reportResidue(capability, ctx);
  return capability;
}

function capabilityTitle(text: string, kind: Kind): { title: string; label?: string } {
  const labelled = kind === 'non-technical' ? CAPABILITY_LABEL.exec(text) : null;
  return labelled?.[1] && labelled[2] ? { label: `${labelled[1]}.`, title: labelled[2] } : { title: text };
}

// ---------------------------------------------------------------------------
// Capability intro: description, notes, navigation

function readIntro(blocks: RootContent[], capability: PageCapability, ctx: PageContext): void {
  const paragraphs: string[] = [];
  let statement: string | undefined;
  const navigation: string[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      const text = nodeText(block);
      if (!text) continue;
      if (isWebOnly(ctx.source, block)) navigation.push(text);
      else if (capability.kind === 'non-technical' && statement === undefined && isBoldParagraph(block))
        statement = text;
      else paragraphs.push(text);
    } else if (block.type === 'list') {
      if (capability.kind === 'technical') {
        warnAt(
          ctx,
          block,
          'bullets before the first sub-capability heading; kept as notes of the capability',
          'Put the bullets under a "## Sub-capability" heading.',
        );
      }
      paragraphs.push(...listNotes(block));
    } else if (inDetails(ctx.source, block) && !isEmptyBlock(block)) {
      warnAt(
        ctx,
        block,
        '<details> examples with no bullet before them; kept as notes of the capability',
        'Put the <details> block right under the bullet it illustrates.',
      );
      paragraphs.push(...exampleTexts(block));
    } else {
      reportUnplaced(ctx, block, 'in the capability introduction');
    }
  }
  if (capability.kind === 'non-technical' && statement === undefined && paragraphs.length > 0) {
    ctx.problems.warning(
      ctx.file,
      `line ${capability.line}`,
      'no bold capability statement under the title; the first paragraph is used as the description',
      'Write the capability statement as a "**bold**" paragraph.',
    );
  }
  capability.description = statement ?? paragraphs.shift() ?? '';
  capability.notes = paragraphs;
  if (navigation.length) capability.navigation = navigation;
}

/** List items as notes; numbered ones keep their number ("1. complying with …"). */
function listNotes(list: List): string[] {
  return list.children.map((item, i) => {
    const text = nodeText(item);
    return list.ordered ? `${(list.start ?? 1) + i}. ${text}` : text;
  });
}

// ---------------------------------------------------------------------------
// Sub-capabilities

interface SubCapabilityState {
  subCapability: PageSubCapability;
  descriptionParts: string[];
  group?: { label: string; title: string; line: number; elements: number };
  seenElementsOrGroup: boolean;
}

function readSubCapability(heading: Heading, blocks: RootContent[], kind: Kind, ctx: PageContext): PageSubCapability {
  if (heading.depth !== 2) {
    warnAt(
      ctx,
      heading,
      `sub-capability heading is level ${heading.depth} ("${'#'.repeat(heading.depth)}"), expected "##"; read as a sub-capability`,
      'Write sub-capability headings as "## Title".',
    );
  }
  const state: SubCapabilityState = {
    subCapability: subCapabilityHeading(heading, kind, ctx),
    descriptionParts: [],
    seenElementsOrGroup: false,
  };
  for (const block of blocks) readSubCapabilityBlock(block, kind, state, ctx);
  closeGroup(state, ctx);
  state.subCapability.description = state.descriptionParts.join('\n\n');
  return state.subCapability;
}

function subCapabilityHeading(heading: Heading, kind: Kind, ctx: PageContext): PageSubCapability {
  const { text, anchor } = headingAnchor(ctx.source, heading);
  const subCapability: PageSubCapability = { title: text, description: '', line: lineOf(heading), elements: [] };
  if (kind === 'non-technical') {
    const labelled = SUB_CAPABILITY_LABEL.exec(text);
    if (labelled?.[1] && labelled[2]) {
      subCapability.label = `${labelled[1]}.`;
      subCapability.title = labelled[2];
    }
    if (!anchor)
      warnAt(
        ctx,
        heading,
        'non-technical sub-capability heading has no "{: #id }" anchor on the next line',
        'Add the anchor line (e.g. "{: #Doc1 }") right under the heading.',
      );
  }
  if (anchor) subCapability.anchor = anchor;
  return subCapability;
}

function readSubCapabilityBlock(block: RootContent, kind: Kind, state: SubCapabilityState, ctx: PageContext): void {
  if (block.type === 'list') {
    readElementList(block, kind, state, ctx);
  } else if (inDetails(ctx.source, block)) {
    if (!isEmptyBlock(block)) attachStrayExamples(exampleTexts(block), block, state, ctx);
  } else if (block.type === 'paragraph') {
    readSubCapabilityParagraph(block, kind, state, ctx);
  } else {
    reportUnplaced(ctx, block, 'in a sub-capability');
  }
}

function readSubCapabilityParagraph(
  paragraph: Paragraph,
  kind: Kind,
  state: SubCapabilityState,
  ctx: PageContext,
): void {
  const text = nodeText(paragraph);
  if (!text) return;
  const group = kind === 'non-technical' && isBoldParagraph(paragraph) ? GROUP_LINE.exec(text) : null;
  if (group?.[1] && group[2]) {
    closeGroup(state, ctx);
    state.group = { label: `${group[1]}.`, title: group[2], line: lineOf(paragraph), elements: 0 };
    state.seenElementsOrGroup = true;
  } else if (!state.seenElementsOrGroup) {
    state.descriptionParts.push(text);
  } else {
    warnAt(
      ctx,
      paragraph,
      'paragraph where an element was expected; kept as a note of the sub-capability',
      'Make it part of an element (indent it under the element) or move it above the elements.',
    );
    state.subCapability.notes ??= [];
    state.subCapability.notes.push(text);
  }
}

function readElementList(list: List, kind: Kind, state: SubCapabilityState, ctx: PageContext): void {
  if (kind === 'non-technical' && !list.ordered) {
    warnAt(
      ctx,
      list,
      'bullets where numbered elements ("1. **…**") were expected; each bullet is read as an element',
      'Number the elements.',
    );
  }
  state.seenElementsOrGroup = true;
  for (const item of list.children) {
    if (inDetails(ctx.source, item)) {
      attachStrayExamples(exampleTexts(item), item, state, ctx);
      continue;
    }
    const element =
      kind === 'technical' ? technicalElement(item, ctx) : nonTechnicalElement(item, list.ordered === true, ctx);
    if (state.group) {
      element.group = { label: state.group.label, title: state.group.title };
      state.group.elements++;
    }
    state.subCapability.elements.push(element);
  }
}

function attachStrayExamples(examples: string[], node: RootContent, state: SubCapabilityState, ctx: PageContext): void {
  const lastElement = state.subCapability.elements.at(-1);
  if (lastElement) {
    warnAt(
      ctx,
      node,
      '<details> examples not indented under any bullet; attached to the element above',
      'Indent the <details> block under the bullet it illustrates.',
    );
    lastElement.examples.push(...examples);
  } else {
    warnAt(
      ctx,
      node,
      '<details> examples with no bullet before them; kept as notes of the sub-capability',
      'Put the <details> block right under the bullet it illustrates.',
    );
    state.subCapability.notes ??= [];
    state.subCapability.notes.push(...examples);
  }
}

function closeGroup(state: SubCapabilityState, ctx: PageContext): void {
  if (state.group && state.group.elements === 0) {
    ctx.problems.warning(
      ctx.file,
      `line ${state.group.line}`,
      `group "${state.group.label} ${state.group.title}" has no numbered elements`,
      'Follow the group line with "1. **…**" elements.',
    );
  }
  delete state.group;
}

// ---------------------------------------------------------------------------
// Elements

function technicalElement(item: ListItem, ctx: PageContext): PageElement {
  const bullet = readBulletItem(item, ctx);
  return { text: bullet.text, items: bullet.items, examples: bullet.examples, line: bullet.line };
}

/**
 * `1. **Topic: statement.**`, description paragraph(s), sub-element bullets,
 * `<details>` examples. A bullet read as an element (already reported) is not
 * reported again for lacking bold.
 */
function nonTechnicalElement(item: ListItem, numbered: boolean, ctx: PageContext): PageElement {
  const element: PageElement = { text: '', items: [], examples: [], line: lineOf(item) };
  const label = listMarkerLabel(ctx.source, item);
  if (label) element.label = label;
  const descriptionParts: string[] = [];
  let sawSubElements = false;
  for (const child of item.children) {
    if (child.type === 'list') {
      readSubElements(child, element, ctx);
      sawSubElements = true;
    } else if (inDetails(ctx.source, child)) {
      element.examples.push(...exampleTexts(child));
    } else if (child.type === 'paragraph' && !element.text) {
      const title = boldTitle(child, numbered, ctx);
      element.text = title.bold;
      if (title.rest) descriptionParts.push(title.rest);
    } else if (child.type === 'paragraph') {
      const text = nodeText(child);
      if (!text) continue;
      if (sawSubElements)
        warnAt(
          ctx,
          child,
          'paragraph after the sub-element bullets of an element; kept in the element description',
          'Move the paragraph above the bullets.',
        );
      descriptionParts.push(text);
    } else {
      reportUnplaced(ctx, child, 'inside an element');
    }
  }
  if (!element.text)
    warnAt(ctx, item, 'numbered element without text', 'Write the element as "1. **Topic: statement.**".');
  if (descriptionParts.length) element.description = descriptionParts.join('\n\n');
  const topic = TOPIC_LEAD.exec(element.text);
  if (topic?.[1] && topic[2]) {
    element.topic = topic[1];
    element.statement = topic[2];
  }
  return element;
}

function readSubElements(list: List, element: PageElement, ctx: PageContext): void {
  for (const bullet of list.children) {
    if (inDetails(ctx.source, bullet)) element.examples.push(...exampleTexts(bullet));
    else element.items.push(readBulletItem(bullet, ctx));
  }
}

/**
 * The bold run opening an element's first paragraph, and the text after it.
 * Tolerates a doubled marker inside the bold run (`**a**** b**`).
 */
function boldTitle(paragraph: Paragraph, expectBold: boolean, ctx: PageContext): { bold: string; rest: string } {
  const children = paragraph.children.filter((c, i) => !(i === 0 && c.type === 'text' && c.value.trim() === ''));
  const [first, ...after] = children;
  if (first?.type !== 'strong') {
    const text = nodeText(paragraph);
    if (text && expectBold)
      warnAt(
        ctx,
        paragraph,
        'element title is not bold; the whole paragraph is read as the element statement',
        'Write the element as "1. **Topic: statement.**".',
      );
    return { bold: text, rest: '' };
  }
  let bold = nodeText(first);
  let rest: PhrasingContent[] = after;
  const next = after[0];
  if (next?.type === 'text' && next.value.startsWith('**')) {
    const tail = next.value.slice(2);
    const close = tail.indexOf('**');
    bold = squash(bold + (close >= 0 ? tail.slice(0, close) : tail));
    rest = [{ type: 'text', value: close >= 0 ? tail.slice(close + 2) : '' }, ...after.slice(1)];
    warnAt(
      ctx,
      paragraph,
      'stray "**" inside the bold element title; read as one bold title',
      'Remove the doubled "****".',
    );
  }
  return { bold, rest: nodeText(rest) };
}

// ---------------------------------------------------------------------------
// Residue check

function reportResidue(capability: PageCapability, ctx: PageContext): void {
  const check = (text: string | undefined, line: number): void => {
    const residue = text ? markupResidue(text) : undefined;
    if (residue)
      ctx.problems.warning(
        ctx.file,
        `line ${line}`,
        `text still holds markup "${residue}" after cleaning`,
        'Check the Markdown around this line.',
      );
  };
  const checkItem = (item: PageItem): void => {
    check(item.text, item.line);
    for (const example of item.examples) check(example, item.line);
    item.items.forEach(checkItem);
  };
  check(capability.title, capability.line);
  check(capability.description, capability.line);
  for (const note of capability.notes) check(note, capability.line);
  for (const sub of capability.subCapabilities) {
    check(sub.title, sub.line);
    check(sub.description, sub.line);
    for (const element of sub.elements) {
      check(element.text, element.line);
      check(element.description, element.line);
      for (const example of element.examples) check(example, element.line);
      element.items.forEach(checkItem);
    }
  }
}
