/**
 * The changes the tailoring tool makes to a record, each returning a new record:
 * components added, removed, renamed; requirements and items excluded, added,
 * reallocated; key marks set or taken off, each with its reason. Pure, so they
 * are tested in Node and used as they are in the browser.
 */
import type { Model } from '../model/schemas/model.ts';
import type { ComponentType } from './component-types.ts';
import { blankTailoring, type Level, slugify, type Tailoring } from './tailoring.ts';

const clone = (t: Tailoring): Tailoring => structuredClone(t);

/** Takes a component out, and out of every rule and decision that names it. */
export function removeComponent(t: Tailoring, id: string): Tailoring {
  const n = clone(t);
  if (n.components.length <= 1) throw new Error('A product keeps at least one component.');
  n.components = n.components.filter((c) => c.id !== id);
  n.allocation = n.allocation
    .map((r) => ({ ...r, components: r.components.filter((c) => c !== id) }))
    .filter((r) => r.components.length);
  n.notApplicable = n.notApplicable
    .map((r) => ({ ...r, components: r.components.filter((c) => c !== id) }))
    .filter((r) => r.components.length);
  n.allocationChanges = n.allocationChanges.filter((c) => c.component !== id);
  return n;
}

/**
 * Adds a component. It is given what the first component of its type provides (the same rules
 * and not-applicable rules); with none of that type, what the product types of the catalog give
 * components of that type, so that a new component starts with requirements to review.
 */
export function addComponent(
  t: Tailoring,
  type: ComponentType,
  name: string,
  model: Pick<Model, 'productTypes'>,
): Tailoring {
  const n = clone(t);
  const base = slugify(name) === 'iot-product' ? type : slugify(name);
  let id = base;
  for (let i = 2; n.components.some((c) => c.id === id); i++) id = `${base}-${i}`;
  n.components.push({ id, type, name: name.trim() || id, does: '' });
  const like = t.components.find((c) => c.type === type);
  if (like) {
    for (const r of n.allocation) if (r.components.includes(like.id)) r.components.push(id);
    for (const r of n.notApplicable) if (r.components.includes(like.id)) r.components.push(id);
  } else {
    const capabilities = typicalCapabilities(model, type);
    if (capabilities.length)
      n.allocation.push({
        capabilities,
        components: [id],
        why: `What the catalog's product types give their components of this type; review it for ${name.trim() || id}.`,
      });
  }
  return n;
}

/** The capabilities the catalog's product types give to their components of a type, sorted. */
export function typicalCapabilities(model: Pick<Model, 'productTypes'>, type: ComponentType): string[] {
  const capabilities = new Set<string>();
  for (const p of model.productTypes) {
    const ofType = new Set(p.components.filter((c) => c.type === type).map((c) => c.id));
    for (const r of p.allocation)
      if (r.components.some((c) => ofType.has(c))) for (const c of r.capabilities) capabilities.add(c);
  }
  return [...capabilities].sort();
}

/** A product described from scratch: one IoT device, given what the product types give their devices. */
export function blankProduct(model: Pick<Model, 'productTypes'>, level: Level = 'MODERATE'): Tailoring {
  const t = blankTailoring();
  t.impact = { confidentiality: level, integrity: level, availability: level };
  const capabilities = typicalCapabilities(model, 'iot-device');
  if (capabilities.length)
    t.allocation = [
      {
        capabilities,
        components: ['device'],
        why: "What the catalog's product types give their IoT devices; review it for this product.",
      },
    ];
  return t;
}

export function renameComponent(t: Tailoring, id: string, name: string): Tailoring {
  const n = clone(t);
  const c = n.components.find((x) => x.id === id);
  if (c && name.trim()) c.name = name.trim();
  return n;
}

/** Leaves out a requirement or item (excluded true), or takes the exclusion back. */
export function setExcluded(t: Tailoring, id: string, excluded: boolean, reason = ''): Tailoring {
  const n = clone(t);
  n.excluded = n.excluded.filter((d) => d.id !== id);
  if (excluded) n.excluded.push({ id, reason });
  return n;
}

/** Adds a requirement or item the baseline does not select (included true), or takes the addition back. */
export function setIncluded(t: Tailoring, id: string, included: boolean, reason = ''): Tailoring {
  const n = clone(t);
  n.included = n.included.filter((d) => d.id !== id);
  n.excluded = n.excluded.filter((d) => d.id !== id);
  if (included) n.included.push({ id, reason });
  return n;
}

/**
 * Allocates a requirement (all its items) or one item to a component, or takes it away. A change
 * that undoes an earlier one for the same requirement or item and component removes it instead.
 */
export function setAllocation(t: Tailoring, id: string, component: string, allocated: boolean, reason = ''): Tailoring {
  const n = clone(t);
  const had = n.allocationChanges.find((c) => c.id === id && c.component === component);
  n.allocationChanges = n.allocationChanges.filter((c) => !(c.id === id && c.component === component));
  if (!had || had.allocated === allocated) n.allocationChanges.push({ id, component, allocated, reason });
  return n;
}

/** Marks a requirement key with its rationale, or takes the mark off (with the reason when the product type had it). */
export function setKey(
  t: Tailoring,
  requirement: string,
  key: boolean,
  reason: string,
  model: Pick<Model, 'productTypes'>,
): Tailoring {
  const n = clone(t);
  const baseKeys = (t.base ? model.productTypes.find((p) => p.id === t.base!.type)?.key : undefined) ?? [];
  n.key = n.key.filter((k) => k.requirement !== requirement);
  n.unkeyed = n.unkeyed.filter((k) => k.requirement !== requirement);
  if (key) {
    const own = baseKeys.find((k) => k.requirement === requirement);
    n.key.push({ requirement, why: own && !reason.trim() ? own.why : reason });
  } else if (baseKeys.some((k) => k.requirement === requirement)) n.unkeyed.push({ requirement, reason });
  return n;
}

export function setImpact(
  t: Tailoring,
  objective: 'confidentiality' | 'integrity' | 'availability',
  level: Level,
): Tailoring {
  const n = clone(t);
  n.impact[objective] = level;
  return n;
}

export function setOverride(t: Tailoring, override: { level: Level; reason: string } | undefined): Tailoring {
  const n = clone(t);
  if (override) n.impact.override = override;
  else delete n.impact.override;
  return n;
}

export function setValue(t: Tailoring, id: string, value: string): Tailoring {
  const n = clone(t);
  if (value.trim()) n.values[id] = value.trim();
  else delete n.values[id];
  return n;
}
