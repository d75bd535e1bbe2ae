/**
 * One solicitation document for a product type at an impact level: everything
 * the DOCX, XLSX, CSV, Markdown, JSON and OSCAL writers print, assembled once so
 * that the formats agree. Sections follow the order a contracting officer
 * attaches them: scope, definitions, values the agency sets, product, key
 * requirements, requirements by component, manufacturer obligations, post-market
 * support, federal clauses, deliverables, instructions to offerors with a vendor
 * questionnaire, evaluation, and a traceability annex.
 */
import type { Deliverable, FederalClause } from '../model/schemas/procurement.ts';
import type { CatalogIndex } from '../site/catalog-index.ts';
import { COMPONENT_TYPE_NAMES } from './product-type.ts';
import { addedSince, IMPACT_LEVELS, type ImpactLevel, type ProductRequirement, type Selection, selectRequirements, type SelectOptions, valueText } from './select-requirements.ts';

export interface DocumentValue {
  id: string;
  name: string;
  kind: string;
  /** The bracket as the text reads until filled: "[AGENCY: …]". */
  placeholder: string;
  /** What the agency filled in, or undefined. */
  value?: string;
  suggestion?: string;
  /** Where it is used: requirement item numbers, post-market and deliverable titles. */
  usedIn: string[];
  params: string[];
}

export interface RequirementDocumentModel {
  title: string;
  /** "ip-video-surveillance-moderate". */
  fileBase: string;
  selection: Selection;
  type: Selection['type'];
  level: ImpactLevel;
  components: { id: string; name: string; type: string; does: string }[];
  definitions: { term: string; text: string; cite: string }[];
  values: DocumentValue[];
  technical: ProductRequirement[];
  manufacturer: ProductRequirement[];
  key: ProductRequirement[];
  postMarket: { number: string; title: string; text: string; sources: string[]; records: string[] }[];
  federalClauses: FederalClause[];
  deliverables: (Omit<Deliverable, 'due'> & { due: string })[];
  questionnaire: { number: string; question: string; about: string }[];
  /** Items this level adds to the level below (none for LOW). */
  levelChanges?: { from: ImpactLevel; added: { requirement: string; record: string }[] };
  counts: { requirements: number; items: number; key: number; keyItems: number; perComponent: { component: string; requirements: number; items: number }[] };
}

export const componentName = (type: Selection['type'], id: string) => type.components.find((c) => c.id === id)?.name ?? id;

/** "IP camera, Network video recorder" or "the manufacturer". */
export function appliesToText(type: Selection['type'], r: ProductRequirement): string {
  return r.kind === 'technical' ? r.appliesTo.map((c) => componentName(type, c)).join(', ') : 'Manufacturer (the whole product)';
}

export function fileBaseOf(type: { id: string }, level: ImpactLevel): string {
  return `${type.id}-${level.toLowerCase()}`;
}

