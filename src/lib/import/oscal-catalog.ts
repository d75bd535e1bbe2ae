/**
 * Imports the SP 800-53 Rev. 5 OSCAL catalog: families, controls and
 * enhancements with statements (item labels kept), guidance, parameters
 * rendered the way NIST's text reads, related controls and withdrawals.
 */
import type { Problems } from '../problems.ts';
import type { Control, Family, Parameter, StatementPart, WithdrawalTarget } from '../model/schemas/control.ts';
import type { Provenance } from '../model/schemas/provenance.ts';

interface OscalProp {
  name: string;
  value: string;
}
interface OscalLink {
  href: string;
  rel?: string;
}
interface OscalPart {
  id?: string;
  name: string;
  props?: OscalProp[];
  prose?: string;
  parts?: OscalPart[];
}
interface OscalParam {
  id: string;
  label?: string;
  select?: { 'how-many'?: 'one' | 'one-or-more'; choice?: string[] };
  'depends-on'?: string;
}
interface OscalControl {
  id: string;
  class?: string;
  title: string;
  params?: OscalParam[];
  props?: OscalProp[];
  links?: OscalLink[];
  parts?: OscalPart[];
  controls?: OscalControl[];
}
interface OscalGroup {
  id: string;
  title: string;
  controls?: OscalControl[];
}
export interface OscalCatalogDocument {
  catalog: {
    uuid: string;
    metadata: { title: string; version: string; 'oscal-version': string; 'last-modified'?: string };
    groups?: OscalGroup[];
  };
}

export interface ImportedCatalog {
  metadata: { title: string; version: string; oscalVersion: string };
  families: Family[];
  controls: Control[];
}

const INSERT = /\{\{\s*insert:\s*param,\s*([\w.-]+)\s*\}\}/g;

const prop = (props: OscalProp[] | undefined, name: string) => props?.find((p) => p.name === name)?.value;

/** Renders parameter insertions: `[Assignment: organization-defined frequency]`, `[Selection (one or more): a; b]`. */
export class ParameterRenderer {
  private readonly params = new Map<string, OscalParam>();
  private readonly cache = new Map<string, string>();

  private readonly problems: Problems;
  private readonly file: string;

  constructor(problems: Problems, file: string) {
    this.problems = problems;
    this.file = file;
  }

  add(param: OscalParam): void {
    this.params.set(param.id, param);
  }

  render(paramId: string, where: string, seen: string[] = []): string {
    const cached = this.cache.get(paramId);
    if (cached) return cached;
    const p = this.params.get(paramId);
    if (!p) {
      this.problems.error(
        this.file,
        where,
        `the text inserts parameter "${paramId}", which no control defines`,
        'The catalog is inconsistent; fetch the byte-exact file again.',
      );
      return `[Assignment: ${paramId}]`;
    }
    if (seen.includes(paramId)) {
      this.problems.error(
        this.file,
        where,
        `parameter "${paramId}" inserts itself (${[...seen, paramId].join(' → ')})`,
      );
      return `[Assignment: ${paramId}]`;
    }
    let text: string;
    if (p.select) {
      const choices = (p.select.choice ?? []).map((c) => this.prose(c, where, [...seen, paramId]));
      const how = p.select['how-many'] === 'one-or-more' ? ' (one or more)' : '';
      text = `[Selection${how}: ${choices.join('; ')}]`;
    } else {
      text = `[Assignment: ${p.label ?? paramId}]`;
    }
    this.cache.set(paramId, text);
    return text;
  }

  /** Prose with every insertion rendered and whitespace tidied. */
  prose(text: string, where: string, seen: string[] = []): string {
    return text
      .replace(INSERT, (_, id: string) => this.render(id, where, seen))
      .replace(/[ \t]+/g, ' ')
      .trim();
  }

  describe(p: OscalParam, where: string): Parameter {
    return {
      id: p.id,
      ...(p.label ? { label: p.label } : {}),
      ...(p.select
        ? {
            select: {
              ...(p.select['how-many'] ? { howMany: p.select['how-many'] } : {}),
              choices: (p.select.choice ?? []).map((c) => this.prose(c, where, [p.id])),
            },
          }
        : {}),
      ...(p['depends-on'] ? { dependsOn: p['depends-on'] } : {}),
      text: this.render(p.id, where),
    };
  }
}

function hrefId(href: string): string {
  return href.startsWith('#') ? href.slice(1) : href;
}

