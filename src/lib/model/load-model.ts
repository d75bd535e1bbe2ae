/**
 * The model as the site reads it: the JSON that `npm run build` (or
 * `npm run import`) wrote after validating it, parsed again with the model's
 * schema when it is read (a stale or hand-edited file fails here, naming the
 * field). Read once per process (every copy of this module shares it), memoized.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Model, modelSchema } from './schemas/model.ts';

/**
 * The model read, shared by every copy of this module in the process: the
 * Astro config (the guides' cross-references) and the bundled pages each load
 * their own copy of it, and the file is parsed once for both.
 */
interface ModelCache {
  model?: Model;
  file?: string;
  /** SHA-256 of the file's text. */
  digest?: string;
  /** The file's modification time when it was read (checked on every call only under `npm run dev`). */
  mtime: number;
}
const cacheKey = Symbol.for('iot-guidance-site.model-cache');
const cacheHolder = globalThis as { [cacheKey]?: ModelCache };
cacheHolder[cacheKey] ??= { mtime: 0 };
const cache: ModelCache = cacheHolder[cacheKey];

/**
 * Pages are bundled before they run, so the model's path cannot come from this
 * module's own location: the build names it in IOT_MODEL_JSON, and the default
 * is the project's .cache folder under the working directory.
 */
export function modelJsonPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.IOT_MODEL_JSON || resolve(env.IOT_CACHE_DIR || resolve(process.cwd(), '.cache'), 'model/model.json');
}

export function loadModel(file = modelJsonPath()): Model {
  // `npm run dev` rewrites the model when catalog/ changes: the next page then reads the new one.
  if (cache.model && process.env.IOT_MODEL_WATCH === '1') {
    const mtime = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (mtime !== cache.mtime) cache.model = undefined;
  }
  if (cache.model && cache.file === file) return cache.model;
  let data: unknown;
  try {
    if (process.env.IOT_MODEL_WATCH === '1') cache.mtime = statSync(file).mtimeMs;
    const text = readFileSync(file, 'utf8');
    cache.digest = createHash('sha256').update(text).digest('hex');
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(
      `The catalog model is missing (${file}): run "npm run build" or "npm run import" first. (${(e as Error).message})`,
    );
  }
  cache.model = parseModel(data, file);
  cache.file = file;
  return cache.model;
}

/** SHA-256 of the model file's text, as read by loadModel: the same for the same model. */
export function modelDigest(file = modelJsonPath()): string {
  loadModel(file);
  return cache.digest!;
}

/** The model JSON checked by the model's schema; the error names the file and the first fields that do not fit. */
export function parseModel(data: unknown, file: string): Model {
  const parsed = modelSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 5).map((i) => `$.${i.path.join('.')}: ${i.message}`);
  const more =
    parsed.error.issues.length > issues.length ? ` (and ${parsed.error.issues.length - issues.length} more)` : '';
  throw new Error(
    `The catalog model ${file} does not fit the model schema (src/lib/model/schemas/model.ts): ${issues.join('; ')}${more}. Run "npm run import" to write it again.`,
  );
}
