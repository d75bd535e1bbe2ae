/**
 * npm run dev: Astro's dev server over the validated model. An edit of content/
 * (guides) shows on reload; an edit of catalog/ (capabilities, glossary, product
 * types, search terms, comment template) re-imports and re-validates the model,
 * and the next reload shows it. A catalog edit with problems prints them (file, place,
 * hint) and keeps serving the last good model. Search and the download files come
 * from `npm run build` (see `npm run preview`). PORT sets the port (default 4321).
 */
import { join, relative } from 'node:path';
import { dev } from 'astro';
import { paths, projectRoot } from '../src/lib/paths.ts';
import { ensureSources, importModel, writeModelJson } from '../src/lib/pipeline.ts';
import { ProblemsError, formatProblems } from '../src/lib/problems.ts';
import pc from 'picocolors';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
process.env.IOT_MODEL_JSON = paths.modelJson;
process.env.IOT_MODEL_WATCH = '1';
// The download sizes on /downloads/ come from the last build, when there is one.
process.env.IOT_DOWNLOADS_DIR ??= join(paths.dist, 'downloads');

async function refreshModel(): Promise<boolean> {
  try {
    await writeModelJson(await importModel());
    return true;
  } catch (e) {
    console.error(
      pc.red(e instanceof ProblemsError ? formatProblems(e.stage, e.problems, { color: true }) : String(e)),
    );
    return false;
  }
}

await ensureSources((line) => console.log(line));
if (!(await refreshModel())) process.exit(1);

const server = await dev({
  root: projectRoot,
  devToolbar: { enabled: false },
  ...(process.env.PORT ? { server: { port: Number(process.env.PORT) } } : {}),
});

let timer: ReturnType<typeof setTimeout> | undefined;
// Vite's own watcher: it follows files that editors replace rather than rewrite.
const catalogDir = paths.catalog;
server.watcher.add(catalogDir);
server.watcher.on('all', (_event, path) => {
  const file = relative(catalogDir, path);
  if (file.startsWith('..') || !/\.(ya?ml|json)$/.test(file)) return;
  clearTimeout(timer);
  timer = setTimeout(async () => {
    console.log(pc.cyan(`catalog/${file} changed: importing the model again`));
    // The pages read the model again on their next request (see load-model.ts).
    if (await refreshModel()) console.log(pc.green('model updated: reload the page'));
  }, 150);
});
