/**
 * Lookups over the validated model for the pages: every record by id, and the
 * reverse links (control → the SP 800-213A requirements that map to it). Built
 * once per model and memoized; pages only read Maps.
 */
import type { Capability, Element, SubCapability, SubElement } from '../model/schemas/catalog.ts';
import type { Baseline, Control, Family } from '../model/schemas/control.ts';
import type { ProfileTopic } from '../model/schemas/federal-profile.ts';
import type { Finding } from '../model/schemas/finding.ts';
import type { Model } from '../model/schemas/model.ts';

/** A row of the catalog that maps to controls: a technical element or a non-technical sub-element. */
export type Requirement = Element | SubElement;

export interface CatalogIndex {
  model: Model;
  controls: Map<string, Control>;
  families: Map<string, Family>;
  capabilities: Map<string, Capability>;
  subCapabilities: Map<string, SubCapability>;
  elements: Map<string, Element>;
  subElements: Map<string, SubElement>;
  /** Technical elements and non-technical sub-elements, in catalog order. */
  requirements: Requirement[];
  /** Control id → the requirements mapped to it, in catalog order. */
  requirementsByControl: Map<string, Requirement[]>;
  /** Capability id → federal profile topics about it. */
  profileTopicsByCapability: Map<string, ProfileTopic[]>;
  /** Record id → the findings that name it. */
  findingsByRecord: Map<string, Finding[]>;
}

const cache = new WeakMap<Model, CatalogIndex>();

export function catalogIndex(model: Model): CatalogIndex {
  const hit = cache.get(model);
  if (hit) return hit;
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const subCapabilities = byId(model.subCapabilities);
  const elements = byId(model.elements);
  const subElements = byId(model.subElements);
  const requirements: Requirement[] = [];
  for (const cap of model.capabilities) {
    for (const sid of cap.subCapabilities) {
      for (const eid of subCapabilities.get(sid)!.elements) {
        const el = elements.get(eid)!;
        if (el.kind === 'technical') requirements.push(el);
        else for (const seid of el.subElements) requirements.push(subElements.get(seid)!);
      }
    }
  }
  const requirementsByControl = new Map<string, Requirement[]>();
  for (const r of requirements) {
    for (const l of r.controls)
      requirementsByControl.set(l.control, [...(requirementsByControl.get(l.control) ?? []), r]);
  }
  const profileTopicsByCapability = new Map<string, ProfileTopic[]>();
  for (const t of model.profileTopics) {
    if (t.capability)
      profileTopicsByCapability.set(t.capability, [...(profileTopicsByCapability.get(t.capability) ?? []), t]);
  }
  const findingsByRecord = new Map<string, Finding[]>();
  for (const f of model.findings)
    for (const r of f.records) findingsByRecord.set(r, [...(findingsByRecord.get(r) ?? []), f]);
  const index: CatalogIndex = {
    model,
    controls: byId(model.controls),
    families: byId(model.families),
    capabilities: byId(model.capabilities),
    subCapabilities,
    elements,
    subElements,
    requirements,
    requirementsByControl,
    profileTopicsByCapability,
    findingsByRecord,
  };
  cache.set(model, index);
  return index;
}

/** The requirements of one capability, grouped for a control page: capability id → requirements. */
export function groupByCapability(
  index: CatalogIndex,
  requirements: Requirement[],
): { capability: Capability; requirements: Requirement[] }[] {
  const groups = new Map<string, Requirement[]>();
  for (const r of requirements) groups.set(r.capability, [...(groups.get(r.capability) ?? []), r]);
  return [...groups].map(([id, list]) => ({ capability: index.capabilities.get(id)!, requirements: list }));
}

/** Baselines in the order NIST lists them. */
export const BASELINE_ORDER: Baseline[] = ['LOW', 'MODERATE', 'HIGH', 'PRIVACY'];

/**
 * For one baseline: the requirements that map to at least one control in it,
 * counted per capability.
 */
export function baselineSupport(index: CatalogIndex, baseline: Baseline) {
  const supports = (r: Requirement) =>
    r.controls.some((l) => index.controls.get(l.control)!.baselines.includes(baseline));
  return index.model.capabilities.map((cap) => {
    const all = index.requirements.filter((r) => r.capability === cap.id);
    const inBaseline = all.filter(supports);
    return { capability: cap, total: all.length, supporting: inBaseline };
  });
}
