/**
 * The comment workspace in this browser: IndexedDB (database `iot-guidance-comments`, shared by every page
 * and tab of the site), which holds hundreds of megabytes where localStorage holds about 5 MB. Reads are
 * validated (comment-schema.ts); a stored value this page cannot read is moved aside untouched, in the same
 * transaction that clears it, and stays downloadable from /comments/. Every change reads the current value,
 * applies the change and writes it in one transaction (so two tabs cannot interleave), and is read back
 * before it counts as done; other tabs hear of it on a BroadcastChannel. Workspaces of earlier versions,
 * kept in localStorage, move into IndexedDB on first use. Drafts stay in localStorage (small, written on
 * every keystroke), one per target, for new comments and for edits.
 */
import { FORM_COMMENT_TYPE } from '../../lib/comments/comment-documents.ts';
import { mergeComments } from '../../lib/comments/comment-model.ts';
import { DB_NAME, DB_VERSION } from './database.ts';
import { type CommentStore, emptyStore, errorText, parseWorkspace } from '../../lib/comments/comment-schema.ts';

/** localStorage key of the workspace up to format 2 (and of an older site still open in another tab). */
export const LEGACY_KEY = 'iot-guidance-comments';
export { DB_NAME, DB_VERSION };
export const DRAFTS_KEY = 'iot-guidance-comment-drafts';
/** The single draft slot of earlier versions: read once into the per-target drafts, then removed. */
const OLD_DRAFT_KEY = 'iot-guidance-comment-draft';
const DRAFTS_ASIDE = `${DRAFTS_KEY}-unreadable-`;
const BASE = import.meta.env.BASE_URL;

export type Result<T = CommentStore> = { ok: true; store: T } | { ok: false; message: string };

function storageMessage(e: unknown): string {
  const err = e as DOMException | null;
  if (err?.name === 'QuotaExceededError' || err?.code === 22)
    return "The browser's storage for this site is full, so this was NOT saved. Export your comments (JSON) now, then free some space (delete comments you have sent, or clear other sites' data).";
  return `This browser does not let the site store anything (${err?.message ?? String(e)}); in private mode, export your comments before closing the tab.`;
}

// --- IndexedDB --------------------------------------------------------------------------------------

let opening: Promise<IDBDatabase> | undefined;
function db(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      req.result.createObjectStore('workspace');
      req.result.createObjectStore('aside', { autoIncrement: true });
    };
    req.onsuccess = () => {
      req.result.onversionchange = () => req.result.close();
      resolve(req.result);
    };
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('the site is open in an older version in another tab; close it and reload'));
  }).catch((e) => {
    opening = undefined;
    throw e;
  });
  return opening;
}

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((ok, no) => {
    r.onsuccess = () => ok(r.result);
    r.onerror = () => no(r.error);
  });
const finished = (t: IDBTransaction) =>
  new Promise<void>((ok, no) => {
    t.oncomplete = () => ok();
    t.onabort = () => no(t.error ?? new Error('the write was aborted'));
    t.onerror = () => no(t.error);
  });

interface AsideRecord {
  label: string;
  text: string;
}

async function readCurrent(): Promise<string | undefined> {
  const t = (await db()).transaction('workspace', 'readonly');
  return (await request(t.objectStore('workspace').get('current'))) as string | undefined;
}

const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(DB_NAME);

/** Calls `listener` when another tab or window changed the workspace. */
export function onWorkspaceChange(listener: () => void): void {
  channel?.addEventListener('message', listener);
  window.addEventListener('storage', (e) => {
    if (e.key === null || e.key === LEGACY_KEY) listener();
  });
}

/**
 * Moves a workspace kept in localStorage (earlier versions of the site) into IndexedDB: readable ones are
 * merged into what IndexedDB holds (nothing lost), unreadable ones kept aside; the localStorage entry is
 * removed only once IndexedDB has it.
 */
async function moveLegacy(): Promise<string | undefined> {
  let raw: string | null;
  try {
    raw = localStorage.getItem(LEGACY_KEY);
  } catch {
    return undefined;
  }
  if (raw === null) return undefined;
  let legacy: CommentStore | undefined;
  let reason = '';
  try {
    legacy = parseWorkspace(JSON.parse(raw), BASE);
  } catch (e) {
    reason = e instanceof SyntaxError ? `the stored text is not valid JSON (${e.message}).` : errorText(e, 3);
  }
  const t = (await db()).transaction(['workspace', 'aside'], 'readwrite');
  if (legacy) {
    const currentRaw = (await request(t.objectStore('workspace').get('current'))) as string | undefined;
    let current: CommentStore | undefined;
    try {
      current = currentRaw === undefined ? undefined : parseWorkspace(JSON.parse(currentRaw), BASE);
    } catch {
      current = undefined; // left for loadStore to keep aside
    }
    if (currentRaw === undefined) t.objectStore('workspace').put(JSON.stringify(legacy), 'current');
    else if (current)
      t.objectStore('workspace').put(JSON.stringify(mergeComments(current, legacy.comments).store), 'current');
    else
      t.objectStore('aside').add({
        label: 'Comments from an earlier version of the site',
        text: raw,
      } satisfies AsideRecord);
  } else t.objectStore('aside').add({ label: 'Comments this page could not read', text: raw } satisfies AsideRecord);
  await finished(t);
  localStorage.removeItem(LEGACY_KEY);
  return legacy
    ? undefined
    : `Your saved comments could not be read by this page: ${reason} They are kept aside, unchanged; download them under "Comments this page could not read". New comments start a new list and never overwrite that copy.`;
}

