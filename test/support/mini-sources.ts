/**
 * Writes a complete, small set of source files into a folder, the way
 * NIST_SOURCES_DIR holds the real ones: a mini OSCAL catalog and baselines,
 * mapping workbooks generated with exceljs (merged cells, bold runs, typos),
 * and a source manifest pinning them by SHA-256. Tests change single rows to
 * produce each bad input.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

export const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), '../fixtures');

/** A cell: plain text, text set in bold, or rich text runs. */
export type Cell = string | { bold: string } | { runs: { text: string; bold?: boolean }[] } | null;
export type Row = [Cell, Cell, Cell, Cell, Cell];

export interface SheetSpec {
  name: string;
  header: string[];
  rows: Row[];
  /** Ranges such as "A2:A4", relative to the sheet. */
  merges: string[];
}

export const technicalSheet = (): SheetSpec => ({
  name: 'Technical Capabilities 800-53 ',
  header: [
    'TECHNICAL\nCapability',
    'Sub-Capabilities',
    'Field Separates Out Sub-Capabilities',
    'Element/Action',
    'Related Controls',
  ],
  rows: [
    [
      { bold: 'Device Identity' },
      'Identifier Support',
      'Ability to tell devices apart. Elements that may be necessary:',
      'Ability to name the device uniquely.',
      { bold: 'AC-2 ACCOUNT MANAGEMENT' },
    ],
    [
      null,
      null,
      null,
      'Ability to name a remote device.\no\t Over the network\n-\t by address',
      {
        runs: [
          { text: 'AC-2 ACCOUNT MANAGEMENT\n', bold: true },
          { text: 'AC-2 ACCOUNT MANAGEMENT(1) ACCOUNT MANAGEMENT | AUTOMATED ACCOUNT MANAGEMENT' },
        ],
      },
    ],
    [
      null,
      'Physical Marks',
      null,
      'Ability to carry a physical label.',
      'SC-8 TRANSMISION CONFIDENTIALITY AND INTEGRITY',
    ],
    [
      { bold: 'Data Protection' },
      'Secure Storage',
      'Ability to protect stored data.',
      'Ability to encrypt data at rest.',
      'SC-28PROTECTION OF INFORMATION AT REST',
    ],
    [
      null,
      null,
      'If keys are stored on the device:',
      'Ability to protect the keys.',
      { bold: 'SC-28 PROTECTION OF INFORMATION AT REST' },
    ],
  ],
  merges: ['A2:A4', 'B2:B3', 'C2:C3', 'A5:A6', 'B5:B6'],
});

export const nonTechnicalSheet = (): SheetSpec => ({
  name: 'Non Technical Manufacturers',
  header: [
    'NON-TECHNICAL\nCapability',
    'Sub-Capabilities',
    'Element/Action',
    'Sub-Element/Sub-Action (if applicable)',
    'Related Controls',
  ],
  rows: [
    [
      { bold: 'A. Documentation from the Manufacturer ' },
      { bold: '1.\tDocument what the maker assumed. ' },
      { bold: 'a.\tExpected use ' },
      null,
      null,
    ],
    [
      null,
      null,
      { bold: '1.\tDevice Security: Explain how to oversee the device.' },
      'Providing a description of oversight.',
      { bold: 'AC-1 POLICY AND PROCEDURES\n' },
    ],
    [
      null,
      null,
      null,
      'Providing a list of roles.',
      'AC-2 ACCOUNT MANAGEMENT (1) ACCOUNT MANAGEMENT | AUTOMATED ACCOUNT MANAGEMENT',
    ],
    [null, null, { bold: '2.\tExplain the help desk.' }, 'Providing a phone number.', 'No Mapping '],
    [null, { bold: '2.\tDocument the features.' }, { bold: 'a.\tFeatures' }, null, null],
    [
      null,
      null,
      { bold: '1.\tData Protection: Explain the encryption.' },
      'Providing the algorithms used.',
      { bold: 'SC-8 TRANSMISSION CONFIDENTIALITY AND INTEGRITY' },
    ],
  ],
  merges: ['A2:A7', 'B2:B5', 'C3:C4', 'B6:B7'],
});

/** The CSF workbook: the same rows with CSF ids in column E. */
export function csfSheets(): SheetSpec[] {
  const tech = technicalSheet();
  const csf = ['PR.AC-1', 'PR.AC-1; ID.AM-1', 'ID-AM-2', 'PR.DS-1', 'PT.PT-1'];
  tech.name = 'Technical Capabilities';
  tech.rows.forEach((r, i) => {
    r[4] = csf[i]!;
  });
  const nt = nonTechnicalSheet();
  const ntCsf = [null, 'ID.SC-3\n', 'PR.AC-4', 'No Mapping', null, 'PR.DS-2'];
  nt.rows.forEach((r, i) => {
    r[4] = ntCsf[i]!;
  });
  return [nt, tech];
}

function setCell(ws: ExcelJS.Worksheet, address: string, cell: Cell): void {
  if (cell === null) return;
  const c = ws.getCell(address);
  if (typeof cell === 'string') c.value = cell;
  else if ('bold' in cell) {
    c.value = cell.bold;
    c.font = { bold: true };
  } else c.value = { richText: cell.runs.map((r) => ({ text: r.text, font: r.bold ? { bold: true } : {} })) };
}

