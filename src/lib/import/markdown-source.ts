/**
 * Reads one Jekyll Markdown page (the SP 800-213A catalog and the NISTIR 8259D
 * draft profile sites) into an mdast tree whose positions are lines of the
 * ORIGINAL file:
 *
 * - the YAML front matter is parsed (package `yaml`) and its lines are blanked;
 * - Liquid tags (`{% … %}`, `{{ … }}`) are removed;
 * - kramdown attribute lists (`{: #Doc1 }`, `{:latex-ignore="true"}`) are removed
 *   and those on a line of their own are kept, with their line, as block attributes;
 * - lines made only of `<details>` / `<summary>` / `</details>` tags become one-line
 *   HTML comments, so they no longer swallow the Markdown after them, and the
 *   lines between an opening and its closing tag are kept as a details range;
 * - the rest is parsed with unified + remark-parse + remark-gfm.
 *
 * Every rewrite keeps the number of lines, so a node's `position.start.line` is
 * the line in the source file. Also exports small helpers to read text and
 * kramdown anchors off the tree.
 */
import type { Heading, List, ListItem, Nodes, Paragraph, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import type { Problems } from '../problems.ts';
import { squash } from '../text.ts';

/** A kramdown block attribute list written on a line of its own, e.g. `{: #Doc1 }`. */
export interface BlockAttributes {
  /** 1-based line of the attribute list in the original file. */
  line: number;
  /** `Doc1` for `{: #Doc1 }`. */
  id?: string;
  /** `.name` entries. */
  classes: string[];
  /** `key="value"` entries, e.g. `{ 'latex-ignore': 'true' }`. */
  attributes: Record<string, string>;
}

/** The lines from a `<details>` opening tag to its closing tag (both included). */
export interface DetailsRange {
  open: number;
  close: number;
}

/** A page ready to be walked: front matter, tree and what the cleaning took out. */
export interface MarkdownSource {
  file: string;
  frontMatter: Record<string, unknown>;
  /** The original lines; `lines[n - 1]` is line n. */
  lines: string[];
  tree: Root;
  blockAttributes: BlockAttributes[];
  details: DetailsRange[];
}

const FRONT_MATTER_FENCE = /^---\s*$/;
const LIQUID_TAG = /\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g;
const ATTRIBUTE_LIST_LINE = /^\s*\{:([^}\n]*)\}\s*$/;
const ATTRIBUTE_LIST_INLINE = /\{:[^}\n]*\}/g;
const DETAILS_TAGS_LINE =
  /^(?:<details\b[^>]*>|<\/details\s*>|<summary\b[^>]*>[^<]*<\/summary\s*>|<\/?summary\b[^>]*>|\s)+$/i;

/** Reads a page: front matter, cleaned Markdown tree, attribute lists and details ranges. */
export function readMarkdownSource(markdown: string, file: string, problems: Problems): MarkdownSource {
  const split = splitFrontMatter(markdown);
  if (split.problem) problems.warning(file, `line ${split.problem.line}`, split.problem.message, split.problem.hint);
  const withoutLiquid = stripLiquid(split.body);
  const { text: withoutAttributes, blockAttributes } = takeAttributeLists(withoutLiquid);
  const { text, details, problems: detailProblems } = markDetailsBlocks(withoutAttributes);
  for (const p of detailProblems) problems.warning(file, `line ${p.line}`, p.message, p.hint);
  return {
    file,
    frontMatter: split.frontMatter,
    lines: markdown.split(/\r?\n/),
    tree: parseMarkdown(text),
    blockAttributes,
    details,
  };
}

// ---------------------------------------------------------------------------
// Cleaning steps (each keeps the line count)

interface LineProblem {
  line: number;
  message: string;
  hint?: string;
}

/**
 * Splits `---`-fenced YAML front matter from the body. The body keeps the
 * original line numbers: the front-matter lines are replaced by empty lines.
 */
