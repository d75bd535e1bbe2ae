/**
 * SP 800-213A statements turned into requirement clauses in procurement voice,
 * keeping the element's meaning:
 *   technical      "Ability to X."            → "The <component> shall provide the ability to X."
 *                  "Ability for the IoT device to X." → "The <component> shall provide the ability to X."
 *                  "The device can X."        → "The <component> shall X."
 *   non-technical  "Providing X."             → "The manufacturer shall provide X."
 *                  "Establishing and providing X." → "The manufacturer shall establish and provide X."
 *                  a noun phrase ("Communications, …") → "The manufacturer shall provide communications, …"
 * Items listed under a statement follow it as "including: a; b; c".
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

function sentence(s: string): string {
  const t = s.trim().replace(/\s+/g, ' ');
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

function withItems(text: string, items: NestedItem[]): string {
  if (!items.length) return sentence(text);
  const flat = (list: NestedItem[]): string[] => list.map((i) => (i.items.length ? `${i.text.replace(/[.:;]$/, '')} (${flat(i.items).join(', ')})` : i.text.replace(/[.;]$/, '')));
  const t = text.trim();
  // "… such as:" / "… for:" introduce the items already; otherwise they follow as "including: …".
  const lead = /:$/.test(t) || /\b(such as|including|include)$/i.test(t) ? `${t} ` : `${t.replace(/[.;]$/, '')}, including: `;
  return `${lead}${flat(items).join('; ')}.`;
}

/** "The <component> shall provide the ability to …" for a technical element. */
export function technicalClause(component: string, text: string, items: NestedItem[] = [], leadIn?: string): string {
  const t = text.trim();
  let body: string;
  let m: RegExpExecArray | null;
  if ((m = /^Ability (?:for (?:the |an )?(?:IoT )?device )?to\s+(.+)$/i.exec(t))) body = `shall provide the ability to ${m[1]}`;
  else if ((m = /^Ability for\s+(.+)$/i.exec(t))) body = `shall provide the ability for ${m[1]}`;
  else if ((m = /^The (?:IoT )?device can\s+(.+)$/i.exec(t))) body = `shall ${m[1]}`;
  else body = `shall provide ${lowerFirst(t)}`;
  const clause = withItems(`The ${component} ${body}`, items);
  if (!leadIn) return clause;
  const condition = leadIn.trim().replace(/:$/, '');
  return `${condition}, ${clause[0]!.toLowerCase()}${clause.slice(1)}`;
}

/** "The manufacturer shall …" for a non-technical sub-element. */
export function manufacturerClause(text: string, items: NestedItem[] = [], party = 'manufacturer'): string {
  const t = text.trim();
  let m: RegExpExecArray | null;
  let body: string;
  if ((m = /^([A-Za-z]+ing)(\s+and\s+([A-Za-z]+ing))?\s+(.+)$/.exec(t)) && GERUNDS[m[1]!.toLowerCase()] && (!m[3] || GERUNDS[m[3].toLowerCase()])) {
    body = `shall ${GERUNDS[m[1]!.toLowerCase()]}${m[3] ? ` and ${GERUNDS[m[3].toLowerCase()]}` : ''} ${m[4]}`;
  } else if (/^If\b/.test(t)) {
    // A conditional statement keeps its condition; its "should" becomes the clause's "shall".
    return withItems(t.replace(/\bshould\b/, 'shall'), items);
  } else body = `shall provide ${lowerFirst(t)}`;
  return withItems(`The ${party} ${body}`, items);
}

/** Problems a clause must not have: a repeated opener, doubled verbs, list markers left in. Empty when it reads well. */
export function clauseProblems(clause: string): string[] {
  const out: string[] = [];
  if (/\bability to ability\b/i.test(clause)) out.push('"ability to Ability"');
  if (/\bshall (\w+) \1\b/i.test(clause)) out.push('doubled verb');
  if (/\bshall provide (providing|describing|establishing|communicating)\b/i.test(clause)) out.push('gerund after "shall provide"');
  if (/(^|\s)(o|•|-)\t/.test(clause) || /\s[o•]\s(?=[A-Z])/.test(clause)) out.push('dangling list marker');
  if (/\.\./.test(clause.replace(/\betc\.\./g, 'etc.'))) out.push('double full stop');
  if (!/^(The|If|When|Where|[A-Z][a-z]+ [a-z])/.test(clause)) out.push('does not start as a sentence');
  if (!/[.]$/.test(clause)) out.push('no final full stop');
  if (/\bshall\b.*\bshall\b.*\bshall\b/.test(clause)) out.push('three "shall"s');
  return out;
}
