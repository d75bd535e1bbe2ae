/** The model JSON as pages read it: parsed with the model's schema, a file that does not fit fails naming its fields. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel, parseModel } from '../../src/lib/model/load-model.ts';
import { buildMiniModel } from '../support/build-mini-model.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const tempDir = useTempDirs();

describe('loading the model JSON', () => {
  it('reads back the model the build wrote', async () => {
    const model = await buildMiniModel(tempDir());
    const file = join(tempDir(), 'model.json');
    writeFileSync(file, JSON.stringify(model));
    expect(loadModel(file)).toEqual(JSON.parse(JSON.stringify(model)));
  });

  it('fails on a model that does not fit the schema, naming the file and the fields', async () => {
    const model = JSON.parse(JSON.stringify(await buildMiniModel(tempDir())));
    model.controls[0].id = 'AC 2';
    model.elements[0].stray = true;
    expect(() => parseModel(model, '.cache/model/model.json')).toThrow(
      /^The catalog model \.cache\/model\/model\.json does not fit the model schema \(src\/lib\/model\/schemas\/model\.ts\): \$\.controls\.0\.id: must be an OSCAL control id.*; \$\.elements\.0: Unrecognized key: "stray"\. Run "npm run import" to write it again\.$/,
    );
  });
});