export function splitFrontMatter(markdown: string): {
  frontMatter: Record<string, unknown>;
  body: string;
  problem?: LineProblem;
} {
  const lines = markdown.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!FRONT_MATTER_FENCE.test(lines[0] ?? '')) return { frontMatter: {}, body: lines.join('\n') };
  const end = lines.findIndex((line, i) => i > 0 && FRONT_MATTER_FENCE.test(line));
  if (end < 0) {
    return {
      frontMatter: {},
      body: lines.join('\n'),
      problem: {
        line: 1,
        message: 'front matter opened with "---" is never closed',
        hint: 'Close the YAML front matter with a "---" line.',
      },
    };
  }
  const body = [...lines.slice(0, end + 1).map(() => ''), ...lines.slice(end + 1)].join('\n');
  const yamlText = lines.slice(1, end).join('\n');
  try {
    const parsed: unknown = parseYaml(yamlText);
    if (parsed === null || parsed === undefined) return { frontMatter: {}, body };
    if (typeof parsed !== 'object' || Array.isArray(parsed)) {
      return {
        frontMatter: {},
        body,
        problem: {
          line: 2,
          message: 'front matter is not a YAML mapping',
          hint: 'Write the front matter as "key: value" lines.',
        },
      };
    }
    return { frontMatter: parsed as Record<string, unknown>, body };
  } catch (e) {
    const linePos = (e as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line ?? 0;
    return {
      frontMatter: {},
      body,
      problem: {
        line: 1 + linePos,
        message: `front matter is not valid YAML: ${yamlReason(e)}`,
        hint: 'Fix the YAML between the "---" lines.',
      },
    };
  }
}

/** The first line of a YAML error without its "at line N, column M" (which counts from the front matter, not the file). */
function yamlReason(e: unknown): string {
  const first = (e as Error).message.split('\n')[0] ?? '';
  return squash(first.replace(/\s*at line \d+, column \d+:?\s*$/, ''));
}

/** Removes Liquid tags and output blocks, keeping the line breaks inside them. */
export function stripLiquid(text: string): string {
  return text.replace(LIQUID_TAG, (tag) => tag.replace(/[^\n]/g, ''));
}

/**
 * Removes kramdown attribute lists. Those alone on a line (block attribute
 * lists) are returned with their line; the line itself becomes empty.
 */
export function takeAttributeLists(text: string): { text: string; blockAttributes: BlockAttributes[] } {
  const blockAttributes: BlockAttributes[] = [];
  const lines = text.split('\n').map((line, i) => {
    const block = ATTRIBUTE_LIST_LINE.exec(line);
    if (block) {
      blockAttributes.push({ line: i + 1, ...parseAttributeList(block[1] ?? '') });
      return '';
    }
    return line.replace(ATTRIBUTE_LIST_INLINE, '');
  });
  return { text: lines.join('\n'), blockAttributes };
}

/** `#id .class key="value" key='value' key=value` → its parts. */
export function parseAttributeList(body: string): Omit<BlockAttributes, 'line'> {
  const result: Omit<BlockAttributes, 'line'> = { classes: [], attributes: {} };
  const entry = /#([\w:-]+)|\.([\w-]+)|([\w:-]+)=(?:"([^"]*)"|'([^']*)'|(\S+))/g;
  for (const m of body.matchAll(entry)) {
    if (m[1]) result.id = m[1];
    else if (m[2]) result.classes.push(m[2]);
    else if (m[3]) result.attributes[m[3]] = m[4] ?? m[5] ?? m[6] ?? '';
  }
  return result;
}

/**
 * Rewrites lines made only of `<details>`, `<summary>…</summary>` and
 * `</details>` tags into one-line HTML comments at the same indentation, and
 * pairs openings with closings into ranges of lines.
 */
