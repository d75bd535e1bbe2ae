/**
 * Reads the "related controls" cells of the SP 800-213A mapping workbook:
 * one reference a line, such as
 *   `AC-2 ACCOUNT MANAGEMENT (7) ACCOUNT MANAGEMENT | PRIVILEGED USER ACCOUNTS`
 * typed by hand, so with slips: missing or doubled spaces (`SC-28PROTECTION`,
 * `CM-5  ACCESS`, `MANAGEMENT(2)`), parenthesised words in titles
 * (`(ORGANIZATIONAL USERS) (1)`), misspelt titles, and `No Mapping`.
 */
import type { CellText } from './workbook-cells.ts';

export interface ParsedReference {
  /** OSCAL id: `ac-2`, `ac-2.7`. */
  id: string;
  /** The reference as typed (trimmed, spaces squashed). */
  sourceText: string;
  /** The title words typed after the id: base title, and enhancement title after "|" when present. */
  baseTitle: string;
  enhancementTitle?: string;
  /** The characters of the id are set in bold. */
  bold: boolean;
  /** Typing slips the reader had to read past (no space after the id, no space before "(n)"). */
  slips: string[];
}

export interface ParsedCell {
  references: ParsedReference[];
  /** The cell says "No Mapping". */
  noMapping: boolean;
  /** Text that is neither a reference nor "No Mapping", with its line number in the cell. */
  unreadable: { line: number; text: string }[];
}

// A control id: two letters, a hyphen, a number; spaces around the hyphen are tolerated.
const ID_AT = /\b([A-Za-z]{2})\s?-\s?(\d{1,2})(?!\d)/g;
const ENHANCEMENT = /\(\s*(\d{1,2})\s*\)/;

function squashKeep(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * Splits a cell into references. `families` are the known family ids (`ac`, `sc`…),
 * so that two capital letters and a number inside a title are not taken for a control.
 */
export function parseControlCell(cell: CellText, families: ReadonlySet<string>): ParsedCell {
  const result: ParsedCell = { references: [], noMapping: false, unreadable: [] };
  let offset = 0;
  // Split on \n only, so that offsets stay those of the cell's characters (and its bold flags); drop a \r ending.
  const lines = cell.text.split('\n');
  lines.forEach((lineWithEnd, lineIndex) => {
    const lineStart = offset;
    offset += lineWithEnd.length + 1;
    const rawLine = lineWithEnd.replace(/\r$/, '');
    if (!rawLine.trim()) return;
    if (/^\s*no\s+mapping\s*\.?\s*$/i.test(rawLine)) {
      result.noMapping = true;
      return;
    }
    const starts: { index: number; family: string; number: string; match: string }[] = [];
    for (const m of rawLine.matchAll(ID_AT)) {
      const family = m[1]!.toLowerCase();
      if (families.has(family) && m[1] === m[1]!.toUpperCase())
        starts.push({ index: m.index!, family, number: m[2]!, match: m[0] });
    }
    if (!starts.length) {
      result.unreadable.push({ line: lineIndex + 1, text: squashKeep(rawLine) });
      return;
    }
    const before = rawLine.slice(0, starts[0]!.index);
    if (before.trim()) result.unreadable.push({ line: lineIndex + 1, text: squashKeep(before) });

    starts.forEach((s, i) => {
      const end = i + 1 < starts.length ? starts[i + 1]!.index : rawLine.length;
      const segment = rawLine.slice(s.index, end);
      const rest = segment.slice(s.match.length);
      const slips: string[] = [];
      if (/^[A-Za-z]/.test(rest)) slips.push(`no space after "${s.match}"`);
      if (/\s-|-\s/.test(s.match)) slips.push(`spaces around the hyphen in "${s.match}"`);
      const enh = ENHANCEMENT.exec(rest);
      let baseTitle = rest;
      let enhancementTitle: string | undefined;
      let id = `${s.family}-${Number(s.number)}`;
      if (enh) {
        id += `.${Number(enh[1])}`;
        baseTitle = rest.slice(0, enh.index);
        const after = rest.slice(enh.index + enh[0].length);
        const bar = after.lastIndexOf('|');
        enhancementTitle = squashKeep(bar >= 0 ? after.slice(bar + 1) : after);
        if (enh.index > 0 && !/\s$/.test(rest.slice(0, enh.index))) slips.push(`no space before "${enh[0]}"`);
      }
      const idStart = lineStart + s.index;
      const idChars = cell.bold.slice(idStart, idStart + s.match.length);
      result.references.push({
        id,
        sourceText: squashKeep(segment),
        baseTitle: squashKeep(baseTitle),
        ...(enhancementTitle !== undefined ? { enhancementTitle } : {}),
        bold: idChars.length > 0 && idChars.every(Boolean),
        slips,
      });
    });
  });
  return result;
}

/** Title comparison key: case, spacing, hyphens and punctuation do not count (`SAFE-MODE` = `Safe Mode`). */
export function titleKey(s: string): string {
  return s.toUpperCase().replace(/[^A-Z0-9]+/g, '');
}
