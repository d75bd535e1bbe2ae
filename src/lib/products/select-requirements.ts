/**
 * Requirement selection for a product type at an impact level: the SP 800-53B
 * baseline of that level selects the SP 800-213A requirements that support one
 * of its controls; technical elements go to the components the type's rules
 * name, non-technical ones stay at product level (the manufacturer's, once for
 * all components); the type's key requirements are marked (and kept even when
 * the baseline does not bring them in). Every selection says why. Pure and
 * deterministic: catalog order, then component order.
 */
import type { Baseline } from '../model/schemas/control.ts';
import type { CatalogIndex, Requirement } from '../site/catalog-index.ts';
import { manufacturerClause, technicalClause } from './clause-text.ts';
import type { ProductType } from './product-type.ts';

export type ImpactLevel = 'LOW' | 'MODERATE' | 'HIGH';
export const IMPACT_LEVELS: ImpactLevel[] = ['LOW', 'MODERATE', 'HIGH'];

export interface SelectedRequirement {
  /** Stable id: product type and SP 800-213A id, e.g. `ip-video-surveillance/DI-1.1`. */
  id: string;
  element: string;
  kind: 'technical' | 'non-technical';
  capability: string;
  subCapability: string;
  /** Component ids the requirement is allocated to; `["product"]` for non-technical ones. */
  components: string[];
  key: boolean;
  keyWhy?: string;
  /** One clause per component (technical), or the manufacturer's (non-technical). */
  clauses: { component: string; text: string }[];
  /** The baseline controls that brought the requirement in ([] when only the key list did). */
  because: { control: string; label: string }[];
  /** All SP 800-53 controls the element maps to. */
  controls: string[];
  verification: Verification;
  evidence: string;
}

export type Verification = 'inspection' | 'analysis' | 'demonstration' | 'test';

export interface Selection {
  type: ProductType;
  level: ImpactLevel;
  baseline: Baseline;
  requirements: SelectedRequirement[];
  /** Technical elements the baseline selects but no rule of the type allocates to a component. */
  unallocated: { element: string; because: string[] }[];
}

/** How a requirement is verified and what evidence the offeror delivers, from what kind of statement it is. */
export function verificationOf(r: Requirement): { verification: Verification; evidence: string } {
  const t = r.text.toLowerCase();
  if (r.kind === 'non-technical') {
    if (/vulnerab|flaw|bug report|disclos/.test(t)) return { verification: 'inspection', evidence: 'Vulnerability disclosure policy and process description' };
    if (/update|patch/.test(t)) return { verification: 'inspection', evidence: 'Software update policy, including the committed support period' };
    if (/education|training|awareness/.test(t)) return { verification: 'inspection', evidence: 'Training and awareness materials' };
    if (/third part|supply chain|contract/.test(t)) return { verification: 'analysis', evidence: 'Supply chain and third-party access documentation' };
    return { verification: 'inspection', evidence: 'Manufacturer documentation' };
  }
  if (/update|software|firmware/.test(t)) return { verification: 'test', evidence: 'Test report of the update mechanism; SBOM' };
  if (/crypt|encrypt|hash|signature|certificate|key/.test(t)) return { verification: 'analysis', evidence: 'Cryptographic module and algorithm documentation' };
  if (/log|audit|record/.test(t)) return { verification: 'demonstration', evidence: 'Sample logs and logging configuration guide' };
  if (/configur|setting/.test(t)) return { verification: 'inspection', evidence: 'Secure configuration guide' };
  if (/authenticat|access|account|role|privilege|identif/.test(t)) return { verification: 'test', evidence: 'Test report of identification, authentication and access control' };
  return { verification: 'demonstration', evidence: 'Product documentation and demonstration' };
}

export function selectRequirements(index: CatalogIndex, type: ProductType, level: ImpactLevel): Selection {
  const baseline = level as Baseline;
  const inBaseline = (id: string) => index.controls.get(id)!.baselines.includes(baseline);
  const keys = new Map(type.key.map((k) => [k.element, k.why]));
  const componentsOf = (r: Requirement): string[] => {
    const hit = new Set<string>();
    for (const rule of type.allocation) if (rule.capabilities.includes(r.subCapability) || rule.capabilities.includes(r.capability)) for (const c of rule.components) hit.add(c);
    // Component order as the type declares them.
    return type.components.map((c) => c.id).filter((id) => hit.has(id));
  };
  const componentName = new Map(type.components.map((c) => [c.id, c.name]));
  const requirements: SelectedRequirement[] = [];
  const unallocated: Selection['unallocated'] = [];
  for (const r of index.requirements) {
    const because = r.controls.filter((l) => inBaseline(l.control)).map((l) => ({ control: l.control, label: index.controls.get(l.control)!.label }));
    const key = keys.has(r.id);
    if (!because.length && !key) continue;
    const components = r.kind === 'technical' ? componentsOf(r) : ['product'];
    if (!components.length) {
      unallocated.push({ element: r.id, because: because.map((b) => b.label) });
      if (!key) continue;
    }
    const leadIn = 'leadIn' in r ? r.leadIn : undefined;
    const clauses =
      r.kind === 'technical'
        ? (components.length ? components : ['product']).map((c) => ({ component: c, text: technicalClause(componentName.get(c) ?? 'product', r.text, r.items, leadIn) }))
        : [{ component: 'product', text: manufacturerClause(r.text, r.items) }];
    requirements.push({
      id: `${type.id}/${r.id}`,
      element: r.id,
      kind: r.kind,
      capability: r.capability,
      subCapability: r.subCapability,
      components: components.length ? components : ['product'],
      key,
      ...(key ? { keyWhy: keys.get(r.id)! } : {}),
      clauses,
      because,
      controls: r.controls.map((l) => l.control),
      ...verificationOf(r),
    });
  }
  // Key requirements first, then catalog order (stable sort keeps it).
  requirements.sort((a, b) => Number(b.key) - Number(a.key));
  return { type, level, baseline, requirements, unallocated };
}
