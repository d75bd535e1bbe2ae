/**
 * The project's pinned list of NIST source files (`catalog/sources.json`):
 * its zod schema and a loader that reports problems with JSON paths.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Problems, ProblemsError } from '../problems.ts';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');

const common = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase kebab-case'),
  title: z.string().min(1),
  /** Path of the file inside the sources folder (and the cache). */
  file: z
    .string()
    .regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, 'must be a relative path without ".." or leading "/"')
    .refine((f) => !f.split('/').includes('..'), 'must not contain ".."'),
  url: z.url({ protocol: /^https$/ }),
  sha256,
  bytes: z.number().int().positive(),
  upstream: z.object({
    repository: z.string().min(1),
    path: z.string().min(1),
    commit: z
      .string()
      .regex(/^[0-9a-f]{40}$/)
      .optional(),
  }),
  licence: z.string().min(1),
  note: z.string().optional(),
};

const part = z.enum(['technical', 'non-technical']);

export const sourceFileSchema = z.discriminatedUnion('kind', [
  z.object({ ...common, kind: z.literal('oscal-catalog') }).strict(),
  z
    .object({ ...common, kind: z.literal('oscal-profile'), baseline: z.enum(['LOW', 'MODERATE', 'HIGH', 'PRIVACY']) })
    .strict(),
  z.object({ ...common, kind: z.literal('oscal-schema'), schemaFor: z.enum(['catalog', 'profile']) }).strict(),
  z.object({ ...common, kind: z.literal('sp800-53-mapping-workbook') }).strict(),
  z.object({ ...common, kind: z.literal('csf-mapping-workbook') }).strict(),
  z.object({ ...common, kind: z.literal('sp800-213a-page'), part }).strict(),
  z.object({ ...common, kind: z.literal('federal-profile-page'), part }).strict(),
  z.object({ ...common, kind: z.literal('guideline-draft') }).strict(),
]);

export const sourceManifestSchema = z
  .object({
    $comment: z.string().optional(),
    files: z.array(sourceFileSchema).min(1),
  })
  .strict();

export type SourceFile = z.infer<typeof sourceFileSchema>;
export type SourceKind = SourceFile['kind'];
export type SourceManifest = z.infer<typeof sourceManifestSchema>;

/** JSON path of a zod issue, e.g. `$.files[3].sha256`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return (
    '$' +
    path
      .map((p) =>
        typeof p === 'number'
          ? `[${p}]`
          : /^[A-Za-z_$][\w$]*$/.test(String(p))
            ? `.${String(p)}`
            : `[${JSON.stringify(String(p))}]`,
      )
      .join('')
  );
}

/** Checks a parsed manifest; adds problems for schema errors and duplicate ids/files. */
export function checkSourceManifest(data: unknown, file: string, problems: Problems): SourceManifest | undefined {
  const parsed = sourceManifestSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.error(
        file,
        jsonPath(issue.path),
        issue.message,
        'Fix the entry; each file needs id, title, file, url, sha256, bytes, kind, upstream and licence.',
      );
    }
    return undefined;
  }
  const seenIds = new Map<string, number>();
  const seenFiles = new Map<string, number>();
  parsed.data.files.forEach((f, i) => {
    const idClash = seenIds.get(f.id);
    if (idClash !== undefined)
      problems.error(
        file,
        `$.files[${i}].id`,
        `duplicate id "${f.id}" (also at $.files[${idClash}])`,
        'Give each source file its own id.',
      );
    else seenIds.set(f.id, i);
    const fileClash = seenFiles.get(f.file);
    if (fileClash !== undefined)
      problems.error(
        file,
        `$.files[${i}].file`,
        `duplicate file "${f.file}" (also at $.files[${fileClash}])`,
        'Each path may be pinned once.',
      );
    else seenFiles.set(f.file, i);
  });
  // One file per role: a baseline or schema pinned twice would be read twice (or one silently ignored).
  const roles = new Map<string, number>();
  parsed.data.files.forEach((f, i) => {
    const role =
      f.kind === 'oscal-profile'
        ? `${f.kind} ${f.baseline}`
        : f.kind === 'oscal-schema'
          ? `${f.kind} ${f.schemaFor}`
          : undefined;
    if (!role) return;
    const first = roles.get(role);
    if (first !== undefined)
      problems.error(
        file,
        `$.files[${i}]`,
        `a second ${role} is pinned (also at $.files[${first}])`,
        'Pin one file per baseline and per schema.',
      );
    else roles.set(role, i);
  });
  return problems.hasErrors ? undefined : parsed.data;
}

/** Reads and checks `catalog/sources.json` (or another manifest path); throws a ProblemsError listing every problem. */
export function loadSourceManifest(path: string, displayName = path): SourceManifest {
  const problems = new Problems();
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    problems.error(
      displayName,
      '$',
      `cannot read the source manifest: ${(e as Error).message}`,
      'The file must be valid JSON; see README: Updating a source.',
    );
    throw new ProblemsError('Reading the source manifest', problems.errors);
  }
  const manifest = checkSourceManifest(data, displayName, problems);
  problems.throwIfErrors('Reading the source manifest');
  return manifest!;
}