export function markDetailsBlocks(text: string): { text: string; details: DetailsRange[]; problems: LineProblem[] } {
  const details: DetailsRange[] = [];
  const problems: LineProblem[] = [];
  const openLines: number[] = [];
  const lines = text.split('\n').map((line, i) => {
    if (!DETAILS_TAGS_LINE.test(line) || !/<\/?(details|summary)\b/i.test(line)) return line;
    const lineNumber = i + 1;
    const indent = /^\s*/.exec(line)?.[0] ?? '';
    const marks: string[] = [];
    for (const tag of line.matchAll(/<(\/?)details\b/gi)) {
      if (tag[1]) {
        const open = openLines.pop();
        if (open === undefined)
          problems.push({
            line: lineNumber,
            message: '"</details>" closes no open <details>',
            hint: 'Remove the stray closing tag or add the missing <details>.',
          });
        else details.push({ open, close: lineNumber });
        marks.push('<!--/details-->');
      } else {
        openLines.push(lineNumber);
        marks.push('<!--details-->');
      }
    }
    return indent + (marks.length ? marks.join('') : '<!--summary-->');
  });
  const lastLine = lines.length;
  for (const open of openLines) {
    problems.push({
      line: open,
      message: '<details> is never closed; it is read up to the end of the page',
      hint: 'Add the missing "</details>".',
    });
    details.push({ open, close: lastLine });
  }
  details.sort((a, b) => a.open - b.open);
  return { text: lines.join('\n'), details, problems };
}

/** Parses cleaned Markdown (CommonMark + GFM) into mdast. */
export function parseMarkdown(text: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(text);
}

// ---------------------------------------------------------------------------
// Reading the tree

/** 1-based line where a node starts in the original file. */
export function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 0;
}

/** 1-based line where a node ends in the original file. */
export function endLineOf(node: Nodes): number {
  return node.position?.end.line ?? lineOf(node);
}

/** 1-based column where a node starts. */
export function columnOf(node: Nodes): number {
  return node.position?.start.column ?? 0;
}

/** Plain text of a node: entities decoded, emphasis markers gone, inline HTML read as a space, whitespace squashed. */
export function nodeText(node: Nodes | readonly Nodes[]): string {
  const parts: string[] = [];
  const visit = (n: Nodes): void => {
    switch (n.type) {
      case 'text':
      case 'inlineCode':
        parts.push(n.value);
        return;
      case 'html':
      case 'break':
        parts.push(' ');
        return;
      case 'image':
        parts.push(n.alt ?? '');
        return;
      default:
        if ('children' in n) {
          for (const child of n.children) {
            visit(child);
            if (isBlock(child)) parts.push(' ');
          }
        }
    }
  };
  const nodes: readonly Nodes[] = isNodeList(node) ? node : [node];
  for (const n of nodes) visit(n);
  return squash(parts.join(''));
}

function isNodeList(node: Nodes | readonly Nodes[]): node is readonly Nodes[] {
  return Array.isArray(node);
}

function isBlock(node: Nodes): boolean {
  return [
    'paragraph',
    'heading',
    'list',
    'listItem',
    'blockquote',
    'code',
    'html',
    'table',
    'tableRow',
    'tableCell',
  ].includes(node.type);
}

/** A paragraph whose only non-blank content is one `**strong**` run. */
export function isBoldParagraph(node: RootContent): node is Paragraph {
  if (node.type !== 'paragraph') return false;
  const meaningful = node.children.filter(
    (c) => !(c.type === 'text' && c.value.trim() === '') && c.type !== 'html' && c.type !== 'break',
  );
  return meaningful.length === 1 && meaningful[0]?.type === 'strong';
}

/** The details range a line falls in, if any. */
export function detailsAt(source: MarkdownSource, line: number): DetailsRange | undefined {
  return source.details.find((d) => line >= d.open && line <= d.close);
}

/** Whether a node starts inside a `<details>` block. */
export function inDetails(source: MarkdownSource, node: Nodes): boolean {
  return detailsAt(source, lineOf(node)) !== undefined;
}

/** The block attribute list written on the line right after a node, if any. */
export function attributesAfter(source: MarkdownSource, node: Nodes): BlockAttributes | undefined {
  const next = endLineOf(node) + 1;
  return source.blockAttributes.find((a) => a.line === next);
}

