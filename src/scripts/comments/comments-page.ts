/** /comments/: lists the stored comments in document order; edit, delete with undo, reorder, filter, export, import, email. */
import { COMMENT_TYPES } from '../../lib/comments/comment-documents.ts';
import { backupJson, type Comment, commentsFromRows, type CommentStore, exportColumns, mergeComments, readBackup, STORE_VERSION, templateCsv, type TemplateColumn } from '../../lib/comments/comment-model.ts';
import { fillCommentWorkbook } from '../../lib/comments/comment-workbook.ts';
import { errorText, isSitePath, WorkspaceError } from '../../lib/comments/comment-schema.ts';
import { openCommentForm } from './comment-form.ts';
import { LEGACY_KEY, loadStore, newId, onWorkspaceChange, removeEntry, unreadableEntries, updateStore } from './storage.ts';
import { loadExcel } from '../load-excel.ts';

/** Stated on the page next to the import button. */
const MAX_BYTES = 20 * 1024 * 1024;
const MAX_ROWS = 50_000;
const BASE = import.meta.env.BASE_URL;

const root = document.querySelector<HTMLElement>('#comments-workspace')!;
const config = JSON.parse(root.dataset.config!) as { email: string; subject: string; columns: TemplateColumn[] };
const columns = exportColumns(config.columns);
const list = root.querySelector<HTMLOListElement>('#comments-list')!;
const status = root.querySelector<HTMLElement>('#comments-status')!;
const count = root.querySelector<HTMLElement>('#comments-count')!;
const undoArea = root.querySelector<HTMLElement>('#comments-undo')!;
const aside = document.querySelector<HTMLElement>('#comments-aside')!;
const filterDoc = root.querySelector<HTMLSelectElement>('#filter-document')!;
const filterType = root.querySelector<HTMLSelectElement>('#filter-type')!;

/** Messages (results, refusals) stay until the next action: a re-render only changes the count line. */
function say(message: string) {
  status.textContent = message;
}

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

function button(text: string, label: string, onClick: () => void): HTMLButtonElement {
  const b = Object.assign(document.createElement('button'), { type: 'button', textContent: text });
  if (label) b.setAttribute('aria-label', label);
  b.className = 'comment-action';
  b.addEventListener('click', onClick);
  return b;
}

async function renderAside() {
  const entries = await unreadableEntries();
  aside.hidden = entries.length === 0;
  const ul = aside.querySelector('ul')!;
  ul.replaceChildren(
    ...entries.map((e) => {
      const li = document.createElement('li');
      li.append(
        `${e.label} (${plural(e.text.length, 'character')}) `,
        button('Download', `Download ${e.label}`, () => download(`${e.key.replace(/[^\w.-]+/g, '-')}.json.txt`, 'text/plain', e.text)),
        ' ',
        // The comments of an earlier version still waiting to move are the user's only copy: download only.
        ...(e.key === LEGACY_KEY
          ? []
          : [
              button('Remove', `Remove ${e.label}`, async () => {
                if (!confirm(`Remove "${e.label}" from this browser? Download it first if you may need it.`)) return;
                await removeEntry(e.key);
                await renderAside();
              }),
            ]),
      );
      return li;
    }),
  );
}

const PAGE = 500;
let listed = PAGE;
let rendering = 0;
/** Shows the workspace as stored now (or `known`, just written); a later render supersedes an earlier one. */
async function render(known?: CommentStore) {
  const turn = ++rendering;
  const { store, notice } = known ? { store: known, notice: undefined } : await loadStore();
  if (turn !== rendering) return;
  if (notice) say(notice);
  void renderAside();
  list.replaceChildren();
  const shown = store.comments.filter((c) => (!filterDoc.value || c.document === filterDoc.value) && (!filterType.value || c.type === filterType.value));
  if (!store.comments.length) {
    const li = document.createElement('li');
    li.textContent = 'No comments yet: use the "Comment" action next to a paragraph of the draft, a catalog element or a product requirement.';
    list.append(li);
    count.textContent = '';
    return;
  }
  const position = new Map(store.comments.map((c, i) => [c, i]));
  // Long lists are listed a page at a time: 50,000 list items would hold the page up for many seconds.
  for (const c of shown.slice(0, listed)) {
    const i = position.get(c)!;
    const li = document.createElement('li');
    li.className = 'comment-item';
    li.dataset.id = c.id;
    const where = document.createElement('p');
    where.className = 'meta';
    const label = `${c.document}, ${c.section}${c.page ? `, p. ${c.page}` : ''}${c.lineStart ? `, lines ${c.lineStart}–${c.lineEnd ?? c.lineStart}` : ''} (${c.target})`;
    // Only links inside this site are links (the stored value is checked on read as well).
    const place = c.href && isSitePath(c.href, BASE) ? Object.assign(document.createElement('a'), { href: c.href, textContent: label }) : Object.assign(document.createElement('span'), { textContent: label });
    where.append(`${COMMENT_TYPES[c.type]} · `, place);
    const text = Object.assign(document.createElement('p'), { textContent: c.comment, className: 'comment-text' });
    const change = Object.assign(document.createElement('p'), { textContent: c.suggestion ? `Suggested change: ${c.suggestion}` : '' });
    const actions = document.createElement('p');
    actions.className = 'dialog-actions';
    actions.append(
      button('Edit', `Edit comment ${i + 1}`, async () => {
        if (await openCommentForm({ document: c.document, section: c.section, page: c.page, lines: c.lineStart ? `${c.lineStart}-${c.lineEnd ?? c.lineStart}` : '', target: c.target, href: c.href ?? '' }, c)) say('Comment saved.');
      }),
      button('Move up', `Move comment ${i + 1} up`, () => void move(c.id, -1)),
      button('Move down', `Move comment ${i + 1} down`, () => void move(c.id, 1)),
      button('Delete', `Delete comment ${i + 1}`, () => void remove(c.id)),
    );
    li.append(where, text, change, actions);
    list.append(li);
  }
  count.textContent = `${plural(store.comments.length, 'comment')}${shown.length !== store.comments.length ? `, ${shown.length.toLocaleString('en-US')} shown` : ''}${shown.length > listed ? `; the first ${listed.toLocaleString('en-US')} are listed` : ''}.`;
  if (shown.length > listed) {
    const li = document.createElement('li');
    li.className = 'comments-more';
    li.append(
      button(`List ${Math.min(PAGE, shown.length - listed).toLocaleString('en-US')} more`, '', () => {
        listed += PAGE;
        void render();
      }),
    );
    list.append(li);
  }
}

