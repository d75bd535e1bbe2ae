/**
 * Checks every internal link and anchor of a built site: each href/src that
 * points inside the site must reach a file, and each #fragment an id on that
 * page. Resources (src, stylesheets) must never be fetched from elsewhere: the
 * site has to work in an air-gapped network. Scripts and stylesheets that name
 * a source map must ship it (browsers' developer tools fetch it).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Problem } from '../problems.ts';

const ATTR = /<([a-z][a-z0-9-]*)\b[^>]*?\s(href|src)="([^"]*)"/gi;
const ID = /\sid="([^"]*)"/g;

function decode(s: string): string {
  return s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

const SOURCE_MAP = /[#@] sourceMappingURL=([^\s*]+)/g;

function filesEndingIn(dir: string, ...endings: string[]): string[] {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && endings.some((end) => e.name.endsWith(end)))
    .map((e) => join(e.parentPath, e.name));
}

/** The site path a built file is served at: dist/controls/ac-2/index.html → /base/controls/ac-2/. */
function pageUrl(dir: string, file: string, base: string): string {
  const rel = relative(dir, file).split('\\').join('/');
  return `${base}${rel.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * The problems of the site in `dir` served at `base`. `alsoPresent` names files (relative to `dir`, with `/`) that
 * count as there though they are not yet written: the build checks the pages while the downloads are still being
 * written, and checks afterwards that each named file was written.
 */
export async function checkLinks(dir: string, base = '/', alsoPresent: string[] = []): Promise<Problem[]> {
  const root = base.endsWith('/') ? base : `${base}/`;
  const present = new Set(alsoPresent.map((f) => join(dir, f)));
  const files = filesEndingIn(dir, '.html').sort();
  const ids = new Map<string, Set<string>>();
  const pages = new Map<string, string>();
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    pages.set(file, html);
    ids.set(file, new Set([...html.matchAll(ID)].map((m) => decode(m[1]!))));
  }
  // Most links lead to the same few hundred files: each is looked up once.
  const found = new Map<string, boolean>();
  const exists = (target: string) => {
    const known = found.get(target);
    if (known !== undefined) return known;
    const yes = pages.has(target) || present.has(target) || existsSync(target);
    found.set(target, yes);
    return yes;
  };
  const problems: Problem[] = [];
  const report = (file: string, link: string, message: string, hint: string) =>
    problems.push({ severity: 'error', file: relative(dir, file), place: `href/src "${link}"`, message, hint });

  for (const [file, html] of pages) {
    const here = new URL(pageUrl(dir, file, root), 'http://site.invalid');
    for (const m of html.matchAll(ATTR)) {
      const [, tag, attr, raw] = m as unknown as [string, string, string, string];
      const link = decode(raw);
      if (/^javascript:/i.test(link)) {
        report(file, link, 'a javascript: link', 'Links must lead to pages or files, never run code.');
        continue;
      }
      if (!link || /^(mailto|tel|data):/i.test(link)) continue;
      const url = new URL(link, here);
      if (url.host !== 'site.invalid') {
        const isResource =
          attr.toLowerCase() === 'src' || (tag.toLowerCase() === 'link' && !/rel="(canonical|alternate)"/.test(m[0]));
        if (isResource)
          report(
            file,
            link,
            `loads ${url.origin}, outside the site`,
            'The site must work offline: serve the resource from the site itself.',
          );
        continue;
      }
      if (!url.pathname.startsWith(root)) {
        report(
          file,
          link,
          `points outside the site's base path ${root}`,
          'Build links with siteUrls(import.meta.env.BASE_URL).',
        );
        continue;
      }
      const path = decodeURIComponent(url.pathname.slice(root.length));
      const target = join(dir, path.endsWith('/') || path === '' ? `${path}index.html` : path);
      if (!exists(target)) {
        report(
          file,
          link,
          `leads to no page or file (${relative(dir, target)})`,
          'Fix the link or the route that should produce the page.',
        );
        continue;
      }
      if (url.hash && target.endsWith('.html')) {
        const anchor = decodeURIComponent(url.hash.slice(1));
        if (!ids.get(target)?.has(anchor))
          report(file, link, `anchor "#${anchor}" is not on ${relative(dir, target)}`, 'Link to an id the page has.');
      }
    }
  }
  for (const file of filesEndingIn(dir, '.js', '.css').sort()) {
    for (const m of readFileSync(file, 'utf8').matchAll(SOURCE_MAP)) {
      const map = m[1]!;
      if (/^data:/.test(map)) continue;
      if (!existsSync(join(file, '..', map))) {
        problems.push({
          severity: 'error',
          file: relative(dir, file),
          place: `sourceMappingURL "${map}"`,
          message: 'names a source map the site does not have',
          hint: 'Ship the map, or drop the comment when the file is copied into the site.',
        });
      }
    }
  }
  return problems;
}
