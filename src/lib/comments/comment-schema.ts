/**
 * The stored shape of the comment workspace, as zod schemas: the current
 * version (3) and the two earlier ones it migrates from. Every value read from
 * the browser's storage or from an imported file goes through `parseWorkspace`,
 * which either returns a valid current store or says, in plain words, which
 * record and which field is wrong.
 */
import { z } from 'zod';
import {
  COMMENT_DOCUMENT_LIST,
  COMMENT_DOCUMENTS,
  COMMENT_TYPE_CODES,
  COMMENT_TYPE_LIST,
} from './comment-documents.ts';

// Outside Node (the pages, their workers): the site's Content-Security-Policy forbids eval, and zod would
// otherwise probe for it (new Function) to compile its checks, which the browser reports as a policy
// violation. Set before any schema below is made (zod reads it when a schema is built).
if (typeof process === 'undefined' || !process.versions?.node) z.config({ jitless: true });

/** The format version of the stored workspace and of the JSON backup. */
export const STORE_VERSION = 3;
export { COMMENT_TYPES, type CommentType } from './comment-documents.ts';

/**
 * A link back to where a comment was made: a path inside this site (under `base`), with an optional
 * anchor. Anything else (`javascript:`, `//host`, `https://…`, `\\host`) is refused.
 */
export function isSitePath(href: string, base = '/'): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a site path holding a control character (U+0000–U+001F, which XML cannot hold) is refused, so the class names them
  if (!href.startsWith(base) || href.startsWith('//') || /[\\\s\u0000-\u001f]/.test(href)) return false;
  try {
    const u = new URL(href, 'https://site.invalid/');
    return u.origin === 'https://site.invalid' && u.pathname.startsWith(base);
  } catch {
    return false;
  }
}

const text = (max: number) => z.string().max(max, `longer than ${max.toLocaleString('en-US')} characters`);
const line = z
  .number()
  .int('not a whole number')
  .positive('not a line number (1 or more)')
  .max(1_000_000, 'not a line number');
const commenter = z.object({ name: text(500), organization: text(500) }).strict();

/** Comments are limited to 2 MB of text each, so that one pasted file cannot fill the storage. */
const MAX_TEXT = 2_000_000;

export function commentSchema(base = '/') {
  return z
    .object({
      id: z.string().min(1, 'empty').max(200, 'longer than 200 characters'),
      document: z.enum(COMMENT_DOCUMENTS, `not ${COMMENT_DOCUMENT_LIST}`),
      section: text(500),
      page: text(50),
      lineStart: line.optional(),
      lineEnd: line.optional(),
      target: text(500),
      href: z
        .string()
        .refine((h) => isSitePath(h, base), 'not a link inside this site')
        .optional(),
      type: z.enum(COMMENT_TYPE_CODES, `not ${COMMENT_TYPE_LIST}`),
      comment: text(MAX_TEXT).refine((s) => s.trim() !== '', 'empty'),
      suggestion: text(MAX_TEXT),
      created: text(40),
      updated: text(40),
      /** Counts the saves of this comment: a save based on an older revision is refused. */
      revision: z.number().int().positive(),
    })
    .strict();
}

export type Comment = z.infer<ReturnType<typeof commentSchema>>;

export interface CommentStore {
  version: typeof STORE_VERSION;
  commenter: { name: string; organization: string };
  comments: Comment[];
}

export function storeSchema(base = '/') {
  return z
    .object({
      version: z.literal(STORE_VERSION),
      commenter,
      comments: z.array(commentSchema(base)).max(100_000, 'more than 100,000 comments'),
      exported: z.string().optional(),
    })
    .strict()
    .transform(({ exported: _exported, ...s }) => s as CommentStore);
}

export const emptyStore = (): CommentStore => ({
  version: STORE_VERSION,
  commenter: { name: '', organization: '' },
  comments: [],
});

/** Version 2 (the format of this site until version 3): as 3, without revisions. */
const v2CommentSchema = z
  .object({
    id: z.string(),
    document: z.string(),
    section: z.string(),
    page: z.string(),
    lineStart: z.number().optional(),
    lineEnd: z.number().optional(),
    target: z.string(),
    href: z.string().optional(),
    type: z.string(),
    comment: z.string(),
    suggestion: z.string(),
    created: z.string(),
    updated: z.string(),
  })
  .loose();
const v2Schema = z
  .object({
    version: z.literal(2),
    commenter: z.object({ name: z.string(), organization: z.string() }),
    comments: z.array(v2CommentSchema),
  })
  .loose();

/** Version 1 kept one "commenter" string and a "lines" string ("12-15") per comment. */
const v1Schema = z
  .object({
    version: z.literal(1),
    commenter: z.string().optional(),
    comments: z.array(
      v2CommentSchema.omit({ lineStart: true, lineEnd: true }).extend({ lines: z.string().optional() }).loose(),
    ),
  })
  .loose();

