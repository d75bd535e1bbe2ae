/**
 * Cross-references from the project's own guides (MDX) into the model:
 * `<Control id="ac-2" />`, `<Element id="DI-1.3" />`, `<Capability id="DI" />`,
 * `<Section n="3.1" />`, and the plain-text shorthand `[[AC-2(7)]]`, `[[DI-1.3]]`,
 * `[[§3.1]]`. One resolver serves the remark plugin (which fails the build on an
 * unknown id, with a "did you mean") and the components (which render titles).
 */
import { didYouMean } from '../problems.ts';
import type { Model } from '../model/schemas/model.ts';
import { catalogIndex } from '../site/catalog-index.ts';
import { controlLabelOf, idCandidates } from '../site/search-ids.ts';
import { idPath } from '../site/search-ids.ts';
import { pdfPageUrl, sectionHref } from '../site/guidance.ts';

export type XrefKind = 'control' | 'element' | 'capability' | 'section';

export interface XrefTarget {
  kind: XrefKind;
  id: string;
  /** How the id is printed: `AC-2(7)`, `DI-1.3`, `Sec. 3.1`. */
  label: string;
  title: string;
  /** Site path under the base, or an absolute URL (sections not in this edition link to the PDF). */
  href: string;
  external?: boolean;
}

export type XrefResult = { ok: true; target: XrefTarget } | { ok: false; message: string; suggestions: string[] };

const cache = new WeakMap<Model, (kind: XrefKind, raw: string) => XrefResult>();

export function xrefResolver(model: Model): (kind: XrefKind, raw: string) => XrefResult {
  const hit = cache.get(model);
  if (hit) return hit;
  const index = catalogIndex(model);
  const sectionTargets = new Map<string, XrefTarget>();
  for (const s of model.guideline?.sections ?? []) {
    // Paths under the base, like the other targets: sectionHref with base "/" minus its leading slash.
    const href = s.number ? sectionHref(model, '/', s.number)?.slice(1) : undefined;
    if (href)
      sectionTargets.set(s.number!, {
        kind: 'section',
        id: s.number!,
        label: `Sec. ${s.number}`,
        title: s.title,
        href,
      });
  }
  for (const t of model.guideline?.toc ?? []) {
    if (!t.number || sectionTargets.has(t.number)) continue;
    sectionTargets.set(t.number, {
      kind: 'section',
      id: t.number,
      label: `Sec. ${t.number}`,
      title: t.title,
      href: pdfPageUrl(model, t.page),
      external: true,
    });
  }
  const fail = (what: string, raw: string, candidates: Iterable<string>): XrefResult => {
    const suggestions = didYouMean(raw, candidates);
    return { ok: false, message: `no ${what} "${raw}"`, suggestions };
  };
  const resolve = (kind: XrefKind, raw: string): XrefResult => {
    const wanted = raw.trim();
    if (kind === 'control') {
      const id = idCandidates(wanted).find((c) => index.controls.has(c));
      if (!id)
        return fail(
          'SP 800-53 control',
          wanted,
          [...index.controls.values()].map((c) => c.label),
        );
      const c = index.controls.get(id)!;
      return { ok: true, target: { kind, id, label: controlLabelOf(id), title: c.title, href: idPath(id) } };
    }
    if (kind === 'element') {
      const id = idCandidates(wanted).find((c) => index.elements.has(c) || index.subElements.has(c));
      if (!id) return fail('SP 800-213A element', wanted, [...index.elements.keys(), ...index.subElements.keys()]);
      const r = index.elements.get(id) ?? index.subElements.get(id)!;
      return { ok: true, target: { kind, id, label: id, title: r.text, href: idPath(id) } };
    }
    if (kind === 'capability') {
      const id = wanted.toUpperCase();
      const r = index.capabilities.get(id) ?? index.subCapabilities.get(id);
      if (!r)
        return fail('SP 800-213A capability or sub-capability', wanted, [
          ...index.capabilities.keys(),
          ...index.subCapabilities.keys(),
        ]);
      return { ok: true, target: { kind, id, label: id, title: r.title, href: idPath(id) } };
    }
    const n = wanted.replace(/^(§|sec\.?|section)\s*/i, '').replace(/\.$/, '');
    const t = sectionTargets.get(n);
    if (!t) return fail('section of SP 800-213r1', n, sectionTargets.keys());
    return { ok: true, target: t };
  };
  cache.set(model, resolve);
  return resolve;
}

/** Resolves the plain-text shorthand `[[AC-2(7)]]`, `[[DI-1.3]]`, `[[DI]]`, `[[§3.1]]`: a section when it starts with §, else the first of control, element, capability that exists. */
export function resolveShorthand(resolve: (kind: XrefKind, raw: string) => XrefResult, inner: string): XrefResult {
  if (/^(§|sec\.?\s|section\s)/i.test(inner.trim())) return resolve('section', inner);
  const tries = (['control', 'element', 'capability'] as const).map((k) => resolve(k, inner));
  const found = tries.find((r) => r.ok);
  if (found) return found;
  const suggestions = [...new Set(tries.flatMap((r) => (r.ok ? [] : r.suggestions)))].slice(0, 3);
  return { ok: false, message: `no control, element or capability "${inner.trim()}"`, suggestions };
}
