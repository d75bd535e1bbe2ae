/**
 * <comment-form>: the comment form, a modal dialog pre-filled with the document, section, page,
 * lines and target of what is commented on. Every field is kept as a draft as you
 * type (one draft per target, and per comment being edited); Save stores the
 * comment unless another tab changed or deleted it meanwhile, and the text stays
 * in the form whenever it could not be stored. `openCommentForm` adds one to the page for as long as it is
 * open; everything it holds is built in it (it has no markup of its own: without JavaScript there is no form).
 */
import {
  type CommentDocument,
  COMMENT_TYPES,
  type CommentType,
  FORM_COMMENT_TYPE,
} from '../../lib/comments/comment-documents.ts';
import { type Comment, insertInDocumentOrder } from '../../lib/comments/comment-model.ts';
import { defineElement } from '../element-parts.ts';
import { type Draft, draftKey, loadDraft, loadStore, newId, removeDraft, saveDraft, updateStore } from './storage.ts';

export interface CommentTargetData {
  document: CommentDocument;
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

const LINE = /^\d{1,7}$/;

/** The event a saved comment sends (it bubbles up to the document from the form). */
export const COMMENT_SAVED = 'comment-saved';

/** Opens the form for a new comment on `target`, or to edit `existing`. Resolves when closed (true when saved). */
export async function openCommentForm(target: CommentTargetData, existing?: Comment): Promise<boolean> {
  const form = document.createElement('comment-form');
  document.body.append(form);
  try {
    return await form.edit(target, existing);
  } finally {
    form.remove();
  }
}

export class CommentForm extends HTMLElement {
  /** Shows the form in this element; resolves when it closes (true when saved). */
  async edit(target: CommentTargetData, existing?: Comment): Promise<boolean> {
    const { store, notice } = await loadStore();
    return new Promise((resolve) => {
      // Edit what is stored now, not what the list showed (another tab may have saved since).
      const stored = existing ? (store.comments.find((c) => c.id === existing.id) ?? existing) : undefined;
      const key = draftKey(target.target, existing?.id);
      const { draft, notice: draftNotice } = loadDraft(key);
      const dialog = document.createElement('dialog');
      dialog.className = 'comment-dialog';
      dialog.setAttribute('aria-labelledby', 'comment-dialog-title');
      const form = document.createElement('form');
      form.method = 'dialog';
      form.noValidate = true;
      const title = document.createElement('h2');
      title.id = 'comment-dialog-title';
      title.textContent = `${existing ? 'Edit comment' : 'Comment'}: ${target.document}, ${target.section ? `section ${target.section}, ` : ''}${target.page ? `p. ${target.page}` : target.target}${target.lines ? `, lines ${target.lines}` : ''}`;
      const alert = document.createElement('p');
      alert.className = 'notice';
      alert.setAttribute('role', 'alert');
      const tell = (message: string) => {
        alert.hidden = !message;
        alert.textContent = message;
      };
      tell([notice, draftNotice].filter(Boolean).join(' '));
      const info = document.createElement('p');
      info.className = 'meta';
      info.hidden = true;

      const [start = '', end = ''] = (
        stored ? [stored.lineStart ?? '', stored.lineEnd ?? ''] : target.lines.split('-')
      ).map(String);
      const input = (value: string, type = 'text') => Object.assign(document.createElement('input'), { value, type });
      const lineStart = input(draft?.lineStart ?? start, 'text');
      const lineEnd = input(draft?.lineEnd ?? end, 'text');
      for (const l of [lineStart, lineEnd]) Object.assign(l, { inputMode: 'numeric', size: 8 });
      const type = document.createElement('select');
      const chosen = draft?.type ?? stored?.type ?? FORM_COMMENT_TYPE;
      for (const [k, v] of Object.entries(COMMENT_TYPES))
        type.append(new Option(`${v} (${k})`, k, false, chosen === k));
      const comment = Object.assign(document.createElement('textarea'), {
        rows: 5,
        required: true,
        value: draft?.comment ?? stored?.comment ?? '',
      });
      const suggestion = Object.assign(document.createElement('textarea'), {
        rows: 3,
        value: draft?.suggestion ?? stored?.suggestion ?? '',
      });
      const name = input(draft?.name ?? store.commenter.name);
      const org = input(draft?.organization ?? store.commenter.organization);
      const save = Object.assign(document.createElement('button'), {
        type: 'submit',
        textContent: 'Save comment',
        value: 'save',
      });
      const saveNew = Object.assign(document.createElement('button'), {
        type: 'button',
        textContent: 'Save as a new comment',
        hidden: true,
      });
      const cancel = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Cancel' });
      const discard = Object.assign(document.createElement('button'), {
        type: 'button',
        textContent: 'Discard draft',
        hidden: !draft,
      });
      if (draft) {
        info.hidden = false;
        info.textContent = `Your unsaved draft of ${new Date(draft.savedAt).toLocaleString()} is back in the form.`;
      }
      const actions = document.createElement('p');
      actions.className = 'dialog-actions';
      actions.append(save, saveNew, discard, cancel);
      form.append(
        title,
        alert,
        info,
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
      this.append(dialog);

      // Nothing typed is lost if the tab closes: every field is kept as you type. A refusal (storage full) is
      // said once; the text stays in the form.
      let draftRefused = false;
      const keepDraft = () => {
        const d: Draft = {
          type: type.value,
          lineStart: lineStart.value,
          lineEnd: lineEnd.value,
          comment: comment.value,
          suggestion: suggestion.value,
          name: name.value,
          organization: org.value,
          savedAt: new Date().toISOString(),
        };
        const failure = saveDraft(key, d);
        if (failure && !draftRefused) {
          draftRefused = true;
          tell(
            `Your draft cannot be kept as you type: ${failure} What you type stays in this form until you close it.`,
          );
        }
        if (!failure) draftRefused = false;
      };
      form.addEventListener('input', keepDraft);
      form.addEventListener('change', keepDraft);

      const close = (saved: boolean) => {
        dialog.close();
        dialog.remove();
        resolve(saved);
      };
      cancel.addEventListener('click', () => close(false));
      dialog.addEventListener('cancel', () => close(false));
      discard.addEventListener('click', () => {
        removeDraft(key);
        comment.value = stored?.comment ?? '';
        suggestion.value = stored?.suggestion ?? '';
        discard.hidden = true;
        info.textContent = 'Draft discarded.';
        comment.focus();
      });

      let saving = false;
      const submit = async (asNew: boolean) => {
        if (saving) return;
        if (!comment.value.trim()) {
          tell('Write the comment before saving.');
          comment.focus();
          return;
        }
        for (const [l, label] of [
          [lineStart, 'starting line'],
          [lineEnd, 'ending line'],
        ] as const) {
          const v = l.value.trim();
          if (v && (!LINE.test(v) || Number(v) < 1)) {
            tell(
              `The ${label} "${v}" is not a line number (a whole number, 1 or more); leave it empty if there is none.`,
            );
            l.focus();
            return;
          }
        }
        const now = new Date().toISOString();
        const editing = stored && !asNew ? stored : undefined;
        const item: Comment = {
          id: editing?.id ?? newId(),
          document: target.document,
          section: target.section,
          page: target.page,
          ...(lineStart.value.trim() ? { lineStart: Number(lineStart.value) } : {}),
          ...(lineEnd.value.trim() ? { lineEnd: Number(lineEnd.value) } : {}),
          target: target.target,
          ...(target.href ? { href: target.href } : {}),
          type: type.value as CommentType,
          comment: comment.value.trim(),
          suggestion: suggestion.value.trim(),
          created: editing?.created ?? now,
          updated: now,
          revision: (editing?.revision ?? 0) + 1,
        };
        saving = true;
        const result = await updateStore((current) => {
          let comments: Comment[];
          if (editing) {
            const there = current.comments.find((c) => c.id === editing.id);
            if (!there)
              return 'Not saved: this comment was deleted (in another tab or window) after you opened it. Your text is still in this form: "Save as a new comment" keeps it.';
            if (there.revision !== editing.revision)
              return 'Not saved: this comment was changed (in another tab or window) after you opened it, and saving would overwrite that change. Your text is still in this form: "Save as a new comment" keeps it as a separate comment; or copy it, cancel, and edit the comment again.';
            comments = current.comments.map((c) => (c.id === editing.id ? item : c));
          } else comments = insertInDocumentOrder(current.comments, item);
          return { ...current, commenter: { name: name.value.trim(), organization: org.value.trim() }, comments };
        });
        saving = false;
        if (!result.ok) {
          tell(result.message);
          if (existing) saveNew.hidden = false;
          return;
        }
        removeDraft(key);
        // The page this form is on (its list, if it has one) hears of the change; other tabs do through storage.ts.
        this.dispatchEvent(new CustomEvent(COMMENT_SAVED, { bubbles: true }));
        close(true);
      };
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        void submit(false);
      });
      saveNew.addEventListener('click', () => void submit(true));
      dialog.showModal();
      comment.focus();
    });
  }
}

defineElement('comment-form', CommentForm);

declare global {
  interface HTMLElementTagNameMap {
    'comment-form': CommentForm;
  }
}
