/**
 * The requirements of a product type at an impact level. A requirement is one
 * SP 800-213A technical sub-capability (its elements are the lettered items) or
 * one non-technical element (its sub-elements are the items). The SP 800-53B
 * baseline of the level selects the items that support one of its controls;
 * technical items go to the components the type's allocation names, less those
 * the type marks not applicable; non-technical ones are the manufacturer's. A
 * key requirement keeps every applicable item when the baseline selects none.
 * Every item says why it is in. Pure and deterministic: catalog order.
 */
import type { Element, NestedItem, SubElement } from '../model/schemas/catalog.ts';
import type { Baseline } from '../model/schemas/control.ts';
import type { AgencyValue, Procurement, RequirementTerms, Verification } from '../model/schemas/procurement.ts';
import type { CatalogIndex } from '../site/catalog-index.ts';
import {
  conditionOf,
  manufacturerPhrase,
  type Rewrite,
  rewrite,
  technicalPhrase,
  withSubItems,
} from './clause-text.ts';
import type { ProductType } from './product-type.ts';

export type ImpactLevel = 'LOW' | 'MODERATE' | 'HIGH';
export const IMPACT_LEVELS: ImpactLevel[] = ['LOW', 'MODERATE', 'HIGH'];

export interface RequirementItem {
  /** "R-DI-1.a". */
  number: string;
  letter: string;
  /** The SP 800-213A record: technical element (DI-1.1) or non-technical sub-element (DOC-1.a.1.2). */
  record: string;
  /** The verb phrase completing "<subject> shall:", fill-ins bracketed. */
  text: string;
  subItems: string[];
  /** Components it applies to (technical); [] for the manufacturer's. */
  components: string[];
  /** SP 800-53 controls the record maps to (labels, and ids). */
  controls: string[];
  controlIds: string[];
  /** The controls of the baseline that brought it in (labels); [] when only the key mark did. */
  selectedBy: string[];
  /** Agency values it uses (ids). */
  values: string[];
  /** The agency's reason when it added the item although the baseline does not select it. */
  included?: string;
}

export interface ProductRequirement {
  /** "R-DI-1", "R-DOC-1.a.1". */
  number: string;
  /** Technical sub-capability (DI-1) or non-technical element (DOC-1.a.1). */
  id: string;
  kind: 'technical' | 'non-technical';
  capability: string;
  title: string;
  /** Components (technical) in the type's order; [] for the manufacturer's. */
  appliesTo: string[];
  key: boolean;
  keyWhy?: string;
  outcome: string;
  pass: string;
  verification: Verification;
  evidence: string[];
  items: RequirementItem[];
}

export interface Selection {
  type: ProductType;
  level: ImpactLevel;
  baseline: Baseline;
  requirements: ProductRequirement[];
  /** Technical elements the baseline selects but no allocation rule gives to a component. */
  unallocated: { element: string; because: string[] }[];
  /** Technical elements taken out of components by the type's not-applicable rules (that the baseline selects). */
  notApplicable: { element: string; components: string[]; why: string }[];
  /** The agency's decisions that changed what the baseline and the allocation give, each with its reason. */
  tailored: {
    /** Requirements and items left out (only those that would otherwise be in). */
    excluded: { id: string; requirement: string; title: string; reason: string }[];
    /** Requirements and items added although the baseline does not select them. */
    included: { id: string; requirement: string; title: string; reason: string }[];
    /** Allocation changed, per requirement or item and component. */
    allocation: { id: string; component: string; allocated: boolean; reason: string }[];
  };
}

