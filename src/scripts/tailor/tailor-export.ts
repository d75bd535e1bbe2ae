/**
 * The solicitation files of a tailoring, written in the browser by the build's own writers
 * (src/lib/products/product-downloads.ts) and stamped with the build's date as the build stamps
 * its downloads. Loaded on the first download only: it brings the writers (DOCX and XLSX are written
 * by the site's own writers) and jszip.
 */
import { isoSeconds } from '../../lib/downloads/build-date.ts';
import {
  templateCsv,
  templateDocx,
  templateJson,
  templateMarkdown,
  templateOscalProfile,
  templateXlsx,
} from '../../lib/products/product-downloads.ts';
import type { RequirementDocumentModel } from '../../lib/products/requirement-document.ts';

export const MIME: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  md: 'text/markdown',
  json: 'application/json',
  'oscal-profile.json': 'application/json',
};

export interface ExportContext {
  controls: { id: string; sortId: string; params: { id: string }[] }[];
  catalogUrl: string;
  date: Date;
}

export async function exportFile(format: string, doc: RequirementDocumentModel, ctx: ExportContext): Promise<BlobPart> {
  switch (format) {
    case 'docx':
      return templateDocx(doc, ctx.date);
    case 'xlsx':
      return templateXlsx(doc, ctx.date);
    case 'csv':
      return templateCsv(doc);
    case 'md':
      return templateMarkdown(doc);
    case 'json':
      return templateJson(doc);
    case 'oscal-profile.json':
      return `${JSON.stringify(templateOscalProfile(doc, ctx.controls, ctx.catalogUrl, isoSeconds(ctx.date)), null, 2)}\n`;
    default:
      throw new Error(`Unknown format ${format}.`);
  }
}
