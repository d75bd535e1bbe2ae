/**
 * Checks JSON against a JSON Schema (draft-07, ajv with ajv-formats), one
 * problem per schema error with its JSON path: the OSCAL sources when they are
 * read, and the OSCAL documents the build writes.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import type { Problems } from './problems.ts';

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsPlugin as unknown as { default?: unknown }).default ?? addFormatsPlugin) as (
  ajv: Ajv,
) => Ajv;

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
      .map((seg) =>
        /^\d+$/.test(seg) ? `[${seg}]` : /^[A-Za-z_$][\w$]*$/.test(seg) ? `.${seg}` : `[${JSON.stringify(seg)}]`,
      )
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
export function checkAgainstSchema(
  data: unknown,
  schema: object,
  schemaName: string,
  file: string,
  problems: Problems,
): boolean {
  const validate = schemaValidator(schema);
  if (validate(data)) return true;
  for (const err of validate.errors ?? []) {
    problems.error(
      file,
      ajvPathToJsonPath(err.instancePath),
      `does not conform to the ${schemaName}: ${describe(err)}`,
      'The file must be the byte-exact NIST OSCAL JSON; fetch it again (npm run sources).',
    );
  }
  return false;
}
