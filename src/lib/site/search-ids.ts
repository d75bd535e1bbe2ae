/**
 * Turning what a reader types into a record id: "IA-3", "ia 3", "AC-2(7)",
 * "ac-2.7", "di-1.3", "DOC-1.a.2.4". Shared by the build (which writes the lists
 * of ids) and the search page (which jumps to an id before searching words).
 */
import type { Model } from '../model/schemas/model.ts';

const CONTROL = /^([a-z]{2})[\s-]*0*(\d{1,2})(?:\s*(?:\(\s*0*(\d{1,2})\s*\)|[.\s]\s*0*(\d{1,2})))?$/i;
const CATALOG = /^([a-z]{2,5})-(\d+)((?:\.(?:[a-z]|\d+)){0,3})$/i;

/**
 * The ids a query may name, most likely first: as a control (`ac-2.7`) and as an
 * SP 800-213A record (`DI-1.3`). "di-1.3" reads both ways; the caller keeps the
 * one that exists.
 */
export function idCandidates(query: string): string[] {
  const q = query.trim().replace(/\s+/g, ' ');
  const out: string[] = [];
  const c = CONTROL.exec(q);
  if (c) {
    const enh = c[3] ?? c[4];
    out.push(`${c[1]!.toLowerCase()}-${Number(c[2])}${enh ? `.${Number(enh)}` : ''}`);
  }
  const r = CATALOG.exec(q.replace(/\s+/g, ''));
  if (r) out.push(`${r[1]!.toUpperCase()}-${r[2]}${r[3]!.toLowerCase()}`);
  return out;
}

/**
 * The id list an id belongs to: one small file per control family
 * (`sp800-53-ac`) and per SP 800-213A capability code (`sp800-213a-di`), so that
 * jumping to an id fetches a few hundred bytes, not every id of the site.
 */
export function idListOf(id: string): string {
  if (/^[a-z]{2}-\d/.test(id)) return `sp800-53-${id.slice(0, 2)}`;
  return `sp800-213a-${(/^[A-Za-z]+/.exec(id)?.[0] ?? id).toLowerCase()}`;
}

/** Every id a reader may type: controls, capabilities, sub-capabilities, elements, sub-elements. */
export function modelIds(m: Model): string[] {
  return [...m.controls, ...m.capabilities, ...m.subCapabilities, ...m.elements, ...m.subElements].map((r) => r.id);
}

/** Every id, in its list: list name → ids, lists in first-seen order. */
export function idLists(ids: Iterable<string>): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  for (const id of ids) {
    const name = idListOf(id);
    const list = lists.get(name);
    if (list) list.push(id);
    else lists.set(name, [id]);
  }
  return lists;
}

/**
 * The first of the query's candidate ids that exists. `list(name)` gives the ids
 * of one list (see idListOf), or undefined when the site has no such list; it is
 * asked only for the lists of the candidates, so words ask for none.
 */
export async function resolveId(
  query: string,
  list: (name: string) => ReadonlySet<string> | undefined | Promise<ReadonlySet<string> | undefined>,
): Promise<string | undefined> {
  for (const id of idCandidates(query)) {
    if ((await list(idListOf(id)))?.has(id)) return id;
  }
  return undefined;
}

/** Where an id's page is, relative to the site base. */
export function idPath(id: string): string {
  if (/^[a-z]{2}-\d/.test(id)) return `controls/${id}/`;
  const sub = /^([A-Z]{2,5}-\d+)/.exec(id)?.[1];
  if (!sub) return `capabilities/${id.toLowerCase()}/`;
  return sub === id ? `capabilities/${sub.toLowerCase()}/` : `capabilities/${sub.toLowerCase()}/#${id.toLowerCase()}`;
}

/** Both spellings a control id may be searched by: `ac-2.7` also as `AC-2(7)`. */
export function controlLabelOf(id: string): string {
  const m = /^([a-z]{2})-(\d+)(?:\.(\d+))?$/.exec(id);
  return m ? `${m[1]!.toUpperCase()}-${m[2]}${m[3] ? `(${m[3]})` : ''}` : id;
}
