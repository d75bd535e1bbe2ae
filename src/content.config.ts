/** Content collections: the project's own guides (MDX, written by us), one zod schema for their front matter. */
import { glob } from 'astro/loaders';
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';

const guides = defineCollection({
  // IOT_CONTENT_DIR points the build at another folder of guides (the tests use it for a broken guide).
  loader: glob({ pattern: '**/*.mdx', base: process.env.IOT_CONTENT_DIR || './content/guides' }),
  schema: z
    .object({
      title: z.string().min(1),
      description: z.string().min(1),
      /** Position in the list of guides. */
      order: z.number().int().positive(),
      audience: z.enum(['readers', 'procurement', 'commenters', 'everyone']),
    })
    .strict(),
});

export const collections = { guides };
