// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

// SITE_BASE lets agencies host the site under a sub-path (e.g. /projects/iot/).
const base = process.env.SITE_BASE || '/';

export default defineConfig({
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx()],
  // No telemetry, no external requests at build or run time.
  devToolbar: { enabled: false },
});
