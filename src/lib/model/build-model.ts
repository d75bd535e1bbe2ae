/**
 * Builds the one validated model from the fetched source files:
 * OSCAL catalog and baselines → mapping workbooks → catalog pages → federal
 * profile pages, then checks it. Every problem of every stage is collected; the
 * build fails once with the whole list.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Problems, ProblemsError, didYouMeanHint } from '../problems.ts';
import type { SourceFile, SourceManifest } from '../sources/source-manifest.ts';
import { checkAgainstSchema, parseJsonSource } from '../import/json-source.ts';
import { importOscalCatalog, type OscalCatalogDocument } from '../import/oscal-catalog.ts';
import { importOscalProfile, type OscalProfileDocument } from '../import/oscal-profile.ts';
import { loadWorkbook } from '../import/workbook-cells.ts';
import { readCatalogWorkbook } from '../import/catalog-workbook.ts';
import { assembleRequirements, type CatalogRecords } from './assemble-requirements.ts';
import { attachCsf } from './attach-csf.ts';
import { attachPages, type CatalogPage, stemOf as stem } from './attach-pages.ts';
import { checkElementTopics, type ProfilePage, profileTopics } from './attach-profile.ts';
import { parseCatalogPage } from '../import/catalog-pages.ts';
import { parseProfilePage } from '../import/federal-profile-pages.ts';
import { parseGuidelineDraft } from '../import/guideline-draft/index.ts';
import { buildGlossary, parseGlossaryConfig } from './glossary.ts';
import { loadProductTypes } from '../import/product-types.ts';
import { loadProcurement } from '../import/procurement.ts';
import { parseSearchTerms } from '../import/search-terms.ts';
import { parseCommentTemplate } from '../import/comment-template.ts';
import { type Guideline, guidelineSchema } from './schemas/guideline.ts';
import { parseCapabilityConfig } from './load-capability-config.ts';
import { validateModel } from './validate-model.ts';
import type { Control, Family } from './schemas/control.ts';
import type { Finding } from './schemas/finding.ts';
import type { Model } from './schemas/model.ts';

export interface BuildModelOptions {
  manifest: SourceManifest;
  /** Folder holding the fetched files at their manifest `file` paths. */
  sourcesRoot: string;
  /** catalog/capabilities.yaml: path to read, and name to show in messages. */
  capabilitiesPath: string;
  capabilitiesName?: string;
  /** catalog/glossary.yaml: the terms of the draft to define (read only when the draft is pinned). */
  glossaryPath?: string;
  /** catalog/product-types/: the product types (none when unset). */
  productTypesDir?: string;
  /** catalog/procurement/: requirement terms, agency values, post-market obligations (no solicitation documents when unset). */
  procurementDir?: string;
  /** catalog/comment-template.yaml (no comment workspace when unset). */
  commentTemplatePath?: string;
  /** catalog/search-terms.yaml: readers' words for catalog records (none when unset). */
  searchTermsPath?: string;
}

type Kind = SourceFile['kind'];

