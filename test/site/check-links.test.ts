import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks } from '../../src/lib/site/check-links.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const tempDir = useTempDirs();

function site(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

describe('the link check over a built site', () => {
  it('accepts links to pages, files and anchors that exist, relative or absolute', async () => {
    const dir = site({
      'index.html':
        '<a href="/controls/ac-2/#related">x</a><a href="controls/ac-2/">y</a><a href="/downloads/a.csv">z</a><a href="https://www.nist.gov/">NIST</a>',
      'controls/ac-2/index.html': '<h2 id="related">Related</h2><a href="../../">home</a><a href="#related">self</a>',
      'downloads/a.csv': 'id\n',
    });
    expect(await checkLinks(dir)).toEqual([]);
  });

  it('reports a missing page and a missing anchor with the page they are on', async () => {
    const dir = site({
      'index.html': '<a href="/controls/ac-99/">x</a>',
      'controls/ac-2/index.html': '<a href="/controls/ac-2/#nowhere">y</a>',
    });
    const problems = await checkLinks(dir);
    expect(problems.map((p) => [p.file, p.place, p.message])).toEqual([
      [
        'controls/ac-2/index.html',
        'href/src "/controls/ac-2/#nowhere"',
        'anchor "#nowhere" is not on controls/ac-2/index.html',
      ],
      ['index.html', 'href/src "/controls/ac-99/"', 'leads to no page or file (controls/ac-99/index.html)'],
    ]);
  });

  it('reports resources loaded from elsewhere, and links outside the base path', async () => {
    const dir = site({
      'index.html':
        '<script src="https://cdn.example.com/x.js"></script><link rel="stylesheet" href="https://fonts.example.com/a.css"><a href="/other/">o</a>',
    });
    const problems = await checkLinks(dir, '/projects/iot/');
    expect(problems.map((p) => p.message)).toEqual([
      'loads https://cdn.example.com, outside the site',
      'loads https://fonts.example.com, outside the site',
      "points outside the site's base path /projects/iot/",
    ]);
  });

  it('reports a script or stylesheet that names a source map the site lacks', async () => {
    const dir = site({
      'index.html': '<p>x</p>',
      '_astro/vendor.js': 'x();\n//# sourceMappingURL=vendor.js.map\n',
      '_astro/own.js': 'y();\n//# sourceMappingURL=own.js.map\n',
      '_astro/own.js.map': '{}',
      '_astro/inline.js': 'z();\n//# sourceMappingURL=data:application/json;base64,e30=\n',
      '_astro/site.css': 'a{}\n/*# sourceMappingURL=site.css.map */\n',
    });
    const problems = await checkLinks(dir);
    expect(problems.map((p) => `${p.file} ${p.place}`)).toEqual([
      '_astro/site.css sourceMappingURL "site.css.map"',
      '_astro/vendor.js sourceMappingURL "vendor.js.map"',
    ]);
    expect(problems[0]!.hint).toMatch(/Ship the map/);
  });

  it('resolves pages under a base path', async () => {
    const dir = site({
      'index.html': '<a href="/projects/iot/controls/">c</a>',
      'controls/index.html': '<a href="/projects/iot/">h</a>',
    });
    expect(await checkLinks(dir, '/projects/iot/')).toEqual([]);
  });

  it('counts files named as still being written as there, and only those', async () => {
    const dir = site({
      'index.html': '<a href="/downloads/products/x/x-low.docx">d</a><a href="/downloads/products/x/x-high.docx">h</a>',
    });
    const problems = await checkLinks(dir, '/', ['downloads/products/x/x-low.docx']);
    expect(problems.map((p) => p.message)).toEqual(['leads to no page or file (downloads/products/x/x-high.docx)']);
    expect(await checkLinks(dir, '/', ['downloads/products/x/x-low.docx', 'downloads/products/x/x-high.docx'])).toEqual(
      [],
    );
  });
});
