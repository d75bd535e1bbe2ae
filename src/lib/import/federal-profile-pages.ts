/**
 * Reads one page of the NISTIR 8259D draft federal profile (Jekyll Markdown)
 * into a topic with its sections.
 *
 * Technical page: `# Title`, description, then per `## Heading` a description
 *   paragraph and a bullet list of elements (nested bullets kept as items).
 * Non-technical page: `# Topic`, description, then per `## Heading` a
 *   description paragraph, `**Manufacturer:**` + bullets and `**Agency:**` +
 *   bullets (the colon may be missing or outside the bold run).
 *
 * A "See also" paragraph marked `{:latex-ignore="true"}` is navigation, not
 * description. Bullets before the first `##` become a section named after the
 * page. Whatever cannot be placed is reported to `problems` (warning; error when
 * the page has no title or no section).
 */
import type { List, Paragraph, RootContent } from 'mdast';
import type { Problems } from '../problems.ts';
import {
  inDetails,
  isWebOnly,
  lineOf,
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

export interface ProfileSection {
  heading: string;
  /** Paragraph(s) before the Manufacturer/Agency lists, joined by a blank line. */
  description: string;
  /** Non-technical: the text of each top-level Manufacturer bullet. */
  manufacturer: string[];
  /** Non-technical: the text of each top-level Agency bullet. */
  agency: string[];
  /** Technical pages: element bullets (non-technical: bullets found before the Manufacturer/Agency lists). */
  items: PageItem[];
  /** The Manufacturer bullets with their nested bullets. */
  manufacturerItems?: PageItem[];
  /** The Agency bullets with their nested bullets. */
  agencyItems?: PageItem[];
  /** The section has no `##` heading of its own: its bullets came before the first one (heading = page title). */
  implied?: true;
  line: number;
}

export interface ProfileTopic {
  file: string;
  kind: 'technical' | 'non-technical';
  title: string;
  /** Paragraph(s) between the title and the first section, joined by a blank line. */
  description: string;
  /** Web-only paragraphs marked `{:latex-ignore="true"}` ("See also the … counterpart"). */
  navigation?: string[];
  frontMatter: Record<string, unknown>;
  line: number;
  sections: ProfileSection[];
}

type Kind = ProfileTopic['kind'];
type Party = 'manufacturer' | 'agency';

const PARTY_LINE = /^(manufacturer|agency)\s*:?$/i;

/** Parses one profile page; never throws, reports what it cannot place. */
export function parseProfilePage(markdown: string, file: string, kind: Kind, problems: Problems): ProfileTopic {
  const source = readMarkdownSource(markdown, file, problems);
  const ctx: PageContext = { source, file, problems };
  reportLayoutOddities(ctx);
  const regions = pageRegions(source.tree);
  for (const block of regions.beforeTitle) reportUnplaced(ctx, block, 'before the "#" title heading');

  const topic: ProfileTopic = {
    file,
    kind,
    title: regions.title ? nodeText(regions.title) : '',
    description: '',
    frontMatter: source.frontMatter,
    line: regions.title ? lineOf(regions.title) : 1,
    sections: [],
  };
  if (!regions.title)
    problems.error(file, 'line 1', 'page has no "#" title heading', 'Start the page body with "# Topic title".');

  readIntro(regions.intro, topic, ctx);
  for (const { heading, blocks } of regions.sections) {
    if (heading.depth !== 2) {
      warnAt(
        ctx,
        heading,
        `section heading is level ${heading.depth} ("${'#'.repeat(heading.depth)}"), expected "##"; read as a section`,
        'Write section headings as "## Heading".',
      );
    }
    topic.sections.push(readSection(nodeText(heading), lineOf(heading), blocks, kind, ctx));
  }
  if (topic.sections.length === 0) {
    problems.error(
      file,
      `line ${topic.line}`,
      'page has no section ("##" heading) and no bullets',
      'Give each section a "## Heading".',
    );
  }
  reportResidue(topic, ctx);
  return topic;
}

/** Description and navigation; bullets (or party lists) before the first heading make an implied section. */
function readIntro(blocks: RootContent[], topic: ProfileTopic, ctx: PageContext): void {
  const navigation = blocks.filter((b) => b.type === 'paragraph' && isWebOnly(ctx.source, b) && nodeText(b));
  if (navigation.length) topic.navigation = navigation.map((b) => nodeText(b));
  const content = blocks.filter((b) => !navigation.includes(b));
  const firstSectionContent = content.find(
    (b) => b.type === 'list' || (b.type === 'paragraph' && PARTY_LINE.test(nodeText(b))),
  );
  if (!firstSectionContent) {
    topic.description = introDescription(content, ctx);
    return;
  }
  warnAt(
    ctx,
    firstSectionContent,
    'bullets before the first "##" heading; kept in a section named after the page title',
    'Put the bullets under a "## Heading".',
  );
  const section = readSection(topic.title || 'Untitled', lineOf(firstSectionContent), content, topic.kind, ctx);
  section.implied = true;
  topic.sections.push(section);
}

function introDescription(blocks: RootContent[], ctx: PageContext): string {
  const parts: string[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      const text = nodeText(block);
      if (text) parts.push(text);
    } else {
      reportUnplaced(ctx, block, 'between the title and the first section');
    }
  }
  return parts.join('\n\n');
}