export async function buildModel(options: BuildModelOptions): Promise<Model> {
  const { manifest, sourcesRoot } = options;
  const problems = new Problems();
  const findings: Finding[] = [];
  const configName = options.capabilitiesName ?? 'catalog/capabilities.yaml';
  const read = (s: SourceFile): Buffer => {
    try {
      return readFileSync(join(sourcesRoot, s.file));
    } catch (e) {
      problems.error(
        s.file,
        'whole file',
        `cannot read the source file: ${(e as Error).message}`,
        'Run "npm run sources" to fetch it again.',
      );
      throw new ProblemsError('Building the catalog model', problems.errors);
    }
  };
  const ofKind = <K extends Kind>(kind: K) =>
    manifest.files.filter((f): f is Extract<SourceFile, { kind: K }> => f.kind === kind);
  const one = <K extends Kind>(kind: K): Extract<SourceFile, { kind: K }> | undefined => {
    const list = ofKind(kind);
    if (list.length !== 1)
      problems.error(
        'catalog/sources.json',
        '$.files',
        `expected exactly one source of kind "${kind}", found ${list.length}`,
        'Pin one file of that kind.',
      );
    return list.length === 1 ? list[0] : undefined;
  };

  let configText = '';
  try {
    configText = readFileSync(options.capabilitiesPath, 'utf8');
  } catch (e) {
    problems.error(
      configName,
      'whole file',
      `cannot read the capability ids: ${(e as Error).message}`,
      'Restore catalog/capabilities.yaml from git.',
    );
  }
  const config = parseCapabilityConfig(configText, configName, problems);
  const configs = config.capabilities;

  // 1. SP 800-53 catalog, checked against the OSCAL schema.
  const schemas = new Map(ofKind('oscal-schema').map((s) => [s.schemaFor, s]));
  const schemaOf = (what: 'catalog' | 'profile') => {
    const s = schemas.get(what);
    if (!s) {
      problems.error(
        'catalog/sources.json',
        '$.files',
        `no OSCAL ${what} schema is pinned`,
        `Pin the OSCAL ${what} JSON schema (kind "oscal-schema", schemaFor "${what}").`,
      );
      return undefined;
    }
    return parseJsonSource(read(s).toString('utf8'), s.file, problems) as object | undefined;
  };
  let families: Family[] = [];
  let controls: Control[] = [];
  let sp80053 = { title: '', version: '', oscalVersion: '' };
  const catalogSource = one('oscal-catalog');
  const catalogSchema = schemaOf('catalog');
  if (catalogSource && catalogSchema) {
    const doc = parseJsonSource(read(catalogSource).toString('utf8'), catalogSource.file, problems);
    if (
      doc !== undefined &&
      checkAgainstSchema(doc, catalogSchema, 'OSCAL 1.0.6 catalog schema', catalogSource.file, problems)
    ) {
      const imported = importOscalCatalog(doc as OscalCatalogDocument, catalogSource, problems);
      ({ families, controls } = imported);
      sp80053 = imported.metadata;
    }
  }
  const controlById = new Map(controls.map((c) => [c.id, c]));

  // 2. SP 800-53B baselines (LOW is required: the workbook's low-baseline marks are checked against it).
  if (!ofKind('oscal-profile').some((s) => s.baseline === 'LOW')) {
    problems.error(
      'catalog/sources.json',
      '$.files',
      'no SP 800-53B LOW baseline profile is pinned',
      'Pin it (kind "oscal-profile", baseline "LOW").',
    );
  }
  const profileSchema = schemaOf('profile');
  for (const src of ofKind('oscal-profile')) {
    if (!profileSchema || !controls.length) break;
    const doc = parseJsonSource(read(src).toString('utf8'), src.file, problems);
    if (doc === undefined || !checkAgainstSchema(doc, profileSchema, 'OSCAL 1.0.6 profile schema', src.file, problems))
      continue;
    const baseline = importOscalProfile(doc as OscalProfileDocument, src.baseline, src.file, problems);
    for (const { id, path } of baseline.controls) {
      const c = controlById.get(id);
      if (!c)
        problems.error(
          src.file,
          path,
          `the ${src.baseline} baseline includes "${id}", which is not in the catalog`,
          didYouMeanHint(id, controlById.keys()) || 'The baseline and the catalog must be of the same release.',
        );
      else c.baselines.push(src.baseline);
    }
  }

  const baselineOrder = ['LOW', 'MODERATE', 'HIGH', 'PRIVACY'];
  for (const c of controls) c.baselines.sort((x, y) => baselineOrder.indexOf(x) - baselineOrder.indexOf(y));

  // 3. Mapping workbooks.
  let records: CatalogRecords = { capabilities: [], subCapabilities: [], elements: [], subElements: [] };
  const mappingSource = one('sp800-53-mapping-workbook');
  if (mappingSource && controls.length && configs.length) {
    const wb = await loadWorkbook(read(mappingSource), mappingSource.file, problems);
    const mapping = wb && readCatalogWorkbook(wb, mappingSource.file, problems);
    if (mapping) {
      records = assembleRequirements(
        { workbook: mapping, source: mappingSource, configs, configFile: configName, controls: controlById },
        problems,
        findings,
      );
      const csfSource = one('csf-mapping-workbook');
      if (csfSource) {
        const csfBook = await loadWorkbook(read(csfSource), csfSource.file, problems);
        const csf = csfBook && readCatalogWorkbook(csfBook, csfSource.file, problems);
        if (csf) attachCsf(records, csf, csfSource, mapping, problems, findings);
      }
    }
  }

  // 4. SP 800-213A catalog pages: the capability pages named in capabilities.yaml.
  if (records.capabilities.length) {
    const wanted = new Set(configs.map((c) => `${c.kind}|${c.page}`));
    const pages: CatalogPage[] = ofKind('sp800-213a-page')
      .filter((s) => wanted.has(`${s.part}|${stem(s.file)}`))
      .map((s) => ({ source: s, page: parseCatalogPage(read(s).toString('utf8'), s.file, s.part, problems) }));
    attachPages(records, pages, configs, problems, findings, configName);
  }

  // 5. Draft federal profile pages: the topic pages named in capabilities.yaml.
  const profilePages: ProfilePage[] = ofKind('federal-profile-page')
    .filter((s) => config.profileTopics.includes(stem(s.file)))
    .map((s) => ({
      source: s,
      stem: stem(s.file),
      page: parseProfilePage(read(s).toString('utf8'), s.file, s.part, problems),
    }));
  for (const [j, t] of config.profileTopics.entries()) {
    if (!profilePages.some((p) => p.stem === t))
      problems.error(
        configName,
        `$.profileTopics[${j}]`,
        `federal profile topic "${t}" has no pinned page`,
        'Pin its page (kind "federal-profile-page") in catalog/sources.json or remove it.',
      );
  }
  const topics = profileTopics(profilePages, configs);
  checkElementTopics(records, topics, configs, findings);

  // 6. The SP 800-213 Rev. 1 draft (optional: a build without it has no guidance pages) and its glossary.
  let guideline: Guideline | undefined;
  let glossary: Model['glossary'] = [];
  const drafts = ofKind('guideline-draft');
  if (drafts.length > 1)
    problems.error(
      'catalog/sources.json',
      '$.files',
      `expected at most one source of kind "guideline-draft", found ${drafts.length}`,
      'Pin one.',
    );
  const draft = drafts[0];
  if (draft) {
    const doc = parseGuidelineDraft(read(draft).toString('utf8'), draft.file, problems);
    const firstBodyPage = doc.pages.findIndex((p) => p.label === '1');
    const pdfUrl = doc.frontMatter.sourceUrl;
    if (!pdfUrl)
      problems.error(
        draft.file,
        'front matter',
        'the draft names no source_url (the official PDF)',
        'The text conversion must say which PDF it comes from.',
      );
    const candidate = {
      ...doc,
      pdfUrl: pdfUrl ?? '',
      pdfPageOffset: Math.max(0, firstBodyPage),
      provenance: { source: draft.id, file: draft.file, place: 'whole file' },
    };
    const parsed = guidelineSchema.safeParse(candidate);
    if (parsed.success) guideline = parsed.data;
    else
      for (const issue of parsed.error.issues.slice(0, 20))
        problems.error(
          draft.file,
          `model $.guideline.${issue.path.join('.')}`,
          issue.message,
          'The draft importer produced a document the model does not allow.',
        );
    if (guideline && options.glossaryPath) {
      const glossaryName = 'catalog/glossary.yaml';
      let text = '';
      try {
        text = readFileSync(options.glossaryPath, 'utf8');
      } catch (e) {
        problems.error(
          glossaryName,
          'whole file',
          `cannot read the glossary terms: ${(e as Error).message}`,
          'Restore catalog/glossary.yaml from git.',
        );
      }
      glossary = buildGlossary(parseGlossaryConfig(text, glossaryName, problems), guideline);
    }
  }

  const model: Model = {
    sources: manifest.files.map(({ id, title, kind, file, url, sha256, bytes }) => ({
      id,
      title,
      kind,
      file,
      url,
      sha256,
      bytes,
    })),
    sp80053,
    families,
    controls,
    ...records,
    profileTopics: topics,
    ...(guideline ? { guideline } : {}),
    glossary,
    productTypes: [],
    searchTerms: [],
    findings,
  };
  if (options.commentTemplatePath) {
    const name = 'catalog/comment-template.yaml';
    try {
      const t = parseCommentTemplate(readFileSync(options.commentTemplatePath, 'utf8'), name, problems);
      if (t) model.commentTemplate = t;
    } catch (e) {
      problems.error(
        name,
        'whole file',
        `cannot read the comment template: ${(e as Error).message}`,
        'Restore catalog/comment-template.yaml from git.',
      );
    }
  }

  // 7. Product types, checked against the catalog records.
  if (options.productTypesDir && records.capabilities.length) {
    model.productTypes = loadProductTypes(options.productTypesDir, 'catalog/product-types', model, problems);
  }
  if (options.procurementDir && records.capabilities.length) {
    model.procurement = loadProcurement(options.procurementDir, model, problems, findings);
  }

  // 8. Search terms, checked against the catalog records.
  if (options.searchTermsPath && records.capabilities.length) {
    const name = 'catalog/search-terms.yaml';
    try {
      model.searchTerms = parseSearchTerms(readFileSync(options.searchTermsPath, 'utf8'), name, records, problems);
    } catch (e) {
      problems.error(
        name,
        'whole file',
        `cannot read the search terms: ${(e as Error).message}`,
        'Restore catalog/search-terms.yaml from git.',
      );
    }
  }

  for (const c of controls) {
    if (c.withdrawn && !c.withdrawnTo.length) {
      findings.push({
        kind: 'source-oddity',
        message: `${c.label} is withdrawn without saying where it went.`,
        records: [c.id],
        where: [c.provenance],
      });
    }
  }
  // Warnings are oddities the importers read past: they become findings, shown in the report and on the site.
  const sourceIdOf = new Map(manifest.files.map((f) => [f.file, f.id]));
  for (const w of problems.list.filter((p) => p.severity === 'warning')) {
    findings.push({
      kind: 'source-oddity',
      message: w.hint ? `${w.message} (${w.hint})` : w.message,
      records: [],
      where: [{ source: sourceIdOf.get(w.file) ?? 'project', file: w.file, place: w.place || 'whole file' }],
    });
  }
  if (!problems.hasErrors) validateModel(model, problems);
  if (problems.hasErrors) throw new ProblemsError('Building the catalog model', problems.errors);
  return model;
}
