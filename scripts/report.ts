/** npm run report: print the source report (counts and disagreements between the sources). */
import { ensureSources, importModel } from '../src/lib/pipeline.ts';
import { formatReport, sourceReport } from '../src/lib/report/source-report.ts';
import { runCli } from './cli.ts';

await runCli('report', async () => {
  await ensureSources();
  console.log(formatReport(sourceReport(await importModel())));
});
