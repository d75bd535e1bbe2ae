/**
 * The SP 800-213A catalog as an OSCAL 1.0 catalog (NIST does not publish one;
 * this is the project's): groups = capabilities, controls = sub-capabilities,
 * their controls = elements (non-technical sub-elements nest under their
 * element), each with its statement and links to the SP 800-53 controls it
 * maps to. Ids are the catalog ids in lower case (di-1.3, doc-1.a.2.4).
 */
import type { Model } from '../model/schemas/model.ts';
import type { Element, SubElement } from '../model/schemas/catalog.ts';
import { catalogIndex } from '../site/catalog-index.ts';
import { stableUuid } from '../stable-uuid.ts';

const oscalId = (id: string) => id.toLowerCase();

export function sp800213aOscalCatalog(model: Model, sp80053CatalogUrl: string, lastModified: string): object {
  const index = catalogIndex(model);
  const links = (r: Element | SubElement) =>
    r.controls.map((l) => ({
      href: `${sp80053CatalogUrl}#${l.control}`,
      rel: 'related',
      text: index.controls.get(l.control)!.label,
    }));
  const props = (label: string, extra: { name: string; value: string }[] = []) => [
    { name: 'label', value: label },
    ...extra,
  ];
  const statement = (id: string, prose: string) => ({ id: `${oscalId(id)}_smt`, name: 'statement', prose });
  const subElementControl = (s: SubElement) => ({
    id: oscalId(s.id),
    class: 'SP800-213A-sub-element',
    title: s.id,
    props: props(s.id),
    ...(s.controls.length ? { links: links(s) } : {}),
    parts: [statement(s.id, s.text)],
  });
  const elementControl = (e: Element) => ({
    id: oscalId(e.id),
    class: e.kind === 'technical' ? 'SP800-213A-element' : 'SP800-213A-non-technical-element',
    title: e.id,
    props: props(
      e.id,
      e.csf.map((c) => ({ name: 'csf-subcategory', value: c })),
    ),
    ...(e.controls.length ? { links: links(e) } : {}),
    parts: [statement(e.id, e.text)],
    ...(e.subElements.length
      ? { controls: e.subElements.map((id) => subElementControl(index.subElements.get(id)!)) }
      : {}),
  });
  return {
    catalog: {
      uuid: stableUuid('sp800-213a-catalog'),
      metadata: {
        title: 'SP 800-213A IoT Device Cybersecurity Requirement Catalog (OSCAL rendering by this site)',
        'last-modified': lastModified,
        version: '1.0',
        'oscal-version': '1.0.6',
        remarks:
          'Generated from the NIST SP 800-213A mapping workbook and catalog pages; NIST does not publish this catalog in OSCAL.',
      },
      groups: model.capabilities.map((cap) => ({
        id: oscalId(cap.id),
        class: cap.kind,
        title: cap.title,
        props: props(cap.id),
        ...(cap.description
          ? { parts: [{ id: `${oscalId(cap.id)}_ovw`, name: 'overview', prose: cap.description }] }
          : {}),
        controls: cap.subCapabilities.map((sid) => {
          const sub = index.subCapabilities.get(sid)!;
          return {
            id: oscalId(sub.id),
            class: 'SP800-213A-sub-capability',
            title: sub.title,
            props: props(sub.id),
            ...(sub.description
              ? { parts: [{ id: `${oscalId(sub.id)}_ovw`, name: 'overview', prose: sub.description }] }
              : {}),
            controls: sub.elements.map((eid) => elementControl(index.elements.get(eid)!)),
          };
        }),
      })),
    },
  };
}
