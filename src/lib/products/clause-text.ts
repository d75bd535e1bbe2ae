/**
 * SP 800-213A statements turned into the lettered items of a requirement, in
 * procurement voice, keeping the element's meaning. A requirement reads
 * "<subject> shall:" and each item is a verb phrase completing it:
 *   technical      "Ability to X."                    → "provide the ability to X"
 *                  "Ability to provide X."            → "provide X"        (no doubled verb)
 *                  "Ability for the IoT device to X." → "X"                (the component itself does it)
 *                  "Ability for only authorized entities to X." → "allow only authorized entities to X"
 *                  "The device can X."                → "X"
 *                  a noun phrase ("Configuration settings …") → "provide configuration settings …"
 *                  lead-in "If updates are applied automatically:" → "where updates are applied automatically, …"
 *   non-technical  "Providing X." → "provide X"; "Establishing and providing X." → "establish and provide X";
 *                  "If A, the manufacturer should B." → "where A, B"; a noun phrase → "provide …"
 * Items under a statement become sub-items: "the ability to …" after "including:", nouns as they are.
 * Before any of this, the project's wording corrections and the agency's values are applied to the words.
 */
import type { NestedItem } from '../model/schemas/catalog.ts';

/** Gerunds that open the catalog's non-technical statements, with their base form. */
const GERUNDS: Record<string, string> = {
  providing: 'provide',
  describing: 'describe',
  establishing: 'establish',
  communicating: 'communicate',
  following: 'follow',
  using: 'use',
  making: 'make',
  maintaining: 'maintain',
  documenting: 'document',
  offering: 'offer',
  publishing: 'publish',
  notifying: 'notify',
  supporting: 'support',
  informing: 'inform',
  developing: 'develop',
  creating: 'create',
  sharing: 'share',
  explaining: 'explain',
};

/** Gerunds that, after ", and", start a clause of their own rather than describe a noun. */
const COORDINATED = new Set(['providing', 'documenting', 'establishing', 'communicating', 'describing', 'explaining']);

/** Words replaced in a record's text before it is worded: corrections and agency values. */
export interface Rewrite {
  replace: string;
  with: string;
}

export function rewrite(text: string, rewrites: readonly Rewrite[]): string {
  let t = text;
  for (const r of rewrites) if (t.includes(r.replace)) t = t.replace(r.replace, r.with);
  return t;
}

const tidy = (s: string) =>
  s
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/\.\s+\((e\.g\.|i\.e\.)/g, ' ($1');
const noFinalStop = (s: string) => tidy(s).replace(/[.;]+$/, '');
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/** A technical statement as the verb phrase of "<component> shall …". */
export function technicalPhrase(text: string): string {
  const t = noFinalStop(text);
  let m: RegExpExecArray | null;
  m = /^Ability to provide\s+(.+)$/i.exec(t);
  if (m) return `provide ${m[1]}`;
  m =
    /^Ability for (?:the |an )?(?:IoT )?device(?:, or tools used through the IoT device interface,)? to\s+(.+)$/i.exec(
      t,
    );
  if (m) return m[1]!;
  m = /^Ability for (only )?(authorized [\w/ ]+?) to\s+(.+)$/i.exec(t);
  if (m) return `allow ${m[1] ?? ''}${m[2]} to ${m[3]}`;
  m = /^Ability to\s+(.+)$/i.exec(t);
  if (m) return `provide the ability to ${m[1]}`;
  m = /^Ability for\s+(.+)$/i.exec(t);
  if (m) return `provide the ability for ${m[1]}`;
  m = /^The (?:IoT )?device can\s+(.+)$/i.exec(t);
  if (m) return m[1]!;
  return `provide ${lowerFirst(t)}`;
}

/** A non-technical statement as the verb phrase of "The manufacturer shall …". */
export function manufacturerPhrase(text: string): string {
  const t = noFinalStop(text).replace(/\bshould\b/g, 'shall');
  let m: RegExpExecArray | null;
  m = /^If (.+?), the (?:IoT device )?manufacturer shall (.+)$/.exec(t);
  if (m) return `where ${m[1]}, ${m[2]}`;
  m = /^([A-Za-z]+ing)(\s+and\s+([A-Za-z]+ing))?\s+(.+)$/.exec(t);
  if (m && GERUNDS[m[1]!.toLowerCase()] && (!m[3] || GERUNDS[m[3].toLowerCase()])) {
    // A later clause coordinated with the first keeps its verb form: "Providing X, and documenting Y" → "provide X, and document Y".
    const rest = m[4]!.replace(/, (and|or) ([a-z]+ing)\b/g, (all, conj: string, g: string) =>
      COORDINATED.has(g) ? `, ${conj} ${GERUNDS[g]}` : all,
    );
    return `${GERUNDS[m[1]!.toLowerCase()]}${m[3] ? ` and ${GERUNDS[m[3].toLowerCase()]}` : ''} ${rest}`;
  }
  return `provide ${lowerFirst(t)}`;
}

