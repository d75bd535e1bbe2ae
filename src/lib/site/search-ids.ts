/**
 * Turning what a reader types into a record id: "IA-3", "ia 3", "AC-2(7)",
 * "ac-2.7", "di-1.3", "DOC-1.a.2.4". Shared by the build (which writes the list
 * of ids) and the search page (which jumps to an id before searching words).
 */
export interface IdEntry {
  id: string;
  /** Site path under the base, e.g. `controls/ac-2.7/` or `capabilities/di-1/#di-1.3`. */
  path: string;
}

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

/** The first of the query's candidate ids that is in `known`. */
export function resolveId(query: string, known: ReadonlySet<string>): string | undefined {
  return idCandidates(query).find((id) => known.has(id));
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
