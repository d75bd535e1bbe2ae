/**
 * npm run preview: serves the built site (dist/, or IOT_OUT_DIR) on localhost, under
 * SITE_BASE when the site was built for a sub-path, with its search and downloads,
 * as a static host would. PORT sets the port (default 4321).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { preview } from 'astro';
import pc from 'picocolors';
import { paths, projectRoot } from '../src/lib/paths.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
if (!existsSync(join(paths.dist, 'index.html'))) {
  console.error(pc.red(`No built site in ${paths.dist}: run "npm run build" first (with the same SITE_BASE).`));
  process.exit(1);
}
const base = process.env.SITE_BASE || '/';
const server = await preview({
  root: projectRoot,
  outDir: paths.dist,
  logLevel: 'warn',
  ...(process.env.PORT ? { server: { port: Number(process.env.PORT) } } : {}),
});
console.log(
  `Serving ${paths.dist} at ${pc.cyan(`http://localhost:${server.port}${base.endsWith('/') ? base : `${base}/`}`)} (Ctrl+C stops)`,
);
