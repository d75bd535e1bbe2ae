/**
 * What the product tailoring tool (/products/tailor/) needs of the model, and no
 * more: the catalog's records with their text and controls, the controls they map
 * to (label, baselines, parameters), the procurement data, the product types and
 * the draft's definitions. The build publishes it as one JSON file that the page
 * fetches, and the page turns it back into a model the same selection and
 * document code reads; a test checks that both give the same documents.
 */
import type { Model } from '../model/schemas/model.ts';

export const TAILOR_DATA_VERSION = 1;

export interface TailorData {
  version: number;
  catalogUrl: string;
  capabilities: Pick<Model['capabilities'][number], 'id' | 'kind' | 'title' | 'subCapabilities'>[];
  subCapabilities: Pick<Model['subCapabilities'][number], 'id' | 'kind' | 'capability' | 'title' | 'elements'>[];
  elements: (Pick<Model['elements'][number], 'id' | 'kind' | 'capability' | 'subCapability' | 'text' | 'items' | 'leadIn' | 'subElements'> & { controls: { control: string }[] })[];
  subElements: (Pick<Model['subElements'][number], 'id' | 'kind' | 'element' | 'capability' | 'subCapability' | 'text' | 'items'> & { controls: { control: string }[] })[];
  controls: (Pick<Model['controls'][number], 'id' | 'label' | 'sortId' | 'baselines'> & { params: { id: string }[] })[];
  glossary: { term: string; definition: NonNullable<Model['glossary'][number]['definition']> }[];
  productTypes: Model['productTypes'];
  procurement: NonNullable<Model['procurement']>;
}

/** The tool's data from the model. */
export function tailorData(model: Model): TailorData {
  const used = new Set([...model.elements, ...model.subElements].flatMap((r) => r.controls.map((l) => l.control)));
  const links = (r: { controls: { control: string }[] }) => r.controls.map((l) => ({ control: l.control }));
  return {
    version: TAILOR_DATA_VERSION,
    catalogUrl: model.sources.find((s) => s.kind === 'oscal-catalog')!.url,
    capabilities: model.capabilities.map(({ id, kind, title, subCapabilities }) => ({ id, kind, title, subCapabilities })),
    subCapabilities: model.subCapabilities.map(({ id, kind, capability, title, elements }) => ({ id, kind, capability, title, elements })),
    elements: model.elements.map((e) => ({ id: e.id, kind: e.kind, capability: e.capability, subCapability: e.subCapability, text: e.text, items: e.items, ...(e.leadIn ? { leadIn: e.leadIn } : {}), subElements: e.subElements, controls: links(e) })),
    subElements: model.subElements.map((e) => ({ id: e.id, kind: e.kind, element: e.element, capability: e.capability, subCapability: e.subCapability, text: e.text, items: e.items, controls: links(e) })),
    controls: model.controls.filter((c) => used.has(c.id)).map((c) => ({ id: c.id, label: c.label, sortId: c.sortId, baselines: c.baselines, params: c.params.map((p) => ({ id: p.id })) })),
    glossary: model.glossary.flatMap((g) => (g.definition ? [{ term: g.term, definition: g.definition }] : [])),
    productTypes: model.productTypes,
    procurement: model.procurement!,
  };
}

/**
 * The data as a model for the selection and the documents (catalogIndex, tailoredDocument):
 * the parts they do not read are empty.
 */
export function modelOfTailorData(data: TailorData): Model {
  return {
    sources: [{ id: 'sp800-53r5-catalog', kind: 'oscal-catalog', url: data.catalogUrl }],
    families: [],
    controls: data.controls,
    capabilities: data.capabilities,
    subCapabilities: data.subCapabilities,
    elements: data.elements,
    subElements: data.subElements,
    profileTopics: [],
    glossary: data.glossary,
    productTypes: data.productTypes,
    procurement: data.procurement,
    findings: [],
  } as unknown as Model;
}
