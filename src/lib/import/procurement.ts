/**
 * Reads the project's procurement data (catalog/procurement/): requirement terms,
 * agency values, wording corrections, post-market obligations, deliverables and
 * federal clauses. Each file is checked by its zod schema and every id it names
 * against the model; every problem names the file, the line and a hint.
 * Wording corrections become findings of the source report.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Document, isMap, isScalar, type LineCounter } from 'yaml';
import type { z } from 'zod';
import type { Finding } from '../model/schemas/finding.ts';
import type { Model } from '../model/schemas/model.ts';
import {
  agencyValueSchema,
  definitionSchema,
  deliverableSchema,
  federalClauseSchema,
  postMarketObligationSchema,
  type ProcurementInput,
  requirementTermsSchema,
  wordingCorrectionSchema,
} from '../model/schemas/procurement.ts';
import { didYouMeanHint, type Problems } from '../problems.ts';
import { lineOf, parseYaml, pathText } from '../yaml-lines.ts';
import { catalogTexts, textOfRecord } from './record-text.ts';

interface Parsed {
  doc: Document;
  lines: LineCounter;
  at: (path: readonly PropertyKey[]) => string;
  line: (path: readonly PropertyKey[]) => number;
}

function readYaml(path: string, name: string, problems: Problems): (Parsed & { data: unknown }) | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    problems.error(name, 'whole file', `cannot read it: ${(e as Error).message}`, `Restore ${name} from git.`);
    return undefined;
  }
  const yaml = parseYaml(text, name, problems);
  if (!yaml) return undefined;
  const { doc, lines } = yaml;
  const line = (p: readonly PropertyKey[]) => lineOf(doc, lines, p);
  return { doc, lines, data: doc.toJS(), line, at: (p) => `line ${line(p)} (${pathText(p) || 'top'})` };
}

function checkList<S extends z.ZodType>(
  parsed: Parsed & { data: unknown },
  name: string,
  schema: S,
  problems: Problems,
): z.infer<S>[] {
  if (!Array.isArray(parsed.data)) {
    problems.error(
      name,
      'line 1',
      'must be a list (each entry starting with "- ")',
      `See catalog/procurement/README.md.`,
    );
    return [];
  }
  const out: z.infer<S>[] = [];
  parsed.data.forEach((entry, i) => {
    const r = schema.safeParse(entry);
    if (r.success) out.push(r.data);
    else
      for (const issue of r.error.issues)
        problems.error(
          name,
          parsed.at([i, ...issue.path]),
          issue.message,
          'See catalog/procurement/README.md for the fields.',
        );
  });
  return out;
}

const VALUE_REF = /\{([a-z0-9-]+)\}/g;

export function loadProcurement(
  dir: string,
  model: Model,
  problems: Problems,
  findings: Finding[],
  displayDir = 'catalog/procurement',
): ProcurementInput {
  const out: ProcurementInput = {
    requirements: [],
    values: [],
    corrections: [],
    postMarket: [],
    deliverables: [],
    federalClauses: [],
    definitions: [],
  };
  const texts = catalogTexts(model);

  // Requirement terms: one file per capability, one entry per requirement of it.
  const technicalSubs = model.subCapabilities.filter((s) => s.kind === 'technical');
  const nonTechnicalElements = model.elements.filter((e) => e.kind === 'non-technical');
  const expected = new Map<string, string>([
    ...technicalSubs.map((s) => [s.id, s.capability] as const),
    ...nonTechnicalElements.map((e) => [e.id, e.capability] as const),
  ]);
  const reqDir = join(dir, 'requirements');
  let files: string[] = [];
  try {
    files = readdirSync(reqDir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort();
  } catch {
    problems.error(
      `${displayDir}/requirements`,
      'folder',
      'the folder of requirement terms is missing',
      'Restore catalog/procurement/requirements/ from git.',
    );
  }
  const seen = new Map<string, string>();
  for (const f of files) {
    const name = `${displayDir}/requirements/${f}`;
    const capability = f.replace(/\.ya?ml$/, '');
    if (!model.capabilities.some((c) => c.id === capability)) {
      problems.error(
        name,
        'file name',
        `"${capability}" is not an SP 800-213A capability`,
        didYouMeanHint(
          capability,
          model.capabilities.map((c) => c.id),
        ) || 'Name the file after its capability: DI.yaml, DOC.yaml.',
      );
      continue;
    }
    const parsed = readYaml(join(reqDir, f), name, problems);
    if (!parsed) continue;
    if (!parsed.data || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
      problems.error(
        name,
        'line 1',
        'must map requirement ids to their terms (DI-1: …)',
        'See catalog/procurement/README.md.',
      );
      continue;
    }
    const keyLine = (id: string) => {
      const pair = isMap(parsed.doc.contents)
        ? parsed.doc.contents.items.find((p) => isScalar(p.key) && String(p.key.value) === id)
        : undefined;
      const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
      return range ? `line ${parsed.lines.linePos(range[0]).line} (${id})` : parsed.at([id]);
    };
    for (const [id, entry] of Object.entries(parsed.data as Record<string, unknown>)) {
      const at = keyLine(id);
      if (!expected.has(id)) {
        const isItem = texts.has(id);
        problems.error(
          name,
          at,
          isItem ? `"${id}" is an item of a requirement, not a requirement` : `unknown requirement "${id}"`,
          didYouMeanHint(id, expected.keys()) ||
            'Requirements are technical sub-capabilities (DI-1) and non-technical elements (DOC-1.a.1).',
        );
        continue;
      }
      if (expected.get(id) !== capability) {
        problems.error(
          name,
          at,
          `${id} belongs to capability ${expected.get(id)}, not ${capability}`,
          `Move it to ${displayDir}/requirements/${expected.get(id)}.yaml.`,
        );
        continue;
      }
      if (seen.has(id)) problems.error(name, at, `${id} is also in ${seen.get(id)}`, 'Keep one entry per requirement.');
      seen.set(id, name);
      const r = requirementTermsSchema.safeParse(entry);
      if (!r.success) {
        for (const issue of r.error.issues)
          problems.error(
            name,
            parsed.at([id, ...issue.path]),
            issue.message,
            'See catalog/procurement/README.md for the fields of a requirement.',
          );
        continue;
      }
      const method = /^Verified by (\w+)/.exec(r.data.pass)![1];
      if (method !== r.data.verification)
        problems.error(
          name,
          parsed.at([id, 'pass']),
          `the pass criterion says "Verified by ${method}" but verification is "${r.data.verification}"`,
          'Make the two agree.',
        );
      out.requirements.push({ ...r.data, id, file: name });
    }
  }
  const missing = [...expected.keys()].filter((id) => !seen.has(id));
  if (files.length && missing.length) {
    problems.error(
      `${displayDir}/requirements`,
      'folder',
      `${missing.length} requirement(s) have no terms: ${missing.join(', ')}`,
      'Add an entry for each to the file of its capability.',
    );
  }
  const order = new Map([...expected.keys()].map((id, i) => [id, i]));
  out.requirements.sort((a, b) => order.get(a.id)! - order.get(b.id)!);

  // Agency values.
  const valuesName = `${displayDir}/agency-values.yaml`;
  const values = readYaml(join(dir, 'agency-values.yaml'), valuesName, problems);
  const paramIds = new Set(model.controls.flatMap((c) => c.params.map((p) => p.id)));
  if (values) {
    out.values = checkList(values, valuesName, agencyValueSchema, problems);
    const ids = new Map<string, number>();
    out.values.forEach((v, i) => {
      if (ids.has(v.id))
        problems.error(
          valuesName,
          values.at([i, 'id']),
          `value id "${v.id}" is used twice (also at line ${values.line([ids.get(v.id)!, 'id'])})`,
          'Give each value its own id.',
        );
      ids.set(v.id, i);
      v.params.forEach((p, j) => {
        if (!paramIds.has(p))
          problems.error(
            valuesName,
            values.at([i, 'params', j]),
            `unknown SP 800-53 parameter "${p}"`,
            didYouMeanHint(p, paramIds) || 'Use a parameter id of the OSCAL catalog, such as ac-8_prm_1.',
          );
      });
      v.uses.forEach((u, j) => {
        const text = texts.get(u.element);
        if (text === undefined) {
          problems.error(
            valuesName,
            values.at([i, 'uses', j, 'element']),
            `unknown SP 800-213A record "${u.element}"`,
            didYouMeanHint(u.element, texts.keys()) || 'Name a technical element or a non-technical sub-element.',
          );
        } else if (!text.includes(u.replace)) {
          problems.error(
            valuesName,
            values.at([i, 'uses', j, 'replace']),
            `${u.element} does not contain the words "${u.replace}"`,
            `Copy the words exactly as ${u.element} reads them.`,
          );
        }
      });
    });
  }
  const valueIds = new Set(out.values.map((v) => v.id));
  const checkRefs = (text: string, name: string, at: string) => {
    for (const m of text.matchAll(VALUE_REF)) {
      if (!valueIds.has(m[1]!))
        problems.error(
          name,
          at,
          `unknown agency value "{${m[1]}}"`,
          didYouMeanHint(m[1]!, valueIds) || `Add it to ${valuesName}.`,
        );
    }
  };

  // Wording corrections: each a finding of the source report.
  const corrName = `${displayDir}/wording-corrections.yaml`;
  const corr = readYaml(join(dir, 'wording-corrections.yaml'), corrName, problems);
  if (corr) {
    checkList(corr, corrName, wordingCorrectionSchema, problems).forEach((c, i) => {
      const text = texts.get(c.element);
      const line = corr.line([i]);
      if (text === undefined) {
        problems.error(
          corrName,
          corr.at([i, 'element']),
          `unknown SP 800-213A record "${c.element}"`,
          didYouMeanHint(c.element, texts.keys()) || 'Name a technical element or a non-technical sub-element.',
        );
        return;
      }
      if (!text.includes(c.replace)) {
        problems.error(
          corrName,
          corr.at([i, 'replace']),
          `${c.element} does not contain the words "${c.replace}"`,
          `Copy the words exactly as ${c.element} reads them; remove the entry if the source has been fixed.`,
        );
        return;
      }
      out.corrections.push({ ...c, file: corrName, line });
      const record = textOfRecord(model, c.element);
      findings.push({
        kind: 'wording-corrected',
        message: `${c.element}: the requirement text reads "${c.with}" for "${c.replace}". ${c.why}`,
        records: [c.element],
        where: [...(record ? [record.provenance] : []), { source: 'project', file: corrName, place: `line ${line}` }],
      });
    });
  }

  // Post-market obligations, deliverables, federal clauses.
  const recordIds = new Set(
    [...model.capabilities, ...model.subCapabilities, ...model.elements, ...model.subElements].map((r) => r.id),
  );
  const pmName = `${displayDir}/post-market.yaml`;
  const pm = readYaml(join(dir, 'post-market.yaml'), pmName, problems);
  if (pm) {
    out.postMarket = checkList(pm, pmName, postMarketObligationSchema, problems);
    out.postMarket.forEach((o, i) => {
      checkRefs(o.text, pmName, pm.at([i, 'text']));
      o.records.forEach((r, j) => {
        if (!recordIds.has(r))
          problems.error(
            pmName,
            pm.at([i, 'records', j]),
            `unknown SP 800-213A record "${r}"`,
            didYouMeanHint(r, recordIds) || 'Name a capability, sub-capability, element or sub-element id.',
          );
      });
    });
  }
  const delName = `${displayDir}/deliverables.yaml`;
  const del = readYaml(join(dir, 'deliverables.yaml'), delName, problems);
  if (del) {
    out.deliverables = checkList(del, delName, deliverableSchema, problems);
    out.deliverables.forEach((d, i) => {
      checkRefs(d.due, delName, del.at([i, 'due']));
    });
  }
  const fcName = `${displayDir}/federal-clauses.yaml`;
  const fc = readYaml(join(dir, 'federal-clauses.yaml'), fcName, problems);
  if (fc) {
    out.federalClauses = checkList(fc, fcName, federalClauseSchema, problems);
    const typeIds = model.productTypes.map((t) => t.id);
    out.federalClauses.forEach((c, i) => {
      if (c.types === 'all') return;
      c.types.forEach((t, j) => {
        if (!typeIds.includes(t))
          problems.error(
            fcName,
            fc.at([i, 'types', j]),
            `unknown product type "${t}"`,
            didYouMeanHint(t, typeIds) || 'Name a file of catalog/product-types/ without .yaml, or write "all".',
          );
      });
    });
  }
  const defName = `${displayDir}/definitions.yaml`;
  const defs = readYaml(join(dir, 'definitions.yaml'), defName, problems);
  if (defs) {
    const defined = new Map(model.glossary.map((g) => [g.term, g]));
    out.definitions = checkList(defs, defName, definitionSchema, problems).filter((d, i) => {
      const entry = defined.get(d.term);
      if (!entry)
        problems.error(
          defName,
          defs.at([i, 'term']),
          `"${d.term}" is not a term of catalog/glossary.yaml`,
          didYouMeanHint(d.term, defined.keys()) ||
            'Define only terms the glossary lists, so that the documents can cite the draft.',
        );
      else if (!entry.definition && model.guideline)
        problems.error(
          defName,
          defs.at([i, 'term']),
          `the available text of the draft does not define "${d.term}", so its page cannot be cited`,
          'Leave the term out until the draft text that defines it is pinned.',
        );
      return Boolean(entry?.definition);
    });
  }
  return out;
}
