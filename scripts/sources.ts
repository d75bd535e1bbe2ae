/** npm run sources: fetch every pinned NIST file into .cache/sources and check its SHA-256. */
import { ensureSources } from '../src/lib/pipeline.ts';
import { runCli } from './cli.ts';

await runCli('sources', async () => {
  await ensureSources((line) => console.log(line));
});
