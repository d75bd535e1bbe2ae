/**
 * CSV as every download of the site writes it: RFC 4180 (CRLF between records; a field holding a comma, a
 * quote, a CR or a LF is quoted, quotes doubled), UTF-8 with a byte-order mark so that spreadsheet programs
 * read the text as UTF-8. csv-stringify quotes a field holding the record delimiter (CRLF) but not one
 * holding a lone LF or CR, which every strict reader then splits into broken records; `quoted_match` closes that.
 */
import { stringify } from 'csv-stringify/sync';

export function csvText(columns: readonly string[], rows: Record<string, string>[]): string {
  return stringify(rows, {
    header: true,
    columns: [...columns],
    record_delimiter: 'windows',
    bom: true,
    quoted_match: /[\r\n]/,
  });
}
