/**
 * Imports an SP 800-53B baseline profile (OSCAL): the ids of the controls it includes.
 */
import type { Problems } from '../problems.ts';
import type { Baseline } from '../model/schemas/control.ts';

export interface OscalProfileDocument {
  profile: {
    metadata: { title: string; version?: string };
    imports: { href: string; 'include-controls'?: { 'with-ids'?: string[] }[]; 'include-all'?: object }[];
  };
}

export interface ImportedBaseline {
  baseline: Baseline;
  title: string;
  /** Included control ids with the JSON path of each. */
  controls: { id: string; path: string }[];
}

export function importOscalProfile(
  doc: OscalProfileDocument,
  baseline: Baseline,
  file: string,
  problems: Problems,
): ImportedBaseline {
  const controls: { id: string; path: string }[] = [];
  const seen = new Set<string>();
  doc.profile.imports.forEach((imp, ii) => {
    if (imp['include-all'])
      problems.error(
        file,
        `$.profile.imports[${ii}]`,
        'the profile includes all controls, which a baseline never does',
        'Check that the file is an SP 800-53B baseline profile.',
      );
    (imp['include-controls'] ?? []).forEach((inc, ci) => {
      (inc['with-ids'] ?? []).forEach((id, k) => {
        const path = `$.profile.imports[${ii}].include-controls[${ci}].with-ids[${k}]`;
        if (seen.has(id)) {
          problems.warning(file, path, `control "${id}" is included twice`);
          return;
        }
        seen.add(id);
        controls.push({ id, path });
      });
    });
  });
  if (!controls.length)
    problems.error(
      file,
      '$.profile.imports',
      `the ${baseline} baseline includes no controls`,
      'Check that the file is an SP 800-53B baseline profile.',
    );
  return { baseline, title: doc.profile.metadata.title, controls };
}
