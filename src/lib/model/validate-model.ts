/**
 * Checks the assembled model: every record against its zod schema, then the
 * cross-references the schemas cannot see (ids unique, every referenced id
 * exists, parents and children agree, every capability has elements). Each
 * problem names the record's source file and place, and both places on a clash.
 */
import { didYouMeanHint, type Problems } from '../problems.ts';
import { jsonPath } from '../sources/source-manifest.ts';
import { type Model, modelSchema } from './schemas/model.ts';
import type { Provenance } from './schemas/provenance.ts';

function placeOf(p: Provenance): string {
  return `${p.file} (${p.place})`;
}

export function validateModel(model: Model, problems: Problems): void {
  const parsed = modelSchema.safeParse(model);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 50)) {
      // Name the record's own source where the path leads into one.
      const [collection, index] = issue.path as [string, number];
      const record = (model as unknown as Record<string, { provenance?: Provenance; id?: string }[]>)[collection]?.[
        index
      ];
      const at = record?.provenance;
      problems.error(
        at?.file ?? 'model',
        at ? `${at.place}; model ${jsonPath(issue.path)}` : jsonPath(issue.path),
        `${record?.id ? `${record.id}: ` : ''}${issue.message}`,
        'The importer produced a record the model does not allow; the source row is malformed or the importer needs a fix.',
      );
    }
    if (parsed.error.issues.length > 50)
      problems.error('model', '$', `${parsed.error.issues.length - 50} more schema problems not listed`);
    return;
  }

  // Unique ids across the model: control ids (lower case) cannot clash with SP 800-213A ids (upper case).
  const seen = new Map<string, Provenance>();
  const unique = (id: string, at: Provenance, what: string) => {
    const first = seen.get(id);
    if (first)
      problems.error(
        at.file,
        at.place,
        `duplicate ${what} id "${id}": also used by the record at ${placeOf(first)}`,
        'Ids must be unique; check the numbering of the two rows in the source.',
      );
    else seen.set(id, at);
  };
  for (const c of model.controls) unique(c.id, c.provenance, 'control');
  for (const f of model.families) unique(`family:${f.id}`, f.provenance, 'family');
  for (const list of [model.capabilities, model.subCapabilities, model.elements, model.subElements]) {
    for (const r of list) unique(r.id, r.provenance, 'catalog record');
  }
  model.profileTopics.forEach((t) => {
    unique(t.id, t.provenance, 'profile topic');
    for (const s of t.sections) unique(s.id, s.provenance, 'profile section');
  });

  const controls = new Map(model.controls.map((c) => [c.id, c]));
  const families = new Map(model.families.map((f) => [f.id, f]));
  const capabilities = new Map(model.capabilities.map((c) => [c.id, c]));
  const subCapabilities = new Map(model.subCapabilities.map((s) => [s.id, s]));
  const elements = new Map(model.elements.map((e) => [e.id, e]));
  const subElements = new Map(model.subElements.map((e) => [e.id, e]));

  const exists = (map: ReadonlyMap<string, unknown>, id: string, at: Provenance, what: string) => {
    if (map.has(id)) return true;
    const hint = didYouMeanHint(id, map.keys());
    problems.error(
      at.file,
      at.place,
      `refers to ${what} "${id}", which does not exist`,
      `${hint ? `${hint} ` : ''}Check the reference against the source it points to.`,
    );
    return false;
  };

  for (const c of model.controls) {
    exists(families, c.family, c.provenance, 'family');
    if (c.parent) exists(controls, c.parent, c.provenance, 'parent control');
    for (const r of c.related) exists(controls, r, c.provenance, 'related control');
    c.enhancements.forEach((e) => {
      if (exists(controls, e, c.provenance, 'enhancement') && controls.get(e)!.parent !== c.id) {
        problems.error(
          c.provenance.file,
          c.provenance.place,
          `lists enhancement ${e}, whose parent is ${controls.get(e)!.parent ?? 'none'}`,
        );
      }
    });
    for (const w of c.withdrawnTo) {
      if (w.target === 'family') exists(families, w.id, c.provenance, 'family');
      else exists(controls, w.id, c.provenance, 'control');
    }
  }
  for (const f of model.families) for (const id of f.controls) exists(controls, id, f.provenance, 'control');

  for (const cap of model.capabilities) {
    if (!cap.subCapabilities.length)
      problems.error(cap.provenance.file, cap.provenance.place, `capability ${cap.id} has no sub-capabilities`);
    for (const sid of cap.subCapabilities) {
      if (
        exists(subCapabilities, sid, cap.provenance, 'sub-capability') &&
        subCapabilities.get(sid)!.capability !== cap.id
      ) {
        problems.error(
          cap.provenance.file,
          cap.provenance.place,
          `lists sub-capability ${sid}, which belongs to ${subCapabilities.get(sid)!.capability}`,
        );
      }
    }
    const count = cap.subCapabilities.reduce((n, sid) => n + (subCapabilities.get(sid)?.elements.length ?? 0), 0);
    if (!count)
      problems.error(
        cap.provenance.file,
        cap.provenance.place,
        `capability ${cap.id} has no elements`,
        'Every capability lists at least one element in the workbook.',
      );
  }
  for (const sub of model.subCapabilities) {
    exists(capabilities, sub.capability, sub.provenance, 'capability');
    for (const eid of sub.elements) {
      if (exists(elements, eid, sub.provenance, 'element') && elements.get(eid)!.subCapability !== sub.id) {
        problems.error(
          sub.provenance.file,
          sub.provenance.place,
          `lists element ${eid}, which belongs to ${elements.get(eid)!.subCapability}`,
        );
      }
    }
  }
  for (const el of model.elements) {
    exists(capabilities, el.capability, el.provenance, 'capability');
    if (
      exists(subCapabilities, el.subCapability, el.provenance, 'sub-capability') &&
      subCapabilities.get(el.subCapability)!.capability !== el.capability
    ) {
      problems.error(
        el.provenance.file,
        el.provenance.place,
        `${el.id} is filed under ${el.capability} but its sub-capability belongs to ${subCapabilities.get(el.subCapability)!.capability}`,
      );
    }
    for (const l of el.controls) exists(controls, l.control, el.provenance, 'control');
    for (const s of el.subElements) exists(subElements, s, el.provenance, 'sub-element');
    if (el.kind === 'technical' && !el.controls.length && !el.noMapping)
      problems.error(el.provenance.file, el.provenance.place, `${el.id} maps to no control`);
    if (el.kind === 'non-technical' && !el.subElements.length)
      problems.error(el.provenance.file, el.provenance.place, `${el.id} has no sub-elements`);
  }
  for (const se of model.subElements) {
    if (
      exists(elements, se.element, se.provenance, 'element') &&
      !elements.get(se.element)!.subElements.includes(se.id)
    ) {
      problems.error(se.provenance.file, se.provenance.place, `${se.id} is not listed by its element ${se.element}`);
    }
    for (const l of se.controls) exists(controls, l.control, se.provenance, 'control');
    if (!se.controls.length && !se.noMapping)
      problems.error(se.provenance.file, se.provenance.place, `${se.id} maps to no control`);
  }
  for (const t of model.profileTopics) {
    if (t.capability) exists(capabilities, t.capability, t.provenance, 'capability');
  }
  const anyRecord = (id: string) =>
    controls.has(id) || capabilities.has(id) || subCapabilities.has(id) || elements.has(id) || subElements.has(id);
  for (const f of model.findings) {
    for (const r of f.records)
      if (!anyRecord(r))
        problems.error(
          f.where[0]!.file,
          f.where[0]!.place,
          `finding "${f.kind}" refers to "${r}", which is no record of the model`,
        );
  }
}