/** What the agency decided beyond the product type (a tailoring record's decisions). */
export interface Decisions {
  excluded: { id: string; reason: string }[];
  included: { id: string; reason: string }[];
  allocationChanges: { id: string; component: string; allocated: boolean; reason: string }[];
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
export const letterOf = (i: number) => (i < 26 ? LETTERS[i]! : `${LETTERS[Math.floor(i / 26) - 1]}${LETTERS[i % 26]}`);

/** How an agency value reads in the text: "[AGENCY: name]" until it is filled in. */
export function valueText(v: AgencyValue, filled?: string): string {
  if (filled === undefined || filled.trim() === '') return `[AGENCY: ${v.name}]`;
  const t = filled.trim();
  return v.kind === 'days' || v.kind === 'months' || v.kind === 'years'
    ? `${t} ${v.kind.replace(/s$/, '')}${t === '1' ? '' : 's'}`
    : t;
}

/** The words replaced in a record's text: the project's corrections, then the agency's values. */
export function rewritesFor(
  procurement: Procurement,
  record: string,
  filled: Record<string, string> = {},
): { rewrites: Rewrite[]; values: string[] } {
  const rewrites: Rewrite[] = procurement.corrections
    .filter((c) => c.element === record)
    .map((c) => ({ replace: c.replace, with: c.with }));
  const values: string[] = [];
  for (const v of procurement.values) {
    for (const u of v.uses) {
      if (u.element !== record) continue;
      rewrites.push({ replace: u.replace, with: (u.with ?? '{value}').replace('{value}', valueText(v, filled[v.id])) });
      if (!values.includes(v.id)) values.push(v.id);
    }
  }
  return { rewrites, values };
}

function rewriteItems(items: NestedItem[], rewrites: Rewrite[]): NestedItem[] {
  return items.map((i) => ({ text: rewrite(i.text, rewrites), items: rewriteItems(i.items, rewrites) }));
}

/** The item text of a record: its statement worded for the contract, with its sub-items. */
export function itemWording(
  record: Element | SubElement,
  procurement: Procurement,
  filled: Record<string, string> = {},
): { text: string; subItems: string[]; values: string[] } {
  const { rewrites, values } = rewritesFor(procurement, record.id, filled);
  const text = rewrite(record.text, rewrites);
  const items = rewriteItems(record.items, rewrites);
  const phrase = record.kind === 'technical' ? technicalPhrase(text) : manufacturerPhrase(text);
  const condition = 'leadIn' in record ? conditionOf(record.leadIn) : undefined;
  const { phrase: withLead, subItems } = withSubItems(condition ? `${condition}, ${phrase}` : phrase, items);
  return { text: withLead, subItems, values };
}

export interface SelectOptions {
  /** Agency values filled in, by id. */
  values?: Record<string, string>;
  /** Exclusions, additions and allocation changes, with reasons. */
  decisions?: Decisions;
}

export function selectRequirements(
  index: CatalogIndex,
  type: ProductType,
  level: ImpactLevel,
  options: SelectOptions = {},
): Selection {
  const procurement = index.model.procurement;
  if (!procurement)
    throw new Error('The model has no procurement data (catalog/procurement/): rebuild it with "npm run import".');
  const baseline = level as Baseline;
  const terms = new Map<string, RequirementTerms>(procurement.requirements.map((r) => [r.id, r]));
  const inBaseline = (id: string) => index.controls.get(id)!.baselines.includes(baseline);
  const label = (id: string) => index.controls.get(id)!.label;
  const keys = new Map(type.key.map((k) => [k.requirement, k.why]));
  const componentOrder = type.components.map((c) => c.id);
  const notApplicableRules = type['not-applicable'] ?? [];
  const allocatedTo = (element: Pick<Element | SubElement, 'capability' | 'subCapability'>): string[] => {
    const hit = new Set<string>();
    for (const rule of type.allocation)
      if (rule.capabilities.includes(element.subCapability) || rule.capabilities.includes(element.capability))
        for (const c of rule.components) hit.add(c);
    return componentOrder.filter((c) => hit.has(c));
  };
  const requirements: ProductRequirement[] = [];
  const unallocated: Selection['unallocated'] = [];
  const notApplicable: Selection['notApplicable'] = [];
  const decisions = options.decisions ?? { excluded: [], included: [], allocationChanges: [] };
  const excludedWhy = new Map(decisions.excluded.map((d) => [d.id, d.reason]));
  const includedWhy = new Map(decisions.included.map((d) => [d.id, d.reason]));
  const tailored: Selection['tailored'] = { excluded: [], included: [], allocation: [] };
  /** Components after the agency's allocation changes: requirement-wide first, then the item's own. */
  const reallocate = (requirement: string, record: string, components: string[]): string[] => {
    const set = new Set(components);
    for (const id of [requirement, record]) {
      for (const c of decisions.allocationChanges) {
        if (c.id !== id || !componentOrder.includes(c.component)) continue;
        if (c.allocated) set.add(c.component);
        else set.delete(c.component);
      }
    }
    return componentOrder.filter((c) => set.has(c));
  };

  const build = (
    id: string,
    kind: 'technical' | 'non-technical',
    capability: string,
    records: (Element | SubElement)[],
  ) => {
    const t = terms.get(id);
    if (!t) throw new Error(`No requirement terms for ${id} in catalog/procurement/requirements/.`);
    const key = keys.has(id);
    const requirementExcluded = excludedWhy.get(id);
    const candidates = records.map((r) => {
      const selectedBy = r.controls.filter((l) => inBaseline(l.control)).map((l) => label(l.control));
      let components: string[] = [];
      if (kind === 'technical') {
        const given = allocatedTo(r);
        const out = notApplicableRules.filter((rule) => rule.elements.includes(r.id));
        const removed = new Set(out.flatMap((rule) => rule.components));
        components = reallocate(
          id,
          r.id,
          given.filter((c) => !removed.has(c)),
        );
        if (selectedBy.length) {
          if (!given.length) unallocated.push({ element: r.id, because: selectedBy });
          for (const rule of out) {
            const taken = rule.components.filter((c) => given.includes(c));
            if (taken.length) notApplicable.push({ element: r.id, components: taken, why: rule.why });
          }
        }
      }
      return { r, selectedBy, components };
    });
    const applicable = candidates.filter((c) => kind === 'non-technical' || c.components.length);
    const requirementIncluded = includedWhy.get(id);
    let chosen = applicable.filter((c) => c.selectedBy.length || includedWhy.has(c.r.id));
    if (!chosen.length && (key || requirementIncluded !== undefined)) chosen = applicable;
    if (!chosen.length) return;
    const title = t.title;
    if (requirementExcluded !== undefined) {
      tailored.excluded.push({ id, requirement: `R-${id}`, title, reason: requirementExcluded });
      return;
    }
    if (requirementIncluded !== undefined && !key && !applicable.some((c) => c.selectedBy.length))
      tailored.included.push({ id, requirement: `R-${id}`, title, reason: requirementIncluded });
    for (const c of chosen) {
      const why = excludedWhy.get(c.r.id);
      if (why !== undefined) tailored.excluded.push({ id: c.r.id, requirement: `R-${id}`, title, reason: why });
      else if (!c.selectedBy.length && includedWhy.has(c.r.id))
        tailored.included.push({ id: c.r.id, requirement: `R-${id}`, title, reason: includedWhy.get(c.r.id)! });
    }
    chosen = chosen.filter((c) => !excludedWhy.has(c.r.id));
    if (!chosen.length) return;
    const number = `R-${id}`;
    const items: RequirementItem[] = chosen.map((c, i) => {
      const w = itemWording(c.r, procurement, options.values);
      return {
        number: `${number}.${letterOf(i)}`,
        letter: letterOf(i),
        record: c.r.id,
        text: w.text,
        subItems: w.subItems,
        components: c.components,
        controls: c.r.controls.map((l) => label(l.control)),
        controlIds: c.r.controls.map((l) => l.control),
        selectedBy: c.selectedBy,
        values: w.values,
        ...(!c.selectedBy.length && (includedWhy.has(c.r.id) || (!key && requirementIncluded !== undefined))
          ? { included: includedWhy.get(c.r.id) ?? requirementIncluded! }
          : {}),
      };
    });
    const appliesTo = componentOrder.filter((c) => items.some((i) => i.components.includes(c)));
    requirements.push({
      number,
      id,
      kind,
      capability,
      title: t.title,
      appliesTo,
      key,
      ...(key ? { keyWhy: keys.get(id)! } : {}),
      outcome: t.outcome,
      pass: t.pass,
      verification: t.verification,
      evidence: t.evidence,
      items,
    });
  };

  for (const cap of index.model.capabilities) {
    for (const sid of cap.subCapabilities) {
      const sc = index.subCapabilities.get(sid)!;
      const elements = sc.elements.map((e) => index.elements.get(e)!);
      if (sc.kind === 'technical') build(sc.id, 'technical', cap.id, elements);
      else
        for (const el of elements)
          build(
            el.id,
            'non-technical',
            cap.id,
            el.subElements.map((s) => index.subElements.get(s)!),
          );
    }
  }
  const inCatalog = new Set([...index.subCapabilities.keys(), ...index.elements.keys(), ...index.subElements.keys()]);
  for (const c of decisions.allocationChanges)
    if (componentOrder.includes(c.component) && inCatalog.has(c.id)) tailored.allocation.push({ ...c });
  return { type, level, baseline, requirements, unallocated, notApplicable, tailored };
}

/** Items of `selection` that the selection of the level below does not have, by item record and component. */
export function addedSince(lower: Selection, selection: Selection): { requirement: string; record: string }[] {
  const had = new Set(lower.requirements.flatMap((r) => r.items.map((i) => `${r.id}|${i.record}`)));
  return selection.requirements.flatMap((r) =>
    r.items.filter((i) => !had.has(`${r.id}|${i.record}`)).map((i) => ({ requirement: r.number, record: i.record })),
  );
}
