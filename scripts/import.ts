/** npm run import: sources, then the validated model, written to .cache/model/model.json. */
import { relative } from 'node:path';
import { ensureSources, importModel, writeModelJson } from '../src/lib/pipeline.ts';
import { paths } from '../src/lib/paths.ts';
import { runCli, step } from './cli.ts';

await runCli('import', async () => {
  step(1, 2, 'Sources');
  await ensureSources((line) => console.log(line));
  step(2, 2, 'Import and validate');
  const model = await importModel();
  await writeModelJson(model);
  console.log(
    `  model: ${model.controls.length} controls, ${model.elements.length} elements, ${model.subElements.length} sub-elements → ${relative(process.cwd(), paths.modelJson)}`,
  );
});
