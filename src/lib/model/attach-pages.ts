/**
 * Joins the SP 800-213A catalog pages to the records read from the workbook:
 * titles, descriptions, anchors and `<details>` examples come from the pages;
 * every record found in one source and not the other, and every text that
 * reads differently, becomes a finding.
 */
import type { Problems } from '../problems.ts';
import { similarity, textKey } from '../text.ts';
import type { PageCapability, PageElement, PageItem, PageSubCapability } from '../import/catalog-pages.ts';
import type { CatalogRecords } from './assemble-requirements.ts';
import { matchByText } from './match-records.ts';
import type { CapabilityConfig } from './schemas/capability-config.ts';
import type { Element, SubCapability, SubElement } from './schemas/catalog.ts';
import type { Finding } from './schemas/finding.ts';
import type { Provenance } from './schemas/provenance.ts';

export interface CatalogPage {
  source: { id: string; file: string };
  page: PageCapability;
}

const flatExamples = (item: PageItem): string[] => [...item.examples, ...item.items.flatMap(flatExamples)];
/** Texts at least this similar are the same statement typed slightly differently. */
const SAME_TEXT = 0.6;
const numberOf = (label: string | undefined) => /(\d+)/.exec(label ?? '')?.[1];

export function attachPages(
  records: CatalogRecords,
  pages: CatalogPage[],
  configs: CapabilityConfig[],
  problems: Problems,
  findings: Finding[],
  configFile: string,
): void {
  const subs = new Map(records.subCapabilities.map((s) => [s.id, s]));
  const elements = new Map(records.elements.map((e) => [e.id, e]));
  const subElements = new Map(records.subElements.map((s) => [s.id, s]));

  for (const cap of records.capabilities) {
    const config = configs.find((c) => c.id === cap.id)!;
    const found = pages.find((p) => p.page.kind === cap.kind && stemOf(p.source.file) === config.page);
    if (!found) {
      problems.error(
        configFile,
        `$.capabilities[${configs.indexOf(config)}].page`,
        `no ${cap.kind} SP 800-213A page "${config.page}" is pinned`,
        'Set "page" to the stem of one of its pages in catalog/sources.json.',
      );
      continue;
    }
    const { source, page } = found;
    const at = (line: number, what?: string): Provenance => ({
      source: source.id,
      file: source.file,
      place: what ? `line ${line} (${what})` : `line ${line}`,
    });
    const differs = (records: string[], message: string, where: Provenance[]) =>
      findings.push({ kind: 'text-differs', message, records, where });

    cap.pageProvenance = at(page.line);
    cap.description = page.description;
    cap.notes = page.notes;
    if (textKey(page.title) !== textKey(cap.workbookTitle)) {
      findings.push({
        kind: 'title-differs',
        message: `Capability ${cap.id} is "${page.title}" on its catalog page and "${cap.workbookTitle}" in the workbook.`,
        records: [cap.id],
        where: [cap.pageProvenance, cap.provenance],
      });
    }
    cap.title = page.title;

    const capSubs = cap.subCapabilities.map((id) => subs.get(id)!);
    const subPairs =
      cap.kind === 'technical'
        ? matchByText(
            page.subCapabilities,
            capSubs,
            (p) => p.title,
            (s) => s.title,
          )
        : pairByNumber(
            page.subCapabilities,
            capSubs,
            (p) => numberOf(p.label),
            (s) => numberOf(s.label),
          );
    for (const p of subPairs.onlyA) {
      findings.push({
        kind: 'only-in-page',
        message: `Sub-capability "${p.title}" is on the ${cap.id} catalog page but not in the workbook.`,
        records: [cap.id],
        where: [at(p.line)],
      });
    }
    for (const s of subPairs.onlyB) {
      findings.push({
        kind: 'only-in-workbook',
        message: `Sub-capability ${s.id} "${s.title}" is in the workbook but not on the ${cap.id} catalog page.`,
        records: [s.id],
        where: [s.provenance],
      });
    }
    for (const { a: ps, b: sub } of subPairs.pairs) {
      attachSubCapability(sub, ps, config, at, findings, differs);
      const subEls = sub.elements.map((id) => elements.get(id)!);
      if (cap.kind === 'technical') attachTechnicalElements(subEls, ps, at, findings, differs);
      else attachNonTechnicalElements(subEls, ps, subElements, at, findings, differs);
    }
  }
}

