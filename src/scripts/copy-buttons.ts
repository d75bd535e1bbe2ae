/**
 * <copy-buttons>: a record's copy buttons (CopyButtons.astro), hidden without JavaScript. A button copies
 * its data-copy text, or the absolute address of its data-copy-link, says so on itself for a moment and in
 * the element's own status line, and keeps the keyboard focus.
 */
import { defineElement, part } from './element-parts.ts';

/** Copies with the Clipboard API, or, where the site is served over plain http (no Clipboard API), through a selected off-screen text area. */
async function copyText(text: string, button: HTMLButtonElement): Promise<boolean> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Denied: try the other way.
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.readOnly = true;
  area.setAttribute('aria-hidden', 'true');
  area.style.cssText = 'position:fixed;top:0;left:0;opacity:0';
  button.after(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } finally {
    area.remove();
    button.focus();
  }
  return copied;
}

export class CopyButtons extends HTMLElement {
  #ready = false;

  connectedCallback() {
    if (this.#ready) return;
    this.#ready = true;
    const status = part(this, '[role=status]');
    this.hidden = false;
    this.addEventListener('click', async (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button.copy-button');
      if (!button) return;
      const link = button.dataset.copyLink;
      const text = link ? new URL(link, location.href).href : (button.dataset.copy ?? '');
      button.dataset.label ??= button.textContent ?? '';
      const label = button.dataset.label;
      if (await copyText(text, button)) {
        button.textContent = 'Copied';
        status.textContent = 'Copied to the clipboard.';
      } else {
        button.textContent = 'Copy failed';
        status.textContent = 'The browser did not allow copying; select the text instead.';
      }
      setTimeout(() => (button.textContent = label), 1500);
    });
  }
}

defineElement('copy-buttons', CopyButtons);
