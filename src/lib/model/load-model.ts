/**
 * The model as the site reads it: the JSON that `npm run build` (or
 * `npm run import`) wrote after validating it. Read once per build, memoized.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Model } from './schemas/model.ts';

let cached: Model | undefined;
/** The file's modification time when it was read (checked on every call only under `npm run dev`). */
let cachedMtime = 0;

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
  if (cached && process.env.IOT_MODEL_WATCH === '1') {
    const mtime = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (mtime !== cachedMtime) cached = undefined;
  }
  if (cached) return cached;
  try {
    if (process.env.IOT_MODEL_WATCH === '1') cachedMtime = statSync(file).mtimeMs;
    cached = JSON.parse(readFileSync(file, 'utf8')) as Model;
  } catch (e) {
    throw new Error(`The catalog model is missing (${file}): run "npm run build" or "npm run import" first. (${(e as Error).message})`);
  }
  return cached;
}
