/** The SP 800-213 Rev. 1 draft in the model (real source): sections, glossary, links in its text. */
import { describe, expect, it } from 'vitest';
import { blockAnchor, guidanceLinkRules, guidancePages, sectionHref, whereLabel } from '../../src/lib/site/guidance.ts';
import { linkText } from '../../src/lib/site/text-links.ts';
import { realModel } from '../support/real-sources.ts';

describe('the draft as pages', () => {
  it('puts the front matter and each top-level section present in the source on its own page', async () => {
    const g = (await realModel()).guideline!;
    expect(guidancePages(g).map((p) => p.slug)).toEqual(['front-matter', '1', '2', '3']);
    expect(
      guidancePages(g)
        .find((p) => p.slug === '2')!
        .sections.map((s) => s.number),
    ).toEqual(['2', '2.1', '2.1.1', '2.1.2', '2.2', '2.3', '2.4']);
    expect(g.pdfPageOffset).toBe(8);
  });

  it('gives every body block a page and a margin-line range to cite', async () => {
    const g = (await realModel()).guideline!;
    const blocks = g.sections
      .filter((s) => !s.frontMatter)
      .flatMap((s) => s.blocks.filter((b) => b.kind !== 'figure').map((b) => ({ s, b })));
    expect(blocks.length).toBeGreaterThan(70);
    for (const { b } of blocks) expect(whereLabel(b)).toMatch(/^pp?\. \d+(–\d+)?, lines? \d+(–\d+)?$/);
    const first = g.sections.find((s) => s.number === '1')!;
    expect(blockAnchor(first, first.blocks[0]!)).toBe('s-1-p1');
  });

  it('links sections of this edition to their page, and those beyond it to the PDF', async () => {
    const m = await realModel();
    expect(sectionHref(m, '/', '2.1.1')).toBe('/guidance/2/#s-2-1-1');
    expect(sectionHref(m, '/', '3.3.1')).toBeUndefined();
    const rules = guidanceLinkRules(m, '/');
    const segments = linkText('As in Sec. 3.3.1 and Sec. 1.1, see [7].', rules, new Set());
    expect(
      segments
        .filter((s) => 'href' in s)
        .map((s) => [s.text, (s as { href: string }).href.replace(/#page=\d+$/, '#page=N')]),
    ).toEqual([
      ['Sec. 3.3.1', `${m.guideline!.pdfUrl}#page=N`],
      ['Sec. 1.1', '/guidance/1/#s-1-1'],
      ['[7]', `${m.guideline!.pdfUrl}#page=N`],
    ]);
  });

  it("defines the draft's terms from its own text, and says which the available text does not define", async () => {
    const m = await realModel();
    const defined = m.glossary.filter((e) => e.definition).map((e) => e.slug);
    expect(defined).toEqual(
      expect.arrayContaining([
        'iot-product',
        'iot-device',
        'iot-product-component',
        'system-element',
        'allocation',
        'key-cybersecurity-requirement',
        'backend',
        'specialty-networking-gateway-hardware',
        'companion-application-software',
      ]),
    );
    for (const e of m.glossary.filter((x) => x.definition))
      expect(e.definition!.text.toLowerCase()).toContain(
        e.forms.find((f) => e.definition!.text.toLowerCase().includes(f.toLowerCase()))!.toLowerCase(),
      );
  });
});
