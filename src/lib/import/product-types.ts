/**
 * Product types (catalog/product-types/<id>.yaml): an IoT product agencies buy,
 * its components, what it handles and affects, which SP 800-213A
 * sub-capabilities each component must provide, and its key requirements.
 * Checked by its zod schema (src/lib/model/schemas/product-type.ts) and against
 * the model; every problem names the file and the line in it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readYamlWith } from '../yaml-lines.ts';
import { didYouMeanHint, type Problems } from '../problems.ts';
import type { Model } from '../model/schemas/model.ts';
import { type ProductTypeInput, productTypeSchema } from '../model/schemas/product-type.ts';

export { COMPONENT_TYPES } from '../model/schemas/product-type.ts';

/** Reads and checks one product type file against the schema and the model. */
export function parseProductType(
  text: string,
  file: string,
  model: Model,
  problems: Problems,
): ProductTypeInput | undefined {
  const read = readYamlWith(
    text,
    file,
    problems,
    productTypeSchema,
    'See catalog/product-types/README.md for the fields of a product type.',
  );
  if (!read) return undefined;
  const { data, at } = read;
  const id = basename(file).replace(/\.ya?ml$/, '');
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))
    problems.error(
      file,
      'file name',
      `"${id}" is not a valid product type id`,
      'Name the file in lowercase-kebab-case: the file name is the id.',
    );

  const componentIds = data.components.map((c) => c.id);
  const seen = new Map<string, number>();
  data.components.forEach((c, i) => {
    if (seen.has(c.id))
      problems.error(
        file,
        at(['components', i, 'id']),
        `duplicate component id "${c.id}" (also at components[${seen.get(c.id)}])`,
        'Give each component its own id.',
      );
    seen.set(c.id, i);
  });
  if (!data.components.some((c) => c.type === 'iot-device'))
    problems.error(
      file,
      at(['components']),
      'an IoT product has at least one IoT device component',
      'Add the device (type: iot-device).',
    );

  const capabilityIds = new Set([...model.capabilities.map((c) => c.id), ...model.subCapabilities.map((s) => s.id)]);
  const technical = new Set([
    ...model.capabilities.filter((c) => c.kind === 'technical').map((c) => c.id),
    ...model.subCapabilities.filter((s) => s.kind === 'technical').map((s) => s.id),
  ]);
  data.allocation.forEach((rule, i) => {
    rule.capabilities.forEach((cap, j) => {
      if (!capabilityIds.has(cap))
        problems.error(
          file,
          at(['allocation', i, 'capabilities', j]),
          `unknown SP 800-213A capability "${cap}"`,
          didYouMeanHint(cap, capabilityIds) ||
            'Use a capability id (DI) or sub-capability id (DI-1) from /capabilities/.',
        );
      else if (!technical.has(cap))
        problems.error(
          file,
          at(['allocation', i, 'capabilities', j]),
          `"${cap}" is non-technical: non-technical capabilities are met by the manufacturer for the whole product, not allocated to components`,
          'Remove it from the allocation; every selected non-technical requirement applies at product level.',
        );
    });
    rule.components.forEach((c, j) => {
      if (!componentIds.includes(c))
        problems.error(
          file,
          at(['allocation', i, 'components', j]),
          `unknown component "${c}"`,
          didYouMeanHint(c, componentIds) || `Components of this type: ${componentIds.join(', ')}.`,
        );
    });
  });
  const technicalSubCapabilities = new Map(
    model.subCapabilities.filter((sc) => sc.kind === 'technical').map((sc) => [sc.id, sc]),
  );
  const requirementIds = new Set([
    ...technicalSubCapabilities.keys(),
    ...model.elements.filter((e) => e.kind === 'non-technical').map((e) => e.id),
  ]);
  const elementById = new Map(model.elements.map((e) => [e.id, e]));
  const subElementById = new Map(model.subElements.map((e) => [e.id, e]));
  const allocated = new Set(data.allocation.flatMap((r) => r.capabilities));
  const seenKeys = new Set<string>();
  data.key.forEach((k, i) => {
    if (seenKeys.has(k.requirement))
      problems.error(
        file,
        at(['key', i, 'requirement']),
        `key requirement "${k.requirement}" is listed twice`,
        'List each key requirement once.',
      );
    seenKeys.add(k.requirement);
    if (!requirementIds.has(k.requirement)) {
      const technicalElement = elementById.get(k.requirement);
      const subElement = subElementById.get(k.requirement);
      const element = technicalElement ?? subElement;
      const parent = subElement ? subElement.element : technicalElement?.subCapability;
      problems.error(
        file,
        at(['key', i, 'requirement']),
        element
          ? `"${k.requirement}" is an item of a requirement, not a requirement`
          : `unknown SP 800-213A requirement "${k.requirement}"`,
        parent
          ? `Name the requirement it belongs to: ${parent}.`
          : didYouMeanHint(k.requirement, requirementIds) ||
              'Name a technical sub-capability (SU-1) or a non-technical element (DOC-1.e.1).',
      );
      return;
    }
    const sc = technicalSubCapabilities.get(k.requirement);
    if (sc && !allocated.has(sc.id) && !allocated.has(sc.capability)) {
      problems.error(
        file,
        at(['key', i, 'requirement']),
        `key requirement ${k.requirement} is allocated to no component`,
        `Add ${sc.id} (or ${sc.capability}) to an allocation rule.`,
      );
    }
  });
  const componentsOfElement = (elementId: string): Set<string> => {
    const el = elementById.get(elementId)!;
    return new Set(
      data.allocation
        .filter((r) => r.capabilities.includes(el.subCapability) || r.capabilities.includes(el.capability))
        .flatMap((r) => r.components),
    );
  };
  (data['not-applicable'] ?? []).forEach((rule, i) => {
    rule.elements.forEach((id, j) => {
      const el = elementById.get(id);
      if (el?.kind !== 'technical') {
        problems.error(
          file,
          at(['not-applicable', i, 'elements', j]),
          `unknown SP 800-213A technical element "${id}"`,
          didYouMeanHint(
            id,
            [...elementById.values()].filter((e) => e.kind === 'technical').map((e) => e.id),
          ) || 'Name a technical element such as CSA-2.12.',
        );
        return;
      }
      const given = componentsOfElement(id);
      for (const c of rule.components) {
        if (componentIds.includes(c) && !given.has(c))
          problems.error(
            file,
            at(['not-applicable', i, 'elements', j]),
            `${id} is not allocated to "${c}", so there is nothing to take out`,
            `Remove "${c}" from this rule, or allocate ${el.subCapability} to it.`,
          );
      }
    });
    rule.components.forEach((c, j) => {
      if (!componentIds.includes(c))
        problems.error(
          file,
          at(['not-applicable', i, 'components', j]),
          `unknown component "${c}"`,
          didYouMeanHint(c, componentIds) || `Components of this type: ${componentIds.join(', ')}.`,
        );
    });
  });
  return { ...data, id, file };
}

/** Reads every product type of a folder; problems name each file. */
export function loadProductTypes(
  dir: string,
  displayDir: string,
  model: Model,
  problems: Problems,
): ProductTypeInput[] {
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  if (!files.length) problems.error(displayDir, 'folder', 'no product type files', 'Add at least one <id>.yaml.');
  return files.flatMap(
    (f) => parseProductType(readFileSync(join(dir, f), 'utf8'), `${displayDir}/${f}`, model, problems) ?? [],
  );
}
