/** The DOCX writer read back: its parts with jszip and their XML, the text with mammoth. */
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { expectPackage, expectWellFormed, ooxmlParts } from '../support/ooxml-parts.ts';
import { type DocxDocument, type Paragraph, writeDocx } from '../../src/lib/products/docx-writer.ts';
import { xmlText } from '../../src/lib/products/ooxml-package.ts';

const DATE = new Date('2026-06-30T12:00:00Z');
const cell = (text: string, bold = false): Paragraph => ({ spacing: { after: 0, line: 240 }, runs: [{ text, bold }] });
const item = (id: number, level: 0 | 1, text: string): Paragraph => ({
  style: 'ListNumber',
  list: { id, level },
  runs: [{ text }],
});

const sample = (over: Partial<DocxDocument> = {}): DocxDocument => ({
  title: 'Camera & recorder <test>',
  description: 'Requirements "as written"',
  creator: 'iot-guidance-site',
  date: DATE,
  header: [{ runs: [{ text: 'Camera & recorder', size: 16, color: '555555' }] }],
  footer: [
    {
      align: 'right',
      runs: [
        { text: 'Page ', size: 16 },
        { text: '', field: 'PAGE', size: 16 },
        { text: ' of ', size: 16 },
        { text: '', field: 'NUMPAGES', size: 16 },
      ],
    },
  ],
  sections: [
    {
      orientation: 'portrait',
      blocks: [
        { style: 'Title', runs: [{ text: 'Camera & recorder' }] },
        { style: 'Heading1', keepNext: true, runs: [{ text: '1 Scope' }] },
        {
          spacing: { after: 80 },
          runs: [
            { text: 'Solicitation ' },
            { text: '[AGENCY: solicitation number]', bold: true, highlight: 'yellow' },
            { text: ' applies.', italics: true, size: 16, color: '555555' },
          ],
        },
        item(1, 0, 'first of one'),
        item(1, 1, 'sub of first'),
        item(1, 0, 'second of one'),
        item(2, 0, 'first of two'),
        {
          kind: 'table',
          columns: [1440, 2880, 2160],
          margins: { top: 10, right: 60, bottom: 10, left: 60 },
          rows: [
            {
              header: true,
              cantSplit: true,
              cells: [cell('Value', true), cell('Where used', true), cell('Set to', true)],
            },
            { cantSplit: true, cells: [cell('A'), cell('B'), cell('C')] },
          ],
        },
      ],
    },
    { orientation: 'landscape', blocks: [{ style: 'Heading1', runs: [{ text: 'Annex A' }] }] },
  ],
  ...over,
});

const parts = (bytes: Uint8Array) => ooxmlParts(bytes, 'DOCX');

