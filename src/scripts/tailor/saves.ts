/**
 * Tailorings kept in this browser (localStorage, one key, versioned): the autosave of the
 * current tailoring and the named saves. A store that cannot be read is reported and never
 * written over: the page keeps working, and saving says why it cannot.
 */
const KEY = 'iot-guidance-tailorings';
export const SAVES_VERSION = 1;

export interface SavedTailoring {
  name: string;
  saved: string;
  record: unknown;
}

export interface SavesStore {
  version: number;
  current?: unknown;
  saves: SavedTailoring[];
}

let broken: string | undefined;

export function loadSaves(): { store: SavesStore; error?: string } {
  let raw: string | null;
  try {
    raw = localStorage.getItem(KEY);
  } catch (e) {
    broken = `this browser does not let the site store data (${(e as Error).message})`;
    return { store: { version: SAVES_VERSION, saves: [] }, error: `Saves are not available: ${broken}.` };
  }
  if (!raw) return { store: { version: SAVES_VERSION, saves: [] } };
  try {
    const data = JSON.parse(raw) as SavesStore;
    if (typeof data !== 'object' || !data || typeof data.version !== 'number' || !Array.isArray(data.saves))
      throw new Error('it is not a list of saves');
    if (data.version > SAVES_VERSION)
      throw new Error(`it is version ${data.version}, newer than this site reads (${SAVES_VERSION})`);
    const bad = data.saves.findIndex((s) => typeof s?.name !== 'string' || typeof s.saved !== 'string');
    if (bad >= 0) throw new Error(`save ${bad + 1} has no name or date`);
    broken = undefined;
    return { store: data };
  } catch (e) {
    broken = `the stored saves (localStorage "${KEY}") cannot be read: ${(e as Error).message}`;
    return {
      store: { version: SAVES_VERSION, saves: [] },
      error: `Saved tailorings are not shown: ${broken}. They are left as they are.`,
    };
  }
}

/** Writes the store; returns why it could not, or undefined. */
export function writeSaves(store: SavesStore): string | undefined {
  if (broken) return `Not saved: ${broken}.`;
  try {
    localStorage.setItem(KEY, JSON.stringify(store));
    return undefined;
  } catch (e) {
    return (e as DOMException).name === 'QuotaExceededError'
      ? "Not saved: the browser's storage for this site is full. Download the tailoring record instead."
      : `Not saved: ${(e as Error).message}.`;
  }
}