async function move(id: string, by: number) {
  const r = await updateStore((store) => {
    const i = store.comments.findIndex((c) => c.id === id);
    const j = i + by;
    if (i < 0) return 'Not moved: this comment was deleted in another tab or window.';
    if (j < 0 || j >= store.comments.length) return store;
    const comments = [...store.comments];
    [comments[i], comments[j]] = [comments[j]!, comments[i]!];
    return { ...store, comments };
  });
  if (!r.ok) say(r.message);
  await render(r.ok ? r.store : undefined);
}

/** The last deletion, undoable until the next one (whatever other tabs do meanwhile). */
let deleted: { comment: Comment; index: number } | undefined;

async function remove(id: string) {
  let removed: { comment: Comment; index: number } | undefined;
  const r = await updateStore((store) => {
    const index = store.comments.findIndex((c) => c.id === id);
    if (index < 0) return 'Nothing deleted: this comment was already deleted in another tab or window.';
    removed = { comment: store.comments[index]!, index };
    return { ...store, comments: store.comments.filter((c) => c.id !== id) };
  });
  await render(r.ok ? r.store : undefined);
  if (!r.ok || !removed) {
    say(r.ok ? '' : r.message);
    return;
  }
  deleted = removed;
  say('Comment deleted.');
  const undo = button('Undo', 'Undo the deletion', async () => {
    const d = deleted;
    if (!d) return;
    const back = await updateStore((store) => {
      if (store.comments.some((c) => c.id === d.comment.id)) return 'The comment is already back (restored in another tab or window).';
      const comments = [...store.comments];
      comments.splice(Math.min(d.index, comments.length), 0, d.comment);
      return { ...store, comments };
    });
    await render(back.ok ? back.store : undefined);
    if (!back.ok) {
      say(`Not restored: ${back.message}`);
      return;
    }
    deleted = undefined;
    undoArea.replaceChildren();
    say('Comment restored.');
  });
  undoArea.replaceChildren(undo);
  undo.focus();
}

root.querySelector('#export-csv')!.addEventListener('click', async () => {
  const csv = templateCsv((await loadStore()).store, columns);
  download('comments.csv', 'text/csv', csv.text);
  say(`CSV exported.${csv.neutralised ? ` ${plural(csv.neutralised, 'cell')} beginning with =, +, -, @, a tab or a carriage return got a leading apostrophe, so that a spreadsheet shows it as text instead of running it as a formula.` : ''}`);
});
root.querySelector('#export-json')!.addEventListener('click', async () => {
  download('comments.json', 'application/json', backupJson((await loadStore()).store));
  say('JSON backup exported.');
});
root.querySelector('#export-xlsx')!.addEventListener('click', async () => {
  say('Preparing the spreadsheet…');
  try {
    const ExcelJS = await loadExcel();
    const store = (await loadStore()).store;
    const wb = new ExcelJS.Workbook();
    const { replaced } = fillCommentWorkbook(wb, store, columns, new Date().toISOString());
    download('comments.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', await wb.xlsx.writeBuffer());
    say(`Spreadsheet exported.${replaced ? ` ${plural(replaced, 'character')} that a spreadsheet cannot hold (control characters, U+FFFE, U+FFFF) ${replaced === 1 ? 'was' : 'were'} replaced by \uFFFD; the JSON backup keeps ${replaced === 1 ? 'it' : 'them'}.` : ''}`);
  } catch (err) {
    say(`The spreadsheet could not be made: ${(err as Error).message}`);
  }
});

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
    return answer.rows!;
  } finally {
    worker.terminate();
  }
}

