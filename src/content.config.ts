/** Content collections: the project's own guides (MDX, written by us), one zod schema for their front matter. */
import { glob } from 'astro/loaders';
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';

const guides = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/guides' }),
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
