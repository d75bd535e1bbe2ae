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
import { COMPONENT_TYPE_NAMES } from './component-types.ts';
import {
  addedSince,
  IMPACT_LEVELS,
  type ImpactLevel,
  type ProductRequirement,
  type Selection,
  selectRequirements,
  type SelectOptions,
  valueText,
} from './select-requirements.ts';
import { defaultTailoring, impactLevel, type Tailoring, tailoredType } from './tailoring.ts';

/** What the agency changed from the product type it started from, with each reason: the documents' "Tailoring" section. */
export interface TailoringSummary {
  /** The product type it started from (name), or undefined for a blank product. */
  base?: string;
  /** FIPS 199 security category, as FIPS 199 writes it. */
  category: string;
  impact: { confidentiality: ImpactLevel; integrity: ImpactLevel; availability: ImpactLevel };
  /** Why the documents use their level: the high-water mark, or the agency's override and its reason. */
  levelReason: string;
  components: { added: string[]; removed: string[]; renamed: { from: string; to: string }[] };
  excluded: Selection['tailored']['excluded'];
  included: Selection['tailored']['included'];
  allocation: { id: string; component: string; allocated: boolean; reason: string }[];
  keyChanges: { requirement: string; title: string; key: boolean; reason: string }[];
  /** False for a product type's own documents: nothing was tailored. */
  changed: boolean;
}

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
  counts: {
    requirements: number;
    items: number;
    key: number;
    keyItems: number;
    perComponent: { component: string; requirements: number; items: number }[];
  };
  tailoring: TailoringSummary;
}

export const componentName = (type: Selection['type'], id: string) =>
  type.components.find((c) => c.id === id)?.name ?? id;

/** "IP camera, Network video recorder" or "the manufacturer". */
export function appliesToText(type: Selection['type'], r: ProductRequirement): string {
  return r.kind === 'technical'
    ? r.appliesTo.map((c) => componentName(type, c)).join(', ')
    : 'Manufacturer (the whole product)';
}

export function fileBaseOf(type: { id: string }, level: ImpactLevel): string {
  return `${type.id}-${level.toLowerCase()}`;
}

/** A product type's documents at a level: those of its own tailoring record. */
export function requirementDocument(
  index: CatalogIndex,
  typeId: string,
  level: ImpactLevel,
  options: Pick<SelectOptions, 'values'> = {},
): RequirementDocumentModel {
  const type = index.model.productTypes.find((t) => t.id === typeId);
  if (!type) throw new Error(`Unknown product type "${typeId}".`);
  return tailoredDocument(index, defaultTailoring(type, level, options.values));
}

