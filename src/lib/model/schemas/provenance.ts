import { z } from 'zod';

/** Where a record came from: the source file (path inside the sources folder) and the place in it. */
export const provenanceSchema = z
  .object({
    /** Source id from catalog/sources.json. */
    source: z.string().min(1),
    /** Path of the file inside the sources folder. */
    file: z.string().min(1),
    /** `Sheet!row`, `line N` / `line N (heading)`, or a JSON path. */
    place: z.string().min(1),
  })
  .strict();

export type Provenance = z.infer<typeof provenanceSchema>;
