/**
 * <comments-workspace>: /comments/: lists the stored comments in document order; edit, delete with undo,
 * reorder, filter, export, import, email. Every part is found inside the element; each action names its
 * comment by id (the list item's data-id), never by its place in the list.
 */
import { COMMENT_TYPES } from '../../lib/comments/comment-documents.ts';
import {
  backupJson,
  type Comment,
  commentsFromRows,
  type CommentStore,
  exportColumns,
  mergeComments,
  readBackup,
  STORE_VERSION,
  templateCsv,
  type TemplateColumn,
} from '../../lib/comments/comment-model.ts';
import { fillCommentWorkbook } from '../../lib/comments/comment-workbook.ts';
import { errorText, isSitePath, WorkspaceError } from '../../lib/comments/comment-schema.ts';
import { defineElement, part } from '../element-parts.ts';
import { loadExcel } from '../load-excel.ts';
import { COMMENT_SAVED, openCommentForm } from './comment-form.ts';
import {
  LEGACY_KEY,
  loadStore,
  newId,
  onWorkspaceChange,
  removeEntry,
  unreadableEntries,
  updateStore,
} from './storage.ts';

/** Stated on the page next to the import button. */
const MAX_BYTES = 20 * 1024 * 1024;
const MAX_ROWS = 50_000;
const BASE = import.meta.env.BASE_URL;
/** Comments listed at a time: 50,000 list items would hold the page up for many seconds. */
const PAGE = 500;

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
const nextFrame = () => new Promise((ok) => setTimeout(ok, 0));

