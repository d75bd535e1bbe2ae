/** The downloads the site offers, with what each holds (shown on /downloads/). */
import { DOWNLOADS, OSCAL_213A_CATALOG } from './download-files.ts';

export const DOWNLOAD_LIST = [
  {
    file: DOWNLOADS.catalogXlsx,
    format: 'Excel workbook (XLSX)',
    contents:
      'SP 800-213A catalog: a row per technical element and per non-technical sub-element, with its controls, both low-baseline marks, CSF subcategories and source row; header frozen, filters on.',
  },
  {
    file: DOWNLOADS.catalogCsv,
    format: 'CSV (UTF-8)',
    contents: 'The same rows as the workbook. Lists of ids are separated by spaces.',
  },
  {
    file: DOWNLOADS.catalogJson,
    format: 'JSON',
    contents: 'The same rows, lists as arrays, with the sources they were built from.',
  },
  {
    file: OSCAL_213A_CATALOG,
    format: 'OSCAL 1.0.6 catalog (JSON)',
    contents:
      'The SP 800-213A catalog as an OSCAL catalog: capabilities as groups, sub-capabilities, elements and sub-elements as controls linked to SP 800-53. Ours: NIST does not publish one.',
  },
  {
    file: DOWNLOADS.controlsCsv,
    format: 'CSV (UTF-8)',
    contents:
      'Every SP 800-53 Rev. 5 control and enhancement: family, title, SP 800-53B baselines, withdrawn, related controls.',
  },
  {
    file: DOWNLOADS.sourceReport,
    format: 'JSON',
    contents:
      'Source report: counts per kind of record and every disagreement found between the sources, with file and place.',
  },
] as const;
