// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { remarkXref } from './src/lib/content/remark-xref.ts';
import { loadModel } from './src/lib/model/load-model.ts';

// SITE_BASE lets agencies host the site under a sub-path (e.g. /projects/iot/).
const base = process.env.SITE_BASE || '/';
const baseWithSlash = base.endsWith('/') ? base : `${base}/`;

export default defineConfig({
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Markdown and MDX through unified (remark), so that the cross-reference plugin runs: it checks every
  // <Control id>, <Element id>, <Capability id>, <Section n> and [[…]] of the guides against the model,
  // and an unknown id fails the build with file:line and a "did you mean".
  markdown: { processor: unified({ remarkPlugins: [[remarkXref, { model: () => loadModel(), base: baseWithSlash }]] }) },
  integrations: [mdx()],
  // No telemetry, no external requests at build or run time.
  devToolbar: { enabled: false },
});
