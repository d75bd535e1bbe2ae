/**
 * A tailoring record: a product as the agency describes it, following the method
 * of SP 800-213 Rev. 1 (understand how the product fits the system, identify the
 * requirements, decide which are key, allocate them to components). It holds the
 * components, the FIPS 199 security category (and an override of the level it
 * gives, with the reason), the allocation rules, every exclusion, addition,
 * allocation change and key mark with its reason, and the agency's values.
 *
 * A product type is one such record ({@link defaultTailoring}); the selection and
 * the solicitation documents are computed from a record, so a type's documents
 * and a tailored product's come from the same code. Versioned, and checked with
 * zod (shape) and against the catalog (ids) on every load. No Node imports.
 */
import { z } from 'zod/mini';
import type { Model } from '../model/schemas/model.ts';
import { COMPONENT_TYPES } from './component-types.ts';
import type { ProductType } from './product-type.ts';

export const TAILORING_VERSION = 1;
export const TAILORING_KIND = 'iot-product-tailoring';

// zod's mini build (the same validation, a tenth of the weight): the tool's page loads this module.
const level = z.enum(['LOW', 'MODERATE', 'HIGH']);
export type Level = z.infer<typeof level>;
const pattern = (re: RegExp, message: string) => z.string().check(z.regex(re, message));
const slug = pattern(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase-kebab-case');
const reason = z.string().check(z.maxLength(2000));
const text = (max: number) => z.string().check(z.maxLength(max));
const requirementId = pattern(/^[A-Z]{2,5}-\d+(\.[a-z]\.\d+)?$/, 'must be a requirement id such as DI-1 or DOC-1.a.1');
const recordId = pattern(
  /^[A-Z]{2,5}-\d+(\.\d+|\.[a-z]\.\d+(\.\d+)?)?$/,
  'must be a requirement id (DI-1, DOC-1.a.1) or an item id (DI-1.2, DOC-1.a.1.2)',
);

export const tailoringSchema = z.strictObject({
  kind: z.literal(TAILORING_KIND),
  version: z.number().check(z.int(), z.minimum(1)),
  /** The product type it started from; absent for a blank product. */
  base: z.optional(z.strictObject({ type: slug })),
  product: z.strictObject({
    /** File names of its documents start with it. */
    id: slug,
    name: z.string().check(z.minLength(1), z.maxLength(200)),
    description: text(4000),
  }),
  components: z
    .array(
      z.strictObject({
        id: slug,
        type: z.enum(COMPONENT_TYPES),
        name: z.string().check(z.minLength(1), z.maxLength(200)),
        does: text(2000),
      }),
    )
    .check(z.minLength(1, 'a product has at least one component')),
  /** FIPS 199 security category of the information the product handles; the level is its high-water mark unless overridden. */
  impact: z.strictObject({
    confidentiality: level,
    integrity: level,
    availability: level,
    override: z.optional(
      z.strictObject({ level, reason: reason.check(z.minLength(1, 'an override of the impact level needs a reason')) }),
    ),
  }),
  /** Which sub-capabilities (or capabilities) each component must provide. */
  allocation: z.array(
    z.strictObject({
      capabilities: z.array(pattern(/^[A-Z]{2,5}(-\d+)?$/, 'must be a capability id (DI) or sub-capability id (DI-1)')),
      components: z.array(slug),
      why: text(2000),
    }),
  ),
  notApplicable: z.array(
    z.strictObject({
      elements: z.array(pattern(/^[A-Z]{2,5}-\d+\.\d+$/, 'must be a technical element id such as CSA-2.12')),
      components: z.array(slug),
      why: text(2000),
    }),
  ),
  /** Key requirements in force, each with its rationale. */
  key: z.array(z.strictObject({ requirement: requirementId, why: text(2000) })),
  /** Key marks of the base product type taken off, with the reason. */
  unkeyed: z.array(z.strictObject({ requirement: requirementId, reason })),
  /** Requirements or items left out, with the reason. */
  excluded: z.array(z.strictObject({ id: recordId, reason })),
  /** Requirements or items added although the baseline does not select them, with the reason. */
  included: z.array(z.strictObject({ id: recordId, reason })),
  /** Allocation changed for a requirement (all its items) or one item, per component. */
  allocationChanges: z.array(z.strictObject({ id: recordId, component: slug, allocated: z.boolean(), reason })),
  /** Agency values filled in, by id (catalog/procurement/agency-values.yaml). */
  values: z.record(z.string(), text(4000)),
});

export type Tailoring = z.infer<typeof tailoringSchema>;

/** A product type's own record at an impact level: what the build's templates are written from. */
export function defaultTailoring(type: ProductType, lvl: Level, values: Record<string, string> = {}): Tailoring {
  return {
    kind: TAILORING_KIND,
    version: TAILORING_VERSION,
    base: { type: type.id },
    product: { id: type.id, name: type.name, description: type.description },
    components: type.components.map((c) => ({ ...c })),
    impact: { confidentiality: lvl, integrity: lvl, availability: lvl },
    allocation: type.allocation.map((r) => ({
      capabilities: [...r.capabilities],
      components: [...r.components],
      why: r.why,
    })),
    notApplicable: (type['not-applicable'] ?? []).map((r) => ({
      elements: [...r.elements],
      components: [...r.components],
      why: r.why,
    })),
    key: type.key.map((k) => ({ ...k })),
    unkeyed: [],
    excluded: [],
    included: [],
    allocationChanges: [],
    values: { ...values },
  };
}

/** A product with one IoT device and nothing decided yet. */
export function blankTailoring(): Tailoring {
  return {
    kind: TAILORING_KIND,
    version: TAILORING_VERSION,
    product: { id: 'iot-product', name: 'IoT product', description: '' },
    components: [{ id: 'device', type: 'iot-device', name: 'IoT device', does: '' }],
    impact: { confidentiality: 'MODERATE', integrity: 'MODERATE', availability: 'MODERATE' },
    allocation: [],
    notApplicable: [],
    key: [],
    unkeyed: [],
    excluded: [],
    included: [],
    allocationChanges: [],
    values: {},
  };
}

const ORDER: Level[] = ['LOW', 'MODERATE', 'HIGH'];
const OBJECTIVES = ['confidentiality', 'integrity', 'availability'] as const;

/** The level the documents use: the high-water mark of the category, or the override; with the reason in words. */
export function impactLevel(t: Tailoring): { level: Level; highWater: Level; reason: string; category: string } {
  const i = t.impact;
  const highWater = ORDER[Math.max(...OBJECTIVES.map((o) => ORDER.indexOf(i[o])))]!;
  const category = `{(confidentiality, ${i.confidentiality}), (integrity, ${i.integrity}), (availability, ${i.availability})}`;
  const top = OBJECTIVES.filter((o) => i[o] === highWater);
  const mark = `${highWater} is the high-water mark of the security category (${top.join(', ')} ${highWater})`;
  if (i.override && i.override.level !== highWater)
    return {
      level: i.override.level,
      highWater,
      category,
      reason: `${i.override.level}, set by the agency instead of ${highWater} (the high-water mark of the security category): ${i.override.reason}`,
    };
  return { level: highWater, highWater, category, reason: mark };
}

/** The product as a product type: what the selection reads. */
export function tailoredType(t: Tailoring, model: Pick<Model, 'productTypes'>): ProductType {
  const base = t.base ? model.productTypes.find((p) => p.id === t.base!.type) : undefined;
  return {
    id: t.product.id,
    name: t.product.name,
    description: t.product.description,
    impact: impactLevel(t).level,
    components: t.components.map((c) => ({ ...c })),
    data: base?.data ?? [],
    effects: base?.effects ?? {},
    allocation: t.allocation,
    key: t.key,
    ...(t.notApplicable.length || base?.['not-applicable'] ? { 'not-applicable': t.notApplicable } : {}),
    file: base?.file ?? '',
  };
}

export interface TailoringProblem {
  /** Path in the record: "components[1].type", "excluded[0].id". */
  field: string;
  message: string;
}

const zodPath = (path: readonly PropertyKey[]) =>
  path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '') || '(the record)';

