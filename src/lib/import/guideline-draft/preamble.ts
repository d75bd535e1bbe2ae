/**
 * Stage 1, preamble and title block: the YAML front matter, the converter's
 * lines up to `Markdown Content:` (`Number of Pages: N`), then the cover and
 * title page up to the first line ending with the running header. Pure but
 * for the warnings.
 */
import { parse as parseYaml } from 'yaml';
import { squash } from '../../text.ts';
import { HEADER_GENERIC, MONTH_YEAR } from './patterns.ts';
import { escapeRegExp } from './text-rules.ts';
import type { GuidelineDocument, Warn } from './types.ts';

export interface Preamble {
  /** The YAML front matter (empty when there is none or it does not parse). */
  yaml: Record<string, unknown>;
  totalPages?: number;
  /** Index of the first line after the converter's preamble (the title block's first line). */
  start: number;
}

export interface TitleBlock {
  /** Index of the title block's last line (the one ending with the running header). */
  end: number;
  /** The running header as printed (`NIST SP 800-213r1 ipd (Initial Public Draft) June 2026`), when found. */
  header?: string;
}

export interface FrontMatterPart {
  frontMatter: GuidelineDocument['frontMatter'];
  /** Index of the body's first line. */
  bodyStart: number;
  header?: string;
}

/** The whole stage: front matter of the document, where the body starts, and its running header. */
export function readFrontMatter(lines: string[], warn: Warn): FrontMatterPart {
  const preamble = readPreamble(lines, warn);
  const block = findTitleBlock(lines, preamble.start, warn);
  const headerRe = block.header ? new RegExp(`\\s*${escapeRegExp(block.header)}\\s*$`) : HEADER_GENERIC;
  const frontMatter = readTitleBlock(lines, preamble.start, block.end, headerRe, preamble.yaml, warn);
  if (preamble.totalPages !== undefined) frontMatter.totalPages = preamble.totalPages;
  return { frontMatter, bodyStart: block.end + 1, ...(block.header ? { header: block.header } : {}) };
}

/** The YAML front matter and the converter's lines up to `Markdown Content:`. */
export function readPreamble(lines: string[], warn: Warn): Preamble {
  let index = 0;
  let yaml: Record<string, unknown> = {};
  if (/^---\s*$/.test(lines[0] ?? '')) {
    const close = lines.findIndex((l, i) => i > 0 && /^---\s*$/.test(l));
    if (close > 0) {
      try {
        const parsed: unknown = parseYaml(lines.slice(1, close).join('\n'));
        if (parsed && typeof parsed === 'object') yaml = parsed as Record<string, unknown>;
      } catch (e) {
        warn(
          1,
          `The YAML front matter does not parse: ${(e as Error).message}`,
          'Fix the YAML between the two --- lines.',
        );
      }
      index = close + 1;
    } else {
      warn(1, 'The YAML front matter has no closing --- line.', 'Add the closing --- line.');
    }
  }
  let totalPages: number | undefined;
  const contentMark = lines.findIndex((l, i) => i >= index && /^Markdown Content:\s*$/.test(l.trim()));
  if (contentMark >= 0) {
    for (let i = index; i < contentMark; i++) {
      const m = /^Number of Pages:\s*(\d+)\s*$/.exec(lines[i]!.trim());
      if (m) totalPages = Number(m[1]);
    }
    index = contentMark + 1;
  }
  return { yaml, ...(totalPages !== undefined ? { totalPages } : {}), start: index };
}

