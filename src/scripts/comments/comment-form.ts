/**
 * The comment form: a modal dialog pre-filled with the document, section, page,
 * lines and target of what is commented on. Saves a draft as you type, and the
 * comment on Save. Loaded only when a "Comment" action is used.
 */
import { COMMENT_TYPES, type Comment, type CommentType, insertInDocumentOrder } from '../../lib/comments/comment-model.ts';
import { DRAFT_KEY, loadStore, newId, saveStore } from './storage.ts';

export interface CommentTargetData {
  document: string;
  section: string;
  page: string;
  lines: string;
  target: string;
  href: string;
}

function field(label: string, control: HTMLElement, id: string): HTMLElement {
  const wrap = document.createElement('p');
  const l = document.createElement('label');
  l.htmlFor = id;
  l.textContent = label;
  control.id = id;
  wrap.append(l, control);
  return wrap;
}

/** Opens the form for a new comment on `target`, or to edit `existing`. Resolves when closed (true when saved). */
export function openCommentForm(target: CommentTargetData, existing?: Comment): Promise<boolean> {
  return new Promise((resolve) => {
    const { store, error } = loadStore();
    const dialog = document.createElement('dialog');
    dialog.className = 'comment-dialog';
    dialog.setAttribute('aria-labelledby', 'comment-dialog-title');
    const form = document.createElement('form');
    form.method = 'dialog';
    const title = document.createElement('h2');
    title.id = 'comment-dialog-title';
    title.textContent = `${existing ? 'Edit comment' : 'Comment'}: ${target.document}, ${target.section ? `section ${target.section}, ` : ''}${target.page ? `p. ${target.page}` : target.target}${target.lines ? `, lines ${target.lines}` : ''}`;
    const alert = document.createElement('p');
    alert.className = 'notice';
    alert.setAttribute('role', 'alert');
    alert.hidden = !error;
    alert.textContent = error ?? '';

    const [start = '', end = ''] = (existing ? [existing.lineStart ?? '', existing.lineEnd ?? ''] : target.lines.split('-')).map(String);
    const input = (value: string, type = 'text') => Object.assign(document.createElement('input'), { value, type });
    const lineStart = input(start, 'number');
    const lineEnd = input(end, 'number');
    const type = document.createElement('select');
    for (const [k, v] of Object.entries(COMMENT_TYPES)) type.append(new Option(`${v} (${k})`, k, false, (existing?.type ?? 'T') === k));
    const draft = existing ? undefined : JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null') as { target: string; comment: string; suggestion: string } | null;
    const comment = Object.assign(document.createElement('textarea'), { rows: 5, required: true, value: existing?.comment ?? (draft?.target === target.target ? draft.comment : '') });
    const suggestion = Object.assign(document.createElement('textarea'), { rows: 3, value: existing?.suggestion ?? (draft?.target === target.target ? draft.suggestion : '') });
    const name = input(store.commenter.name);
    const org = input(store.commenter.organization);
    const save = Object.assign(document.createElement('button'), { type: 'submit', textContent: 'Save comment', value: 'save' });
    const cancel = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Cancel' });
    const actions = document.createElement('p');
    actions.className = 'dialog-actions';
    actions.append(save, cancel);
    form.append(
      title,
      alert,
      field('Type', type, 'comment-type'),
      field('Starting line', lineStart, 'comment-line-start'),
      field('Ending line', lineEnd, 'comment-line-end'),
      field('Comment (include rationale)', comment, 'comment-text'),
      field('Suggested change', suggestion, 'comment-suggestion'),
      field('Your name', name, 'comment-name'),
      field('Organization', org, 'comment-org'),
      actions,
    );
    dialog.append(form);
    document.body.append(dialog);
    // Nothing typed is lost if the tab closes: the draft is kept as you type.
    form.addEventListener('input', () => {
      if (!existing) localStorage.setItem(DRAFT_KEY, JSON.stringify({ target: target.target, comment: comment.value, suggestion: suggestion.value }));
    });
    const close = (saved: boolean) => {
      dialog.close();
      dialog.remove();
      resolve(saved);
    };
    cancel.addEventListener('click', () => close(false));
    dialog.addEventListener('cancel', () => close(false));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!comment.value.trim()) {
        alert.hidden = false;
        alert.textContent = 'Write the comment before saving.';
        comment.focus();
        return;
      }
      const now = new Date().toISOString();
      const current = loadStore().store;
      const item: Comment = {
        id: existing?.id ?? newId(),
        document: target.document,
        section: target.section,
        page: target.page,
        ...(Number(lineStart.value) ? { lineStart: Number(lineStart.value) } : {}),
        ...(Number(lineEnd.value) ? { lineEnd: Number(lineEnd.value) } : {}),
        target: target.target,
        href: target.href,
        type: type.value as CommentType,
        comment: comment.value.trim(),
        suggestion: suggestion.value.trim(),
        created: existing?.created ?? now,
        updated: now,
      };
      const comments = existing ? current.comments.map((c) => (c.id === existing.id ? item : c)) : insertInDocumentOrder(current.comments, item);
      const failure = saveStore({ ...current, commenter: { name: name.value.trim(), organization: org.value.trim() }, comments });
      if (failure) {
        alert.hidden = false;
        alert.textContent = failure;
        return;
      }
      localStorage.removeItem(DRAFT_KEY);
      close(true);
    });
    dialog.showModal();
    comment.focus();
  });
}
