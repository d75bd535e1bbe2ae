/**
 * Product types (catalog/product-types/<id>.yaml): an IoT product agencies buy,
 * its components, what it handles and affects, which SP 800-213A
 * sub-capabilities each component must provide, and its key requirements.
 * Checked by a zod schema and against the model; every problem names the file
 * and the line in it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { didYouMeanHint, type Problems } from '../problems.ts';
import type { Model } from '../model/schemas/model.ts';

export const COMPONENT_TYPES = ['iot-device', 'gateway', 'companion-app', 'backend'] as const;
export const COMPONENT_TYPE_NAMES: Record<(typeof COMPONENT_TYPES)[number], string> = {
  'iot-device': 'IoT device',
  gateway: 'Specialty networking/gateway hardware',
  'companion-app': 'Companion application software',
  backend: 'Backend',
};

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase-kebab-case');

export const productTypeSchema = z
  .object({
    name: z.string().min(3),
    description: z.string().min(20),
    /** Default impact level (FIPS 199) for systems that use the product. */
    impact: z.enum(['LOW', 'MODERATE', 'HIGH']),
    components: z
      .array(
        z
          .object({
            id: slug,
            type: z.enum(COMPONENT_TYPES),
            name: z.string().min(2),
            does: z.string().min(10),
          })
          .strict(),
      )
      .min(1),
    data: z
      .array(z.object({ kind: z.enum(['personal', 'confidential', 'environmental', 'operational', 'health']), what: z.string().min(3) }).strict())
      .min(1),
    effects: z
      .object({
        safety: z.string().min(3).optional(),
        availability: z.string().min(3).optional(),
      })
      .strict(),
    /** Which sub-capabilities (or whole capabilities) each component must provide, and why. */
    allocation: z
      .array(
        z
          .object({
            capabilities: z.array(z.string().regex(/^[A-Z]{2,5}(-\d+)?$/, 'must be a capability id (DI) or sub-capability id (DI-1)')).min(1),
            components: z.array(slug).min(1),
            why: z.string().min(10),
          })
          .strict(),
      )
      .min(1),
    /** Key requirements: elements (technical) or sub-elements (non-technical) the product must meet to be acceptable. */
    key: z.array(z.object({ element: z.string().regex(/^[A-Z]{2,5}-\d+(\.[a-z])?(\.\d+){1,2}$/, 'must be an element id such as DI-1.1 or DOC-1.a.1.2'), why: z.string().min(10) }).strict()).min(1),
  })
  .strict();

export type ProductTypeFile = z.infer<typeof productTypeSchema>;

/** A product type as the model holds it: the file's content, its id (the file name) and the file. */
export const productTypeModelSchema = productTypeSchema.extend({ id: slug, file: z.string().min(1) }).strict();
export type ProductType = z.infer<typeof productTypeModelSchema>;

/** Line (1-based) of the node at a JSON path in a parsed YAML document. */
function lineOf(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): number {
  let node: unknown = doc.contents;
  for (const key of path) {
    if (isMap(node)) node = node.get(key as string, true) ?? node;
    else if (isSeq(node)) node = node.get(Number(key), true) ?? node;
  }
  const range = (node as { range?: [number, number, number] })?.range;
  return range ? lines.linePos(range[0]).line : 1;
}

const pathText = (path: readonly PropertyKey[]) => path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');

