/**
 * Builds the Pagefind search index of a built site through Pagefind's Node API.
 * Pages mark what to index with data-pagefind-body and their filters with
 * data-pagefind-filter; any error stops the build.
 */
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { ProblemsError } from '../problems.ts';
import type { SearchRecord } from './search-records.ts';

/**
 * Left out of every page's entry: buttons (their labels are on every page), and
 * each requirement card's list of controls, baseline marks and source places,
 * which would otherwise make every catalog page match "baseline" or a control's title.
 */
const EXCLUDED = ['button', '.requirement dl', '.breadcrumbs', '.prev-next'];

/** Indexes the pages of `siteDir`, and `records` beside them (see search-records.ts), into `outputPath`; returns the number of entries. */
export async function buildSearchIndex(
  siteDir: string,
  records: SearchRecord[] = [],
  outputPath = join(siteDir, 'pagefind'),
): Promise<number> {
  const fail = (message: string) =>
    new ProblemsError('Building the search index', [
      {
        severity: 'error',
        file: siteDir,
        place: 'pagefind',
        message,
        hint: 'Check the pages Pagefind reports; the build output is left unpublished.',
      },
    ]);
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', excludeSelectors: EXCLUDED });
    if (!index || errors.length) throw fail(errors.join('; ') || 'Pagefind did not start');
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw fail(added.errors.join('; '));
    if (!added.page_count) throw fail('no page has data-pagefind-body');
    for (const r of records) {
      const { errors } = await index.addCustomRecord({ ...r, language: 'en' });
      if (errors.length) throw fail(`${r.url}: ${errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw fail(written.errors.join('; '));
    return added.page_count + records.length;
  } finally {
    await pagefind.close();
  }
}