/** A paragraph marked `{:latex-ignore="true"}`: web-only text such as "See also" links. */
export function isWebOnly(source: MarkdownSource, node: Nodes): boolean {
  const attrs = attributesAfter(source, node);
  return attrs?.attributes['latex-ignore'] === 'true';
}

/**
 * A heading's kramdown anchor: `{: #Doc1 }` on the next line, or a trailing
 * `{#Doc1}` in the heading text. Returns the heading text without the latter.
 */
export function headingAnchor(source: MarkdownSource, heading: Heading): { text: string; anchor?: string } {
  const raw = nodeText(heading);
  const inline = /\s*\{#([\w:-]+)\}\s*$/.exec(raw);
  if (inline?.[1]) return { text: squash(raw.slice(0, inline.index)), anchor: inline[1] };
  const anchor = attributesAfter(source, heading)?.id;
  return anchor ? { text: raw, anchor } : { text: raw };
}

/** Markup left in a plain-text string (Liquid, kramdown, bold markers), or undefined when clean. */
export function markupResidue(text: string): string | undefined {
  return /\*\*|\{%|%\}|\{\{|\}\}|\{:/.exec(text)?.[0];
}

// ---------------------------------------------------------------------------
// Walking a page: regions, bullets, examples

/** A bullet with its nested bullets and the `<details>` examples written under it. */
export interface PageItem {
  text: string;
  items: PageItem[];
  examples: string[];
  line: number;
}

/** What the page readers carry around: the source and where to report. */
export interface PageContext {
  source: MarkdownSource;
  file: string;
  problems: Problems;
}

/** A heading with the blocks up to the next heading. */
export interface PageSection {
  heading: Heading;
  blocks: RootContent[];
}

/** A page cut at its headings: the title (first `#`), what comes before it, the intro and one region per later heading. */
export interface PageRegions {
  beforeTitle: RootContent[];
  title?: Heading;
  intro: RootContent[];
  sections: PageSection[];
}

/** Cuts a page at its headings. Without a `#` heading every heading starts a section. */
export function pageRegions(tree: Root): PageRegions {
  const blocks = tree.children;
  const titleIndex = blocks.findIndex((b) => b.type === 'heading' && b.depth === 1);
  const title = titleIndex >= 0 ? (blocks[titleIndex] as Heading) : undefined;
  const afterTitle = blocks.slice(titleIndex + 1);
  const regions: PageRegions = {
    beforeTitle: titleIndex >= 0 ? blocks.slice(0, titleIndex) : [],
    intro: [],
    sections: [],
  };
  if (title) regions.title = title;
  for (const block of afterTitle) {
    if (block.type === 'heading') regions.sections.push({ heading: block, blocks: [] });
    else (regions.sections.at(-1)?.blocks ?? regions.intro).push(block);
  }
  return regions;
}

/** The one-line comments {@link markDetailsBlocks} leaves for `<details>` / `<summary>` tags. */
export function isDetailsMarker(node: Nodes): boolean {
  return node.type === 'html' && /^(?:\s*<!--\/?(?:details|summary)-->\s*)+$/.test(node.value);
}

/** Whether a block carries nothing once cleaned (blank paragraph, details marker). */
export function isEmptyBlock(node: Nodes): boolean {
  if (isDetailsMarker(node)) return true;
  return node.type === 'paragraph' && nodeText(node) === '';
}

/** Example texts held by a block inside a `<details>`: one per bullet, or the paragraph's text. */
export function exampleTexts(node: Nodes): string[] {
  if (isDetailsMarker(node)) return [];
  if (node.type === 'list') return node.children.map((item) => nodeText(item)).filter(Boolean);
  const text = nodeText(node);
  return text ? [text] : [];
}

/** The label a list item's marker shows in the source: `1.` for `1.` or `1)`, undefined for bullets. */
export function listMarkerLabel(source: MarkdownSource, item: ListItem): string | undefined {
  const line = source.lines[lineOf(item) - 1] ?? '';
  const marker = /^(\d{1,9})[.)]/.exec(line.slice(columnOf(item) - 1));
  return marker ? `${marker[1]}.` : undefined;
}

/**
 * Reads one bullet: its own text (paragraphs outside `<details>`), nested
 * bullets as items and `<details>` content as examples. Reports what it
 * cannot place.
 */
export function readBulletItem(item: ListItem, ctx: PageContext): PageItem {
  const result: PageItem = { text: '', items: [], examples: [], line: lineOf(item) };
  const textParts: string[] = [];
  let sawNestedBullets = false;
  for (const child of item.children) {
    if (child.type === 'list') {
      for (const nested of child.children) {
        if (inDetails(ctx.source, nested)) result.examples.push(...exampleTexts(nested));
        else result.items.push(readBulletItem(nested, ctx));
      }
      sawNestedBullets = true;
    } else if (inDetails(ctx.source, child)) {
      result.examples.push(...exampleTexts(child));
    } else if (child.type === 'paragraph') {
      const text = nodeText(child);
      if (!text) continue;
      if (sawNestedBullets) {
        warnAt(
          ctx,
          child,
          'text after the nested bullets of a bullet; appended to that bullet’s own text',
          'Move the text above the nested bullets or make it a bullet of its own.',
        );
      }
      textParts.push(text);
    } else {
      reportUnplaced(ctx, child, 'inside a bullet');
    }
  }
  result.text = squash(textParts.join(' '));
  if (!result.text) warnAt(ctx, item, 'bullet without text', 'Remove the empty bullet or write its text.');
  return result;
}

/** Reports a block no reader expected where it is (HTML other than details tags, code, tables …). Blank blocks pass. */
export function reportUnplaced(ctx: PageContext, node: RootContent, where: string): void {
  if (isEmptyBlock(node) || node.type === 'definition') return;
  const what =
    node.type === 'html'
      ? `HTML "${squash(node.value).slice(0, 60)}"`
      : node.type === 'code'
        ? 'indented code block (text indented too deep?)'
        : `${node.type} block`;
  warnAt(
    ctx,
    node,
    `${what} ${where} is not part of the page structure; ignored`,
    'Rewrite it as a paragraph or bullet, or indent it like the text around it.',
  );
}

/** `problems.warning` at the line a node starts on. */
export function warnAt(ctx: PageContext, node: Nodes, message: string, hint?: string): void {
  ctx.problems.warning(ctx.file, `line ${lineOf(node)}`, message, hint);
}

/**
 * Layout oddities that change how a page reads but not whether it parses:
 * a bullet indented deeper than its first sibling (it stays a sibling), and a
 * paragraph line starting with "-" and no space (it is text, not a bullet).
 */
export function reportLayoutOddities(ctx: PageContext): void {
  const visit = (node: Nodes): void => {
    if (node.type === 'list') reportUnevenBullets(ctx, node);
    if (node.type === 'paragraph') reportDashLines(ctx, node);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(ctx.source.tree);
}

function reportUnevenBullets(ctx: PageContext, list: List): void {
  const firstColumn = columnOf(list.children[0] ?? list);
  for (const item of list.children.slice(1)) {
    const column = columnOf(item);
    if (column > firstColumn) {
      warnAt(
        ctx,
        item,
        `${list.ordered ? 'numbered item' : 'bullet'} indented ${column - firstColumn} space(s) deeper than its first sibling; read as a sibling, not as a nested item`,
        'Indent it like its siblings, or by at least the width of the parent’s marker to nest it.',
      );
    }
  }
}

function reportDashLines(ctx: PageContext, paragraph: Paragraph): void {
  for (let line = lineOf(paragraph); line <= endLineOf(paragraph); line++) {
    if (/^\s*-[A-Za-z]/.test(ctx.source.lines[line - 1] ?? '')) {
      ctx.problems.warning(
        ctx.file,
        `line ${line}`,
        'line starts with "-" without a space, so it is not a bullet; read as part of the text above it',
        'Put a space after "-" to make it a bullet.',
      );
    }
  }
}