/** Reads and checks one product type file against the schema and the model. */
export function parseProductType(text: string, file: string, model: Model, problems: Problems): ProductType | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length) {
    for (const e of doc.errors) problems.error(file, `line ${e.linePos?.[0]?.line ?? '?'}`, `not valid YAML: ${e.message.split('\n')[0]}`, 'Fix the YAML syntax.');
    return undefined;
  }
  const at = (path: readonly PropertyKey[]) => `line ${lineOf(doc, lines, path)} (${pathText(path)})`;
  const parsed = productTypeSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.error(file, at(issue.path), issue.message, 'See catalog/product-types/README.md for the fields of a product type.');
    return undefined;
  }
  const data = parsed.data;
  const id = basename(file).replace(/\.ya?ml$/, '');
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) problems.error(file, 'file name', `"${id}" is not a valid product type id`, 'Name the file in lowercase-kebab-case: the file name is the id.');

  const componentIds = data.components.map((c) => c.id);
  const seen = new Map<string, number>();
  data.components.forEach((c, i) => {
    if (seen.has(c.id)) problems.error(file, at(['components', i, 'id']), `duplicate component id "${c.id}" (also at components[${seen.get(c.id)}])`, 'Give each component its own id.');
    seen.set(c.id, i);
  });
  if (!data.components.some((c) => c.type === 'iot-device')) problems.error(file, at(['components']), 'an IoT product has at least one IoT device component', 'Add the device (type: iot-device).');

  const capabilityIds = new Set([...model.capabilities.map((c) => c.id), ...model.subCapabilities.map((s) => s.id)]);
  const technical = new Set([...model.capabilities.filter((c) => c.kind === 'technical').map((c) => c.id), ...model.subCapabilities.filter((s) => s.kind === 'technical').map((s) => s.id)]);
  data.allocation.forEach((rule, i) => {
    rule.capabilities.forEach((cap, j) => {
      if (!capabilityIds.has(cap)) problems.error(file, at(['allocation', i, 'capabilities', j]), `unknown SP 800-213A capability "${cap}"`, didYouMeanHint(cap, capabilityIds) || 'Use a capability id (DI) or sub-capability id (DI-1) from /capabilities/.');
      else if (!technical.has(cap)) problems.error(file, at(['allocation', i, 'capabilities', j]), `"${cap}" is non-technical: non-technical capabilities are met by the manufacturer for the whole product, not allocated to components`, 'Remove it from the allocation; every selected non-technical requirement applies at product level.');
    });
    rule.components.forEach((c, j) => {
      if (!componentIds.includes(c)) problems.error(file, at(['allocation', i, 'components', j]), `unknown component "${c}"`, didYouMeanHint(c, componentIds) || `Components of this type: ${componentIds.join(', ')}.`);
    });
  });
  const requirementIds = new Set([...model.elements.filter((e) => e.kind === 'technical').map((e) => e.id), ...model.subElements.map((s) => s.id)]);
  const elementById = new Map(model.elements.map((e) => [e.id, e]));
  const allocated = new Set(data.allocation.flatMap((r) => r.capabilities));
  const seenKeys = new Set<string>();
  data.key.forEach((k, i) => {
    if (seenKeys.has(k.element)) problems.error(file, at(['key', i, 'element']), `key requirement "${k.element}" is listed twice`, 'List each key requirement once.');
    seenKeys.add(k.element);
    if (!requirementIds.has(k.element)) {
      const isElement = elementById.get(k.element)?.kind === 'non-technical';
      problems.error(file, at(['key', i, 'element']), isElement ? `"${k.element}" is a non-technical element: name one of its sub-elements` : `unknown SP 800-213A requirement "${k.element}"`, isElement ? `Its sub-elements: ${elementById.get(k.element)!.subElements.join(', ')}.` : didYouMeanHint(k.element, requirementIds) || 'Name a technical element (DI-1.1) or a non-technical sub-element (DOC-1.a.1.2).');
      return;
    }
    const el = elementById.get(k.element);
    if (el?.kind === 'technical' && !allocated.has(el.subCapability) && !allocated.has(el.capability)) {
      problems.error(file, at(['key', i, 'element']), `key requirement ${k.element} is allocated to no component`, `Add ${el.subCapability} (or ${el.capability}) to an allocation rule.`);
    }
  });
  return { ...data, id, file };
}

/** Reads every product type of a folder; problems name each file. */
export function loadProductTypes(dir: string, displayDir: string, model: Model, problems: Problems): ProductType[] {
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  if (!files.length) problems.error(displayDir, 'folder', 'no product type files', 'Add at least one <id>.yaml.');
  return files.flatMap((f) => parseProductType(readFileSync(join(dir, f), 'utf8'), `${displayDir}/${f}`, model, problems) ?? []);
}
