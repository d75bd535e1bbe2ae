/**
 * The download stages declare the files they write (src/lib/build/downloads-jobs.ts): the link check trusts that
 * list while they are still being written, so a stage that writes anything else fails the build naming the file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDeclaredFiles, downloadKeys } from '../../src/lib/build/downloads-jobs.ts';
import { DOWNLOAD_LIST } from '../../src/lib/downloads/download-list.ts';
import { ProblemsError } from '../../src/lib/problems.ts';
import type { Model } from '../../src/lib/model/schemas/model.ts';
import { buildMiniModel } from '../support/build-mini-model.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const tempDir = useTempDirs();

describe('the download stages and the files they declare', () => {
  let model: Model;
  let stages: ReturnType<typeof downloadKeys>;
  beforeAll(async () => {
    // The stages read a product type's id and hash the rest: one type of the project's own shape is enough.
    const type = { id: 'smart-lighting', name: 'Smart lighting' } as unknown as Model['productTypes'][number];
    model = { ...(await buildMiniModel(tempDir())), productTypes: [type] };
    stages = downloadKeys(model, { date: 'epoch 0', sources: 'x' });
  });

  it('declares the catalog files and, per product type, every level in every format', () => {
    expect(stages[0]!.files).toEqual(DOWNLOAD_LIST.map((d) => d.file));
    const type = model.productTypes[0]!;
    const own = stages.find((s) => s.name === `downloads-${type.id}`)!;
    expect(own.files).toHaveLength(3 * 6);
    expect(own.files).toContain(`products/${type.id}/${type.id}-moderate.docx`);
    expect(own.files).toContain(`products/${type.id}/${type.id}-high.oscal-profile.json`);
  });

  it('accepts a run that wrote what it declares, in any order', () => {
    expect(() => checkDeclaredFiles(stages[0]!, [...stages[0]!.files].reverse())).not.toThrow();
  });

  it('names a declared file not written and a file written but not declared', () => {
    const [first, ...rest] = stages[0]!.files;
    let error: unknown;
    try {
      checkDeclaredFiles(stages[0]!, [...rest, 'stray.txt']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProblemsError);
    expect((error as ProblemsError).problems.map((p) => [p.file, p.place, p.message])).toEqual([
      [`downloads/${first}`, 'downloads-catalog', 'declared by the stage but not written'],
      ['downloads/stray.txt', 'downloads-catalog', 'written but not declared by the stage'],
    ]);
  });
});
