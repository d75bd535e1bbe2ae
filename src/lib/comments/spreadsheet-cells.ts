/**
 * Cells of the comment exports and imports: CSV cells a spreadsheet would
 * evaluate are neutralised, XLSX text keeps only characters XML allows, and an
 * imported XLSX cell of any kind (rich text, formula, link, date) becomes its text.
 */

/**
 * A spreadsheet evaluates a CSV cell that begins with one of these as a formula (OWASP, "CSV injection").
 * A leading apostrophe is added too, so that import can remove exactly one apostrophe without loss.
 */
const FORMULA_START = /^[=+\-@\t\r']/;

export function neutraliseCsvCell(s: string): { text: string; changed: boolean } {
  return FORMULA_START.test(s) ? { text: `'${s}`, changed: s[0] !== "'" } : { text: s, changed: false };
}

/** Undoes `neutraliseCsvCell` on import. */
export function restoreCsvCell(s: string): string {
  return s.startsWith("'") && s.length > 1 && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s;
}

/** Characters XML 1.0 forbids (controls other than tab, LF, CR; U+FFFE, U+FFFF; unpaired surrogates). */
const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
export const XML_MARKER = '\uFFFD';

/** The text with each character XML forbids replaced by a visible marker (�), and how many were. */
export function xmlSafe(s: string): { text: string; replaced: number } {
  let replaced = 0;
  const text = s.replace(XML_FORBIDDEN, () => {
    replaced++;
    return XML_MARKER;
  });
  return { text, replaced };
}

/**
 * Text as an XLSX cell holds it: characters XML forbids become �; a carriage return, which every XML
 * reader turns into a line feed, is written as Excel writes it (`_x000D_`), so is DEL (`_x007F_`, which
 * exceljs would drop without a word), and text that already looks
 * like such an escape has its underscore escaped (`_x005F_`), so that readers (Excel, LibreOffice,
 * exceljs) give back exactly the text.
 */
export function xlsxText(s: string): { text: string; replaced: number } {
  const safe = xmlSafe(s);
  return {
    text: safe.text
      .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
      .replace(/\r/g, '_x000D_')
      .replace(/\u007F/g, '_x007F_'),
    replaced: safe.replaced,
  };
}

/** The text of an exceljs cell value, whatever its kind. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    // Dates are stored as UTC by exceljs; a date without time reads as YYYY-MM-DD.
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  if (typeof value === 'object') {
    const v = value as {
      richText?: { text?: unknown }[];
      text?: unknown;
      hyperlink?: unknown;
      formula?: unknown;
      sharedFormula?: unknown;
      result?: unknown;
      error?: unknown;
    };
    if (Array.isArray(v.richText)) return v.richText.map((r) => cellText(r.text)).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if ('hyperlink' in v || 'text' in v) return cellText(v.text);
    if (typeof v.error === 'string') return v.error;
  }
  return '';
}

/** The rows of a workbook's first sheet, as exceljs cell values (row 1 first; empty rows kept as []). */
export function workbookRows(wb: {
  worksheets: { eachRow(opt: { includeEmpty: boolean }, f: (row: { values: unknown }, n: number) => void): void }[];
}): unknown[][] {
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1);
  });
  return Array.from(rows, (r) => r ?? []);
}
