/**
 * Turns the SP 800-53 mapping workbook into the catalog records: capabilities,
 * sub-capabilities, elements and sub-elements with their ids (from
 * catalog/capabilities.yaml), their text, and their controls resolved against
 * the SP 800-53 catalog, with the LOW-baseline marks of both sources.
 */
import { didYouMeanHint, type Problems } from '../problems.ts';
import { squash, textKey } from '../text.ts';
import { parseBulletedText } from '../import/bulleted-text.ts';
import type { CatalogWorkbook, WorkbookLeaf } from '../import/catalog-workbook.ts';
import { parseControlCell, titleKey } from '../import/control-references.ts';
import type { CapabilityConfig } from './schemas/capability-config.ts';
import type { Capability, ControlLink, Element, SubCapability, SubElement } from './schemas/catalog.ts';
import type { Control } from './schemas/control.ts';
import type { Finding } from './schemas/finding.ts';
import type { Provenance } from './schemas/provenance.ts';

export interface CatalogRecords {
  capabilities: Capability[];
  subCapabilities: SubCapability[];
  elements: Element[];
  subElements: SubElement[];
}

export interface AssembleInput {
  workbook: CatalogWorkbook;
  source: { id: string; file: string };
  configs: CapabilityConfig[];
  configFile: string;
  controls: ReadonlyMap<string, Control>;
}

/** Themes like "Device acquisition and maintenance: Establish …" → the theme; undefined when there is none. */
export function topicOf(text: string): string | undefined {
  const m = /^([^:.;]{3,60}):\s/.exec(text);
  if (!m) return undefined;
  const words = m[1]!.trim().split(/\s+/);
  return words.length <= 6 ? squash(m[1]!) : undefined;
}

class FindingCollector {
  readonly list: Finding[] = [];
  private readonly grouped = new Map<string, Finding>();

  add(f: Finding): void {
    this.list.push(f);
  }

  /** Adds to one finding per key (the same typo in many rows is one finding listing every row). */
  addGrouped(key: string, make: () => Omit<Finding, 'records' | 'where'>, record: string, where: Provenance): void {
    let f = this.grouped.get(key);
    if (!f) {
      f = { ...make(), records: [], where: [] };
      this.grouped.set(key, f);
      this.list.push(f);
    }
    if (!f.records.includes(record)) f.records.push(record);
    f.where.push(where);
  }
}

/** A capability as the workbook gives it; page text is added later. */
function newCapability(
  config: CapabilityConfig,
  wc: { title: string; label?: string },
  provenance: Provenance,
): Capability {
  return {
    id: config.id,
    kind: config.kind,
    title: wc.title,
    ...(wc.label ? { label: wc.label } : {}),
    workbookTitle: wc.title,
    description: '',
    notes: [],
    subCapabilities: [],
    ...(config.profile ? { profileTopic: config.profile } : {}),
    provenance,
  };
}