export interface Loaded {
  store: CommentStore;
  /** False when the browser does not let the site store anything: nothing may be written then. */
  writable: boolean;
  notice?: string;
}

/** The stored workspace, validated. An unreadable value is moved aside (kept, then cleared, in one transaction). */
export async function loadStore(): Promise<Loaded> {
  try {
    const legacyNotice = await moveLegacy();
    const raw = await readCurrent();
    if (raw === undefined) return { store: emptyStore(), writable: true, notice: legacyNotice };
    try {
      return { store: parseWorkspace(JSON.parse(raw), BASE), writable: true, notice: legacyNotice };
    } catch (e) {
      const reason = e instanceof SyntaxError ? `the stored text is not valid JSON (${e.message}).` : errorText(e, 3);
      const t = (await db()).transaction(['workspace', 'aside'], 'readwrite');
      // Only if it is still the same value (another tab may have moved it already).
      if ((await request(t.objectStore('workspace').get('current'))) === raw) {
        t.objectStore('aside').add({ label: 'Comments this page could not read', text: raw } satisfies AsideRecord);
        t.objectStore('workspace').delete('current');
      }
      await finished(t);
      channel?.postMessage('changed');
      return {
        store: emptyStore(),
        writable: true,
        notice: `Your saved comments could not be read by this page: ${reason} They are kept aside, unchanged; download them under "Comments this page could not read". New comments start a new list and never overwrite that copy.`,
      };
    }
  } catch (e) {
    return { store: emptyStore(), writable: false, notice: storageMessage(e) };
  }
}

/**
 * Reads the workspace as it is now (another tab may have changed it), applies `change`, and writes the
 * result, all in one transaction; then reads it back. `change` returns a message instead of a store to
 * refuse (a conflict).
 */
export async function updateStore(change: (current: CommentStore) => CommentStore | string): Promise<Result> {
  let text: string;
  let next: CommentStore;
  try {
    const loaded = await loadStore(); // moves legacy and unreadable values out of the way first
    if (!loaded.writable)
      return { ok: false, message: loaded.notice ?? 'The saved comments cannot be read; nothing was changed.' };
    const t = (await db()).transaction('workspace', 'readwrite');
    const raw = (await request(t.objectStore('workspace').get('current'))) as string | undefined;
    const current = raw === undefined ? emptyStore() : parseWorkspace(JSON.parse(raw), BASE);
    const changed = change(current);
    if (typeof changed === 'string') {
      t.abort();
      return { ok: false, message: changed };
    }
    try {
      next = parseWorkspace(changed, BASE);
    } catch (e) {
      t.abort();
      return { ok: false, message: `Not saved: ${errorText(e)}` };
    }
    text = JSON.stringify(next);
    t.objectStore('workspace').put(text, 'current');
    await finished(t);
  } catch (e) {
    return { ok: false, message: storageMessage(e) };
  }
  try {
    if ((await readCurrent()) !== text)
      return {
        ok: false,
        message:
          'The browser did not keep what was written (it read back differently), so this was NOT saved. Export your comments (JSON) now.',
      };
  } catch (e) {
    return { ok: false, message: storageMessage(e) };
  }
  channel?.postMessage('changed');
  return { ok: true, store: next };
}

/** Values kept aside (the comments and the drafts), for download from /comments/. */
export async function unreadableEntries(): Promise<{ key: string; label: string; text: string }[]> {
  const entries: { key: string; label: string; text: string }[] = [];
  try {
    const t = (await db()).transaction('aside', 'readonly');
    const store = t.objectStore('aside');
    const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
    keys.forEach((k, i) => {
      entries.push({
        key: `aside:${String(k)}`,
        label: `${(values[i] as AsideRecord).label} (kept aside, no. ${String(k)})`,
        text: (values[i] as AsideRecord).text,
      });
    });
  } catch {
    // no IndexedDB: nothing kept there
  }
  try {
    // A workspace of an earlier version that could not be moved into IndexedDB (storage full) stays where it is.
    const legacy = localStorage.getItem(LEGACY_KEY);
    if (legacy !== null)
      entries.push({
        key: LEGACY_KEY,
        label: 'Comments saved by an earlier version of the site, not yet moved',
        text: legacy,
      });
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k?.startsWith(DRAFTS_ASIDE))
        entries.push({
          key: k,
          label: `Drafts kept aside on ${k.slice(DRAFTS_ASIDE.length).replace('T', ' ').slice(0, 19)} UTC`,
          text: localStorage.getItem(k) ?? '',
        });
    }
  } catch {
    // storage unavailable
  }
  return entries;
}

