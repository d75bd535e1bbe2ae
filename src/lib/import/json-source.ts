/**
 * Reads a JSON source file and checks it against a JSON Schema (draft-07, ajv:
 * src/lib/json-schema.ts), turning parse and schema errors into problems with
 * line numbers or JSON paths.
 */
import type { Problems } from '../problems.ts';

export { checkAgainstSchema, schemaValidator } from '../json-schema.ts';

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
    const where = lineCol
      ? { line: Number(lineCol[1]), column: Number(lineCol[2]) }
      : offset !== undefined
        ? lineColumn(text, offset)
        : undefined;
    const truncated =
      /Unexpected end of JSON input|Unterminated|end of data/i.test(message) ||
      (offset !== undefined && offset >= text.trimEnd().length);
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
