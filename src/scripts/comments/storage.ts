/**
 * The comment workspace in this browser's storage (localStorage, shared by every page and tab of the site).
 * Reads are validated (comment-schema.ts); a stored value this page cannot read is copied aside untouched
 * before anything else is written, and stays downloadable from /comments/. Writes are read back before they
 * count as done. Drafts are kept per target, for new comments and for edits.
 */
import { type CommentStore, emptyStore, errorText, parseWorkspace } from '../../lib/comments/comment-schema.ts';


export const KEY = 'iot-guidance-comments';
/** Unreadable values kept aside: `<prefix><ISO time>`, each holding the stored text exactly as it was. */
export const ASIDE_PREFIX = 'iot-guidance-comments-unreadable-';
export const DRAFTS_KEY = 'iot-guidance-comment-drafts';
/** The single draft slot of earlier versions: read once into the per-target drafts, then removed. */
const OLD_DRAFT_KEY = 'iot-guidance-comment-draft';
const BASE = import.meta.env.BASE_URL;

export type Result<T = CommentStore> = { ok: true; store: T } | { ok: false; message: string };

function storageMessage(e: unknown): string {
  const err = e as DOMException;
  if (err?.name === 'QuotaExceededError' || err?.code === 22)
    return 'The browser\'s storage for this site is full, so this was NOT saved. Export your comments (JSON) now, then free some space (delete comments you have sent, or clear other sites\' data).';
  return `This browser does not let the site store anything (${err?.message ?? String(e)}); in private mode, export your comments before closing the tab.`;
}

/** Writes a value and reads it back: a write only counts when the browser gives back what was written. */
function put(key: string, value: string): string | undefined {
  try {
    localStorage.setItem(key, value);
  } catch (e) {
    return storageMessage(e);
  }
  let back: string | null;
  try {
    back = localStorage.getItem(key);
  } catch (e) {
    return storageMessage(e);
  }
  return back === value ? undefined : 'The browser did not keep what was written (it read back differently), so this was NOT saved. Export your comments (JSON) now.';
}

/** Keeps an unreadable value aside (once per distinct value); returns the aside key, or a message. */
function setAside(prefix: string, raw: string): { key: string } | { message: string } {
  for (const k of asideKeys(prefix)) if (localStorage.getItem(k) === raw) return { key: k };
  // Never over another value kept aside (two can be kept in the same millisecond).
  const time = new Date().toISOString();
  let key = `${prefix}${time}`;
  for (let n = 2; localStorage.getItem(key) !== null; n++) key = `${prefix}${time}-${n}`;
  const failure = put(key, raw);
  return failure ? { message: failure } : { key };
}

function asideKeys(prefix: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i);
    if (k?.startsWith(prefix)) keys.push(k);
  }
  return keys.sort();
}

export interface Loaded {
  store: CommentStore;
  /** False when the stored value is unreadable and could not be kept aside: nothing may be written then. */
  writable: boolean;
  notice?: string;
}

/** The stored workspace, validated. Unreadable values are moved aside (copied, checked, then removed). */
export function loadStore(): Loaded {
  let raw: string | null;
  try {
    raw = localStorage.getItem(KEY);
  } catch (e) {
    return { store: emptyStore(), writable: false, notice: storageMessage(e) };
  }
  if (raw === null) return { store: emptyStore(), writable: true };
  try {
    return { store: parseWorkspace(JSON.parse(raw), BASE), writable: true };
  } catch (e) {
    const reason = e instanceof SyntaxError ? `the stored text is not valid JSON (${e.message})` : errorText(e, 3);
    const aside = setAside(ASIDE_PREFIX, raw);
    if ('message' in aside)
      return {
        store: emptyStore(),
        writable: false,
        notice: `Your saved comments cannot be read by this page: ${reason} They are left exactly as they are, and this page will save nothing until they can be kept aside: ${aside.message} You can download them under "Comments this page could not read".`,
      };
    localStorage.removeItem(KEY);
    return {
      store: emptyStore(),
      writable: true,
      notice: `Your saved comments could not be read by this page: ${reason} They are kept aside, unchanged; download them under "Comments this page could not read". New comments start a new list and never overwrite that copy.`,
    };
  }
}

/** Saves a whole store, checked against the schema, and read back. */
export function saveStore(store: CommentStore): Result {
  let checked: CommentStore;
  try {
    checked = parseWorkspace(store, BASE);
  } catch (e) {
    return { ok: false, message: `Not saved: ${errorText(e)}` };
  }
  const failure = put(KEY, JSON.stringify(checked));
  return failure ? { ok: false, message: failure } : { ok: true, store: checked };
}

/**
 * Reads the store as it is now (another tab may have changed it), applies `change`, and saves. `change`
 * returns a message instead of a store to refuse (a conflict).
 */
export function updateStore(change: (current: CommentStore) => CommentStore | string): Result {
  const loaded = loadStore();
  if (!loaded.writable) return { ok: false, message: loaded.notice ?? 'The saved comments cannot be read; nothing was changed.' };
  const next = change(loaded.store);
  if (typeof next === 'string') return { ok: false, message: next };
  return saveStore(next);
}

/** Values kept aside (the comments and the drafts), for download from /comments/. */
export function unreadableEntries(): { key: string; label: string; text: string }[] {
  const entries: { key: string; label: string; text: string }[] = [];
  try {
    for (const k of asideKeys(ASIDE_PREFIX)) entries.push({ key: k, label: `Comments kept aside on ${k.slice(ASIDE_PREFIX.length).replace('T', ' ').slice(0, 19)} UTC`, text: localStorage.getItem(k) ?? '' });
    for (const k of asideKeys(`${DRAFTS_KEY}-unreadable-`)) entries.push({ key: k, label: `Drafts kept aside on ${k.slice(DRAFTS_KEY.length + 12).replace('T', ' ').slice(0, 19)} UTC`, text: localStorage.getItem(k) ?? '' });
    const raw = localStorage.getItem(KEY);
    if (raw !== null && !loadStore().writable) entries.push({ key: KEY, label: 'Your saved comments (unreadable, not yet kept aside)', text: raw });
  } catch {
    // storage unavailable: nothing to list
  }
  return entries;
}

export function removeEntry(key: string): void {
  if (key.startsWith(ASIDE_PREFIX) || key.startsWith(`${DRAFTS_KEY}-unreadable-`)) localStorage.removeItem(key);
}

export function newId(): string {
  return crypto.randomUUID ? crypto.randomUUID() : `c-${Date.now()}-${Math.random().toString(16).slice(2)}`;
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
  !!d && typeof d === 'object' && ['type', 'lineStart', 'lineEnd', 'comment', 'suggestion', 'name', 'organization', 'savedAt'].every((k) => typeof (d as Record<string, unknown>)[k] === 'string');

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
        const aside = setAside(`${DRAFTS_KEY}-unreadable-`, raw);
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
        drafts[key] ??= { type: 'T', lineStart: '', lineEnd: '', comment: d.comment, suggestion: typeof d.suggestion === 'string' ? d.suggestion : '', name: '', organization: '', savedAt: new Date().toISOString() };
        if (!put(DRAFTS_KEY, JSON.stringify(drafts))) localStorage.removeItem(OLD_DRAFT_KEY);
      } else {
        const aside = setAside(`${DRAFTS_KEY}-unreadable-`, old);
        if ('key' in aside) localStorage.removeItem(OLD_DRAFT_KEY);
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