/** The documents of a tailoring record (a product type's own, or the agency's). */
export function tailoredDocument(index: CatalogIndex, tailoring: Tailoring): RequirementDocumentModel {
  const model = index.model;
  const procurement = model.procurement!;
  const type = tailoredType(tailoring, model);
  const { level, reason: levelReason, category } = impactLevel(tailoring);
  const options: SelectOptions = { values: tailoring.values, decisions: tailoring };
  const filled = tailoring.values;
  const selection = selectRequirements(index, type, level, options);
  const technical = selection.requirements.filter((r) => r.kind === 'technical');
  const manufacturer = selection.requirements.filter((r) => r.kind === 'non-technical');
  const valueById = new Map(procurement.values.map((v) => [v.id, v]));
  const fill = (text: string) =>
    text.replace(/\{([a-z0-9-]+)\}/g, (_, id: string) => valueText(valueById.get(id)!, filled[id]));
  const usedIn = new Map<string, string[]>();
  const use = (id: string, where: string) => usedIn.set(id, [...(usedIn.get(id) ?? []), where]);
  for (const r of selection.requirements) for (const i of r.items) for (const v of i.values) use(v, i.number);
  const postMarket = procurement.postMarket.map((o, i) => {
    for (const m of o.text.matchAll(/\{([a-z0-9-]+)\}/g)) use(m[1]!, `PM-${i + 1} ${o.title}`);
    return {
      number: `PM-${i + 1}`,
      title: o.title,
      text: fill(o.text),
      sources: o.sources.map((s) => s.cite),
      records: o.records,
    };
  });
  const deliverables = procurement.deliverables.map((d, i) => {
    for (const m of d.due.matchAll(/\{([a-z0-9-]+)\}/g))
      use(m[1]!, `Deliverable ${i + 1} (${d.item.split(/[,(]/)[0]!.trim()})`);
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
    ...procurement.deliverables
      .filter((d) => d.question)
      .map((d, i) => ({
        number: `Q-${key.length + i + 1}`,
        about: d.item.split(/[,(]/)[0]!.trim(),
        question: d.question!,
      })),
  ];
  const lowerIndex = IMPACT_LEVELS.indexOf(level) - 1;
  const lower = lowerIndex >= 0 ? IMPACT_LEVELS[lowerIndex]! : undefined;
  const perComponent = type.components.map((c) => {
    const reqs = technical.filter((r) => r.appliesTo.includes(c.id));
    return {
      component: c.name,
      requirements: reqs.length,
      items: reqs.reduce((n, r) => n + r.items.filter((i) => i.components.includes(c.id)).length, 0),
    };
  });
  perComponent.push({
    component: 'Manufacturer',
    requirements: manufacturer.length,
    items: manufacturer.reduce((n, r) => n + r.items.length, 0),
  });
  return {
    title: `${type.name}: IoT product cybersecurity requirements (${level.toLowerCase()} impact)`,
    fileBase: fileBaseOf(type, level),
    selection,
    type,
    level,
    components: type.components.map((c) => ({
      id: c.id,
      name: c.name,
      type: COMPONENT_TYPE_NAMES[c.type],
      does: c.does,
    })),
    // The loader admits only terms the draft defines; a model without the draft's text (the tool's list view) has none.
    definitions: procurement.definitions.flatMap((d) => {
      const g = model.glossary.find((e) => e.term === d.term)?.definition;
      return g
        ? [
            {
              term: d.term,
              text: d.definition,
              cite: `NIST SP 800-213 Rev. 1 ipd, section ${g.sectionNumber ?? g.section}, p. ${g.page}${g.lines ? `, lines ${g.lines.first}–${g.lines.last}` : ''}`,
            },
          ]
        : [];
    }),
    values,
    technical,
    manufacturer,
    key,
    postMarket,
    federalClauses: procurement.federalClauses.filter(
      (c) => c.types === 'all' || c.types.includes(tailoring.base?.type ?? type.id),
    ),
    deliverables,
    questionnaire,
    ...(lower
      ? { levelChanges: { from: lower, added: addedSince(selectRequirements(index, type, lower, options), selection) } }
      : {}),
    counts: {
      requirements: selection.requirements.length,
      items: selection.requirements.reduce((n, r) => n + r.items.length, 0),
      key: key.length,
      keyItems: key.reduce((n, r) => n + r.items.length, 0),
      perComponent,
    },
    tailoring: tailoringSummary(index, tailoring, selection, levelReason, category),
  };
}

function tailoringSummary(
  index: CatalogIndex,
  t: Tailoring,
  selection: Selection,
  levelReason: string,
  category: string,
): TailoringSummary {
  const base = t.base ? index.model.productTypes.find((p) => p.id === t.base!.type) : undefined;
  const titles = new Map((index.model.procurement?.requirements ?? []).map((r) => [r.id, r.title]));
  const baseKeys = new Set(base?.key.map((k) => k.requirement) ?? []);
  const keyChanges = [
    ...t.key
      .filter((k) => !baseKeys.has(k.requirement))
      .map((k) => ({
        requirement: `R-${k.requirement}`,
        title: titles.get(k.requirement) ?? '',
        key: true,
        reason: k.why,
      })),
    ...t.unkeyed
      .filter((k) => baseKeys.has(k.requirement) && !t.key.some((x) => x.requirement === k.requirement))
      .map((k) => ({
        requirement: `R-${k.requirement}`,
        title: titles.get(k.requirement) ?? '',
        key: false,
        reason: k.reason,
      })),
  ];
  const baseComponents = base?.components ?? [];
  const name = (id: string) =>
    t.components.find((c) => c.id === id)?.name ?? baseComponents.find((c) => c.id === id)?.name ?? id;
  const components = {
    added: t.components.filter((c) => !baseComponents.some((b) => b.id === c.id)).map((c) => c.name),
    removed: baseComponents.filter((b) => !t.components.some((c) => c.id === b.id)).map((b) => b.name),
    renamed: t.components.flatMap((c) => {
      const b = baseComponents.find((x) => x.id === c.id);
      return b && b.name !== c.name ? [{ from: b.name, to: c.name }] : [];
    }),
  };
  const allocation = selection.tailored.allocation.map((a) => ({ ...a, component: name(a.component) }));
  const changed =
    !base ||
    t.impact.override !== undefined ||
    components.added.length +
      components.removed.length +
      components.renamed.length +
      selection.tailored.excluded.length +
      selection.tailored.included.length +
      allocation.length +
      keyChanges.length >
      0;
  return {
    ...(base ? { base: base.name } : {}),
    category,
    impact: { ...t.impact },
    levelReason,
    components,
    excluded: selection.tailored.excluded,
    included: selection.tailored.included,
    allocation,
    keyChanges,
    changed,
  };
}

/** The item's full sentence as a reader quotes it: "The IP camera shall provide …". */
export function itemSentence(
  doc: RequirementDocumentModel,
  r: ProductRequirement,
  i: ProductRequirement['items'][number],
): string {
  const subject =
    r.kind === 'technical'
      ? i.components.length === 1
        ? `The ${componentName(doc.type, i.components[0]!)}`
        : `Each of ${i.components.map((c) => componentName(doc.type, c)).join(', ')}`
      : 'The manufacturer';
  const sub = i.subItems.length ? ` ${i.subItems.map((s, n) => `(${romanOf(n)}) ${s}`).join('; ')}` : '';
  const text = /^where [^,]+, /.test(i.text)
    ? i.text.replace(
        /^where ([^,]+), (.*)$/,
        (_, c: string, rest: string) => `Where ${c}, ${subject[0]!.toLowerCase()}${subject.slice(1)} shall ${rest}`,
      )
    : `${subject} shall ${i.text}`;
  return `${text}${sub}.`.replace(/:\./, '.').replace(/\.\.$/, '.');
}

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];
export const romanOf = (n: number) => ROMAN[n] ?? String(n + 1);

/** Why an item is in, in words: "IA-3 (MODERATE baseline)" or "key requirement of this product type". */
export function selectedByText(doc: RequirementDocumentModel, i: ProductRequirement['items'][number]): string {
  if (i.selectedBy.length) return `${i.selectedBy.join(', ')} (SP 800-53B ${doc.level} baseline)`;
  return i.included !== undefined
    ? `added by the agency (no control of the baseline): ${i.included}`
    : 'key requirement of this product type (no control of the baseline)';
}
