/**
 * The names of the files under downloads/. Pages link to them and the writers
 * write them; this module holds only the names, so that pages do not pull the
 * writers (DOCX, XLSX, schema checks) into the site bundle.
 */
export const DOWNLOADS = {
  catalogCsv: 'sp800-213a-catalog.csv',
  catalogJson: 'sp800-213a-catalog.json',
  catalogXlsx: 'sp800-213a-catalog.xlsx',
  controlsCsv: 'sp800-53r5-controls.csv',
  sourceReport: 'source-report.json',
} as const;

export const OSCAL_213A_CATALOG = 'sp800-213a-catalog.oscal.json';

export const PRODUCT_EXTENSIONS = ['docx', 'xlsx', 'csv', 'md', 'json', 'oscal-profile.json'] as const;

/** The path of a product template under downloads/: `products/<type>/<type>-<level>.<ext>`. */
export const productDownloadPath = (typeId: string, level: string, ext: string) =>
  `products/${typeId}/${typeId}-${level.toLowerCase()}.${ext}`;