export async function workbookBytes(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.header.forEach((h, i) => {
      setCell(ws, `${'ABCDE'[i]}1`, { bold: h });
    });
    s.rows.forEach((row, r) => {
      row.forEach((cell, i) => {
        setCell(ws, `${'ABCDE'[i]}${r + 2}`, cell);
      });
    });
    for (const m of s.merges) ws.mergeCells(m);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const CAPABILITIES_YAML = `capabilities:
  - id: DI
    kind: technical
    workbook: Device Identity
    page: identity
    profile: identity
    names: [Device Identity, Device Identification]
  - id: DP
    kind: technical
    workbook: Data Protection
    page: protection
    names: [Data Protection]
  - id: DOC
    kind: non-technical
    workbook: Documentation from the Manufacturer
    page: manufacturer_documentation
    anchor: Doc
profileTopics: [identity]
`;

export interface MiniSources {
  /** The NIST_SOURCES_DIR-like folder. */
  dir: string;
  manifestPath: string;
  capabilitiesPath: string;
  manifest: { files: Record<string, unknown>[] };
}

export interface MiniOptions {
  technical?: SheetSpec;
  nonTechnical?: SheetSpec;
  csf?: SheetSpec[];
  capabilitiesYaml?: string;
  /** Replacement text of the mini catalog pages. */
  pages?: { identity?: Buffer; protection?: Buffer; documentation?: Buffer };
  /** Extra files (path → text) written into the folder and pinned. */
  extra?: { id: string; kind: string; file: string; text: string; [k: string]: unknown }[];
}

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

export async function writeMiniSources(root: string, options: MiniOptions = {}): Promise<MiniSources> {
  const dir = join(root, 'nist');
  const files: Record<string, unknown>[] = [];
  const put = (entry: Record<string, unknown> & { id: string; file: string }, bytes: Buffer) => {
    const path = join(dir, entry.file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    files.push({
      title: `test file ${entry.id}`,
      url: `https://example.org/${entry.file}`,
      sha256: sha(bytes),
      bytes: bytes.byteLength,
      upstream: { repository: 'example/test', path: entry.file },
      licence: 'test data',
      ...entry,
    });
  };
  const fixture = (name: string) => readFileSync(join(fixturesDir, 'oscal', name));
  put({ id: 'catalog', kind: 'oscal-catalog', file: 'oscal/catalog.json' }, fixture('mini-catalog.json'));
  put({ id: 'low', kind: 'oscal-profile', baseline: 'LOW', file: 'oscal/low.json' }, fixture('mini-low-profile.json'));
  put(
    { id: 'moderate', kind: 'oscal-profile', baseline: 'MODERATE', file: 'oscal/moderate.json' },
    fixture('mini-moderate-profile.json'),
  );
  put(
    { id: 'catalog-schema', kind: 'oscal-schema', schemaFor: 'catalog', file: 'schema/catalog.json' },
    fixture('mini-schema.json'),
  );
  put(
    { id: 'profile-schema', kind: 'oscal-schema', schemaFor: 'profile', file: 'schema/profile.json' },
    fixture('mini-schema.json'),
  );
  put(
    { id: 'mapping', kind: 'sp800-53-mapping-workbook', file: 'mappings/to-53.xlsx' },
    await workbookBytes([options.technical ?? technicalSheet(), options.nonTechnical ?? nonTechnicalSheet()]),
  );
  put(
    { id: 'csf', kind: 'csf-mapping-workbook', file: 'mappings/to-csf.xlsx' },
    await workbookBytes(options.csf ?? csfSheets()),
  );
  const page = (name: string) => readFileSync(join(fixturesDir, 'mini-sources', name));
  put(
    { id: 'page-identity', kind: 'sp800-213a-page', part: 'technical', file: 'pages/technical/identity.md' },
    options.pages?.identity ?? page('identity.md'),
  );
  put(
    { id: 'page-protection', kind: 'sp800-213a-page', part: 'technical', file: 'pages/technical/protection.md' },
    options.pages?.protection ?? page('protection.md'),
  );
  put(
    { id: 'page-overview', kind: 'sp800-213a-page', part: 'technical', file: 'pages/technical/overview.md' },
    Buffer.from('# Not a capability page\n'),
  );
  put(
    {
      id: 'page-documentation',
      kind: 'sp800-213a-page',
      part: 'non-technical',
      file: 'pages/nontechnical/manufacturer_documentation.md',
    },
    options.pages?.documentation ?? page('manufacturer_documentation.md'),
  );
  put(
    {
      id: 'profile-identity',
      kind: 'federal-profile-page',
      part: 'non-technical',
      file: 'profile/nontechnical/identity.md',
    },
    page('profile-identity.md'),
  );
  for (const { text, ...entry } of options.extra ?? []) put(entry, Buffer.from(text));

  const manifest = { files };
  const manifestPath = join(root, 'sources.json');
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  const capabilitiesPath = join(root, 'capabilities.yaml');
  writeFileSync(capabilitiesPath, options.capabilitiesYaml ?? CAPABILITIES_YAML);
  return { dir, manifestPath, capabilitiesPath, manifest };
}

/** Copies a file into the mini sources without re-pinning it (to produce hash mismatches). */
export function replaceWithoutPinning(mini: MiniSources, file: string, text: string): void {
  writeFileSync(join(mini.dir, file), text);
}