/** `sp800-213a/technical/identity.md` → `identity`. */
export function stemOf(file: string): string {
  return file.split('/').pop()!.replace(/\.md$/, '');
}

function pairByNumber<A, B>(
  as: readonly A[],
  bs: readonly B[],
  numA: (a: A) => string | undefined,
  numB: (b: B) => string | undefined,
) {
  const pairs: { a: A; b: B; exact: boolean }[] = [];
  const onlyB = [...bs];
  const onlyA: A[] = [];
  for (const a of as) {
    const i = onlyB.findIndex((b) => numB(b) !== undefined && numB(b) === numA(a));
    if (i >= 0) pairs.push({ a, b: onlyB.splice(i, 1)[0]!, exact: true });
    else onlyA.push(a);
  }
  return { pairs, onlyA, onlyB };
}

type At = (line: number, what?: string) => Provenance;
type Differs = (records: string[], message: string, where: Provenance[]) => void;

function attachSubCapability(
  sub: SubCapability,
  ps: PageSubCapability,
  config: CapabilityConfig,
  at: At,
  findings: Finding[],
  differs: Differs,
): void {
  sub.pageProvenance = at(ps.line);
  if (textKey(ps.title) !== textKey(sub.title)) {
    findings.push({
      kind: 'title-differs',
      message: `Sub-capability ${sub.id} is "${ps.title}" on its catalog page and "${sub.title}" in the workbook.`,
      records: [sub.id],
      where: [sub.pageProvenance, sub.provenance],
    });
  }
  if (ps.anchor) sub.anchor = ps.anchor;
  if (config.anchor && ps.anchor !== `${config.anchor}${numberOf(sub.label)}`) {
    findings.push({
      kind: 'source-oddity',
      message: `Sub-capability ${sub.id} has the page anchor "${ps.anchor ?? 'none'}", not "${config.anchor}${numberOf(sub.label)}".`,
      records: [sub.id],
      where: [sub.pageProvenance],
    });
  }
  if (!sub.description) sub.description = ps.description;
  else if (ps.description && textKey(ps.description) !== textKey(sub.description)) {
    differs(
      [sub.id],
      `The description of ${sub.id} reads "${ps.description}" on its catalog page and "${sub.description}" in the workbook.`,
      [sub.pageProvenance, sub.provenance],
    );
  }
}

/** The workbook's text stops early where the page's goes on (a cell cut off mid-sentence). */
function isCutShort(workbook: string, page: string): boolean {
  const w = textKey(workbook);
  const p = textKey(page);
  return p.length > w.length + 10 && p.startsWith(w);
}

function attachTechnicalElements(
  subEls: Element[],
  ps: PageSubCapability,
  at: At,
  findings: Finding[],
  differs: Differs,
): void {
  // A page sub-capability without bullets states its one element as its description (e.g. "Physical Identifiers").
  if (!ps.elements.length && subEls.length === 1 && similarity(ps.description, subEls[0]!.text) >= SAME_TEXT) {
    subEls[0]!.pageProvenance = at(ps.line, 'description');
    return;
  }
  // A page bullet that is a lead-in ("If software updates are … automatically:") holds elements the workbook lists on their own rows.
  const leadIns = new Set(
    subEls
      .map((e) => e.leadIn)
      .filter(Boolean)
      .map((t) => textKey(t!)),
  );
  const pageElements = ps.elements.flatMap((pe) =>
    leadIns.has(textKey(pe.text))
      ? pe.items.map((i) => ({ ...pe, text: i.text, items: i.items, examples: i.examples, line: i.line }))
      : [pe],
  );
  const m = matchByText(
    pageElements,
    subEls,
    (p) => p.text,
    (e) => e.text,
  );
  for (const { a: pe, b: el, exact } of m.pairs) {
    el.pageProvenance = at(pe.line);
    el.examples = [...pe.examples, ...pe.items.flatMap(flatExamples)];
    if (!exact)
      differs([el.id], `${el.id} reads "${pe.text}" on its catalog page and "${el.text}" in the workbook.`, [
        el.pageProvenance,
        el.provenance,
      ]);
  }
  for (const pe of m.onlyA)
    findings.push({
      kind: 'only-in-page',
      message: `The catalog page lists the element "${pe.text}" under "${ps.title}", which the workbook does not have.`,
      records: [],
      where: [at(pe.line)],
    });
  for (const el of m.onlyB)
    findings.push({
      kind: 'only-in-workbook',
      message: `${el.id} "${el.text}" is in the workbook but not on its catalog page.`,
      records: [el.id],
      where: [el.provenance],
    });
}