/**
 * Reads a tailoring record (parsed JSON): its shape (zod), its version (a newer one is refused:
 * this site cannot know its fields), then every id it names against the catalog and itself.
 */
export function readTailoring(
  data: unknown,
  model: Pick<Model, 'productTypes' | 'capabilities' | 'subCapabilities' | 'elements' | 'subElements' | 'procurement'>,
): { record: Tailoring; problems: [] } | { record?: undefined; problems: TailoringProblem[] } {
  if (
    typeof data === 'object' &&
    data &&
    'version' in data &&
    typeof data.version === 'number' &&
    data.version > TAILORING_VERSION
  ) {
    return {
      problems: [
        {
          field: 'version',
          message: `the record is version ${data.version}, newer than this site reads (version ${TAILORING_VERSION}); open it with the site that wrote it`,
        },
      ],
    };
  }
  const parsed = tailoringSchema.safeParse(data);
  if (!parsed.success)
    return { problems: parsed.error.issues.slice(0, 10).map((i) => ({ field: zodPath(i.path), message: i.message })) };
  const t = parsed.data;
  const problems: TailoringProblem[] = [];
  const componentIds = t.components.map((c) => c.id);
  t.components.forEach((c, i) => {
    if (componentIds.indexOf(c.id) !== i)
      problems.push({ field: `components[${i}].id`, message: `duplicate component id "${c.id}"` });
  });
  if (t.base && !model.productTypes.some((p) => p.id === t.base!.type))
    problems.push({ field: 'base.type', message: `unknown product type "${t.base.type}"` });
  const capabilities = new Set([...model.capabilities.map((c) => c.id), ...model.subCapabilities.map((s) => s.id)]);
  const requirements = new Set([
    ...model.subCapabilities.filter((s) => s.kind === 'technical').map((s) => s.id),
    ...model.elements.filter((e) => e.kind === 'non-technical').map((e) => e.id),
  ]);
  const records = new Set([
    ...requirements,
    ...model.elements.filter((e) => e.kind === 'technical').map((e) => e.id),
    ...model.subElements.map((s) => s.id),
  ]);
  const component = (c: string, field: string) => {
    if (!componentIds.includes(c))
      problems.push({ field, message: `unknown component "${c}" (components: ${componentIds.join(', ')})` });
  };
  t.allocation.forEach((r, i) => {
    r.capabilities.forEach((c, j) => {
      if (!capabilities.has(c))
        problems.push({
          field: `allocation[${i}].capabilities[${j}]`,
          message: `unknown SP 800-213A capability "${c}"`,
        });
    });
    r.components.forEach((c, j) => {
      component(c, `allocation[${i}].components[${j}]`);
    });
  });
  t.notApplicable.forEach((r, i) => {
    r.components.forEach((c, j) => {
      component(c, `notApplicable[${i}].components[${j}]`);
    });
  });
  t.key.forEach((k, i) => {
    if (!requirements.has(k.requirement))
      problems.push({ field: `key[${i}].requirement`, message: `unknown requirement "${k.requirement}"` });
  });
  for (const list of ['excluded', 'included', 'allocationChanges'] as const) {
    t[list].forEach((d, i) => {
      if (!records.has(d.id))
        problems.push({ field: `${list}[${i}].id`, message: `unknown requirement or item "${d.id}"` });
    });
  }
  t.allocationChanges.forEach((d, i) => {
    component(d.component, `allocationChanges[${i}].component`);
  });
  const values = new Map((model.procurement?.values ?? []).map((v) => [v.id, v]));
  for (const [id, v] of Object.entries(t.values)) {
    const def = values.get(id);
    if (!def) problems.push({ field: `values.${id}`, message: `unknown agency value "${id}"` });
    else {
      const bad = valueProblem(def.kind, v);
      if (bad) problems.push({ field: `values.${id}`, message: bad });
    }
  }
  return problems.length ? { problems } : { record: t, problems: [] };
}

/** Why a value of a kind is not acceptable, or undefined; blank is always acceptable (it stays bracketed). */
export function valueProblem(kind: string, value: string): string | undefined {
  const v = value.trim();
  if (!v) return undefined;
  if (kind === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
    if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3]))
      return `"${v}" is not a date (YYYY-MM-DD)`;
  }
  if (kind === 'days' || kind === 'months' || kind === 'years') {
    if (!/^[1-9]\d{0,4}$/.test(v)) return `"${v}" is not a positive whole number of ${kind}`;
  }
  if (kind === 'number' && !/^\d+(\.\d+)?$/.test(v)) return `"${v}" is not a number`;
  return undefined;
}

/** "ip-video-surveillance" from "IP video surveillance", for file names. */
export const slugify = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'iot-product';
