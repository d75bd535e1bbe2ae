/**
 * Reads a JSON source file and checks it against a JSON Schema (draft-07, ajv),
 * turning parse and schema errors into problems with line numbers or JSON paths.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import type { Problems } from '../problems.ts';

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsPlugin as unknown as { default?: unknown }).default ?? addFormatsPlugin) as (ajv: Ajv) => Ajv;

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/** Parses JSON; on failure adds a problem naming the line and column and returns undefined. */
export function parseJsonSource(text: string, file: string, problems: Problems): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const lineCol = /\(line (\d+) column (\d+)\)/.exec(message);
    const pos = /position (\d+)/.exec(message);
    const offset = pos ? Number(pos[1]) : offsetFromSnippet(text, message);
    const where = lineCol ? { line: Number(lineCol[1]), column: Number(lineCol[2]) } : offset !== undefined ? lineColumn(text, offset) : undefined;
    const truncated = /Unexpected end of JSON input|Unterminated|end of data/i.test(message) || (offset !== undefined && offset >= text.trimEnd().length);
    problems.error(
      file,
      where ? `line ${where.line}, column ${where.column}` : 'place unknown',
      `not valid JSON: ${message}`,
      truncated
        ? 'The file looks truncated: fetch it again (npm run sources) and check its SHA-256 against catalog/sources.json.'
        : 'The file must be the byte-exact NIST JSON; fetch it again (npm run sources).',
    );
    return undefined;
  }
}

/**
 * Where V8's "Unexpected token 'x', ..."context" is not valid JSON" points: it
 * quotes the text around the token, with the token 10 characters in when the
 * quote is cut at its start ("...").
 */
function offsetFromSnippet(text: string, message: string): number | undefined {
  const m = /^Unexpected token '(.+?)', (\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  if (!m) return undefined;
  const [, token, cut, snippet] = m as unknown as [string, string, string | undefined, string];
  const at = text.indexOf(snippet);
  if (at < 0) return undefined;
  return at + (cut ? 10 : Math.max(0, snippet.indexOf(token)));
}

const validators = new WeakMap<object, ValidateFunction>();

/** Compiles (once per schema object) a draft-07 validator with ajv-formats. */
export function schemaValidator(schema: object): ValidateFunction {
  let v = validators.get(schema);
  if (!v) {
    const ajv = new Ajv({ allErrors: false, strict: false, validateSchema: false });
    addFormats(ajv);
    v = ajv.compile(schema);
    validators.set(schema, v);
  }
  return v;
}

function ajvPathToJsonPath(instancePath: string): string {
  if (!instancePath) return '$';
  return (
    '$' +
    instancePath
      .split('/')
      .slice(1)
      .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((seg) => (/^\d+$/.test(seg) ? `[${seg}]` : /^[A-Za-z_$][\w$]*$/.test(seg) ? `.${seg}` : `[${JSON.stringify(seg)}]`))
      .join('')
  );
}

function describe(err: ErrorObject): string {
  const params = err.params as Record<string, unknown>;
  if (err.keyword === 'additionalProperties') return `unexpected property "${String(params.additionalProperty)}"`;
  if (err.keyword === 'required') return `missing required property "${String(params.missingProperty)}"`;
  return err.message ?? err.keyword;
}

/** Validates `data` against `schema`; adds one problem per schema error, with its JSON path. */
export function checkAgainstSchema(data: unknown, schema: object, schemaName: string, file: string, problems: Problems): boolean {
  const validate = schemaValidator(schema);
  if (validate(data)) return true;
  for (const err of validate.errors ?? []) {
    problems.error(file, ajvPathToJsonPath(err.instancePath), `does not conform to the ${schemaName}: ${describe(err)}`, 'The file must be the byte-exact NIST OSCAL JSON; fetch it again (npm run sources).');
  }
  return false;
}