function attachNonTechnicalElements(
  subEls: Element[],
  ps: PageSubCapability,
  subElements: Map<string, SubElement>,
  at: At,
  findings: Finding[],
  differs: Differs,
): void {
  const key = (group: string | undefined, label: string | undefined) => `${group ?? ''}|${numberOf(label) ?? ''}`;
  const m = pairByNumber<PageElement, Element>(
    ps.elements,
    subEls,
    (p) => key(p.group?.label, p.label),
    (e) => key(e.group?.label, e.label),
  );
  for (const { a: pe, b: el } of m.pairs) {
    el.pageProvenance = at(pe.line);
    if (pe.description) el.description = pe.description;
    el.examples = pe.examples;
    if (textKey(pe.text) !== textKey(el.text))
      differs([el.id], `${el.id} reads "${pe.text}" on its catalog page and "${el.text}" in the workbook.`, [
        el.pageProvenance,
        el.provenance,
      ]);
    const ses = el.subElements.map((id) => subElements.get(id)!);
    // Sub-elements the page nests under another one still pair with their own workbook rows.
    const parentOf = new Map<PageItem, PageItem>();
    const items = pe.items.flatMap(function flat(i: PageItem): PageItem[] {
      for (const child of i.items) parentOf.set(child, i);
      return [i, ...i.items.flatMap(flat)];
    });
    const sm = matchByText(
      items,
      ses,
      (p) => p.text,
      (s) => s.text,
    );
    // A nested page bullet that is one of its paired sub-element's own items is no extra record.
    const pairedSe = new Map(sm.pairs.map((p) => [p.a, p.b]));
    sm.onlyA = sm.onlyA.filter((item) => {
      const se = parentOf.has(item) ? pairedSe.get(parentOf.get(item)!) : undefined;
      return !se?.items.some((i) => similarity(i.text, item.text) >= SAME_TEXT);
    });
    for (const { a: item, b: se, exact } of sm.pairs) {
      se.pageProvenance = at(item.line);
      se.examples = item.examples;
      if (!exact) {
        differs(
          [se.id],
          `${se.id} reads "${item.text}" on its catalog page and "${se.text}" in the workbook.${isCutShort(se.text, item.text) ? " The workbook cuts it short; the page's full text is used." : ''}`,
          [se.pageProvenance, se.provenance],
        );
        if (isCutShort(se.text, item.text)) se.text = item.text;
      }
    }
    for (const item of sm.onlyA)
      findings.push({
        kind: 'only-in-page',
        message: `The catalog page lists "${item.text}" under ${el.id}, which the workbook does not have.`,
        records: [el.id],
        where: [at(item.line)],
      });
    for (const se of sm.onlyB)
      findings.push({
        kind: 'only-in-workbook',
        message: `${se.id} "${se.text}" is in the workbook but not on its catalog page.`,
        records: [se.id],
        where: [se.provenance],
      });
  }
  for (const pe of m.onlyA)
    findings.push({
      kind: 'only-in-page',
      message: `The catalog page has element ${pe.group?.label ?? ''}${pe.label ?? ''} "${pe.text}" under "${ps.title}", which the workbook does not have.`,
      records: [],
      where: [at(pe.line)],
    });
  for (const el of m.onlyB)
    findings.push({
      kind: 'only-in-workbook',
      message: `${el.id} "${el.text}" is in the workbook but not on its catalog page.`,
      records: [el.id],
      where: [el.provenance],
    });
}