/** Imports a parsed (and schema-checked) OSCAL catalog. */
export function importOscalCatalog(
  doc: OscalCatalogDocument,
  source: { id: string; file: string },
  problems: Problems,
): ImportedCatalog {
  const file = source.file;
  const prov = (place: string): Provenance => ({ source: source.id, file, place });
  const renderer = new ParameterRenderer(problems, file);
  const families: Family[] = [];
  const controls: Control[] = [];
  const partLabels = new Map<string, string>(); // statement part id → NIST citation label (AC-2k, AC-2a.1)
  const pending: { control: Control; raw: OscalControl; path: string }[] = [];

  // First pass: every parameter, so that insertions may refer to parameters of other controls.
  const walkParams = (cs: OscalControl[] | undefined) => {
    for (const c of cs ?? []) {
      for (const p of c.params ?? []) renderer.add(p);
      walkParams(c.controls);
    }
  };
  for (const g of doc.catalog.groups ?? []) walkParams(g.controls);

  const statementOf = (part: OscalPart, where: string, citation: string): StatementPart => {
    const label = prop(part.props, 'label') ?? '';
    // NIST cites items as AC-2k, AC-1a.1, AC-1a.1(a): the first label joins the control, a numbered one follows a dot.
    const bare = label.replace(/\.$/, '').trim();
    const cite =
      part.name === 'statement'
        ? citation
        : `${citation}${/^\d/.test(bare) && /[a-z]$/.test(citation) ? '.' : ''}${bare}`;
    if (part.id) partLabels.set(part.id, cite);
    return {
      id: part.id ?? '',
      label,
      text: part.prose ? renderer.prose(part.prose, where) : '',
      parts: (part.parts ?? [])
        .filter((p) => p.name === 'item')
        .map((p, i) => statementOf(p, `${where}.parts[${i}]`, cite)),
    };
  };

  const visit = (c: OscalControl, family: Family, path: string, parent?: Control) => {
    const label = prop(c.props, 'label') ?? c.id.toUpperCase();
    const statementIndex = (c.parts ?? []).findIndex((p) => p.name === 'statement');
    const guidancePart = (c.parts ?? []).find((p) => p.name === 'guidance');
    const control: Control = {
      id: c.id,
      label,
      title: c.title,
      family: family.id,
      kind: parent ? 'enhancement' : 'control',
      ...(parent ? { parent: parent.id } : {}),
      sortId: prop(c.props, 'sort-id') ?? c.id,
      withdrawn: prop(c.props, 'status') === 'withdrawn',
      withdrawnTo: [],
      ...(statementIndex >= 0
        ? { statement: statementOf(c.parts![statementIndex]!, `${path}.parts[${statementIndex}]`, label) }
        : {}),
      ...(guidancePart?.prose
        ? { guidance: renderer.prose(guidancePart.prose, `${path}.parts[${(c.parts ?? []).indexOf(guidancePart)}]`) }
        : {}),
      params: (c.params ?? []).map((p, i) => renderer.describe(p, `${path}.params[${i}]`)),
      related: (c.links ?? []).filter((l) => l.rel === 'related').map((l) => hrefId(l.href)),
      enhancements: (c.controls ?? []).map((e) => e.id),
      baselines: [],
      provenance: prov(path),
    };
    controls.push(control);
    family.controls.push(control.id);
    pending.push({ control, raw: c, path });
    (c.controls ?? []).forEach((e, i) => {
      visit(e, family, `${path}.controls[${i}]`, control);
    });
  };

  (doc.catalog.groups ?? []).forEach((g, gi) => {
    const family: Family = {
      id: g.id,
      label: g.id.toUpperCase(),
      title: g.title,
      controls: [],
      provenance: prov(`$.catalog.groups[${gi}]`),
    };
    families.push(family);
    (g.controls ?? []).forEach((c, ci) => {
      visit(c, family, `$.catalog.groups[${gi}].controls[${ci}]`);
    });
  });

  // Second pass: withdrawal targets, which may point at statement items of any control.
  const byId = new Map(controls.map((c) => [c.id, c]));
  for (const { control, raw, path } of pending) {
    (raw.links ?? []).forEach((l, li) => {
      if (l.rel !== 'incorporated-into' && l.rel !== 'moved-to') return;
      const target = hrefId(l.href);
      const family = families.find((f) => f.id === target);
      const controlId = target.split('_')[0]!;
      const targetControl = byId.get(controlId);
      let t: WithdrawalTarget;
      if (family) {
        t = { relation: l.rel, target: 'family', id: family.id, label: family.label };
      } else if (targetControl) {
        const isItem = target !== controlId;
        t = {
          relation: l.rel,
          target: isItem ? 'item' : 'control',
          id: controlId,
          ...(isItem ? { part: target } : {}),
          label: isItem ? (partLabels.get(target) ?? targetControl.label) : targetControl.label,
        };
        if (isItem && !partLabels.has(target))
          problems.error(
            file,
            `${path}.links[${li}]`,
            `${control.label} is withdrawn to "${target}", an item ${targetControl.label} does not have`,
          );
      } else {
        problems.error(
          file,
          `${path}.links[${li}]`,
          `${control.label} is withdrawn to "${target}", which is neither a control nor a family of the catalog`,
        );
        return;
      }
      control.withdrawnTo.push(t);
    });
  }

  const meta = doc.catalog.metadata;
  return {
    metadata: { title: meta.title, version: meta.version, oscalVersion: meta['oscal-version'] },
    families,
    controls,
  };
}