export function assembleRequirements(input: AssembleInput, problems: Problems, findings: Finding[]): CatalogRecords {
  const { workbook, source, configs, controls } = input;
  const file = source.file;
  const out: CatalogRecords = { capabilities: [], subCapabilities: [], elements: [], subElements: [] };
  const found = new FindingCollector();
  const families = new Set([...controls.values()].map((c) => c.family));
  const prov = (sheet: string, row: number): Provenance => ({ source: source.id, file, place: `${sheet}!${row}` });

  const configFor = (
    kind: 'technical' | 'non-technical',
    title: string,
    place: string,
  ): CapabilityConfig | undefined => {
    const c = configs.find((x) => x.kind === kind && textKey(x.workbook) === textKey(title));
    if (!c) {
      const hint = didYouMeanHint(
        title,
        configs.filter((x) => x.kind === kind).map((x) => x.workbook),
      );
      problems.error(
        file,
        place,
        `${kind} capability "${title}" is not declared in ${input.configFile}`,
        `${hint ? `${hint} ` : ''}Add it there with an id, so that its records get stable ids.`,
      );
    }
    return c;
  };

  const linksFor = (
    leaf: WorkbookLeaf,
    sheet: string,
    recordId: string,
  ): { controls: ControlLink[]; noMapping: boolean } => {
    const where = prov(sheet, leaf.row);
    const parsed = parseControlCell(leaf.mapping, families);
    for (const u of parsed.unreadable) {
      problems.error(
        file,
        `${sheet}!${leaf.row} (E, line ${u.line})`,
        `cannot read a control reference in "${u.text.slice(0, 80)}"`,
        'Each line must start with a control id such as "AC-2" or say "No Mapping".',
      );
    }
    if (!parsed.references.length && !parsed.noMapping && !parsed.unreadable.length) {
      problems.error(
        file,
        `${sheet}!${leaf.row} (E)`,
        `${recordId} has no related controls`,
        'List its controls in column E, one a line, or write "No Mapping".',
      );
    }
    if (parsed.noMapping) {
      found.add({
        kind: 'no-mapping',
        message: `${recordId}: the workbook maps it to no SP 800-53 control ("No Mapping").`,
        records: [recordId],
        where: [where],
      });
    }
    const links: ControlLink[] = [];
    for (const ref of parsed.references) {
      const control = controls.get(ref.id);
      if (!control) {
        const hint = didYouMeanHint(ref.id, controls.keys());
        problems.error(
          file,
          `${sheet}!${leaf.row} (E)`,
          `unknown control "${ref.id}" in "${ref.sourceText.slice(0, 80)}"`,
          `${hint ? `${hint} ` : ''}Every reference must name a control of SP 800-53 Rev. 5.`,
        );
        continue;
      }
      if (links.some((l) => l.control === ref.id)) {
        found.add({
          kind: 'duplicate-reference',
          message: `${recordId} lists ${control.label} more than once.`,
          records: [recordId, ref.id],
          where: [where],
        });
        continue;
      }
      if (ref.slips.length) {
        const slips = ref.slips.join('; ');
        found.addGrouped(
          `slip|${ref.sourceText}`,
          () => ({
            kind: 'control-reference-typo',
            message: `"${ref.sourceText}" is read as ${control.label} despite a typing slip (${slips}).`,
          }),
          recordId,
          where,
        );
      }
      const parent = control.parent ? controls.get(control.parent) : undefined;
      const baseExpected = (parent ?? control).title;
      const baseOk = !ref.baseTitle || titleKey(ref.baseTitle) === titleKey(baseExpected);
      const enhOk = ref.enhancementTitle === undefined || titleKey(ref.enhancementTitle) === titleKey(control.title);
      if (!baseOk) {
        found.addGrouped(
          `title|${ref.baseTitle}|${baseExpected}`,
          () => ({
            kind: 'control-title-typo',
            message: `The workbook titles ${(parent ?? control).label} "${ref.baseTitle}"; the catalog's title is "${baseExpected}".`,
          }),
          recordId,
          where,
        );
      }
      if (!enhOk) {
        found.addGrouped(
          `title|${ref.enhancementTitle}|${control.title}`,
          () => ({
            kind: 'control-title-typo',
            message: `The workbook titles ${control.label} "${ref.enhancementTitle}"; the catalog's title is "${control.title}".`,
          }),
          recordId,
          where,
        );
      }
      if (control.withdrawn) {
        found.add({
          kind: 'withdrawn-control-mapped',
          message: `${recordId} maps to ${control.label}, which SP 800-53 Rev. 5 withdrew.`,
          records: [recordId, control.id],
          where: [where],
        });
      }
      const link: ControlLink = {
        control: control.id,
        sourceText: ref.sourceText,
        lowBaselineSource: ref.bold,
        lowBaselineProfile: control.baselines.includes('LOW'),
        titleMatchesCatalog: baseOk && enhOk,
      };
      if (link.lowBaselineSource !== link.lowBaselineProfile) {
        found.add({
          kind: 'low-baseline-disagreement',
          message: link.lowBaselineSource
            ? `${recordId}: the workbook marks ${control.label} as a low-baseline control (bold), but the SP 800-53B LOW baseline does not include it.`
            : `${recordId}: ${control.label} is in the SP 800-53B LOW baseline, but the workbook does not mark it as such (not bold).`,
          records: [recordId, control.id],
          where: [where],
        });
      }
      links.push(link);
    }
    return { controls: links, noMapping: parsed.noMapping };
  };

  // Filled in later from the CSF workbook and the catalog pages.
  const emptyMappings = () => ({ csf: [] as string[], csfNoMapping: false, examples: [] as string[] });

  // Technical sheet: capability → sub-capability → element.
  const techSheet = workbook.technical.sheet;
  for (const wc of workbook.technical.capabilities) {
    const config = configFor('technical', wc.title, `${techSheet}!${wc.row}`);
    if (!config) continue;
    const cap = newCapability(config, wc, prov(techSheet, wc.row));
    out.capabilities.push(cap);
    wc.subCapabilities.forEach((ws, si) => {
      const subId = `${cap.id}-${si + 1}`;
      const sub: SubCapability = {
        id: subId,
        kind: 'technical',
        capability: cap.id,
        title: ws.title,
        description: ws.description,
        elements: [],
        provenance: prov(techSheet, ws.row),
      };
      cap.subCapabilities.push(subId);
      out.subCapabilities.push(sub);
      ws.elements.forEach((we, ei) => {
        const id = `${subId}.${ei + 1}`;
        const { text, items } = parseBulletedText(we.text);
        const { controls: links, noMapping } = linksFor(we, techSheet, id);
        out.elements.push({
          id,
          kind: 'technical',
          capability: cap.id,
          subCapability: subId,
          text,
          items,
          ...emptyMappings(),
          controls: links,
          noMapping,
          ...(we.leadIn ? { leadIn: we.leadIn } : {}),
          subElements: [],
          provenance: prov(techSheet, we.row),
        });
        sub.elements.push(id);
      });
    });
  }

  // Non-technical sheet: capability → sub-capability → (group) element → sub-element.
  const ntSheet = workbook.nonTechnical.sheet;
  for (const wc of workbook.nonTechnical.capabilities) {
    const config = configFor('non-technical', wc.title, `${ntSheet}!${wc.row}`);
    if (!config) continue;
    const cap = newCapability(config, wc, prov(ntSheet, wc.row));
    out.capabilities.push(cap);
    wc.subCapabilities.forEach((ws, si) => {
      const number = /^(\d+)\.$/.exec(ws.label)?.[1];
      if (!number)
        problems.error(
          file,
          `${ntSheet}!${ws.row} (B)`,
          `sub-capability "${ws.title.slice(0, 60)}" has no number ("1.")`,
          'Non-technical sub-capabilities are numbered; their number is part of their id.',
        );
      const subId = `${cap.id}-${number ?? si + 1}`;
      const sub: SubCapability = {
        id: subId,
        kind: 'non-technical',
        capability: cap.id,
        title: ws.title,
        label: ws.label,
        description: '',
        elements: [],
        provenance: prov(ntSheet, ws.row),
      };
      cap.subCapabilities.push(subId);
      out.subCapabilities.push(sub);
      for (const we of ws.elements) {
        const letter = we.group ? we.group.label.replace('.', '') : undefined;
        const id = `${subId}${letter ? `.${letter}` : ''}.${we.label.replace('.', '')}`;
        const topic = topicOf(we.title);
        const element: Element = {
          id,
          kind: 'non-technical',
          capability: cap.id,
          subCapability: subId,
          label: we.label,
          ...(we.group ? { group: { label: we.group.label, title: we.group.title } } : {}),
          ...(topic ? { topic } : {}),
          text: we.title,
          items: [],
          ...emptyMappings(),
          controls: [],
          noMapping: false,
          subElements: [],
          provenance: prov(ntSheet, we.row),
        };
        out.elements.push(element);
        sub.elements.push(id);
        we.subElements.forEach((wl, li) => {
          const seId = `${id}.${li + 1}`;
          const { text, items } = parseBulletedText(wl.text);
          const { controls: links, noMapping } = linksFor(wl, ntSheet, seId);
          out.subElements.push({
            id: seId,
            kind: 'non-technical',
            element: id,
            capability: cap.id,
            subCapability: subId,
            text,
            items,
            ...emptyMappings(),
            controls: links,
            noMapping,
            provenance: prov(ntSheet, wl.row),
          });
          element.subElements.push(seId);
        });
      }
    });
  }

  for (const [i, config] of configs.entries()) {
    if (!out.capabilities.some((c) => c.id === config.id)) {
      problems.error(
        input.configFile,
        `$.capabilities[${i}].workbook`,
        `capability "${config.workbook}" is declared but the workbook has no ${config.kind} capability of that name`,
        `Check the spelling against column A of ${file}, or remove the entry.`,
      );
    }
  }
  findings.push(...found.list);
  return out;
}
