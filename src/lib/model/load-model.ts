/**
 * The model as the site reads it: the JSON that `npm run build` (or
 * `npm run import`) wrote after validating it. Read once per build, memoized.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Model } from './schemas/model.ts';

let cached: Model | undefined;

/**
 * Pages are bundled before they run, so the model's path cannot come from this
 * module's own location: the build names it in IOT_MODEL_JSON, and the default
 * is the project's .cache folder under the working directory.
 */
export function modelJsonPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.IOT_MODEL_JSON || resolve(env.IOT_CACHE_DIR || resolve(process.cwd(), '.cache'), 'model/model.json');
}

export function loadModel(file = modelJsonPath()): Model {
  if (cached) return cached;
  try {
    cached = JSON.parse(readFileSync(file, 'utf8')) as Model;
  } catch (e) {
    throw new Error(`The catalog model is missing (${file}): run "npm run build" or "npm run import" first. (${(e as Error).message})`);
  }
  return cached;
}
