/**
 * How the importer reads a line's text (stage 4 of the module header): the
 * normalisation of whitespace and citations, and the tests the block stages
 * share (title case, heading-like, continuation, finished sentence). All pure.
 */
import { squash } from '../../text.ts';
import { CITATION, HEADING_MAX, MINOR_WORDS } from './patterns.ts';

/** Plain text: squashed, link-glitch spaces removed, citations normalized. */
export function normalizeText(raw: string): string {
  let s = squash(raw);
  // `[ [23] , [24] , [25] ]` → `[23], [24], [25]`
  s = s.replace(/\[\s*((?:\[\s*\d+\s*\]\s*,?\s*)+)\]/g, (_, inner: string) =>
    [...inner.matchAll(/\d+/g)].map((m) => `[${m[0]}]`).join(', '),
  );
  s = s.replace(/\[\s*(\d+)\s*\]/g, '[$1]');
  s = s.replace(/\]\s*,\s*\[/g, '], [');
  s = s.replace(/\s+,(?=[^\s,])/g, ', ');
  s = s.replace(/\s+([,.;:!?)])/g, '$1');
  s = s.replace(/\(\s+/g, '(');
  return s.trim();
}

/** The citation numbers of a normalized text, in order of first appearance. */
export function citationsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(CITATION)) if (!out.includes(m[1]!)) out.push(m[1]!);
  return out;
}

/** Short, title case, no final punctuation but `?`, no citation, starts with a capital. */
export function isHeadingText(text: string): boolean {
  if (text.length > HEADING_MAX || text.length < 3) return false;
  if (!/^\p{Lu}/u.test(text)) return false;
  if (/[.,;:!]$/.test(text)) return false;
  if (/\[\d+\]/.test(text)) return false;
  if (/:\s/.test(text)) return false;
  if (text.split(' ').length > 12) return false;
  return isTitleCase(text);
}

export function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/);
  for (const w of words) {
    const core = w.replace(/^[^\p{L}\p{N}]+/u, '');
    if (!core) continue;
    if (/^\p{N}/u.test(core)) continue;
    if (MINOR_WORDS.has(core.toLowerCase().replace(/[^a-z]/g, ''))) continue;
    if (/\p{Lu}/u.test(core)) continue;
    return false;
  }
  return true;
}

/** Starts in lower case or with closing punctuation: the line goes on from the one before. */
export function startsAsContinuation(text: string): boolean {
  return /^\p{Ll}/u.test(text) || /^[)\],.;:’”]/.test(text);
}

/** Ends with final punctuation (quotes and brackets after it allowed). */
export function isTerminated(text: string): boolean {
  return /[.?!:;]["”’')\]]*$/.test(text.trimEnd());
}

/** Two source lines as one text: a line ending in a hyphen is joined without a space. */
export function joinText(a: string, b: string): string {
  if (/[\p{L}\p{N}]-$/u.test(a) && /^[\p{L}\p{N}]/u.test(b)) return a + b;
  return `${a} ${b}`;
}

export function slug(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'section'
  );
}

/** A pattern matching `s` literally, any run of whitespace for each space. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}
