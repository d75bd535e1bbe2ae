/**
 * Writes every product type's templates (per impact level) and the SP 800-213A
 * OSCAL catalog into `<site>/downloads/`. The OSCAL files are checked against
 * the pinned OSCAL 1.0.6 schemas before they are published.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkAgainstSchema } from '../json-schema.ts';
import type { Model } from '../model/schemas/model.ts';
import { Problems, ProblemsError } from '../problems.ts';
import {
  templateCsv,
  templateDocx,
  templateJson,
  templateMarkdown,
  templateOscalProfile,
  templateXlsx,
} from '../products/product-downloads.ts';
import { requirementDocument } from '../products/requirement-document.ts';
import { IMPACT_LEVELS } from '../products/select-requirements.ts';
import { type CatalogIndex, catalogIndex } from '../site/catalog-index.ts';
import { isoSeconds } from './build-date.ts';
import { OSCAL_213A_CATALOG, productDownloadPath } from './download-files.ts';
import { sp800213aOscalCatalog } from './oscal-213a-catalog.ts';

export interface OscalSchemas {
  catalog: object;
  profile: object;
}

export async function writeProductDownloads(
  model: Model,
  siteDir: string,
  schemas: OscalSchemas,
  date: Date,
): Promise<string[]> {
  const written = await writeOscalCatalog(model, siteDir, schemas, date);
  const index = catalogIndex(model);
  for (const type of model.productTypes)
    written.push(...(await writeProductTypeDownloads(index, type.id, siteDir, schemas, date)));
  return written;
}

/** The SP 800-213A OSCAL catalog, checked against the OSCAL catalog schema. */
export async function writeOscalCatalog(
  model: Model,
  siteDir: string,
  schemas: OscalSchemas,
  date: Date,
): Promise<string[]> {
  const dir = join(siteDir, 'downloads');
  const problems = new Problems();
  const catalogUrl = model.sources.find((s) => s.kind === 'oscal-catalog')!.url;
  const oscalCatalog = sp800213aOscalCatalog(model, catalogUrl, isoSeconds(date));
  checkAgainstSchema(
    oscalCatalog,
    schemas.catalog,
    'OSCAL 1.0.6 catalog schema',
    `downloads/${OSCAL_213A_CATALOG}`,
    problems,
  );
  if (problems.hasErrors) throw new ProblemsError('Writing the OSCAL downloads', problems.errors);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, OSCAL_213A_CATALOG), `${JSON.stringify(oscalCatalog, null, 2)}\n`);
  return [OSCAL_213A_CATALOG];
}

/** One product type's templates, per impact level and format; its OSCAL profiles checked against the profile schema. */
export async function writeProductTypeDownloads(
  index: CatalogIndex,
  typeId: string,
  siteDir: string,
  schemas: OscalSchemas,
  date: Date,
): Promise<string[]> {
  const model = index.model;
  const lastModified = isoSeconds(date);
  const dir = join(siteDir, 'downloads');
  const problems = new Problems();
  const catalogUrl = model.sources.find((s) => s.kind === 'oscal-catalog')!.url;
  const written: string[] = [];
  await mkdir(join(dir, 'products', typeId), { recursive: true });
  for (const level of IMPACT_LEVELS) {
    const doc = requirementDocument(index, typeId, level);
    const profile = templateOscalProfile(doc, model.controls, catalogUrl, lastModified);
    checkAgainstSchema(
      profile,
      schemas.profile,
      'OSCAL 1.0.6 profile schema',
      `downloads/${productDownloadPath(typeId, level, 'oscal-profile.json')}`,
      problems,
    );
    const files: [string, string | Uint8Array][] = [
      ['docx', await templateDocx(doc, date)],
      ['xlsx', await templateXlsx(doc, date)],
      ['csv', templateCsv(doc)],
      ['md', templateMarkdown(doc)],
      ['json', templateJson(doc)],
      ['oscal-profile.json', `${JSON.stringify(profile, null, 2)}\n`],
    ];
    for (const [ext, content] of files) {
      await writeFile(join(dir, productDownloadPath(typeId, level, ext)), content);
      written.push(productDownloadPath(typeId, level, ext));
    }
  }
  if (problems.hasErrors) throw new ProblemsError('Writing the OSCAL downloads', problems.errors);
  return written;
}