/** A statement listed under another one, as a noun phrase: "the ability to …", or the item as it is. */
export function subItemPhrase(text: string): string {
  const t = noFinalStop(text);
  let m: RegExpExecArray | null;
  m = /^Ability for (?:the |an )?(?:IoT )?device to\s+(.+)$/i.exec(t);
  if (m) return `the ability to ${m[1]}`;
  m = /^Ability\s+(.+)$/i.exec(t);
  if (m) return `the ability ${m[1]}`;
  return lowerFirst(t);
}

/** Deeper levels of items, inline: "a (b, c)". */
function inline(items: NestedItem[]): string {
  return items.map((i) => `${subItemPhrase(i.text)}${i.items.length ? ` (${inline(i.items)})` : ''}`).join('; ');
}

/**
 * The sub-items of a record's statement, and the phrase that introduces them: a statement
 * ending in ":" ("such as:", "for:") introduces them itself; otherwise "including:".
 */
export function withSubItems(phrase: string, items: NestedItem[]): { phrase: string; subItems: string[] } {
  if (!items.length) return { phrase, subItems: [] };
  const introduced = /:$/.test(phrase) || /\b(such as|including|include|for)$/i.test(phrase);
  const lead = introduced ? phrase.replace(/:$/, '') : `${phrase.replace(/[.;,]$/, '')}, including`;
  return {
    phrase: `${lead}:`,
    subItems: items.map((i) =>
      i.items.length ? `${subItemPhrase(i.text).replace(/:$/, '')}: ${inline(i.items)}` : subItemPhrase(i.text),
    ),
  };
}

/** "If X:" lead-ins of the catalog as the explicit condition of the item: "where X, …". */
export function conditionOf(leadIn: string | undefined): string | undefined {
  if (!leadIn) return undefined;
  const t = noFinalStop(leadIn).replace(/:$/, '');
  const m = /^(?:If|When|Where)\s+(.+)$/i.exec(t);
  return m ? `where ${m[1]}` : lowerFirst(t);
}

/** The agency's values in brackets: "[AGENCY: system use notification message]". */
export const FILL_IN = /\[AGENCY: [^\]]+\]/g;

/** Defects an item's wording must not have; empty when it reads well. */
export function clauseProblems(clause: string): string[] {
  const out: string[] = [];
  if (/\bability to ability\b/i.test(clause)) out.push('"ability to ability"');
  if (/\bability to provide the ability\b/i.test(clause) || /\bprovide the ability to provide\b/i.test(clause))
    out.push('doubled verb ("ability to provide")');
  if (/\b(shall|to) (\w+) \2\b/i.test(clause)) out.push('doubled verb');
  if (/\b(provide|shall) (providing|describing|establishing|communicating)\b/i.test(clause))
    out.push('gerund after the verb');
  if (
    /^(provide|describe|establish|communicate|explain|document|use|follow)\b.*, (and|or) (providing|documenting|establishing|communicating)\b/.test(
      clause,
    )
  )
    out.push('coordinated verbs in different forms');
  const words = clause
    .replace(FILL_IN, 'X')
    .toLowerCase()
    .split(/[^a-z’']+/)
    .filter(Boolean);
  for (let n = 4; n <= 8; n++) {
    for (let i = 0; i + 2 * n <= words.length; i++) {
      if (words.slice(i, i + n).join(' ') === words.slice(i + n, i + 2 * n).join(' ')) {
        out.push(`repeated phrase "${words.slice(i, i + n).join(' ')}"`);
        n = 9;
        break;
      }
    }
  }
  if (/^\s*(?:\w+\s+){0,1}(their|they|them)\b/i.test(clause.replace(/^(where [^,]+, )/, '')))
    out.push('pronoun with nothing to refer to');
  if (
    /\borgani[sz]ation(?:ally)?[- ]defined\b|\bin a timely manner\b|\btimely\b|\bappropriate\b|\bsufficient\b/i.test(
      clause,
    )
  )
    out.push('value left to the agency without a fill-in');
  if (/(^|\s)(o|•|-)\t/.test(clause) || /\s[o•]\s(?=[A-Z])/.test(clause)) out.push('dangling list marker');
  if (/\.\./.test(clause.replace(/\betc\.\./g, 'etc.'))) out.push('double full stop');
  if (/::|;;|,,|:;|;:/.test(clause)) out.push('doubled punctuation');
  return out;
}
