/** Stage 1: YAML front matter, the converter's preamble and the title block, over stage fixtures. */
import { describe, expect, it } from 'vitest';
import { findTitleBlock, readFrontMatter, readPreamble } from '../../../src/lib/import/guideline-draft/preamble.ts';
import { lineOf, recorder, stageFixture } from '../../support/draft-stages.ts';

describe('preamble', () => {
  const { markdown, lines } = stageFixture('preamble');

  it('reads the YAML front matter and the page count, and starts the title block after "Markdown Content:"', () => {
    const { warn, warnings } = recorder();
    const preamble = readPreamble(lines, warn);
    expect(preamble).toEqual({
      yaml: {
        title: 'NIST SP 900-9 ipd — Kettle Cybersecurity Guidelines',
        author: 'Cy Marsh, Di Okafor, Sr.',
        source_url: 'https://example.org/kettle.pdf',
      },
      totalPages: 7,
      start: lineOf(markdown, 'Markdown Content:'),
    });
    expect(warnings).toEqual([]);
  });

  it('ends the title block on the first line ending with the running header, and keeps that header', () => {
    const { warn } = recorder();
    expect(findTitleBlock(lines, readPreamble(lines, warn).start, warn)).toEqual({
      end: lineOf(markdown, '(Initial Public Draft)') - 1,
      header: 'NIST SP 900-9 ipd (Initial Public Draft) May 2032',
    });
  });

  it("reads series, title, status, the cover's authors, DOI, date and imprint, and reports the title page's other spelling", () => {
    const { warn, warnings } = recorder();
    const part = readFrontMatter(lines, warn);
    expect(part).toEqual({
      frontMatter: {
        title: 'Kettle Cybersecurity Guidelines',
        series: 'NIST SP 900-9 ipd',
        status: 'Initial Public Draft',
        authors: ['Cy Marsh', 'Di Okafor'],
        doi: 'https://doi.org/10.0000/NIST.SP.900-9.ipd',
        date: 'May 2032',
        sourceUrl: 'https://example.org/kettle.pdf',
        // Lines after the first DOI, but for the "available free of charge" line.
        imprint: ['Boiling Water Division', 'Office of Hot Drinks'],
        totalPages: 7,
      },
      // The index of the line after the header's (0-based, as the next stage reads them).
      bodyStart: lineOf(markdown, '(Initial Public Draft)'),
      header: 'NIST SP 900-9 ipd (Initial Public Draft) May 2032',
    });
    expect(warnings).toEqual([
      `line ${lineOf(markdown, '## Di Okafor, Sr.')}: The title page names author "Di Okafor, Sr." where the cover has "Di Okafor".`,
    ]);
  });

  it('without a closing YAML line or a running header, warns and ends the title block on its last # line', () => {
    const bare = stageFixture('preamble-bare');
    const { warn, warnings } = recorder();
    const part = readFrontMatter(bare.lines, warn);
    expect(part).toEqual({
      frontMatter: { title: 'Kettle Cybersecurity Guidelines', series: '', authors: ['Cy Marsh'] },
      bodyStart: lineOf(bare.markdown, '## Cy Marsh'),
    });
    expect(warnings).toEqual([
      'line 1: The YAML front matter has no closing --- line.',
      `line ${lineOf(bare.markdown, '# Kettle')}: No running header (e.g. "NIST SP 800-213r1 ipd (Initial Public Draft) June 2026") was found: the title block and the page breaks cannot be told apart.`,
    ]);
  });
});
