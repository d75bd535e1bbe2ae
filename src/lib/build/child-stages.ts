/** Stages the build runs in a child process (see child.ts): the model import, the link check. */
import { importModel, writeModelJson } from '../pipeline.ts';
import type { Problem } from '../problems.ts';
import { checkLinks } from '../site/check-links.ts';

/** Imports and validates the model into `file`. */
export async function importModelInto(file: string): Promise<void> {
  await writeModelJson(await importModel(), file);
}

/** The broken internal links and anchors of the site in `dir`; `alsoPresent` are files still being written. */
export function brokenLinks(dir: string, base: string, alsoPresent: string[] = []): Promise<Problem[]> {
  return checkLinks(dir, base, alsoPresent);
}