export async function removeEntry(key: string): Promise<void> {
  if (key.startsWith(DRAFTS_ASIDE)) localStorage.removeItem(key);
  else if (key.startsWith('aside:')) {
    const t = (await db()).transaction('aside', 'readwrite');
    t.objectStore('aside').delete(Number(key.slice(6)));
    await finished(t);
  }
}

export function newId(): string {
  return crypto.randomUUID ? crypto.randomUUID() : `c-${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

/** Writes a localStorage value and reads it back. */
function put(key: string, value: string): string | undefined {
  try {
    localStorage.setItem(key, value);
    return localStorage.getItem(key) === value
      ? undefined
      : 'The browser did not keep what was written (it read back differently), so this was NOT saved.';
  } catch (e) {
    return storageMessage(e);
  }
}

/** Keeps an unreadable draft value aside in localStorage, under a key of its own. */
function setAside(prefix: string, raw: string): { key: string } | { message: string } {
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i);
    if (k?.startsWith(prefix) && localStorage.getItem(k) === raw) return { key: k };
  }
  // Never over another value kept aside (two can be kept in the same millisecond).
  const time = new Date().toISOString();
  let key = `${prefix}${time}`;
  for (let n = 2; localStorage.getItem(key) !== null; n++) key = `${prefix}${time}-${n}`;
  const failure = put(key, raw);
  return failure ? { message: failure } : { key };
}

// --- Drafts ---------------------------------------------------------------------------------------

export interface Draft {
  type: string;
  lineStart: string;
  lineEnd: string;
  comment: string;
  suggestion: string;
  name: string;
  organization: string;
  savedAt: string;
}

/** The draft slot of a new comment on a target, or of an edit of a comment. */
export const draftKey = (target: string, editing?: string) => (editing ? `edit:${editing}` : `new:${target}`);

const isDraft = (d: unknown): d is Draft =>
  !!d &&
  typeof d === 'object' &&
  ['type', 'lineStart', 'lineEnd', 'comment', 'suggestion', 'name', 'organization', 'savedAt'].every(
    (k) => typeof (d as Record<string, unknown>)[k] === 'string',
  );

/** Every draft, as stored (entries that are not drafts are kept as they are). Never throws. */
function readDrafts(): { drafts: Record<string, unknown>; notice?: string } {
  let notice: string | undefined;
  let drafts: Record<string, unknown> = {};
  try {
    const raw = localStorage.getItem(DRAFTS_KEY);
    if (raw !== null) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        parsed = undefined;
      }
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) drafts = parsed as Record<string, unknown>;
      else {
        const aside = setAside(DRAFTS_ASIDE, raw);
        if ('key' in aside) localStorage.removeItem(DRAFTS_KEY);
        notice = 'Your unsaved drafts could not be read; they are kept aside (download them from the Comments page).';
      }
    }
    const old = localStorage.getItem(OLD_DRAFT_KEY);
    if (old !== null) {
      let d: { target?: unknown; comment?: unknown; suggestion?: unknown } | undefined;
      try {
        d = JSON.parse(old);
      } catch {
        d = undefined;
      }
      if (d && typeof d.target === 'string' && typeof d.comment === 'string') {
        const key = draftKey(d.target);
        drafts[key] ??= {
          type: FORM_COMMENT_TYPE,
          lineStart: '',
          lineEnd: '',
          comment: d.comment,
          suggestion: typeof d.suggestion === 'string' ? d.suggestion : '',
          name: '',
          organization: '',
          savedAt: new Date().toISOString(),
        };
        if (!put(DRAFTS_KEY, JSON.stringify(drafts))) localStorage.removeItem(OLD_DRAFT_KEY);
      } else {
        const aside = setAside(DRAFTS_ASIDE, old);
        if ('key' in aside) localStorage.removeItem(OLD_DRAFT_KEY);
        notice = 'Your unsaved drafts could not be read; they are kept aside (download them from the Comments page).';
      }
    }
  } catch {
    // storage unavailable: no drafts
  }
  return { drafts, notice };
}

export function loadDraft(key: string): { draft?: Draft; notice?: string } {
  const { drafts, notice } = readDrafts();
  const d = drafts[key];
  return { draft: isDraft(d) ? d : undefined, notice };
}

/** Keeps a draft; returns a message when the browser refuses. */
export function saveDraft(key: string, draft: Draft): string | undefined {
  const { drafts } = readDrafts();
  drafts[key] = draft;
  return put(DRAFTS_KEY, JSON.stringify(drafts));
}

export function removeDraft(key: string): void {
  const { drafts } = readDrafts();
  if (!(key in drafts)) return;
  delete drafts[key];
  put(DRAFTS_KEY, JSON.stringify(drafts));
}
