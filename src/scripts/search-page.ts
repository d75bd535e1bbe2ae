/**
 * The search page: jumps to a record when the query is one of its ids, else
 * searches the Pagefind index with filters (OR within a filter, AND across
 * filters), showing counts. Loaded only on /search/.
 */
import { controlLabelOf, idPath, resolveId } from '../lib/site/search-ids.ts';

interface PagefindResult {
  id: string;
  data: () => Promise<{ url: string; excerpt: string; meta: { title?: string } }>;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  search: (q: string | null, o?: { filters?: Record<string, { any: string[] }> }) => Promise<{ results: PagefindResult[]; filters: Record<string, Record<string, number>>; unfilteredResultCount: number }>;
}

const FILTER_LABELS: Record<string, string> = { kind: 'Kind', family: 'Control family', baseline: 'Baseline', type: 'Technical / non-technical' };

const root = document.querySelector<HTMLElement>('#search')!;
const base = root.dataset.base!;
const form = root.querySelector<HTMLFormElement>('form')!;
const input = form.querySelector<HTMLInputElement>('input[name=q]')!;
const filtersBox = root.querySelector<HTMLElement>('#search-filters')!;
const status = root.querySelector<HTMLElement>('#search-status')!;
const list = root.querySelector<HTMLOListElement>('#search-results')!;

let pagefind: Promise<Pagefind> | undefined;
/** Counts runs, so that a slower earlier search never writes over a later one. */
let latestRun = 0;
/** The id lists the site has (one per control family and capability code), and those fetched so far. */
const idListNames = new Set((root.dataset.idLists ?? '').split(' '));
const idListsLoaded = new Map<string, Promise<Set<string>>>();
const selected = new Map<string, Set<string>>();

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const pf = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    // On the page's own thread: the worker would fetch a second copy of the search code (~43 KB) for an index this small.
    await pf.options({ baseUrl: base, noWorker: true });
    await pf.init();
    return pf;
  })();
  return pagefind;
}

function loadIdList(name: string): Promise<Set<string>> | undefined {
  if (!idListNames.has(name)) return undefined;
  let list = idListsLoaded.get(name);
  if (!list) {
    list = fetch(`${base}search-ids/${name}.json`)
      .then(async (r) => new Set(r.ok ? ((await r.json()) as string[]) : []))
      .catch(() => {
        // Offline for a moment: no id jump this time, words still search; the next query tries again.
        idListsLoaded.delete(name);
        return new Set<string>();
      });
    idListsLoaded.set(name, list);
  }
  return list;
}

/** The record the query names by id, if it exists. */
async function idMatch(query: string): Promise<{ id: string; url: string } | undefined> {
  // Words fetch no id list; an id fetches only the list of its family or capability.
  const id = await resolveId(query, loadIdList);
  return id ? { id, url: `${base}${idPath(id)}` } : undefined;
}

/** The count shown beside each filter value: the boxes are built once, then only their counts change. */
const filterCounts: { name: string; value: string; count: Text }[] = [];

function renderFilters(all: Record<string, Record<string, number>>, current: Record<string, Record<string, number>>) {
  if (!filterCounts.length) {
    for (const [name, values] of Object.entries(all)) {
      const fieldset = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = FILTER_LABELS[name] ?? name;
      fieldset.append(legend);
      for (const value of Object.keys(values).sort()) {
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = name;
        box.value = value;
        box.checked = selected.get(name)?.has(value) ?? false;
        const count = document.createTextNode('');
        label.append(box, count);
        fieldset.append(label);
        filterCounts.push({ name, value, count });
      }
      filtersBox.append(fieldset);
    }
  }
  for (const { name, value, count } of filterCounts) {
    const text = ` ${value} (${current[name]?.[value] ?? 0})`;
    if (count.data !== text) count.data = text;
  }
}

async function run() {
  const runId = ++latestRun;
  const stale = () => runId !== latestRun;
  root.querySelector('#search-more')?.remove();
  const query = input.value.trim();
  const url = new URL(location.href);
  url.searchParams.set('q', query);
  history.replaceState(null, '', url);
  const match = query ? await idMatch(query) : undefined;
  if (stale()) return;
  list.replaceChildren();
  if (match) {
    const li = document.createElement('li');
    li.className = 'id-match';
    const a = document.createElement('a');
    a.href = match.url;
    a.textContent = /^[a-z]{2}-/.test(match.id) ? controlLabelOf(match.id) : match.id;
    li.append(a, ' (the record with this id)');
    list.append(li);
  }
  const pf = await loadPagefind();
  const filters = Object.fromEntries([...selected].filter(([, v]) => v.size).map(([k, v]) => [k, { any: [...v] }]));
  const hasFilters = Object.keys(filters).length > 0;
  if (!query && !hasFilters) {
    status.textContent = 'Type words or an id such as IA-3, AC-2(7) or DI-1.3.';
    renderFilters(await pf.filters(), await pf.filters());
    return;
  }
  const totals = await pf.filters();
  const search = await pf.search(query || null, { filters });
  if (stale()) return;
  renderFilters(totals, search.filters);
  await showResults(search.results, 0, match, stale);
  if (stale()) return;
  status.textContent = `${search.results.length} result${search.results.length === 1 ? '' : 's'}${match ? `; ${match.id} is first` : ''}.`;
}

const PAGE = 10;

/** Renders results from `from` on, a page at a time: each result's data is fetched only when shown. */
async function showResults(results: PagefindResult[], from: number, match: { url: string } | undefined, stale: () => boolean = () => false) {
  root.querySelector('#search-more')?.remove();
  const shown = await Promise.all(results.slice(from, from + PAGE).map((r) => r.data()));
  if (stale()) return;
  let first: HTMLAnchorElement | undefined;
  for (const d of shown) {
    if (match && d.url.split('#')[0] === match.url.split('#')[0] && !match.url.includes('#')) continue;
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = d.url;
    a.textContent = d.meta.title ?? d.url;
    const p = document.createElement('p');
    p.innerHTML = d.excerpt; // Pagefind's excerpt: escaped page text with <mark> around the hits.
    li.append(a, p);
    list.append(li);
    first ??= a;
  }
  // After "Show more", focus moves to the first new result (the button itself is gone).
  if (from > 0) first?.focus();
  if (results.length > from + PAGE) {
    const more = document.createElement('button');
    more.type = 'button';
    more.id = 'search-more';
    more.textContent = `Show more results (${results.length - from - PAGE} left)`;
    more.addEventListener('click', () => void showResults(results, from + PAGE, match));
    list.after(more);
  }
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  void run();
});
let timer: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => void run(), 200);
});
filtersBox.addEventListener('change', (e) => {
  const box = e.target as HTMLInputElement;
  const set = selected.get(box.name) ?? new Set<string>();
  if (box.checked) set.add(box.value);
  else set.delete(box.value);
  selected.set(box.name, set);
  void run();
});

const initial = new URL(location.href).searchParams.get('q') ?? '';
input.value = initial;
// Arriving with an exact id (from the header box) jumps straight to its page.
void (async () => {
  const match = initial ? await idMatch(initial) : undefined;
  if (match && new URL(location.href).searchParams.get('jump') !== 'no') location.replace(match.url);
  else void run();
})();
