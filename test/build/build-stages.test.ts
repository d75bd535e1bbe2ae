/**
 * `npm run build` as stages, over copies of catalog/ and content/guides/ in a
 * temporary place: an edited guide re-renders its pages, Astro keeps the pages
 * built from the model alone, and every download is reused byte for byte (the
 * same files); an edited product type re-writes
 * that type's downloads and pages and reuses the other types' downloads;
 * `--force` runs every stage; a build that fails leaves dist/ as it was.
 */
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/lib/paths.ts';
import { requireSourcesDir } from '../support/real-sources.ts';
import { runBuild } from '../support/run-build.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const tempDir = useTempDirs();

interface Stat {
  name: string;
  cached?: boolean;
}

/** Every file under downloads/ (the page itself left out): its sha256 and inode. */
const downloadsOf = (out: string) =>
  Object.fromEntries(
    (readdirSync(join(out, 'downloads'), { recursive: true }) as string[])
      .filter((f) => f !== 'index.html' && statSync(join(out, 'downloads', f)).isFile())
      .sort()
      .map((f) => {
        const p = join(out, 'downloads', f);
        return [f, { sha256: createHash('sha256').update(readFileSync(p)).digest('hex'), ino: statSync(p).ino }];
      }),
  );

describe('npm run build, stage by stage', () => {
  it('re-runs exactly what an edit reaches; --force runs all; a failed build leaves dist/ as it was', () => {
    const dir = tempDir();
    const catalog = join(dir, 'catalog');
    const guides = join(dir, 'guides');
    cpSync(join(projectRoot, 'catalog'), catalog, { recursive: true });
    cpSync(join(projectRoot, 'content/guides'), guides, { recursive: true });
    const out = join(dir, 'dist');
    const stats = join(dir, 'stats.json');
    const env = {
      NIST_SOURCES_DIR: requireSourcesDir(),
      IOT_CACHE_DIR: join(dir, 'cache'),
      IOT_OUT_DIR: out,
      IOT_CATALOG_DIR: catalog,
      IOT_CONTENT_DIR: guides,
      SOURCE_DATE_EPOCH: '1782820800',
      BUILD_STATS_JSON: stats,
    };
    const build = (...args: string[]) => {
      const r = runBuild(env, args);
      expect(r.code, r.out.slice(-3000)).toBe(0);
      const list = (JSON.parse(readFileSync(stats, 'utf8')) as { stages: Stat[] }).stages;
      const ran = list.filter((s) => s.cached === false).map((s) => s.name);
      const cached = list.filter((s) => s.cached === true).map((s) => s.name);
      return { ...r, ran, cached };
    };
    const page = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');
    /** What the build says of the Astro stage: pages rendered, and kept from the last build. */
    const rendering = (output: string) => {
      const all = /\n {2}(\d+) pages rendered\n/.exec(output);
      if (all) return { total: Number(all[1]), rendered: Number(all[1]), kept: 0 };
      const some = /\n {2}(\d+) pages: (\d+) rendered, (\d+) kept from the last build/.exec(output);
      expect(some, output.slice(-3000)).not.toBeNull();
      return { total: Number(some![1]), rendered: Number(some![2]), kept: Number(some![3]) };
    };
    const htmlPages = () => (readdirSync(out, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));

    const cold = build();
    expect(cold.cached).toEqual([]);
    expect(cold.ran).toEqual(
      expect.arrayContaining([
        'Model',
        'downloads-catalog',
        'downloads-smart-lighting',
        'Site (Astro)',
        'Search index (Pagefind)',
        'Check links',
      ]),
    );
    const first = downloadsOf(out);
    expect(Object.keys(first).length).toBeGreaterThan(190);
    expect(rendering(cold.out)).toEqual({ total: htmlPages().length, rendered: htmlPages().length, kept: 0 });
    // The downloads page learned the sizes of files written beside it.
    expect(page('downloads')).toMatch(
      /sp800-213a-catalog\.xlsx<\/a><\/td><td>Excel workbook \(XLSX\)<\/td><td class="num">\d+ KB<\/td>/,
    );

    // Nothing changed: every stage is reused, the site is the same.
    const unchanged = build();
    expect(unchanged.ran).toEqual([]);
    expect(unchanged.out).toContain('12 of 12 download stages cached');
    expect(downloadsOf(out)).toEqual(first);

    // A guide edited: the pages, search index and link check run again; every download is the same file, byte for byte.
    const guide = join(guides, 'using-this-site.mdx');
    writeFileSync(guide, `${readFileSync(guide, 'utf8')}\nA paragraph added to this guide for the stage test.\n`);
    const controlPage = page('controls/ac-2');
    const afterGuide = build();
    expect(afterGuide.ran.sort()).toEqual(['Check links', 'Search index (Pagefind)', 'Site (Astro)']);
    expect(page('guides/using-this-site')).toContain('A paragraph added to this guide for the stage test.');
    expect(downloadsOf(out)).toEqual(first);
    // Astro rendered the guides and the pages that are always rendered, and kept every page built from the model alone.
    const guideRendering = rendering(afterGuide.out);
    const modelPages = htmlPages().filter((f) =>
      /^(controls|capabilities|guidance|products\/[a-z-]+)\/[^/]+\/index\.html$/.test(f),
    ).length;
    expect(modelPages).toBeGreaterThan(1200);
    expect(guideRendering.total).toBe(htmlPages().length);
    expect(guideRendering.kept).toBeGreaterThanOrEqual(modelPages);
    expect(guideRendering.rendered).toBe(guideRendering.total - guideRendering.kept);
    expect(guideRendering.rendered).toBeGreaterThanOrEqual(readdirSync(guides).length);
    expect(page('controls/ac-2')).toBe(controlPage);

    // A product type edited: the model, that type's downloads and the pages run again; the other types' downloads are the same files.
    const type = join(catalog, 'product-types/smart-lighting.yaml');
    const before = page('products/smart-lighting');
    writeFileSync(
      type,
      readFileSync(type, 'utf8').replace(
        'Switches and dims its light on commands and schedules',
        'Switches and dims its light on commands, scenes and schedules',
      ),
    );
    const afterType = build();
    expect(afterType.ran.filter((s) => s.startsWith('downloads-'))).toEqual(['downloads-smart-lighting']);
    expect(afterType.ran).toEqual(expect.arrayContaining(['Model', 'Site (Astro)']));
    expect(page('products/smart-lighting')).not.toBe(before);
    expect(page('products/smart-lighting')).toContain('commands, scenes and schedules');
    // The model changed: every page built from it is rendered again.
    expect(rendering(afterType.out).kept).toBe(0);
    const third = downloadsOf(out);
    const lighting = Object.keys(first).filter((f) => f.startsWith('products/smart-lighting/'));
    expect(lighting.filter((f) => third[f]!.sha256 !== first[f]!.sha256).length).toBeGreaterThan(0);
    for (const f of Object.keys(first).filter((f) => !f.startsWith('products/smart-lighting/')))
      expect(third[f], f).toEqual(first[f]);

    // --force: every stage runs; the same inputs give the same bytes, in new files.
    const forced = build('--force');
    expect(forced.cached).toEqual([]);
    expect(forced.ran).toEqual(
      expect.arrayContaining([
        'Model',
        'downloads-catalog',
        'downloads-building-automation',
        'Site (Astro)',
        'Search index (Pagefind)',
        'Check links',
      ]),
    );
    expect(rendering(forced.out).kept).toBe(0);
    const fourth = downloadsOf(out);
    for (const f of Object.keys(third)) {
      expect(fourth[f]!.sha256, f).toBe(third[f]!.sha256);
      expect(fourth[f]!.ino, f).not.toBe(third[f]!.ino);
    }

    // A failing stage (a guide citing an id that does not exist): exit 1, dist/ untouched, and the next good build reuses the cache.
    const published = page('guides/using-this-site');
    const publishedIno = statSync(join(out, 'guides/using-this-site/index.html')).ino;
    const good = readFileSync(guide, 'utf8');
    writeFileSync(guide, `${good}\nSee <Control id="ac-222" /> for details.\n`);
    const r = runBuild(env);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/<Control id="ac-222">: no SP 800-53 control "ac-222"/);
    expect(page('guides/using-this-site')).toBe(published);
    expect(statSync(join(out, 'guides/using-this-site/index.html')).ino).toBe(publishedIno);
    expect(downloadsOf(out)).toEqual(fourth);
    writeFileSync(guide, good);
    expect(build().ran).toEqual([]);
  }, 900_000);
});