function download(name: string, type: string, data: BlobPart) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([data], { type }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** An action button; `action` names what a click on it does to the record of its list item. */
function button(text: string, label: string, action: string): HTMLButtonElement {
  const b = Object.assign(document.createElement('button'), { type: 'button', textContent: text });
  if (label) b.setAttribute('aria-label', label);
  b.className = 'comment-action';
  b.dataset.action = action;
  return b;
}

/** The action a click asks for, and the id of the record (list item) it is on. */
function actionOf(event: Event, idKey: 'id' | 'key'): { action: string; id: string } | undefined {
  const b = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
  const id = b?.closest<HTMLElement>(`li[data-${idKey}]`)?.dataset[idKey];
  return b?.dataset.action && id !== undefined ? { action: b.dataset.action, id } : undefined;
}

/** The rows of an XLSX file's first sheet, as exceljs values (rich text, formulas… made text later). */
async function xlsxFileRows(file: File): Promise<unknown[][]> {
  const bytes = await file.arrayBuffer();
  const worker = new Worker(new URL('./xlsx-rows.worker.ts', import.meta.url));
  try {
    const answer = await new Promise<{ rows?: string[][]; error?: string }>((resolve, reject) => {
      worker.onmessage = (e) => resolve(e.data);
      worker.onerror = (e) => reject(new Error(e.message || 'the spreadsheet reader stopped'));
      worker.postMessage(bytes, [bytes]);
    });
    if (answer.error !== undefined) throw new Error(answer.error);
    if (!answer.rows) throw new Error('the spreadsheet reader sent no rows');
    return answer.rows;
  } finally {
    worker.terminate();
  }
}

async function csvFileRows(file: File): Promise<unknown[][]> {
  const { parse } = await import('csv-parse/browser/esm/sync');
  try {
    return parse((await file.text()).replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (e) {
    throw new Error(`This is not a valid CSV file (${(e as Error).message}).`);
  }
}

interface Config {
  email: string;
  subject: string;
  columns: TemplateColumn[];
}

export class CommentsWorkspace extends HTMLElement {
  #ready = false;
  #config: Config = { email: '', subject: '', columns: [] };
  #columns: TemplateColumn[] = [];
  #list!: HTMLOListElement;
  #status!: HTMLElement;
  #count!: HTMLElement;
  #undoArea!: HTMLElement;
  #aside!: HTMLElement;
  #filterDoc!: HTMLSelectElement;
  #filterType!: HTMLSelectElement;
  #listed = PAGE;
  #rendering = 0;
  /** The comments listed now, by id (what Edit opens, before the form reads the stored one). */
  #shown = new Map<string, Comment>();
  /** The entries kept aside listed now, by key. */
  #asideEntries = new Map<string, { key: string; label: string; text: string }>();
  /** The last deletion, undoable until the next one (whatever other tabs do meanwhile). */
  #deleted: { comment: Comment; index: number } | undefined;

  connectedCallback() {
    if (this.#ready) return;
    this.#ready = true;
    this.#config = JSON.parse(this.dataset.config ?? '{}') as Config;
    this.#columns = exportColumns(this.#config.columns);
    this.#list = part<HTMLOListElement>(this, '#comments-list');
    this.#status = part(this, '#comments-status');
    this.#count = part(this, '#comments-count');
    this.#undoArea = part(this, '#comments-undo');
    this.#aside = part(this, '#comments-aside');
    this.#filterDoc = part<HTMLSelectElement>(this, '#filter-document');
    this.#filterType = part<HTMLSelectElement>(this, '#filter-type');

    this.#list.addEventListener('click', (e) => {
      const a = actionOf(e, 'id');
      if (a) void this.#act(a.action, a.id);
    });
    this.#aside.addEventListener('click', (e) => {
      const a = actionOf(e, 'key');
      if (a) void this.#actAside(a.action, a.id);
    });
    part(this, '#export-csv').addEventListener('click', () => void this.#exportCsv());
    part(this, '#export-json').addEventListener('click', () => void this.#exportJson());
    part(this, '#export-xlsx').addEventListener('click', () => void this.#exportXlsx());
    part<HTMLInputElement>(this, '#import-file').addEventListener(
      'change',
      (e) => void this.#pickedFile(e.target as HTMLInputElement),
    );
    part(this, '#email').addEventListener('click', () => {
      location.href = `mailto:${this.#config.email}?subject=${encodeURIComponent(this.#config.subject)}&body=${encodeURIComponent('Please find our comments attached (NIST comment template, XLSX).')}`;
    });
    for (const f of [this.#filterDoc, this.#filterType])
      f.addEventListener('change', () => {
        this.#listed = PAGE;
        void this.#render();
      });
    // Changes made in another tab or window appear here.
    onWorkspaceChange(() => void this.#render());
    // A comment saved on this page (an edit, or a comment on one of NIST's questions) appears at once.
    document.addEventListener(COMMENT_SAVED, () => void this.#render());
    void this.#render();
  }

  /** Messages (results, refusals) stay until the next action: a re-render only changes the count line. */
  #say(message: string) {
    this.#status.textContent = message;
  }

  async #act(action: string, id: string) {
    if (action === 'more') {
      this.#listed += PAGE;
      return this.#render();
    }
    if (action === 'edit') {
      const c = this.#shown.get(id);
      if (
        c &&
        (await openCommentForm(
          {
            document: c.document,
            section: c.section,
            page: c.page,
            lines: c.lineStart ? `${c.lineStart}-${c.lineEnd ?? c.lineStart}` : '',
            target: c.target,
            href: c.href ?? '',
          },
          c,
        ))
      )
        this.#say('Comment saved.');
    }
    if (action === 'up' || action === 'down') return this.#move(id, action === 'up' ? -1 : 1);
    if (action === 'delete') return this.#remove(id);
  }

  async #actAside(action: string, key: string) {
    const e = this.#asideEntries.get(key);
    if (!e) return;
    if (action === 'download') download(`${e.key.replace(/[^\w.-]+/g, '-')}.json.txt`, 'text/plain', e.text);
    if (action === 'remove') {
      if (!confirm(`Remove "${e.label}" from this browser? Download it first if you may need it.`)) return;
      await removeEntry(e.key);
      await this.#renderAside();
    }
  }

  async #renderAside() {
    const entries = await unreadableEntries();
    this.#aside.hidden = entries.length === 0;
    this.#asideEntries = new Map(entries.map((e) => [e.key, e]));
    part(this.#aside, 'ul').replaceChildren(
      ...entries.map((e) => {
        const li = document.createElement('li');
        li.dataset.key = e.key;
        li.append(
          `${e.label} (${plural(e.text.length, 'character')}) `,
          button('Download', `Download ${e.label}`, 'download'),
          ' ',
          // The comments of an earlier version still waiting to move are the user's only copy: download only.
          ...(e.key === LEGACY_KEY ? [] : [button('Remove', `Remove ${e.label}`, 'remove')]),
        );
        return li;
      }),
    );
  }

  /** Shows the workspace as stored now (or `known`, just written); a later render supersedes an earlier one. */
  async #render(known?: CommentStore) {
    const turn = ++this.#rendering;
    const { store, notice } = known ? { store: known, notice: undefined } : await loadStore();
    if (turn !== this.#rendering) return;
    if (notice) this.#say(notice);
    void this.#renderAside();
    const list = this.#list;
    list.replaceChildren();
    this.#shown.clear();
    const shown = store.comments.filter(
      (c) =>
        (!this.#filterDoc.value || c.document === this.#filterDoc.value) &&
        (!this.#filterType.value || c.type === this.#filterType.value),
    );
    if (!store.comments.length) {
      const li = document.createElement('li');
      li.textContent =
        'No comments yet: use the "Comment" action next to a paragraph of the draft, a catalog element or a product requirement.';
      list.append(li);
      this.#count.textContent = '';
      return;
    }
    const position = new Map(store.comments.map((c, i) => [c, i]));
    const listed = this.#listed;
    // Long lists are listed a page at a time.
    for (const c of shown.slice(0, listed)) {
      // The buttons' names say the comment's place in the whole list, as the reader counts; their actions use its id.
      const n = (position.get(c) ?? 0) + 1;
      this.#shown.set(c.id, c);
      const li = document.createElement('li');
      li.className = 'comment-item';
      li.dataset.id = c.id;
      const where = document.createElement('p');
      where.className = 'meta';
      const label = `${c.document}, ${c.section}${c.page ? `, p. ${c.page}` : ''}${c.lineStart ? `, lines ${c.lineStart}–${c.lineEnd ?? c.lineStart}` : ''} (${c.target})`;
      // Only links inside this site are links (the stored value is checked on read as well).
      const place =
        c.href && isSitePath(c.href, BASE)
          ? Object.assign(document.createElement('a'), { href: c.href, textContent: label })
          : Object.assign(document.createElement('span'), { textContent: label });
      where.append(`${COMMENT_TYPES[c.type]} · `, place);
      const text = Object.assign(document.createElement('p'), { textContent: c.comment, className: 'comment-text' });
      const change = Object.assign(document.createElement('p'), {
        textContent: c.suggestion ? `Suggested change: ${c.suggestion}` : '',
      });
      const actions = document.createElement('p');
      actions.className = 'dialog-actions';
      actions.append(
        button('Edit', `Edit comment ${n}`, 'edit'),
        button('Move up', `Move comment ${n} up`, 'up'),
        button('Move down', `Move comment ${n} down`, 'down'),
        button('Delete', `Delete comment ${n}`, 'delete'),
      );
      li.append(where, text, change, actions);
      list.append(li);
    }
    this.#count.textContent = `${plural(store.comments.length, 'comment')}${shown.length !== store.comments.length ? `, ${shown.length.toLocaleString('en-US')} shown` : ''}${shown.length > listed ? `; the first ${listed.toLocaleString('en-US')} are listed` : ''}.`;
    if (shown.length > listed) {
      const li = document.createElement('li');
      li.className = 'comments-more';
      li.dataset.id = '';
      li.append(button(`List ${Math.min(PAGE, shown.length - listed).toLocaleString('en-US')} more`, '', 'more'));
      list.append(li);
    }
  }

  async #move(id: string, by: number) {
    const r = await updateStore((store) => {
      const i = store.comments.findIndex((c) => c.id === id);
      const j = i + by;
      if (i < 0) return 'Not moved: this comment was deleted in another tab or window.';
      if (j < 0 || j >= store.comments.length) return store;
      const comments = [...store.comments];
      const here = comments[i];
      const there = comments[j];
      if (!here || !there) return store;
      [comments[i], comments[j]] = [there, here];
      return { ...store, comments };
    });
    if (!r.ok) this.#say(r.message);
    await this.#render(r.ok ? r.store : undefined);
  }

  async #remove(id: string) {
    let removed: { comment: Comment; index: number } | undefined;
    const r = await updateStore((store) => {
      const index = store.comments.findIndex((c) => c.id === id);
      const comment = store.comments[index];
      if (!comment) return 'Nothing deleted: this comment was already deleted in another tab or window.';
      removed = { comment, index };
      return { ...store, comments: store.comments.filter((c) => c.id !== id) };
    });
    await this.#render(r.ok ? r.store : undefined);
    if (!r.ok || !removed) {
      this.#say(r.ok ? '' : r.message);
      return;
    }
    this.#deleted = removed;
    this.#say('Comment deleted.');
    const undo = button('Undo', 'Undo the deletion', 'undo');
    undo.addEventListener('click', () => void this.#undo());
    this.#undoArea.replaceChildren(undo);
    undo.focus();
  }

  async #undo() {
    const d = this.#deleted;
    if (!d) return;
    const back = await updateStore((store) => {
      if (store.comments.some((c) => c.id === d.comment.id))
        return 'The comment is already back (restored in another tab or window).';
      const comments = [...store.comments];
      comments.splice(Math.min(d.index, comments.length), 0, d.comment);
      return { ...store, comments };
    });
    await this.#render(back.ok ? back.store : undefined);
    if (!back.ok) {
      this.#say(`Not restored: ${back.message}`);
      return;
    }
    this.#deleted = undefined;
    this.#undoArea.replaceChildren();
    this.#say('Comment restored.');
  }

  async #exportCsv() {
    const csv = templateCsv((await loadStore()).store, this.#columns);
    download('comments.csv', 'text/csv', csv.text);
    this.#say(
      `CSV exported.${csv.neutralised ? ` ${plural(csv.neutralised, 'cell')} beginning with =, +, -, @, a tab or a carriage return got a leading apostrophe, so that a spreadsheet shows it as text instead of running it as a formula.` : ''}`,
    );
  }

  async #exportJson() {
    download('comments.json', 'application/json', backupJson((await loadStore()).store));
    this.#say('JSON backup exported.');
  }

  async #exportXlsx() {
    this.#say('Preparing the spreadsheet…');
    try {
      const ExcelJS = await loadExcel();
      const store = (await loadStore()).store;
      const wb = new ExcelJS.Workbook();
      const { replaced } = fillCommentWorkbook(wb, store, this.#columns, new Date().toISOString());
      download(
        'comments.xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        await wb.xlsx.writeBuffer(),
      );
      this.#say(
        `Spreadsheet exported.${replaced ? ` ${plural(replaced, 'character')} that a spreadsheet cannot hold (control characters, U+FFFE, U+FFFF) ${replaced === 1 ? 'was' : 'were'} replaced by \uFFFD; the JSON backup keeps ${replaced === 1 ? 'it' : 'them'}.` : ''}`,
      );
    } catch (err) {
      this.#say(`The spreadsheet could not be made: ${(err as Error).message}`);
    }
  }

  /** commentsFromRows, a slice of rows at a time (the page stays responsive), every problem of every slice said. */
  async #checkRows(rows: unknown[][], csv: boolean): Promise<{ commenter: string; comments: Comment[] }> {
    const [header = [], ...body] = rows;
    const sliceRows = 2000;
    const options = { now: new Date().toISOString(), base: BASE, newId, csv };
    const comments: Comment[] = [];
    const problems: string[] = [];
    let commenter = '';
    for (let at = 0; at < Math.max(body.length, 1); at += sliceRows) {
      try {
        const read = commentsFromRows([header, ...body.slice(at, at + sliceRows)], this.#config.columns, {
          ...options,
          firstRow: 1 + at,
        });
        commenter ||= read.commenter;
        comments.push(...read.comments);
      } catch (e) {
        if (!(e instanceof WorkspaceError) || !e.problems.length) throw e;
        problems.push(...e.problems);
      }
      if (body.length > sliceRows) await nextFrame();
    }
    if (problems.length)
      throw new WorkspaceError(`Nothing was imported: ${plural(problems.length, 'problem')} in the file.`, problems);
    return { commenter, comments };
  }

  async #importFile(file: File) {
    const kind = /\.json$/i.test(file.name)
      ? 'json'
      : /\.xlsx$/i.test(file.name)
        ? 'xlsx'
        : /\.csv$/i.test(file.name)
          ? 'csv'
          : undefined;
    if (!kind) throw new Error('choose a .json backup, or an .xlsx or .csv comment template.');
    if (file.size > MAX_BYTES)
      throw new Error(
        `the file is ${(file.size / 1024 / 1024).toFixed(1)} MB; this page imports files up to ${MAX_BYTES / 1024 / 1024} MB.`,
      );
    this.#say(`Reading ${file.name}…`);
    await nextFrame();
    let incoming: CommentStore;
    if (kind === 'json') incoming = readBackup(await file.text(), BASE);
    else {
      const rows = kind === 'xlsx' ? await xlsxFileRows(file) : await csvFileRows(file);
      if (rows.length - 1 > MAX_ROWS)
        throw new Error(
          `the file has ${plural(rows.length - 1, 'row')}; this page imports up to ${MAX_ROWS.toLocaleString('en-US')} comments at a time.`,
        );
      this.#say(`Checking ${plural(Math.max(rows.length - 1, 0), 'row')} of ${file.name}…`);
      await nextFrame();
      const read = await this.#checkRows(rows, kind === 'csv');
      const [name = '', ...org] = read.commenter.split(/\s*\/\s*/);
      incoming = {
        version: STORE_VERSION,
        commenter: { name, organization: org.join(' / ') },
        comments: read.comments,
      };
    }
    if (incoming.comments.length > MAX_ROWS)
      throw new Error(
        `the file has ${plural(incoming.comments.length, 'comment')}; this page imports up to ${MAX_ROWS.toLocaleString('en-US')} at a time.`,
      );
    this.#say(`Storing ${plural(incoming.comments.length, 'comment')}…`);
    await nextFrame();
    let merged: ReturnType<typeof mergeComments> | undefined;
    const r = await updateStore((store) => {
      merged = mergeComments(
        store.commenter.name || store.commenter.organization ? store : { ...store, commenter: incoming.commenter },
        incoming.comments,
      );
      return merged.store;
    });
    await this.#render(r.ok ? r.store : undefined);
    if (!r.ok) throw new Error(`nothing was imported. ${r.message}`);
    const m = merged;
    if (!m) throw new Error('nothing was imported.');
    this.#say(
      `Imported ${plural(m.added, 'comment')}${m.duplicates ? `; ${m.duplicates.toLocaleString('en-US')} already here, skipped` : ''}${m.differing ? ` (${m.differing.toLocaleString('en-US')} of them differ from the comment with the same id here, which was kept)` : ''}.`,
    );
  }

  async #pickedFile(picker: HTMLInputElement) {
    const file = picker.files?.[0];
    picker.value = ''; // so that choosing the same file again imports it again
    if (!file) return;
    try {
      await this.#importFile(file);
    } catch (err) {
      this.#say(`Cannot import ${file.name}: ${errorText(err)}`);
    }
  }
}

defineElement('comments-workspace', CommentsWorkspace);