// ---------------------------------------------------------------------------
// Sections

interface SectionState {
  section: ProfileSection;
  descriptionParts: string[];
  party?: Party;
  partyLine: Record<Party, number | undefined>;
}

function readSection(
  heading: string,
  line: number,
  blocks: RootContent[],
  kind: Kind,
  ctx: PageContext,
): ProfileSection {
  const state: SectionState = {
    section: { heading, description: '', manufacturer: [], agency: [], items: [], line },
    descriptionParts: [],
    partyLine: { manufacturer: undefined, agency: undefined },
  };
  for (const block of blocks) readSectionBlock(block, kind, state, ctx);
  state.section.description = state.descriptionParts.join('\n\n');
  if (kind === 'non-technical') reportMissingParties(state, ctx);
  return state.section;
}

function readSectionBlock(block: RootContent, kind: Kind, state: SectionState, ctx: PageContext): void {
  if (inDetails(ctx.source, block)) reportUnplaced(ctx, block, 'inside <details> (profile pages have no examples)');
  else if (block.type === 'paragraph') readSectionParagraph(block, kind, state, ctx);
  else if (block.type === 'list') readSectionList(block, kind, state, ctx);
  else reportUnplaced(ctx, block, 'in a section');
}

function readSectionParagraph(paragraph: Paragraph, kind: Kind, state: SectionState, ctx: PageContext): void {
  const text = nodeText(paragraph);
  if (!text) return;
  const party = PARTY_LINE.exec(text)?.[1]?.toLowerCase() as Party | undefined;
  if (party) {
    state.party = party;
    state.partyLine[party] ??= lineOf(paragraph);
  } else if (state.party) {
    warnAt(
      ctx,
      paragraph,
      `paragraph under "**${label(state.party)}:**" where a bullet was expected; kept as one of its entries`,
      'Write each action as a "- " bullet.',
    );
    addPartyEntry(state, state.party, { text, items: [], examples: [], line: lineOf(paragraph) });
  } else {
    if (kind === 'technical' && state.section.items.length > 0) {
      warnAt(
        ctx,
        paragraph,
        'paragraph after the element bullets; kept in the section description',
        'Move the paragraph above the bullets.',
      );
    }
    state.descriptionParts.push(text);
  }
}

function readSectionList(list: List, kind: Kind, state: SectionState, ctx: PageContext): void {
  const bullets = list.children.map((item) => readBulletItem(item, ctx));
  if (state.party) {
    for (const bullet of bullets) addPartyEntry(state, state.party, bullet);
    return;
  }
  if (kind === 'non-technical') {
    warnAt(
      ctx,
      list,
      'bullets before the "**Manufacturer:**" / "**Agency:**" lists; kept as items of the section',
      'Put the bullets under "**Manufacturer:**" or "**Agency:**", or write them as text.',
    );
  }
  state.section.items.push(...bullets);
}

function addPartyEntry(state: SectionState, party: Party, entry: PageItem): void {
  if (!entry.text) return;
  state.section[party].push(entry.text);
  if (party === 'manufacturer') {
    state.section.manufacturerItems ??= [];
    state.section.manufacturerItems.push(entry);
  } else {
    state.section.agencyItems ??= [];
    state.section.agencyItems.push(entry);
  }
}

function reportMissingParties(state: SectionState, ctx: PageContext): void {
  for (const party of ['manufacturer', 'agency'] as const) {
    if (state.section[party].length > 0) continue;
    const where = state.partyLine[party] ?? state.section.line;
    const message = state.partyLine[party]
      ? `"**${label(party)}:**" is not followed by any bullet`
      : `section has no "**${label(party)}:**" list`;
    ctx.problems.warning(ctx.file, `line ${where}`, message, `Add the "**${label(party)}:**" line and its bullets.`);
  }
}

function label(party: Party): string {
  return party === 'manufacturer' ? 'Manufacturer' : 'Agency';
}

// ---------------------------------------------------------------------------
// Residue check

function reportResidue(topic: ProfileTopic, ctx: PageContext): void {
  const check = (text: string, line: number): void => {
    const residue = markupResidue(text);
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
    item.items.forEach(checkItem);
  };
  check(topic.title, topic.line);
  check(topic.description, topic.line);
  for (const section of topic.sections) {
    check(section.heading, section.line);
    check(section.description, section.line);
    [...section.items, ...(section.manufacturerItems ?? []), ...(section.agencyItems ?? [])].forEach(checkItem);
  }
}
