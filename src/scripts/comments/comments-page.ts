/** /comments/: lists the stored comments in document order; edit, delete with undo, reorder, filter, export, import, email. */
import { backupJson, commentsFromRows, type CommentStore, COMMENT_TYPES, mergeComments, readBackup, templateCsv, templateRows, type TemplateColumn } from '../../lib/comments/comment-model.ts';
import { openCommentForm } from './comment-form.ts';
import { loadStore, saveStore } from './storage.ts';
import type ExcelJSModule from 'exceljs';
import excelUrl from 'exceljs/dist/exceljs.min.js?url';

let excel: Promise<typeof ExcelJSModule> | undefined;
/** exceljs's browser build, fetched on the first export or import of a spreadsheet (it sets window.ExcelJS). */
function loadExcel(): Promise<typeof ExcelJSModule> {
  excel ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = excelUrl;
    script.onload = () => resolve((window as unknown as { ExcelJS: typeof ExcelJSModule }).ExcelJS);
    script.onerror = () => {
      excel = undefined;
      reject(new Error('The spreadsheet library could not be loaded.'));
    };
    document.head.append(script);
  });
  return excel;
}

const root = document.querySelector<HTMLElement>('#comments-workspace')!;
const config = JSON.parse(root.dataset.config!) as { email: string; subject: string; columns: TemplateColumn[] };
const list = root.querySelector<HTMLOListElement>('#comments-list')!;
const status = root.querySelector<HTMLElement>('#comments-status')!;
const filterDoc = root.querySelector<HTMLSelectElement>('#filter-document')!;
const filterType = root.querySelector<HTMLSelectElement>('#filter-type')!;

function say(message: string) {
  status.textContent = message;
}

function persist(store: CommentStore): boolean {
  const failure = saveStore(store);
  if (failure) say(failure);
  return !failure;
}

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
  b.setAttribute('aria-label', label);
  b.className = 'comment-action';
  b.addEventListener('click', onClick);
  return b;
}

function render() {
  const { store, error } = loadStore();
  if (error) say(error);
  list.replaceChildren();
  const shown = store.comments.filter((c) => (!filterDoc.value || c.document === filterDoc.value) && (!filterType.value || c.type === filterType.value));
  if (!store.comments.length) {
    const li = document.createElement('li');
    li.textContent = 'No comments yet: use the "Comment" action next to a paragraph of the draft, a catalog element or a product requirement.';
    list.append(li);
    return;
  }
  for (const c of shown) {
    const i = store.comments.indexOf(c);
    const li = document.createElement('li');
    li.className = 'comment-item';
    li.dataset.id = c.id;
    const where = document.createElement('p');
    where.className = 'meta';
    const link = Object.assign(document.createElement('a'), { href: c.href ?? '#', textContent: `${c.document}, ${c.section}${c.page ? `, p. ${c.page}` : ''}${c.lineStart ? `, lines ${c.lineStart}–${c.lineEnd ?? c.lineStart}` : ''} (${c.target})` });
    where.append(`${COMMENT_TYPES[c.type]} · `, link);
    const text = Object.assign(document.createElement('p'), { textContent: c.comment, className: 'comment-text' });
    const change = Object.assign(document.createElement('p'), { textContent: c.suggestion ? `Suggested change: ${c.suggestion}` : '' });
    const actions = document.createElement('p');
    actions.className = 'dialog-actions';
    actions.append(
      button('Edit', `Edit comment ${i + 1}`, async () => {
        if (await openCommentForm({ document: c.document, section: c.section, page: c.page, lines: c.lineStart ? `${c.lineStart}-${c.lineEnd ?? c.lineStart}` : '', target: c.target, href: c.href ?? '' }, c)) render();
      }),
      button('Move up', `Move comment ${i + 1} up`, () => move(i, -1)),
      button('Move down', `Move comment ${i + 1} down`, () => move(i, 1)),
      button('Delete', `Delete comment ${i + 1}`, () => remove(i)),
    );
    li.append(where, text, change, actions);
    list.append(li);
  }
  say(`${store.comments.length} comment${store.comments.length === 1 ? '' : 's'}${shown.length !== store.comments.length ? `, ${shown.length} shown` : ''}.`);
}

function move(i: number, by: number) {
  const { store } = loadStore();
  const j = i + by;
  if (j < 0 || j >= store.comments.length) return;
  const comments = [...store.comments];
  [comments[i], comments[j]] = [comments[j]!, comments[i]!];
  if (persist({ ...store, comments })) render();
}

function remove(i: number) {
  const { store } = loadStore();
  const removed = store.comments[i]!;
  if (!persist({ ...store, comments: store.comments.filter((_, k) => k !== i) })) return;
  render();
  const undo = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Undo' });
  undo.className = 'comment-action';
  undo.addEventListener('click', () => {
    const now = loadStore().store;
    const comments = [...now.comments];
    comments.splice(i, 0, removed);
    if (persist({ ...now, comments })) render();
    say('Comment restored.');
  });
  status.replaceChildren('Comment deleted. ', undo);
  undo.focus();
}

root.querySelector('#export-csv')!.addEventListener('click', () => download('comments.csv', 'text/csv', templateCsv(loadStore().store, config.columns)));
root.querySelector('#export-json')!.addEventListener('click', () => download('comments.json', 'application/json', backupJson(loadStore().store)));
root.querySelector('#export-xlsx')!.addEventListener('click', async () => {
  say('Preparing the spreadsheet…');
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Comments', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(config.columns.map((c) => c.header));
  ws.getRow(1).font = { bold: true };
  for (const row of templateRows(loadStore().store, config.columns)) ws.addRow(row);
  download('comments.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', await wb.xlsx.writeBuffer());
  say('Spreadsheet ready.');
});
root.querySelector<HTMLInputElement>('#import-file')!.addEventListener('change', async (e) => {
  const picker = e.target as HTMLInputElement;
  const file = picker.files?.[0];
  picker.value = ''; // so that choosing the same file again imports it again
  if (!file) return;
  try {
    const { store } = loadStore();
    let incoming: CommentStore;
    if (file.name.endsWith('.json')) incoming = readBackup(await file.text());
    else {
      const ExcelJS = await loadExcel();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await file.arrayBuffer());
      const rows = (wb.worksheets[0]!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => (r as (string | number)[]).slice(1));
      const read = commentsFromRows(rows, config.columns, new Date().toISOString());
      const [name = '', organization = ''] = read.commenter.split(/\s*\/\s*/);
      incoming = { version: 2, commenter: { name, organization }, comments: read.comments };
    }
    const merged = mergeComments(store.commenter.name ? store : { ...store, commenter: incoming.commenter }, incoming.comments);
    const saved = persist(merged.store);
    render();
    if (saved) say(`Imported ${merged.added} comment${merged.added === 1 ? '' : 's'}${merged.duplicates ? `; ${merged.duplicates} already here, skipped` : ''}.`);
  } catch (err) {
    say(`Cannot import ${file.name}: ${(err as Error).message}`);
  }
});
root.querySelector('#email')!.addEventListener('click', () => {
  location.href = `mailto:${config.email}?subject=${encodeURIComponent(config.subject)}&body=${encodeURIComponent('Please find our comments attached (NIST comment template, XLSX).')}`;
});
filterDoc.addEventListener('change', render);
filterType.addEventListener('change', render);
window.addEventListener('storage', render);
render();
