/**
 * `npm run build` end to end (scripts/build.ts in a child process, with its
 * cache and output folders in a temporary place): a good build publishes the
 * site and its downloads; a failed one names the problem and leaves the
 * previous site as it was.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/lib/paths.ts';
import { readOfflineList } from '../../src/lib/site/tailor-offline.ts';
import { requireSourcesDir } from '../support/real-sources.ts';
import { runBuild, shellEnv } from '../support/run-build.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const tempDir = useTempDirs();
const networkWatch = fileURLToPath(new URL('../support/network-watch.ts', import.meta.url));

const build = runBuild;
/** The two builds that set it write byte-identical downloads (the base path changes pages, never downloads; the downloads page itself is a page). */
const SOURCE_DATE_EPOCH = '1782820800';
const downloadsOf = (out: string) =>
  Object.fromEntries(
    (readdirSync(join(out, 'downloads'), { recursive: true }) as string[])
      .filter((f) => f !== 'index.html' && statSync(join(out, 'downloads', f)).isFile())
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(join(out, 'downloads', f)))
          .digest('hex'),
      ]),
  );
const firstBuild: { downloads?: Record<string, string> } = {};

describe('npm run build', () => {
  it('publishes the site, the downloads and the source report, reaching no other host', () => {
    const dir = tempDir();
    const out = join(dir, 'dist');
    const network = join(dir, 'network.log');
    const r = build({
      NIST_SOURCES_DIR: requireSourcesDir(),
      IOT_CACHE_DIR: join(dir, 'cache'),
      IOT_OUT_DIR: out,
      NODE_OPTIONS: `--import=${networkWatch}`,
      NETWORK_WATCH_LOG: network,
      SOURCE_DATE_EPOCH,
    });
    const page = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');
    expect(r.out).toContain('build done');
    expect(r.code).toBe(0);
    // With the sources on disk, an air-gapped build machine is enough: no lookup, no connection (usage telemetry included).
    expect(existsSync(network) ? readFileSync(network, 'utf8') : '').toBe('');
    firstBuild.downloads = downloadsOf(out);
    for (const f of [
      'index.html',
      'downloads/sp800-213a-catalog.csv',
      'downloads/sp800-213a-catalog.json',
      'downloads/sp800-213a-catalog.xlsx',
      'downloads/sp800-53r5-controls.csv',
      'downloads/source-report.json',
    ]) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    const report = JSON.parse(readFileSync(join(out, 'downloads/source-report.json'), 'utf8'));
    expect(report.counts.controls + report.counts.enhancements).toBe(1189);
    expect(report.findings.total).toBe(report.findings.list.length);
    expect(r.out).toMatch(
      /\[1\/\d\] Sources[\s\S]*sp800-53r5-catalog\s+3\.0 MB\s+copied from NIST_SOURCES_DIR, sha256 ok/,
    );
    expect(r.out).toContain('Source report');
    expect(r.out).toContain('all internal links and anchors resolve');
    expect(r.out).toMatch(/\d{4} pages, \d{3,} paragraphs of the draft and \d+ glossary terms indexed/);
    expect(existsSync(join(out, 'pagefind/pagefind.js'))).toBe(true);
    // One small id list per control family and capability code, for the search page's id jumps.
    const ids = (list: string) => JSON.parse(readFileSync(join(out, `search-ids/${list}.json`), 'utf8'));
    expect(ids('sp800-53-ia')).toEqual(expect.arrayContaining(['ia-3', 'ia-2.1']));
    expect(ids('sp800-53-ac')).toContain('ac-2.7');
    expect(ids('sp800-213a-di')).toEqual(expect.arrayContaining(['DI', 'DI-1', 'DI-1.3']));
    expect(ids('sp800-213a-doc')).toContain('DOC-1.a.1.1');

    // A page per control, family, capability and sub-capability.
    expect(existsSync(join(out, 'controls/ac-2.7/index.html'))).toBe(true);
    expect(existsSync(join(out, 'controls/sr/index.html'))).toBe(true);
    expect(existsSync(join(out, 'capabilities/doc-1/index.html'))).toBe(true);
    for (const p of ['baselines', 'downloads', 'controls', 'capabilities'])
      expect(existsSync(join(out, p, 'index.html')), p).toBe(true);
    expect(existsSync(join(out, '404.html'))).toBe(true);

    // IA-3: statement, and the reverse links to the elements that map to it, which link back.
    const ia3 = page('controls/ia-3');
    expect(ia3).toContain('<h2 id="statement">Control</h2>');
    expect(ia3).toContain('href="/capabilities/di-1/#di-1.1"');
    const di1 = page('capabilities/di-1');
    expect(di1).toMatch(/<article class="requirement" id="di-1\.1"[\s\S]*?href="\/controls\/ia-3\/"/);
    // The withdrawn SA-12 says where it went; AC-2(10) points into an item of AC-2.
    expect(page('controls/sa-12')).toMatch(
      /Withdrawn\.[\s\S]*?Incorporated into <a href="\/controls\/sr\/">SR family<\/a>/,
    );
    expect(page('controls/ac-2.10')).toContain('href="/controls/ac-2/#ac-2_smt.k"');
    // A disagreement between the two low-baseline marks is visible where it occurs.
    expect(page('capabilities/edu-1')).toMatch(/id="edu-1\.d\.1\.1"[\s\S]*?The sources disagree on SI-2/);
    // The draft: its contents with what this edition lacks, a paragraph with its page and lines, the glossary.
    const guidance = page('guidance');
    expect(guidance).toMatch(
      /3\.3\.1 Identifying Requirements using SP 800-213A<\/td><td class="num">35<\/td><td>not in this edition of the source; <a href="https:\/\/nvlpubs\.nist\.gov\/[^"]+#page=43">/,
    );
    const section1 = page('guidance/1');
    expect(section1).toMatch(
      /<div class="g-block g-paragraph" id="s-1-p1" data-page="1"[^>]*><span class="g-where"[^>]*><a class="g-anchor" href="#s-1-p1"[^>]*>¶<\/a> <span class="g-lines">p\. 1, lines \d+–\d+<\/span>/,
    );
    expect(page('glossary')).toMatch(
      /<dt id="system-element">System element<\/dt><dd><blockquote>A system element is [^<]+<\/blockquote><a href="\/guidance\/1\/#s-1-p\d+">Sec\. 1, p\. 1/,
    );
    expect(page('guides/what-changed-from-device-to-product')).toContain(
      '<a class="xref" href="/guidance/2/#s-2-1" title="What is an IoT Product?">Sec. 2.1</a>',
    );
    // The downloads page gives each file's size.
    expect(page('downloads')).toMatch(
      /sp800-213a-catalog\.xlsx<\/a><\/td><td>Excel workbook \(XLSX\)<\/td><td class="num">\d+ KB<\/td>/,
    );
  }, 300_000);

  it('builds under a base path, every link and asset under it, and checks the links of that output; npm run preview serves it there', async () => {
    const dir = tempDir();
    const out = join(dir, 'dist');
    const r = build({
      NIST_SOURCES_DIR: requireSourcesDir(),
      IOT_CACHE_DIR: join(dir, 'cache'),
      IOT_OUT_DIR: out,
      SITE_BASE: '/projects/iot/',
      SOURCE_DATE_EPOCH,
    });
    expect(r.code).toBe(0);
    // Same sources, same SOURCE_DATE_EPOCH: the same bytes in every download (DOCX, XLSX, OSCAL included).
    const downloads = downloadsOf(out);
    expect(Object.keys(downloads).length).toBeGreaterThan(190);
    expect(
      firstBuild.downloads,
      'the first build of this file writes the downloads compared here; run the file whole',
    ).toBeDefined();
    expect(downloads).toEqual(firstBuild.downloads);
    expect(r.out).toContain('all internal links and anchors resolve');
    const html = readFileSync(join(out, 'controls/ac-2/index.html'), 'utf8');
    const refs = [...html.matchAll(/(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(20);
    expect(refs.filter((h) => !h.startsWith('/projects/iot/'))).toEqual([]);
    // The tailoring tool's service worker: registered, scoped and storing files under the base only.
    const offline = readOfflineList(out);
    expect(offline.page).toBe('/projects/iot/products/tailor/');
    expect(readFileSync(join(out, 'products/tailor/index.html'), 'utf8')).toContain(
      '&quot;worker&quot;:&quot;/projects/iot/products/tailor/offline-sw.js&quot;,&quot;scope&quot;:&quot;/projects/iot/products/tailor/&quot;',
    );
    for (const url of [...offline.fresh, ...offline.hashed]) {
      expect(url.startsWith('/projects/iot/'), url).toBe(true);
      expect(existsSync(join(out, url.slice('/projects/iot/'.length).replace(/\/$/, '/index.html'))), url).toBe(true);
    }

    // npm run preview serves that output under its base, search files included, and the not-found page elsewhere.
    const port = await new Promise<number>((ok) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => ok(p));
      });
    });
    const child = spawn(process.execPath, ['scripts/preview.ts'], {
      cwd: projectRoot,
      env: { ...shellEnv(), IOT_OUT_DIR: out, SITE_BASE: '/projects/iot/', PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let said = '';
      child.stdout.on('data', (b) => (said += b));
      child.stderr.on('data', (b) => (said += b));
      await expect.poll(() => said, { timeout: 30_000 }).toContain(`http://localhost:${port}/projects/iot/`);
      const get = (path: string) => fetch(`http://localhost:${port}${path}`);
      const page = await get('/projects/iot/controls/ac-2/');
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Account Management');
      expect((await get('/projects/iot/pagefind/pagefind.js')).status).toBe(200);
      const missing = await get('/projects/iot/no-such-page/');
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('Page not found');
    } finally {
      child.kill();
    }
  }, 300_000);

  it('stops on a guide that cites an id that does not exist, naming the file, line and a "did you mean"', () => {
    const dir = tempDir();
    const guides = join(dir, 'guides');
    mkdirSync(guides);
    writeFileSync(
      join(guides, 'broken.mdx'),
      '---\ntitle: Broken\ndescription: A guide with a wrong id.\norder: 1\naudience: readers\n---\n\nFirst paragraph.\n\nSee <Control id="ac-222" /> for details.\n',
    );
    const out = join(dir, 'dist');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'previous good site');
    const r = build({
      NIST_SOURCES_DIR: requireSourcesDir(),
      IOT_CACHE_DIR: join(dir, 'cache'),
      IOT_OUT_DIR: out,
      IOT_CONTENT_DIR: guides,
    });
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${guides}/broken.mdx:10:5`);
    expect(r.out).toMatch(/<Control id="ac-222">: no SP 800-53 control "ac-222"; did you mean "AC-22"/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous good site');
  }, 300_000);

  it('stops on a tampered source, naming it and both hashes, and leaves the previous site intact', () => {
    const dir = tempDir();
    const sources = join(dir, 'nist');
    cpSync(requireSourcesDir(), sources, { recursive: true });
    const tampered = join(sources, 'oscal-sp800-53r5/NIST_SP-800-53_rev5_LOW-baseline_profile.json');
    writeFileSync(tampered, readFileSync(tampered, 'utf8').replace('"ac-1"', '"ac-99"'));
    const out = join(dir, 'dist');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'previous good site');

    const r = build({ NIST_SOURCES_DIR: sources, IOT_CACHE_DIR: join(dir, 'cache'), IOT_OUT_DIR: out });
    expect(r.code).toBe(1);
    expect(r.out).toContain('Fetching sources failed with 1 problem');
    expect(r.out).toContain('oscal-sp800-53r5/NIST_SP-800-53_rev5_LOW-baseline_profile.json');
    expect(r.out).toMatch(/expected sha256 364b0ee5[0-9a-f]{56} \(5119 bytes\), got [0-9a-f]{64}/);
    expect(r.out).toContain('hint:');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous good site');
  }, 120_000);

  it('stops on a product type that is not valid YAML, naming the file and line, while Astro had started beside the import', () => {
    const dir = tempDir();
    const catalog = join(dir, 'catalog');
    cpSync(join(projectRoot, 'catalog'), catalog, { recursive: true });
    const type = join(catalog, 'product-types/smart-lighting.yaml');
    const lines = readFileSync(type, 'utf8').split('\n');
    lines[2] = 'name: [unclosed';
    writeFileSync(type, lines.join('\n'));
    const out = join(dir, 'dist');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'previous good site');

    const r = build({
      NIST_SOURCES_DIR: requireSourcesDir(),
      IOT_CACHE_DIR: join(dir, 'cache'),
      IOT_OUT_DIR: out,
      IOT_CATALOG_DIR: catalog,
    });
    expect(r.code).toBe(1);
    expect(r.out).toContain('Building the catalog model failed');
    expect(r.out).toMatch(/error catalog\/product-types\/smart-lighting\.yaml \(line 3\): not valid YAML/);
    // No page was rendered from a missing or old model.
    expect(r.out).not.toMatch(/pages rendered|kept from the last build/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous good site');
  }, 120_000);
});