/** The title block runs up to the first line ending with the running header. */
export function findTitleBlock(lines: string[], start: number, warn: Warn): TitleBlock {
  for (let i = start; i < lines.length; i++) {
    const m = HEADER_GENERIC.exec(lines[i]!.trimEnd());
    if (m) return { end: i, header: squash(m[0]) };
  }
  warn(
    start + 1,
    'No running header (e.g. "NIST SP 800-213r1 ipd (Initial Public Draft) June 2026") was found: the title block and the page breaks cannot be told apart.',
    'Check that the file is the Markdown conversion of a NIST draft PDF.',
  );
  // The body starts after the last # / ## line of the title block.
  let last = start - 1;
  for (let i = start; i < Math.min(lines.length, start + 80); i++) if (/^#{1,2}\s/.test(lines[i]!)) last = i;
  return { end: last };
}

/** Series, title, subtitle, status (# lines), authors (## lines), DOI, date and imprint. */
export function readTitleBlock(
  lines: string[],
  start: number,
  end: number,
  headerRe: RegExp,
  yaml: Record<string, unknown>,
  warn: Warn,
): GuidelineDocument['frontMatter'] {
  const h1: { text: string; line: number }[] = [];
  const authorRuns: { names: string[]; lines: number[] }[] = [];
  let doi: string | undefined;
  let date: string | undefined;
  const imprint: string[] = [];
  let previousWasAuthor = false;
  for (let i = start; i <= end && i < lines.length; i++) {
    let t = squash(lines[i]!);
    if (i === end) t = squash(t.replace(headerRe, ''));
    if (!t) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(t);
    if (heading && heading[1] === '#') {
      h1.push({ text: squash(heading[2]!), line: i + 1 });
      previousWasAuthor = false;
      continue;
    }
    if (heading) {
      if (!previousWasAuthor) authorRuns.push({ names: [], lines: [] });
      authorRuns[authorRuns.length - 1]!.names.push(squash(heading[2]!));
      authorRuns[authorRuns.length - 1]!.lines.push(i + 1);
      previousWasAuthor = true;
      continue;
    }
    previousWasAuthor = false;
    const doiMatch = /https?:\/\/doi\.org\/\S+/.exec(t);
    if (doiMatch) {
      doi ??= doiMatch[0].replace(/[.,;]$/, '');
      continue;
    }
    if (MONTH_YEAR.test(t)) {
      date ??= t;
      continue;
    }
    if (/^NIST Special Publication\b/i.test(t) || /available free of charge/i.test(t)) continue;
    // Lines after the first DOI belong to the title page: its imprint.
    if (doi && !imprint.includes(t)) imprint.push(t);
  }

  // The cover and the title page repeat the # lines: take the first run.
  const seen = new Set<string>();
  const titles = h1
    .filter((h) => {
      if (seen.has(h.text)) return false;
      seen.add(h.text);
      return true;
    })
    .map((h) => h.text);
  const yamlTitle = typeof yaml.title === 'string' ? yaml.title : undefined;
  const seriesIndex = titles.findIndex((t) => /^NIST\b/.test(t));
  const series = seriesIndex >= 0 ? titles[seriesIndex]! : (yamlTitle?.split(/\s+[—–-]\s+/)[0] ?? '');
  const rest = titles.filter((_, i) => i !== seriesIndex);
  const statusIndex = rest.findIndex((t) => /\b(draft|final)\b/i.test(t) && t.split(' ').length <= 5);
  const status = statusIndex >= 0 ? rest[statusIndex] : undefined;
  const names = rest.filter((_, i) => i !== statusIndex);
  const title =
    names[0] ??
    yamlTitle
      ?.split(/\s+[—–-]\s+/)
      .slice(1)
      .join(' — ') ??
    '';
  const subtitle = names[1];
  if (!title)
    warn(
      start + 1,
      'The title block has no title (# line) and the YAML front matter none either.',
      'Check the title block after "Markdown Content:".',
    );
  if (names.length > 2)
    warn(
      h1[0]?.line ?? start + 1,
      `The title block has more # lines than series, title, subtitle and status: ${names
        .slice(2)
        .map((n) => `"${n}"`)
        .join(', ')} are not used.`,
    );

  const yamlAuthors =
    typeof yaml.author === 'string' ? yaml.author.split(/\s*,\s*(?!Jr\.?\b|Sr\.?\b)/).filter(Boolean) : [];
  const authors = authorRuns[0]?.names ?? yamlAuthors;
  const titlePageAuthors = authorRuns[1];
  if (titlePageAuthors) {
    titlePageAuthors.names.forEach((name, i) => {
      const cover = authors[i];
      if (cover !== undefined && cover !== name)
        warn(
          titlePageAuthors.lines[i]!,
          `The title page names author "${name}" where the cover has "${cover}".`,
          "The cover's spelling is used.",
        );
    });
  }

  return {
    title,
    ...(subtitle ? { subtitle } : {}),
    series,
    ...(status ? { status } : {}),
    authors,
    ...(doi ? { doi } : {}),
    ...(date ? { date } : {}),
    ...(typeof yaml.source_url === 'string' ? { sourceUrl: yaml.source_url } : {}),
    ...(imprint.length ? { imprint } : {}),
  };
}