describe('the DOCX writer', () => {
  it('writes every part, each well-formed and named in [Content_Types].xml and the relationships', async () => {
    await expectPackage(await writeDocx(sample()), 'DOCX', {
      names: [
        '[Content_Types].xml',
        '_rels/.rels',
        'word/document.xml',
        'word/_rels/document.xml.rels',
        'word/styles.xml',
        'word/numbering.xml',
        'word/settings.xml',
        'word/header1.xml',
        'word/footer1.xml',
        'docProps/core.xml',
        'docProps/app.xml',
      ],
      main: 'word/document.xml',
      rels: 'word/_rels/document.xml.rels',
      targets: ['styles.xml', 'numbering.xml', 'settings.xml', 'header1.xml', 'footer1.xml'],
    });
  });

  it('escapes &, <, > and " and drops characters XML 1.0 forbids, keeping the text as written', async () => {
    expect(xmlText('a & b < c > d "e" \'f\'')).toBe("a &amp; b &lt; c &gt; d &quot;e&quot; 'f'");
    expect(xmlText('x\u0000\u0001\u0008\u000B\u001F\uFFFE\uFFFF\uD800y\tz\n😀')).toBe('xy\tz\n😀');
    const text = 'R&D <script>alert("x")</script> \u0007bell \uDC00lone 😀';
    const bytes = await writeDocx(sample({ sections: [{ orientation: 'portrait', blocks: [{ runs: [{ text }] }] }] }));
    const { read } = await parts(bytes);
    const xml = await read('word/document.xml');
    expect(xml).toContain(
      '<w:t xml:space="preserve">R&amp;D &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; bell lone 😀</w:t>',
    );
    expectWellFormed(xml, 'document.xml');
    expect((await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value.trim()).toBe(
      'R&D <script>alert("x")</script> bell lone 😀',
    );
    const core = await read('docProps/core.xml');
    expect(core).toContain('<dc:title>Camera &amp; recorder &lt;test&gt;</dc:title>');
    expect(core).toContain('<dc:description>Requirements &quot;as written&quot;</dc:description>');
  });

  it('writes runs with their formatting, paragraphs with style, keepNext and spacing, every run xml:space="preserve"', async () => {
    const { read } = await parts(await writeDocx(sample()));
    const xml = await read('word/document.xml');
    expect(xml).toContain(
      '<w:r><w:rPr><w:b/><w:bCs/><w:highlight w:val="yellow"/></w:rPr><w:t xml:space="preserve">[AGENCY: solicitation number]</w:t></w:r>',
    );
    expect(xml).toContain(
      '<w:r><w:rPr><w:i/><w:iCs/><w:color w:val="555555"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr><w:t xml:space="preserve"> applies.</w:t></w:r>',
    );
    expect(xml).toContain('<w:pPr><w:pStyle w:val="Heading1"/><w:keepNext/></w:pPr>');
    expect(xml).toContain('<w:pPr><w:spacing w:after="80"/></w:pPr>');
    for (const t of xml.matchAll(/<w:t\b[^>]*>/g)) expect(t[0]).toBe('<w:t xml:space="preserve">');
    const styles = await read('word/styles.xml');
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri"[^>]*\/><w:sz w:val="18"\/>/);
    for (const [id, name, size] of [
      ['Title', 'Title', 40],
      ['Heading1', 'heading 1', 28],
      ['Heading2', 'heading 2', 24],
      ['Heading3', 'heading 3', 20],
      ['ListNumber', 'List Number', 18],
    ] as const) {
      const style = new RegExp(`<w:style w:type="paragraph" w:styleId="${id}">.*?</w:style>`).exec(styles)?.[0] ?? '';
      expect(style, id).toContain(`<w:name w:val="${name}"/>`);
      expect(style, id).toContain(`<w:sz w:val="${size}"/>`);
      expect(style, id).toContain('w:ascii="Calibri"');
    }
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await writeDocx(sample())) })).value;
    for (const s of ['Solicitation [AGENCY: solicitation number] applies.', 'first of one', 'Where used', 'Annex A'])
      expect(text).toContain(s);
  });

  it('numbers each list on its own: one w:num per list id, both levels restarting at 1, on the a. / (i) definition', async () => {
    const { read } = await parts(await writeDocx(sample()));
    const xml = await read('word/document.xml');
    const used = [...xml.matchAll(/<w:numPr><w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/g)].map(
      (m) => `${m[2]}:${m[1]}`,
    );
    expect(used).toEqual(['1:0', '1:1', '1:0', '2:0']);
    const numbering = await read('word/numbering.xml');
    const nums = [...numbering.matchAll(/<w:num w:numId="(\d+)">(.*?)<\/w:num>/g)];
    expect(nums.map((m) => m[1])).toEqual(['1', '2']);
    for (const m of nums) {
      expect(m[2]).toContain('<w:abstractNumId w:val="1"/>');
      for (const level of [0, 1])
        expect(m[2]).toContain(`<w:lvlOverride w:ilvl="${level}"><w:startOverride w:val="1"/></w:lvlOverride>`);
    }
    expect(numbering).toMatch(/<w:lvl w:ilvl="0">.*<w:numFmt w:val="lowerLetter"\/><w:lvlText w:val="%1."\/>/);
    expect(numbering).toMatch(/<w:lvl w:ilvl="1">.*<w:numFmt w:val="lowerRoman"\/><w:lvlText w:val="\(%2\)"\/>/);
    await expect(
      writeDocx(sample({ sections: [{ orientation: 'portrait', blocks: [item(0, 0, 'x')] }] })),
    ).rejects.toThrow(/List id 0/);
  });

  it('writes tables with fixed layout, column widths in DXA, cell margins, a repeated header row and rows kept whole', async () => {
    const { read } = await parts(await writeDocx(sample()));
    const xml = await read('word/document.xml');
    const table = /<w:tbl>.*<\/w:tbl>/.exec(xml)?.[0] ?? '';
    expect(table).toContain('<w:tblW w:w="6480" w:type="dxa"/>');
    expect(table).toContain('<w:tblLayout w:type="fixed"/>');
    expect([...table.matchAll(/<w:gridCol w:w="(\d+)"\s*\/>/g)].map((m) => Number(m[1]))).toEqual([1440, 2880, 2160]);
    const rows = [...table.matchAll(/<w:tr>(.*?)<\/w:tr>/g)].map((m) => m[1] ?? '');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>');
    expect(rows[1]).toContain('<w:trPr><w:cantSplit/></w:trPr>');
    expect([...(rows[1] ?? '').matchAll(/<w:tcW w:w="(\d+)" w:type="dxa"\/>/g)].map((m) => m[1])).toEqual([
      '1440',
      '2880',
      '2160',
    ]);
    expect(rows[1]).toContain(
      '<w:tcMar><w:top w:w="10" w:type="dxa"/><w:left w:w="60" w:type="dxa"/><w:bottom w:w="10" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tcMar>',
    );
    expect(rows[1]).toContain('<w:spacing w:after="0" w:line="240"/>');
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(await writeDocx(sample())) })).value;
    expect(html).toContain('<thead><tr><th><p><strong>Value</strong></p></th>');
    const short = {
      kind: 'table' as const,
      columns: [1440, 1440],
      margins: { top: 0, right: 0, bottom: 0, left: 0 },
      rows: [{ cells: [cell('only one')] }],
    };
    await expect(writeDocx(sample({ sections: [{ orientation: 'portrait', blocks: [short] }] }))).rejects.toThrow(
      /1 cells for 2 columns/,
    );
  });

  it('ends the portrait section in its last paragraph and the landscape one in the body, both with the header and footer', async () => {
    const { read } = await parts(await writeDocx(sample()));
    const xml = await read('word/document.xml');
    const sects = [...xml.matchAll(/<w:sectPr>(.*?)<\/w:sectPr>/g)].map((m) => m[1] ?? '');
    expect(sects).toHaveLength(2);
    expect(sects[0]).toContain('<w:pgSz w:w="12240" w:h="15840"/>');
    expect(sects[1]).toContain('<w:pgSz w:w="15840" w:h="12240" w:orient="landscape"/>');
    for (const s of sects) {
      expect(s).toContain(
        '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/>',
      );
      expect(s).toContain('<w:headerReference w:type="default" r:id="rId4"/>');
      expect(s).toContain('<w:footerReference w:type="default" r:id="rId5"/>');
    }
    // The first section's properties close it: in a paragraph of their own here, as the section ends with a table.
    expect(xml).toMatch(/<\/w:tbl><w:p><w:pPr><w:sectPr>/);
    expect(xml).toMatch(/<\/w:p><w:sectPr>.*<\/w:sectPr><\/w:body>/);
    const rels = await read('word/_rels/document.xml.rels');
    expect(rels).toMatch(/Id="rId4" Type="[^"]*\/header" Target="header1.xml"/);
    expect(rels).toMatch(/Id="rId5" Type="[^"]*\/footer" Target="footer1.xml"/);

    // A section ending with a paragraph carries its properties there, with no empty paragraph added.
    const { read: read2 } = await parts(
      await writeDocx(
        sample({
          sections: [
            { orientation: 'portrait', blocks: [{ runs: [{ text: 'end of body' }] }] },
            { orientation: 'landscape', blocks: [{ runs: [{ text: 'annex' }] }] },
          ],
        }),
      ),
    );
    expect(await read2('word/document.xml')).toContain(
      '<w:p><w:pPr><w:sectPr><w:headerReference w:type="default" r:id="rId4"/>',
    );
    expect(await read2('word/document.xml')).toMatch(/<\/w:sectPr><\/w:pPr><w:r><w:t xml:space="preserve">end of body/);
  });

  it('writes the header text and a "Page X of Y" footer with PAGE and NUMPAGES fields', async () => {
    const { read } = await parts(await writeDocx(sample()));
    expect(await read('word/header1.xml')).toContain(
      '<w:r><w:rPr><w:color w:val="555555"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr><w:t xml:space="preserve">Camera &amp; recorder</w:t></w:r>',
    );
    const footer = await read('word/footer1.xml');
    expect(footer).toContain('<w:pPr><w:jc w:val="right"/></w:pPr>');
    const sequence = [
      ...footer.matchAll(/<w:fldChar w:fldCharType="(\w+)"\/>|<w:instrText[^>]*>([^<]*)<|<w:t [^>]*>([^<]*)</g),
    ].map((m) => m[1] ?? m[2]?.trim() ?? m[3]);
    expect(sequence).toEqual([
      'Page ',
      'begin',
      'PAGE',
      'separate',
      'end',
      ' of ',
      'begin',
      'NUMPAGES',
      'separate',
      'end',
    ]);
  });

  it('gives the same bytes for the same content and date, and dates the properties and every zip entry', async () => {
    const a = await writeDocx(sample());
    const b = await writeDocx(sample());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const later = await writeDocx(sample({ date: new Date('2026-07-01T08:30:00Z') }));
    expect(Buffer.from(a).equals(Buffer.from(later))).toBe(false);
    const { zip, read } = await parts(a);
    const core = await read('docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-06-30T12:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-06-30T12:00:00Z</dcterms:modified>');
    expect(core).toContain('<dc:creator>iot-guidance-site</dc:creator>');
    for (const entry of Object.values(zip.files)) {
      expect(entry.date.toISOString(), entry.name).toBe('2026-06-30T12:00:00.000Z');
      expect(entry.dir, entry.name).toBe(false);
    }
    expect(Buffer.isBuffer(a)).toBe(true);
  });
});
