/**
 * The left navigation's HTML, built once per current section and memoized:
 * the same 40 links stand on every one of the ~1,300 pages, and rendering them
 * as components each time cost more than a second of the build.
 */
import type { Model } from '../model/schemas/model.ts';
import { escapeHtml as esc } from './html.ts';
import { siteUrls } from './urls.ts';

const caches = new WeakMap<Model, Map<string, string>>();

export function catalogNavHtml(model: Model, base: string, current: string | undefined): string {
  const key = `${base}|${current ?? ''}`;
  let cache = caches.get(model);
  if (!cache) {
    cache = new Map();
    caches.set(model, cache);
  }
  const hit = cache.get(key);
  if (hit) return hit;
  const urls = siteUrls(base);
  const item = (href: string, label: string, id?: string, key?: string) =>
    `<li><a href="${esc(href)}"${key !== undefined && key === current ? ' aria-current="true"' : ''}>${id ? `<span class="id">${esc(id)}</span> ` : ''}${esc(label)}</a></li>`;
  const list = (items: string[]) => `<ul>${items.join('')}</ul>`;
  const caps = (kind: string) =>
    model.capabilities.filter((c) => c.kind === kind).map((c) => item(urls.capability(c.id), c.title, c.id, c.id));
  const html = [
    '<h2>SP 800-213 Rev. 1 draft</h2>',
    list([
      ...(model.guideline
        ? [
            item(urls.guidance, 'Read the draft', undefined, 'guidance'),
            item(urls.glossary, 'Glossary', undefined, 'glossary'),
          ]
        : []),
      item(urls.guides, 'Guides', undefined, 'guides'),
      ...(model.commentTemplate ? [item(urls.comments, 'Your comments', undefined, 'comments')] : []),
    ]),
    ...(model.productTypes.length
      ? [
          '<h2>Procurement</h2>',
          list([
            item(urls.products, 'Product types', undefined, 'products'),
            item(urls.tailor(), 'Tailor a product', undefined, 'tailor'),
          ]),
        ]
      : []),
    '<h2>SP 800-213A</h2>',
    list([item(urls.capabilities, 'All capabilities', undefined, 'capabilities')]),
    '<h2>Technical</h2>',
    list(caps('technical')),
    '<h2>Non-technical</h2>',
    list(caps('non-technical')),
    '<h2>SP 800-53 Rev. 5</h2>',
    list([
      item(urls.controls, 'All families', undefined, 'controls'),
      ...model.families.map((f) => item(urls.family(f.id), f.title, f.label, f.id)),
    ]),
    '<h2>More</h2>',
    list([
      item(urls.baselines, 'Baselines', undefined, 'baselines'),
      item(urls.downloads, 'Downloads', undefined, 'downloads'),
      item(urls.search, 'Search', undefined, 'search'),
    ]),
  ].join('');
  cache.set(key, html);
  return html;
}
