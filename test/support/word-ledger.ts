/**
 * The "nothing is lost" word ledger of the draft importer: every word of the
 * source body must land exactly once in the output. See the comment at the top
 * of test/import/guideline-draft.test.ts for the rules of both sides.
 */
import type { Block, GuidelineDocument } from '../../src/lib/import/guideline-draft/index.ts';

export function words(text: string): string[] {
  return (text.match(/\p{L}+|\p{N}+/gu) ?? []).map((w) => w.toLowerCase());
}

/** `12345678910 11 12`: all numbers, each one more than the one before (the first may be several glued together). */
export function isMarginRun(line: string): boolean {
  const tokens = line.trim().split(/\s+/);
  if (!tokens.every((t) => /^\d+$/.test(t))) return false;
  return tokens.every(
    (t, k) =>
      k === 0 || (k === 1 ? tokens[0]!.endsWith(String(Number(t) - 1)) : Number(t) === Number(tokens[k - 1]) + 1),
  );
}

export function trailingRunLength(line: string): number {
  const m = /(?:\s+\d+){3,}\s*$/.exec(line);
  if (!m) return 0;
  const nums = m[0].trim().split(/\s+/).map(Number);
  let k = nums.length - 1;
  while (k > 0 && nums[k - 1] === nums[k]! - 1) k -= 1;
  return nums.length - k >= 3 ? nums.slice(k).join(' ').length : 0;
}

export function sourceWords(markdown: string, header: string): string[] {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((l) => l.includes(header)) + 1;
  const out: string[] = [];
  for (const raw of lines.slice(start)) {
    let line = raw.split(header).join(' ').trimEnd();
    if (/^\s*>?\s*([ivxlcdm]+|\d+)\s*$/i.test(line)) continue;
    if (isMarginRun(line)) continue;
    const run = trailingRunLength(line);
    if (run) line = line.slice(0, line.length - run);
    out.push(...words(line.replace(/\.{3,}/g, ' ')));
  }
  return out;
}

export function blockWords(b: Block): string[] {
  switch (b.kind) {
    case 'paragraph':
      return [...words(b.text), ...b.footnoteRefs];
    case 'list':
      return [...words((b.markers ?? []).join(' ')), ...b.items.flatMap(words), ...(b.footnoteRefs ?? [])];
    case 'callout':
      return [...words(`${b.variant} ${b.title} ${b.text}`), ...(b.footnoteRefs ?? [])];
    case 'figure':
      return words(`Figure ${b.number} ${b.caption}`);
  }
}

export function documentWords(doc: GuidelineDocument): string[] {
  const fm = doc.frontMatter;
  const out: string[] = [];
  for (const v of [fm.commentPeriod?.start, fm.commentPeriod?.end, fm.commentEmail, fm.commentAddress])
    if (v) out.push(...words(v));
  for (const t of doc.toc) out.push(...words(`${t.appendix ? 'Appendix' : ''} ${t.number ?? ''} ${t.title} ${t.page}`));
  for (const f of doc.figuresList) out.push(...words(`Figure ${f.number} ${f.title} ${f.page}`));
  for (const s of doc.sections) {
    if (s.number && !s.numberInferred) out.push(...words(s.number));
    if (!s.titleInferred) out.push(...words(s.title));
    for (const b of s.blocks) out.push(...blockWords(b));
  }
  for (const f of doc.footnotes) out.push(...words(`${f.number} ${f.text}`));
  return out;
}

/** The multiset difference, as `word: +n` (in the source, not the output) or `word: -n` (the other way). */
export function ledgerDifference(source: string[], output: string[]): string[] {
  const count = new Map<string, number>();
  for (const w of source) count.set(w, (count.get(w) ?? 0) + 1);
  for (const w of output) count.set(w, (count.get(w) ?? 0) - 1);
  return [...count].filter(([, n]) => n !== 0).map(([w, n]) => `${w}: ${n > 0 ? '+' : ''}${n}`);
}
