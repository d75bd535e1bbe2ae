/**
 * Reads the CSF 1.1 subcategory cells of the SP 800-213A CSF mapping workbook
 * ("ID.SC-3; PR.MA-1", one a line, or "No Mapping"), reading past typing slips
 * where the intended id is unambiguous (`ID-SC-3`, `PT.PT-1` for PR.PT-1).
 */

/**
 * CSF 1.1 categories by function (NIST Cybersecurity Framework 1.1, Table 2).
 * Reference data for checking ids, not catalog content.
 */
export const CSF_CATEGORIES: Readonly<Record<string, readonly string[]>> = {
  ID: ['AM', 'BE', 'GV', 'RA', 'RM', 'SC'],
  PR: ['AC', 'AT', 'DS', 'IP', 'MA', 'PT'],
  DE: ['AE', 'CM', 'DP'],
  RS: ['RP', 'CO', 'AN', 'MI', 'IM'],
  RC: ['RP', 'IM', 'CO'],
};

export interface CsfReading {
  ids: string[];
  noMapping: boolean;
  /** Ids read past a slip: what was typed and what it was read as. */
  slips: { typed: string; read: string; why: string }[];
  /** Tokens that are no CSF id. */
  unreadable: string[];
}

const TOKEN = /^([A-Z]{2})[.\-\s]?([A-Z]{2})\s?-\s?(\d{1,2})$/;

/** The function that has this category, when exactly one does. */
function functionOfCategory(category: string): string | undefined {
  const owners = Object.entries(CSF_CATEGORIES)
    .filter(([, cats]) => cats.includes(category))
    .map(([fn]) => fn);
  return owners.length === 1 ? owners[0] : undefined;
}

export function parseCsfCell(text: string): CsfReading {
  const out: CsfReading = { ids: [], noMapping: false, slips: [], unreadable: [] };
  if (/^\s*no\s+mapping\s*\.?\s*$/i.test(text)) {
    out.noMapping = true;
    return out;
  }
  for (const raw of text.split(/[;,\n\r]+/)) {
    const token = raw.replace(/\s+/g, ' ').trim();
    if (!token) continue;
    if (/^no\s+mapping$/i.test(token)) {
      out.noMapping = true;
      continue;
    }
    const m = TOKEN.exec(token.toUpperCase());
    if (!m) {
      out.unreadable.push(token);
      continue;
    }
    let [, fn, cat, num] = m as unknown as [string, string, string, string];
    const canonicalTyped = `${fn}.${cat}-${Number(num)}`;
    const whys: string[] = [];
    if (!CSF_CATEGORIES[fn]?.includes(cat)) {
      const owner = functionOfCategory(cat);
      if (!owner) {
        out.unreadable.push(token);
        continue;
      }
      whys.push(`category ${cat} belongs to function ${owner}, not ${fn}`);
      fn = owner;
    }
    const id = `${fn}.${cat}-${Number(num)}`;
    if (token.toUpperCase() !== canonicalTyped) whys.unshift('written with other separators');
    else if (token !== canonicalTyped) whys.unshift('written in lower case');
    if (whys.length) out.slips.push({ typed: token, read: id, why: whys.join('; ') });
    if (!out.ids.includes(id)) out.ids.push(id);
  }
  return out;
}