async function csvFileRows(file: File): Promise<unknown[][]> {
  const { parse } = await import('csv-parse/browser/esm/sync');
  try {
    return parse((await file.text()).replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (e) {
    throw new Error(`This is not a valid CSV file (${(e as Error).message}).`);
  }
}

/** commentsFromRows, a slice of rows at a time (the page stays responsive), every problem of every slice said. */
async function checkRows(rows: unknown[][], csv: boolean): Promise<{ commenter: string; comments: Comment[] }> {
  const [header = [], ...body] = rows;
  const SLICE = 2000;
  const options = { now: new Date().toISOString(), base: BASE, newId, csv };
  const comments: Comment[] = [];
  const problems: string[] = [];
  let commenter = '';
  for (let at = 0; at < Math.max(body.length, 1); at += SLICE) {
    try {
      const part = commentsFromRows([header, ...body.slice(at, at + SLICE)], config.columns, { ...options, firstRow: 1 + at });
      commenter ||= part.commenter;
      comments.push(...part.comments);
    } catch (e) {
      if (!(e instanceof WorkspaceError) || !e.problems.length) throw e;
      problems.push(...e.problems);
    }
    if (body.length > SLICE) await nextFrame();
  }
  if (problems.length) throw new WorkspaceError(`Nothing was imported: ${plural(problems.length, 'problem')} in the file.`, problems);
  return { commenter, comments };
}

async function importFile(file: File) {
  const kind = /\.json$/i.test(file.name) ? 'json' : /\.xlsx$/i.test(file.name) ? 'xlsx' : /\.csv$/i.test(file.name) ? 'csv' : undefined;
  if (!kind) throw new Error('choose a .json backup, or an .xlsx or .csv comment template.');
  if (file.size > MAX_BYTES) throw new Error(`the file is ${(file.size / 1024 / 1024).toFixed(1)} MB; this page imports files up to ${MAX_BYTES / 1024 / 1024} MB.`);
  say(`Reading ${file.name}…`);
  await nextFrame();
  let incoming: CommentStore;
  if (kind === 'json') incoming = readBackup(await file.text(), BASE);
  else {
    const rows = kind === 'xlsx' ? await xlsxFileRows(file) : await csvFileRows(file);
    if (rows.length - 1 > MAX_ROWS) throw new Error(`the file has ${plural(rows.length - 1, 'row')}; this page imports up to ${MAX_ROWS.toLocaleString('en-US')} comments at a time.`);
    say(`Checking ${plural(Math.max(rows.length - 1, 0), 'row')} of ${file.name}…`);
    await nextFrame();
    const read = await checkRows(rows, kind === 'csv');
    const [name = '', ...org] = read.commenter.split(/\s*\/\s*/);
    incoming = { version: STORE_VERSION, commenter: { name, organization: org.join(' / ') }, comments: read.comments };
  }
  if (incoming.comments.length > MAX_ROWS) throw new Error(`the file has ${plural(incoming.comments.length, 'comment')}; this page imports up to ${MAX_ROWS.toLocaleString('en-US')} at a time.`);
  say(`Storing ${plural(incoming.comments.length, 'comment')}…`);
  await nextFrame();
  let merged: ReturnType<typeof mergeComments> | undefined;
  const r = await updateStore((store) => {
    merged = mergeComments(store.commenter.name || store.commenter.organization ? store : { ...store, commenter: incoming.commenter }, incoming.comments);
    return merged.store;
  });
  await render(r.ok ? r.store : undefined);
  if (!r.ok) throw new Error(`nothing was imported. ${r.message}`);
  const m = merged!;
  say(`Imported ${plural(m.added, 'comment')}${m.duplicates ? `; ${m.duplicates.toLocaleString('en-US')} already here, skipped` : ''}${m.differing ? ` (${m.differing.toLocaleString('en-US')} of them differ from the comment with the same id here, which was kept)` : ''}.`);
}

root.querySelector<HTMLInputElement>('#import-file')!.addEventListener('change', async (e) => {
  const picker = e.target as HTMLInputElement;
  const file = picker.files?.[0];
  picker.value = ''; // so that choosing the same file again imports it again
  if (!file) return;
  try {
    await importFile(file);
  } catch (err) {
    say(`Cannot import ${file.name}: ${errorText(err)}`);
  }
});
root.querySelector('#email')!.addEventListener('click', () => {
  location.href = `mailto:${config.email}?subject=${encodeURIComponent(config.subject)}&body=${encodeURIComponent('Please find our comments attached (NIST comment template, XLSX).')}`;
});
for (const f of [filterDoc, filterType])
  f.addEventListener('change', () => {
    listed = PAGE;
    void render();
  });
// Changes made in another tab or window appear here.
onWorkspaceChange(() => void render());
// A comment saved on this page (an edit, or a comment on one of NIST's questions) appears at once.
document.addEventListener('comment-saved', () => void render());
void render();
