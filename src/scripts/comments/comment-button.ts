/**
 * <comment-button>: one "Comment" action (CommentButton.astro). Its button stays hidden without JavaScript;
 * the element shows it, and a click opens the comment form (loaded on first use) on what the element's
 * data attributes name.
 */
import { isCommentDocument } from '../../lib/comments/comment-documents.ts';
import { defineElement, part } from '../element-parts.ts';

export class CommentButton extends HTMLElement {
  #ready = false;

  connectedCallback() {
    if (this.#ready) return;
    this.#ready = true;
    const button = part<HTMLButtonElement>(this, 'button');
    button.hidden = false;
    button.addEventListener('click', () => void this.#open(button));
  }

  async #open(button: HTMLButtonElement) {
    const { openCommentForm } = await import('./comment-form.ts');
    const d = this.dataset;
    const document = d.document ?? '';
    if (!isCommentDocument(document))
      throw new Error(`<comment-button> on "${d.target}" names no known document: "${document}"`);
    const target = d.target ?? '';
    const saved = await openCommentForm({
      document,
      section: d.section ?? '',
      page: d.page ?? '',
      lines: d.lines ?? '',
      target,
      href: `${location.pathname}#${d.anchor || target}`,
    });
    if (saved) {
      button.textContent = 'Commented ✓';
      button.focus();
    }
  }
}

defineElement('comment-button', CommentButton);