export function requirementDocument(index: CatalogIndex, typeId: string, level: ImpactLevel, options: SelectOptions = {}): RequirementDocumentModel {
  const model = index.model;
  const procurement = model.procurement!;
  const type = model.productTypes.find((t) => t.id === typeId);
  if (!type) throw new Error(`Unknown product type "${typeId}".`);
  const filled = options.values ?? {};
  const selection = selectRequirements(index, type, level, options);
  const technical = selection.requirements.filter((r) => r.kind === 'technical');
  const manufacturer = selection.requirements.filter((r) => r.kind === 'non-technical');
  const valueById = new Map(procurement.values.map((v) => [v.id, v]));
  const fill = (text: string) => text.replace(/\{([a-z0-9-]+)\}/g, (_, id: string) => valueText(valueById.get(id)!, filled[id]));
  const usedIn = new Map<string, string[]>();
  const use = (id: string, where: string) => usedIn.set(id, [...(usedIn.get(id) ?? []), where]);
  for (const r of selection.requirements) for (const i of r.items) for (const v of i.values) use(v, i.number);
  const postMarket = procurement.postMarket.map((o, i) => {
    for (const m of o.text.matchAll(/\{([a-z0-9-]+)\}/g)) use(m[1]!, `PM-${i + 1} ${o.title}`);
    return { number: `PM-${i + 1}`, title: o.title, text: fill(o.text), sources: o.sources.map((s) => s.cite), records: o.records };
  });
  const deliverables = procurement.deliverables.map((d, i) => {
    for (const m of d.due.matchAll(/\{([a-z0-9-]+)\}/g)) use(m[1]!, `Deliverable ${i + 1} (${d.item.split(/[,(]/)[0]!.trim()})`);
    return { ...d, due: fill(d.due) };
  });
  use('solicitation-number', '1 Scope');
  use('evaluation-weights', 'Evaluation');
  const values: DocumentValue[] = procurement.values
    .filter((v) => usedIn.has(v.id))
    .map((v) => ({
      id: v.id,
      name: v.name,
      kind: v.kind,
      placeholder: valueText(v),
      ...(filled[v.id]?.trim() ? { value: valueText(v, filled[v.id]) } : {}),
      ...(v.suggestion ? { suggestion: v.suggestion } : {}),
      usedIn: [...new Set(usedIn.get(v.id))],
      params: v.params,
    }));
  const key = selection.requirements.filter((r) => r.key);
  const questionnaire = [
    ...key.map((r, i) => ({
      number: `Q-${i + 1}`,
      about: r.number,
      question: `How does the offered product meet key requirement ${r.number} (${r.title}): its outcome and its pass criterion? Name the evidence you deliver for it.`,
    })),
    ...procurement.deliverables.filter((d) => d.question).map((d, i) => ({ number: `Q-${key.length + i + 1}`, about: d.item.split(/[,(]/)[0]!.trim(), question: d.question! })),
  ];
  const lowerIndex = IMPACT_LEVELS.indexOf(level) - 1;
  const lower = lowerIndex >= 0 ? IMPACT_LEVELS[lowerIndex]! : undefined;
  const perComponent = type.components.map((c) => {
    const reqs = technical.filter((r) => r.appliesTo.includes(c.id));
    return { component: c.name, requirements: reqs.length, items: reqs.reduce((n, r) => n + r.items.filter((i) => i.components.includes(c.id)).length, 0) };
  });
  perComponent.push({ component: 'Manufacturer', requirements: manufacturer.length, items: manufacturer.reduce((n, r) => n + r.items.length, 0) });
  return {
    title: `${type.name}: IoT product cybersecurity requirements (${level.toLowerCase()} impact)`,
    fileBase: fileBaseOf(type, level),
    selection,
    type,
    level,
    components: type.components.map((c) => ({ id: c.id, name: c.name, type: COMPONENT_TYPE_NAMES[c.type], does: c.does })),
    definitions: procurement.definitions.map((d) => {
      const g = model.glossary.find((e) => e.term === d.term)!.definition!;
      return { term: d.term, text: d.definition, cite: `NIST SP 800-213 Rev. 1 ipd, section ${g.sectionNumber ?? g.section}, p. ${g.page}${g.lines ? `, lines ${g.lines.first}–${g.lines.last}` : ''}` };
    }),
    values,
    technical,
    manufacturer,
    key,
    postMarket,
    federalClauses: procurement.federalClauses.filter((c) => c.types === 'all' || c.types.includes(type.id)),
    deliverables,
    questionnaire,
    ...(lower ? { levelChanges: { from: lower, added: addedSince(selectRequirements(index, type, lower, options), selection) } } : {}),
    counts: {
      requirements: selection.requirements.length,
      items: selection.requirements.reduce((n, r) => n + r.items.length, 0),
      key: key.length,
      keyItems: key.reduce((n, r) => n + r.items.length, 0),
      perComponent,
    },
  };
}

/** The item's full sentence as a reader quotes it: "The IP camera shall provide …". */
export function itemSentence(doc: RequirementDocumentModel, r: ProductRequirement, i: ProductRequirement['items'][number]): string {
  const subject = r.kind === 'technical' ? (i.components.length === 1 ? `The ${componentName(doc.type, i.components[0]!)}` : `Each of ${i.components.map((c) => componentName(doc.type, c)).join(', ')}`) : 'The manufacturer';
  const sub = i.subItems.length ? ` ${i.subItems.map((s, n) => `(${romanOf(n)}) ${s}`).join('; ')}` : '';
  const text = /^where [^,]+, /.test(i.text) ? i.text.replace(/^where ([^,]+), (.*)$/, (_, c: string, rest: string) => `Where ${c}, ${subject[0]!.toLowerCase()}${subject.slice(1)} shall ${rest}`) : `${subject} shall ${i.text}`;
  return `${text}${sub}.`.replace(/:\./, '.').replace(/\.\.$/, '.');
}

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];
export const romanOf = (n: number) => ROMAN[n] ?? String(n + 1);

/** Why an item is in, in words: "IA-3 (MODERATE baseline)" or "key requirement of this product type". */
export function selectedByText(doc: RequirementDocumentModel, i: ProductRequirement['items'][number]): string {
  return i.selectedBy.length ? `${i.selectedBy.join(', ')} (SP 800-53B ${doc.level} baseline)` : 'key requirement of this product type (no control of the baseline)';
}
