/**
 * Links inside running text of the draft: citations ([7]) to the references,
 * section references (Sec. 1.1) to their section, SP 800-53 control ids and
 * SP 800-213A capability names to their pages, and the first use of each
 * glossary term on a page to the glossary. Text becomes segments that the page
 * renders (Astro escapes them); nothing is built as an HTML string.
 */
export type Segment = { text: string } | { text: string; href: string; title?: string; kind: LinkKind };
export type LinkKind = 'citation' | 'section' | 'control' | 'capability' | 'glossary' | 'footnote';

export interface LinkRule {
  kind: LinkKind;
  pattern: RegExp;
  /** The link for a match, or undefined to leave it as text. `key` makes a rule link only once per page (glossary). */
  resolve: (match: RegExpExecArray) => { href: string; title?: string; key?: string } | undefined;
}

/** Splits text into plain and linked segments; the earliest match wins, then the longest. */
export function linkText(text: string, rules: LinkRule[], usedKeys: Set<string>): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  while (pos < text.length) {
    let best:
      | { index: number; length: number; link: { href: string; title?: string; key?: string }; kind: LinkKind }
      | undefined;
    for (const rule of rules) {
      const re = new RegExp(
        rule.pattern.source,
        rule.pattern.flags.includes('g') ? rule.pattern.flags : `${rule.pattern.flags}g`,
      );
      re.lastIndex = pos;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (best && m.index > best.index) break;
        const link = rule.resolve(m);
        if (link && !(link.key && usedKeys.has(link.key))) {
          if (!best || m.index < best.index || (m.index === best.index && m[0].length > best.length))
            best = { index: m.index, length: m[0].length, link, kind: rule.kind };
          break;
        }
        if (m[0].length === 0) re.lastIndex++;
      }
    }
    if (!best) {
      out.push({ text: text.slice(pos) });
      break;
    }
    if (best.index > pos) out.push({ text: text.slice(pos, best.index) });
    out.push({
      text: text.slice(best.index, best.index + best.length),
      href: best.link.href,
      kind: best.kind,
      ...(best.link.title ? { title: best.link.title } : {}),
    });
    if (best.link.key) usedKeys.add(best.link.key);
    pos = best.index + best.length;
  }
  return out;
}
