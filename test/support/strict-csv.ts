/**
 * csv-parse in strict mode, as a reader that knows nothing of the file would read it: any line break outside
 * quotes ends a record, quotes must be well formed, every record has the header's number of fields.
 */
import { parse } from 'csv-parse/sync';

export function strictCsvRecords(text: string | Buffer): Record<string, string>[] {
  return parse(text, {
    bom: true,
    columns: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_quotes: false,
    relax_column_count: false,
    skip_empty_lines: false,
    trim: false,
  });
}

export function strictCsvRows(text: string | Buffer): string[][] {
  return parse(text, {
    bom: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_quotes: false,
    relax_column_count: false,
    skip_empty_lines: false,
    trim: false,
  });
}