function splitCommenter(s: string): { name: string; organization: string } {
  const [name = '', ...rest] = s.split(/\s*\/\s*/);
  return { name, organization: rest.join(' / ') };
}

/** Brings a version 1 or 2 value to version 3 (still to be validated). */
function upgrade(raw: { version: number } & Record<string, unknown>, base: string): unknown {
  let v = raw;
  if (v.version === 1) {
    const old = v1Schema.parse(v);
    v = {
      version: 2,
      commenter: splitCommenter(old.commenter ?? ''),
      comments: old.comments.map(({ lines, ...c }) => {
        const [a, b] = (lines ?? '').split(/[-–]/).map((x) => Number(x.trim()));
        return { ...c, ...(a ? { lineStart: a } : {}), ...(b || a ? { lineEnd: b || a } : {}) };
      }),
    };
  }
  if (v.version === 2) {
    const old = v2Schema.parse(v);
    // Links that do not point into this site (older versions accepted any) are dropped; the comment stays.
    v = {
      ...old,
      version: STORE_VERSION,
      comments: old.comments.map(({ href, ...c }) => ({
        ...c,
        ...(href !== undefined && isSitePath(href, base) ? { href } : {}),
        revision: 1,
      })),
    };
  }
  return v;
}

const FIELD_NAMES: Record<string, string> = {
  lineStart: 'starting line',
  lineEnd: 'ending line',
  href: 'link',
  comment: 'comment',
  suggestion: 'suggested change',
};

/** "comment 3 (comments[2]), field "type": not E, G or T" */
export function describeIssue(
  issue: { path: PropertyKey[]; message: string },
  label = (i: number) => `comment ${i + 1}`,
): string {
  const [top, index, fieldName, ...rest] = issue.path;
  if (top === 'comments' && typeof index === 'number') {
    const where = `${label(index)} (comments[${index}])`;
    if (fieldName === undefined) return `${where}: ${issue.message}`;
    const f = String(fieldName);
    return `${where}, field "${f}"${FIELD_NAMES[f] ? ` (${FIELD_NAMES[f]})` : ''}${rest.length ? `.${rest.join('.')}` : ''}: ${issue.message}`;
  }
  if (issue.path.length === 0) return issue.message;
  return `field "${issue.path.map(String).join('.')}": ${issue.message}`;
}

export class WorkspaceError extends Error {
  readonly problems: string[];
  constructor(message: string, problems: string[]) {
    super(message);
    this.problems = problems;
  }
}

function zodMessages(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    // zod reports a wrong type as "Invalid input: expected object, received null"; say it plainly.
    const message = i.message
      .replace(/^Invalid input: expected (\w+), received (\w+)$/, 'expected $1, found $2')
      .replace(/^Invalid input$/, 'not valid');
    return describeIssue({ path: i.path, message });
  });
}

/**
 * A stored or imported workspace (any known version), validated. Throws a WorkspaceError whose `problems`
 * name each wrong record and field.
 */
export function parseWorkspace(raw: unknown, base = '/'): CommentStore {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new WorkspaceError(
      'This is not a comment workspace: expected a JSON object with "version", "commenter" and "comments".',
      [],
    );
  const version = (raw as { version?: unknown }).version;
  if (version === undefined)
    throw new WorkspaceError(
      'This is not a comment workspace: it has no "version" field (a backup exported from /comments/ has one).',
      [],
    );
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new WorkspaceError(
      `This is not a comment workspace: "version" is ${JSON.stringify(version)}, not a version number.`,
      [],
    );
  if (version > STORE_VERSION)
    throw new WorkspaceError(
      `These comments were saved by a newer version of this site (format version ${version}; this page reads up to version ${STORE_VERSION}).`,
      [],
    );
  let upgraded: unknown;
  try {
    upgraded = upgrade(raw as { version: number }, base);
  } catch (e) {
    if (e instanceof z.ZodError)
      throw new WorkspaceError(
        `The comments (format version ${version}) are not in the expected shape.`,
        zodMessages(e),
      );
    throw e;
  }
  const parsed = storeSchema(base).safeParse(upgraded);
  if (!parsed.success)
    throw new WorkspaceError('The comments are not in the expected shape.', zodMessages(parsed.error));
  return parsed.data;
}

/** Reads a JSON backup's text; JSON syntax errors are said with their place. */
export function readBackup(text: string, base = '/'): CommentStore {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new WorkspaceError(`This file is not valid JSON (${(e as Error).message}).`, []);
  }
  return parseWorkspace(raw, base);
}

/** One line for a WorkspaceError or any other error, with at most `max` problems listed. */
export function errorText(e: unknown, max = 5): string {
  if (!(e instanceof WorkspaceError)) return (e as Error).message;
  const shown = e.problems.slice(0, max);
  const more = e.problems.length - shown.length;
  return [
    e.message,
    ...shown.map((p) => `${p}.`),
    ...(more > 0 ? [`And ${more} more problem${more === 1 ? '' : 's'}.`] : []),
  ].join(' ');
}
