/**
 * Every URL of the site, built in one place so that a base path (SITE_BASE,
 * e.g. /projects/iot/) applies to all of them. Ids are lower-cased in URLs and
 * anchors: /controls/ac-2.7/, /capabilities/di-1/#di-1.3.
 */
import type { Requirement } from './catalog-index.ts';

export const slugOf = (id: string) => id.toLowerCase();

export function siteUrls(base: string) {
  const root = base.endsWith('/') ? base : `${base}/`;
  const at = (path: string) => `${root}${path}`;
  return {
    home: root,
    controls: at('controls/'),
    family: (id: string) => at(`controls/${slugOf(id)}/`),
    control: (id: string) => at(`controls/${slugOf(id)}/`),
    capabilities: at('capabilities/'),
    capability: (id: string) => at(`capabilities/${slugOf(id)}/`),
    subCapability: (id: string) => at(`capabilities/${slugOf(id)}/`),
    /** A requirement (element or sub-element) on its sub-capability page. */
    requirement: (r: Pick<Requirement, 'id' | 'subCapability'>) =>
      at(`capabilities/${slugOf(r.subCapability)}/#${slugOf(r.id)}`),
    baselines: at('baselines/'),
    search: at('search/'),
    guides: at('guides/'),
    guide: (slug: string) => at(`guides/${slug}/`),
    guidance: at('guidance/'),
    guidanceSection: (top: string) => at(`guidance/${top}/`),
    glossary: at('glossary/'),
    products: at('products/'),
    comments: at('comments/'),
    product: (id: string) => at(`products/${id}/`),
    /** One impact level of a product type: its requirements in full. */
    productLevel: (id: string, level: string) => at(`products/${id}/${level.toLowerCase()}/`),
    /** The tailoring tool, optionally opened on a product type and level. */
    tailor: (type?: string, level?: string) =>
      at(
        `products/tailor/${type ? `?type=${encodeURIComponent(type)}${level ? `&level=${level.toLowerCase()}` : ''}` : ''}`,
      ),
    downloads: at('downloads/'),
    download: (file: string) => at(`downloads/${file}`),
    asset: (path: string) => at(path.replace(/^\//, '')),
  };
}

export type SiteUrls = ReturnType<typeof siteUrls>;
