/**
 * What the product tailoring tool (/products/tailor/) needs of the model, and no
 * more: the catalog's records with their text and controls, the controls they map
 * to (label, baselines, parameters), the procurement data, the product types and
 * the draft's definitions. The build publishes it as two JSON files: what the
 * requirement list needs ({@link tailorData}, fetched with the page) and the words
 * only the documents print ({@link documentTexts}: evidence, outcomes, pass
 * criteria, definitions, clauses; fetched on the first download). The page turns
 * them back into a model the same selection and document code reads; a test
 * checks that it gives the same documents as the model.
 */
import type { Model } from '../model/schemas/model.ts';

export const TAILOR_DATA_VERSION = 1;

export interface TailorData {
  version: number;
  catalogUrl: string;
  capabilities: Pick<Model['capabilities'][number], 'id' | 'kind' | 'title' | 'subCapabilities'>[];
  subCapabilities: Pick<Model['subCapabilities'][number], 'id' | 'kind' | 'capability' | 'title' | 'elements'>[];
  elements: (Pick<
    Model['elements'][number],
    'id' | 'kind' | 'capability' | 'subCapability' | 'text' | 'items' | 'leadIn' | 'subElements'
  > & { controls: { control: string }[] })[];
  subElements: (Pick<
    Model['subElements'][number],
    'id' | 'kind' | 'element' | 'capability' | 'subCapability' | 'text' | 'items'
  > & { controls: { control: string }[] })[];
  controls: (Pick<Model['controls'][number], 'id' | 'label' | 'sortId' | 'baselines'> & { params: { id: string }[] })[];
  productTypes: Model['productTypes'];
  procurement: NonNullable<Model['procurement']>;
}

/** The words the documents print and the requirement list does not show. */
export interface DocumentTexts {
  version: number;
  requirements: Record<string, { evidence: string[]; outcome: string; pass: string }>;
  glossary: { term: string; definition: NonNullable<Model['glossary'][number]['definition']> }[];
  federalClauses: NonNullable<Model['procurement']>['federalClauses'];
  productTypes: Record<
    string,
    {
      data: Model['productTypes'][number]['data'];
      effects: Model['productTypes'][number]['effects'];
      allocationWhy: string[];
    }
  >;
}

export function documentTexts(model: Model): DocumentTexts {
  return {
    version: TAILOR_DATA_VERSION,
    requirements: Object.fromEntries(
      model.procurement!.requirements.map((r) => [r.id, { evidence: r.evidence, outcome: r.outcome, pass: r.pass }]),
    ),
    glossary: model.glossary.flatMap((g) => (g.definition ? [{ term: g.term, definition: g.definition }] : [])),
    federalClauses: model.procurement!.federalClauses,
    productTypes: Object.fromEntries(
      model.productTypes.map((t) => [
        t.id,
        { data: t.data, effects: t.effects, allocationWhy: t.allocation.map((a) => a.why) },
      ]),
    ),
  };
}

/** The tool's data from the model. */
export function tailorData(model: Model): TailorData {
  const used = new Set([...model.elements, ...model.subElements].flatMap((r) => r.controls.map((l) => l.control)));
  const links = (r: { controls: { control: string }[] }) => r.controls.map((l) => ({ control: l.control }));
  return {
    version: TAILOR_DATA_VERSION,
    catalogUrl: model.sources.find((s) => s.kind === 'oscal-catalog')!.url,
    capabilities: model.capabilities.map(({ id, kind, title, subCapabilities }) => ({
      id,
      kind,
      title,
      subCapabilities,
    })),
    subCapabilities: model.subCapabilities.map(({ id, kind, capability, title, elements }) => ({
      id,
      kind,
      capability,
      title,
      elements,
    })),
    elements: model.elements.map((e) => ({
      id: e.id,
      kind: e.kind,
      capability: e.capability,
      subCapability: e.subCapability,
      text: e.text,
      items: e.items,
      ...(e.leadIn ? { leadIn: e.leadIn } : {}),
      subElements: e.subElements,
      controls: links(e),
    })),
    subElements: model.subElements.map((e) => ({
      id: e.id,
      kind: e.kind,
      element: e.element,
      capability: e.capability,
      subCapability: e.subCapability,
      text: e.text,
      items: e.items,
      controls: links(e),
    })),
    controls: model.controls
      .filter((c) => used.has(c.id))
      .map((c) => ({
        id: c.id,
        label: c.label,
        sortId: c.sortId,
        baselines: c.baselines,
        params: c.params.map((p) => ({ id: p.id })),
      })),
    productTypes: model.productTypes.map((t) => ({
      ...t,
      data: [],
      effects: {},
      allocation: t.allocation.map((a) => ({ ...a, why: '' })),
    })),
    procurement: {
      ...model.procurement!,
      requirements: model.procurement!.requirements.map((r) => ({
        ...r,
        evidence: [],
        outcome: '',
        pass: '',
        file: '',
      })),
      federalClauses: [],
    },
  };
}

/**
 * The data as a model for the selection and the documents (catalogIndex, tailoredDocument):
 * the parts they do not read are empty.
 */
export function modelOfTailorData(data: TailorData, texts?: DocumentTexts): Model {
  if (texts) {
    data = {
      ...data,
      productTypes: data.productTypes.map((t) => {
        const x = texts.productTypes[t.id]!;
        return {
          ...t,
          data: x.data,
          effects: x.effects,
          allocation: t.allocation.map((a, i) => ({ ...a, why: x.allocationWhy[i]! })),
        };
      }),
      procurement: {
        ...data.procurement,
        requirements: data.procurement.requirements.map((r) => ({ ...r, ...texts.requirements[r.id]! })),
        federalClauses: texts.federalClauses,
      },
    };
  }
  return {
    sources: [{ id: 'sp800-53r5-catalog', kind: 'oscal-catalog', url: data.catalogUrl }],
    families: [],
    controls: data.controls,
    capabilities: data.capabilities,
    subCapabilities: data.subCapabilities,
    elements: data.elements,
    subElements: data.subElements,
    profileTopics: [],
    glossary: texts?.glossary ?? [],
    productTypes: data.productTypes,
    procurement: data.procurement,
    findings: [],
  } as unknown as Model;
}
