/**
 * The benchmark's floor: the site's control pages written from the model with
 * plain template strings, no framework. It uses the same model, index, URLs and
 * navigation as the Astro routes and aims at the same bytes; the benchmark
 * compares its pages with the built ones and prints how many are identical, so
 * that the ratio it reports is between two writers of the same pages.
 * (src/components/ControlPage.astro and src/layouts/Base.astro are the pages' source.)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Baseline, Control, StatementPart } from '../src/lib/model/schemas/control.ts';
import { BASELINE_ORDER, type CatalogIndex, groupByCapability } from '../src/lib/site/catalog-index.ts';
import { catalogNavHtml } from '../src/lib/site/catalog-nav.ts';
import { escapeHtml as esc } from '../src/lib/site/html.ts';
import { controlsInOrder, withNeighbours } from '../src/lib/site/page-data.ts';
import { siteUrls } from '../src/lib/site/urls.ts';

const SITE_NAME = 'IoT product cybersecurity guidance';
const DESCRIPTION = 'NIST IoT product cybersecurity guidance: SP 800-213, SP 800-213A and SP 800-53 Rev. 5';

const badges = (baselines: readonly Baseline[]) => {
  const shown = BASELINE_ORDER.filter((b) => baselines.includes(b));
  return shown.length ? `<span class="badges">${shown.map((b) => `<abbr class="badge b-${b.toLowerCase()}" title="SP 800-53B ${b.toLowerCase()} baseline">${b[0]}</abbr>`).join('')}</span>` : '';
};

const statement = (part: StatementPart): string =>
  `${part.text ? `<p>${part.label ? `<span class="label">${esc(part.label)}</span>` : ''}${esc(part.text)}</p>` : ''}${part.parts.length ? `<ol>${part.parts.map((p) => `<li id="${esc(p.id)}">${statement(p)}</li>`).join('')}</ol>` : ''}`;

function controlPage(index: CatalogIndex, base: string, stylesheet: string, control: Control, prev: Control | undefined, next: Control | undefined): string {
  const urls = siteUrls(base);
  const family = index.families.get(control.family)!;
  const parent = control.parent ? index.controls.get(control.parent) : undefined;
  const groups = groupByCapability(index, index.requirementsByControl.get(control.id) ?? []);
  const relation = { 'incorporated-into': 'Incorporated into', 'moved-to': 'Moved to' } as const;
  const toc = [
    ...(control.statement ? [['Control', '#statement']] : []),
    ...(control.guidance ? [['Discussion', '#discussion']] : []),
    ...(control.related.length ? [['Related controls', '#related']] : []),
    ...(control.enhancements.length ? [['Control enhancements', '#enhancements']] : []),
    ['SP 800-213A requirements', '#requirements'],
  ];
  const crumbs: [string, string?][] = [['SP 800-53 Rev. 5', urls.controls], [`${family.label} ${family.title}`, urls.family(family.id)], ...(parent ? [[parent.label, urls.control(parent.id)] as [string, string]] : []), [control.label]];
  const filters = ['kind:control', `family:${family.label}`, ...control.baselines.map((b) => `baseline:${b}`), `status:${control.withdrawn ? 'withdrawn' : 'current'}`];
  const title = `${control.label} ${control.title}`;

  const main = [
    `<h1><span class="id">${esc(control.label)}</span> ${parent ? `<span data-pagefind-weight="1">${esc(`${parent.title} | `)}</span>` : ''}${esc(control.title)}</h1>`,
    `<p class="meta">${esc(`${control.kind === 'enhancement' ? 'Control enhancement' : 'Control'} in the ${family.title} family. `)}${control.baselines.length ? `Baselines: ${badges(control.baselines)} ${esc(`${control.baselines.map((b) => b.toLowerCase()).join(', ')}.`)}` : 'In no SP 800-53B baseline.'}</p>`,
    control.withdrawn
      ? `<div class="notice" role="note"><strong>Withdrawn.</strong>${control.withdrawnTo.length ? control.withdrawnTo.map((t, i) => `${i > 0 ? '; ' : ' '}${relation[t.relation]} <a href="${esc(t.target === 'family' ? urls.family(t.id) : `${urls.control(t.id)}${t.part ? `#${t.part}` : ''}`)}">${esc(t.label)}${t.target === 'family' ? ' family' : ''}</a>`).join('') : ' SP 800-53 Rev. 5 does not say where it went.'}.</div>`
      : '',
    control.statement ? `<section aria-labelledby="statement"><h2 id="statement">Control</h2><div class="statement">${statement(control.statement)}</div></section>` : '',
    control.guidance ? `<section aria-labelledby="discussion"><h2 id="discussion">Discussion</h2>${control.guidance.split(/\n\s*\n/).map((p) => `<p>${esc(p)}</p>`).join('')}</section>` : '',
    control.related.length
      ? `<section aria-labelledby="related" data-pagefind-ignore><h2 id="related">Related controls</h2><ul class="link-list">${control.related
          .map((id) => {
            const c = index.controls.get(id)!;
            return `<li><a href="${urls.control(c.id)}" title="${esc(c.title)}">${esc(c.label)}</a> ${badges(c.baselines)}${c.withdrawn ? '<span class="withdrawn-tag">withdrawn</span>' : ''}</li>`;
          })
          .join('')}</ul></section>`
      : '',
    control.enhancements.length
      ? `<section aria-labelledby="enhancements" data-pagefind-ignore><h2 id="enhancements">Control enhancements</h2><ul>${control.enhancements
          .map((id) => {
            const e = index.controls.get(id)!;
            return `<li><a href="${urls.control(e.id)}">${esc(e.label)}</a> ${esc(e.title)} ${badges(e.baselines)}${e.withdrawn ? ' <span class="withdrawn-tag">withdrawn</span>' : ''}</li>`;
          })
          .join('')}</ul></section>`
      : '',
    `<section aria-labelledby="requirements" data-pagefind-ignore><h2 id="requirements">SP 800-213A requirements mapped to ${esc(control.label)}</h2>${groups.length ? '' : '<p>No SP 800-213A element maps to this control.</p>'}${groups
      .map(
        ({ capability, requirements }) =>
          `<h3><a href="${urls.capability(capability.id)}">${esc(capability.id)} ${esc(capability.title)}</a></h3><ul class="reverse-links">${requirements
            .map((r) => {
              const link = r.controls.find((l) => l.control === control.id)!;
              return `<li><a href="${esc(urls.requirement(r))}">${esc(r.id)}</a> ${esc(r.text)}${link.lowBaselineSource !== link.lowBaselineProfile ? `<span class="meta"> (the workbook's low-baseline mark and the LOW profile disagree here)</span>` : ''}</li>`;
            })
            .join('')}</ul>`,
      )
      .join('')}</section>`,
  ].join('');

  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="description" content="${esc(DESCRIPTION)}"><meta name="referrer" content="no-referrer"><link rel="icon" href="data:,"><title>${esc(`${title} · ${SITE_NAME}`)}</title><link rel="stylesheet" href="${esc(stylesheet)}"></head><body><a class="skip-link" href="#main">Skip to content</a><header class="site-header"><a class="site-title" href="${urls.home}">${SITE_NAME}<span>NIST SP 800-213 · SP 800-213A · SP 800-53 Rev. 5</span></a><form class="site-search" role="search" aria-label="Site" action="${urls.search}" method="get"><label class="visually-hidden" for="site-search-q">Search, or go to an id</label><input id="site-search-q" name="q" type="search" placeholder="Search or go to IA-3, DI-1.3…"><button type="submit">Search</button></form></header><div class="layout"><details class="nav-menu"><summary>Menu</summary><nav class="catalog-nav" aria-label="Catalog">${catalogNavHtml(index.model, base, family.id)}</nav></details><main id="main" data-pagefind-body>${filters.map((f) => `<span data-pagefind-filter="${esc(f)}" hidden></span>`).join('')}<nav class="breadcrumbs" aria-label="Breadcrumbs" data-pagefind-ignore><ol>${crumbs.map(([label, href]) => `<li>${href ? `<a href="${href}">${esc(label)}</a>` : `<span aria-current="page">${esc(label)}</span>`}</li>`).join('')}</ol></nav>${main}${prev || next ? `<nav class="prev-next" aria-label="Previous and next" data-pagefind-ignore>${prev ? `<a class="prev" href="${urls.control(prev.id)}" rel="prev">← ${esc(prev.label)}</a>` : ''}${next ? `<a class="next" href="${urls.control(next.id)}" rel="next">${esc(next.label)} →</a>` : ''}</nav>` : ''}</main><aside class="toc" aria-label="On this page"><h2>On this page</h2><ul>${toc.map(([label, href]) => `<li><a href="${href}">${label}</a></li>`).join('')}</ul></aside></div><div hidden><span data-pagefind-meta="title">${esc(title)}</span></div></body></html>`;
}

/** Writes every control page under `outDir/controls/<id>/index.html`; returns the paths written, relative to outDir. */
export function writeControlPagesFloor(index: CatalogIndex, outDir: string, options: { base: string; stylesheet: string }): string[] {
  const written: string[] = [];
  for (const { item, prev, next } of withNeighbours(controlsInOrder(index))) {
    const rel = `controls/${item.id}/index.html`;
    mkdirSync(join(outDir, 'controls', item.id), { recursive: true });
    writeFileSync(join(outDir, rel), controlPage(index, options.base, options.stylesheet, item, prev, next));
    written.push(rel);
  }
  return written;
}
