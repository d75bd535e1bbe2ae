/**
 * The source report: what the model holds, counted per kind, and every
 * disagreement found between the sources. Printed by the build and published
 * as downloads/source-report.json for the site to show.
 */
import pc from 'picocolors';
import type { Finding, FindingKind } from '../model/schemas/finding.ts';
import type { Model } from '../model/schemas/model.ts';

export interface SourceReport {
  generatedFrom: { id: string; file: string; sha256: string; url: string }[];
  sp80053: Model['sp80053'];
  counts: {
    families: number;
    controls: number;
    enhancements: number;
    withdrawn: number;
    baselines: Record<string, number>;
    capabilities: { technical: number; nonTechnical: number };
    subCapabilities: { technical: number; nonTechnical: number };
    elements: { technical: number; nonTechnical: number };
    subElements: number;
    controlLinks: number;
    distinctMappedControls: number;
    lowBaselineLinks: { source: number; profile: number; disagree: number };
    csfLinks: number;
    profileTopics: number;
    profileSections: number;
  };
  findings: { total: number; byKind: Partial<Record<FindingKind, number>>; list: Finding[] };
}

export function sourceReport(model: Model): SourceReport {
  const links = [...model.elements, ...model.subElements].flatMap((r) => r.controls);
  const byKind: Partial<Record<FindingKind, number>> = {};
  for (const f of model.findings) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
  const count = <T>(list: T[], pred: (x: T) => boolean) => list.filter(pred).length;
  const baselines: Record<string, number> = {};
  for (const c of model.controls) for (const b of c.baselines) baselines[b] = (baselines[b] ?? 0) + 1;
  return {
    generatedFrom: model.sources.map(({ id, file, sha256, url }) => ({ id, file, sha256, url })),
    sp80053: model.sp80053,
    counts: {
      families: model.families.length,
      controls: count(model.controls, (c) => c.kind === 'control'),
      enhancements: count(model.controls, (c) => c.kind === 'enhancement'),
      withdrawn: count(model.controls, (c) => c.withdrawn),
      baselines,
      capabilities: {
        technical: count(model.capabilities, (c) => c.kind === 'technical'),
        nonTechnical: count(model.capabilities, (c) => c.kind === 'non-technical'),
      },
      subCapabilities: {
        technical: count(model.subCapabilities, (c) => c.kind === 'technical'),
        nonTechnical: count(model.subCapabilities, (c) => c.kind === 'non-technical'),
      },
      elements: {
        technical: count(model.elements, (c) => c.kind === 'technical'),
        nonTechnical: count(model.elements, (c) => c.kind === 'non-technical'),
      },
      subElements: model.subElements.length,
      controlLinks: links.length,
      distinctMappedControls: new Set(links.map((l) => l.control)).size,
      lowBaselineLinks: {
        source: count(links, (l) => l.lowBaselineSource),
        profile: count(links, (l) => l.lowBaselineProfile),
        disagree: count(links, (l) => l.lowBaselineSource !== l.lowBaselineProfile),
      },
      csfLinks: [...model.elements, ...model.subElements].reduce((n, r) => n + r.csf.length, 0),
      profileTopics: model.profileTopics.length,
      profileSections: model.profileTopics.reduce((n, t) => n + t.sections.length, 0),
    },
    findings: { total: model.findings.length, byKind, list: model.findings },
  };
}

/** The report as terminal lines: counts, then findings grouped by kind. */
export function formatReport(r: SourceReport, { color = true } = {}): string {
  const c = color ? pc : { bold: (s: string) => s, dim: (s: string) => s, yellow: (s: string) => s };
  const k = r.counts;
  const lines = [
    c.bold('Source report'),
    `  SP 800-53 ${r.sp80053.version} (OSCAL ${r.sp80053.oscalVersion}): ${k.families} families, ${k.controls} controls, ${k.enhancements} enhancements (${k.withdrawn} withdrawn)`,
    `  SP 800-53B baselines: ${Object.entries(k.baselines)
      .map(([b, n]) => `${b} ${n}`)
      .join(', ')}`,
    `  SP 800-213A technical: ${k.capabilities.technical} capabilities, ${k.subCapabilities.technical} sub-capabilities, ${k.elements.technical} elements`,
    `  SP 800-213A non-technical: ${k.capabilities.nonTechnical} capabilities, ${k.subCapabilities.nonTechnical} sub-capabilities, ${k.elements.nonTechnical} elements, ${k.subElements} sub-elements`,
    `  Control links: ${k.controlLinks} onto ${k.distinctMappedControls} controls; low baseline per workbook bold ${k.lowBaselineLinks.source}, per LOW profile ${k.lowBaselineLinks.profile}, disagreeing ${k.lowBaselineLinks.disagree}`,
    `  CSF 1.1 links: ${k.csfLinks}; federal profile: ${k.profileTopics} topics, ${k.profileSections} sections`,
    c.bold(`Findings (${r.findings.total})`),
  ];
  const kinds = [...new Set(r.findings.list.map((f) => f.kind))];
  for (const kind of kinds) {
    const list = r.findings.list.filter((f) => f.kind === kind);
    lines.push(`  ${c.yellow(kind)} (${list.length})`);
    const at = (w: Finding['where'][number]) => `${w.file} (${w.place})`;
    for (const f of list.slice(0, 8)) lines.push(`    - ${f.message} ${c.dim(`[${f.where.map(at).join('; ')}]`)}`);
    if (list.length > 8) lines.push(c.dim(`    … and ${list.length - 8} more in downloads/source-report.json`));
  }
  return lines.join('\n');
}
