/** The comments, kept in the browser (localStorage) under a versioned schema; never lost silently. */
import { type CommentStore, emptyStore, migrateStore } from '../../lib/comments/comment-model.ts';

const KEY = 'iot-guidance-comments';
export const DRAFT_KEY = 'iot-guidance-comment-draft';

export function loadStore(): { store: CommentStore; error?: string } {
  try {
    const raw = localStorage.getItem(KEY);
    return { store: raw ? migrateStore(JSON.parse(raw)) : emptyStore() };
  } catch (e) {
    return { store: emptyStore(), error: `Saved comments cannot be read: ${(e as Error).message}. Nothing was changed; export nothing until this is solved.` };
  }
}

/** Saves the store; returns an error message when the browser refuses (private mode, storage full). */
export function saveStore(store: CommentStore): string | undefined {
  try {
    localStorage.setItem(KEY, JSON.stringify(store));
    return undefined;
  } catch (e) {
    const full = (e as DOMException).name === 'QuotaExceededError';
    return full
      ? 'The browser\'s storage for this site is full: your comment is NOT saved. Export your comments (JSON) now and free some space.'
      : `This browser does not let the site store comments (${(e as Error).message}); in private mode, export before closing the tab.`;
  }
}

export function newId(): string {
  return crypto.randomUUID ? crypto.randomUUID() : `c-${Date.now()}-${Math.random().toString(16).slice(2)}`;
}
