/**
 * <site-search>: the search page. Jumps to a record when the query is one of its ids, else
 * searches the Pagefind index with filters (OR within a filter, AND across
 * filters), showing counts. Withdrawn controls are left out unless the reader
 * asks for them; when no page holds every word, the pages holding most of them
 * are shown, and the status says so. Pagefind loads when the box gets focus.
 * Loaded only on /search/; every part is found inside the element.
 */
import { controlLabelOf, idPath, resolveId } from '../lib/site/search-ids.ts';
import { titleExtraWords, titleTier } from '../lib/site/title-rank.ts';
import { defineElement, part } from './element-parts.ts';

interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<ResultData>;
}
type Filters = Record<string, { any: string[] }>;
interface ResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; where?: string; terms?: string };
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  preload: (q: string, o?: { filters?: Filters }) => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  search: (
    q: string | null,
    o?: { filters?: Filters },
  ) => Promise<{
    results: PagefindResult[];
    filters: Record<string, Record<string, number>>;
    totalFilters?: Record<string, Record<string, number>>;
    unfilteredResultCount: number;
  }>;
}

const FILTER_LABELS: Record<string, string> = {
  kind: 'Kind',
  family: 'Control family',
  baseline: 'Baseline',
  type: 'Technical / non-technical',
};
/** The filter that leaves withdrawn controls out; it has its own box ("Show withdrawn controls"). */
const STATUS = 'status';

/** Runs the search page in `root` (its own state: filters chosen, runs, results shown). */
function start(root: HTMLElement) {
  const base = root.dataset.base ?? '/';
  const form = part<HTMLFormElement>(root, 'form');
  const input = part<HTMLInputElement>(form, 'input[name=q]');
  const filtersBox = part(root, '#search-filters');
  const status = part(root, '#search-status');
  const list = part<HTMLOListElement>(root, '#search-results');
  const filtersPanel = part<HTMLDetailsElement>(root, '#search-filters-panel');
  // Filters stand open beside the results on a wide screen, folded above them on a phone.
  if (matchMedia('(min-width: 50rem)').matches) filtersPanel.open = true;
  filtersPanel.addEventListener('click', () => void loadPagefind().then(renderInitialFilters), { once: true });

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
      // Titles and ids (each page's title meta) count well above body text; long pages are not favoured.
      await pf.options({
        baseUrl: base,
        noWorker: true,
        ranking: { metaWeights: { title: 10, terms: 8 }, pageLength: 0.6, termFrequency: 0.8 },
      });
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
  const filterCounts: { name: string; value: string; count: Text; format?: (n: number) => string }[] = [];
  let showWithdrawn = false;

  function renderFilters(all: Record<string, Record<string, number>>, current: Record<string, Record<string, number>>) {
    if (!filterCounts.length) {
      root.querySelector('#search-filters-hint')?.remove();
      if (all[STATUS]?.withdrawn) {
        const label = document.createElement('label');
        label.className = 'show-withdrawn';
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = STATUS;
        box.value = 'withdrawn';
        box.checked = showWithdrawn;
        const count = document.createTextNode('');
        label.append(box, ' Show withdrawn controls', count);
        filtersBox.append(label);
        filterCounts.push({ name: STATUS, value: 'withdrawn', count, format: (n) => ` (${n})` });
      }
      for (const [name, values] of Object.entries(all)) {
        if (name === STATUS) continue;
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
    for (const { name, value, count, format } of filterCounts) {
      const n = current[name]?.[value] ?? 0;
      const text = format ? format(n) : ` ${value} (${n})`;
      if (count.data !== text) count.data = text;
    }
  }

  /** The filters of a search: the reader's boxes, and withdrawn controls left out unless asked for. */
  function activeFilters(): Filters {
    const filters: Filters = Object.fromEntries(
      [...selected].filter(([k, v]) => k !== STATUS && v.size).map(([k, v]) => [k, { any: [...v] }]),
    );
    if (!showWithdrawn) filters[STATUS] = { any: ['current'] };
    return filters;
  }

  /** A result, with the words of the query it holds (all of them, unless no page holds every word). */
  interface Ranked {
    result: PagefindResult;
    holds: string[];
  }

  /**
   * No page holds every word: search each word on its own and rank the pages by
   * how many of the words they hold, then by their combined score.
   */
  async function partialResults(pf: Pagefind, words: string[], filters: Filters): Promise<Ranked[]> {
    const byWord = await Promise.all(words.map(async (word) => ({ word, search: await pf.search(word, { filters }) })));
    const merged = new Map<string, { result: PagefindResult; holds: string[]; score: number }>();
    for (const { word, search } of byWord) {
      for (const r of search.results) {
        const m = merged.get(r.id) ?? { result: r, holds: [], score: 0 };
        m.holds.push(word);
        m.score += r.score;
        merged.set(r.id, m);
      }
    }
    return [...merged.values()]
      .sort((a, b) => b.holds.length - a.holds.length || b.score - a.score)
      .map(({ result, holds }) => ({ result, holds }));
  }

  /** Each result's data (its fragment) is fetched once, whether to re-rank it or to show it. */
  const fragments = new WeakMap<PagefindResult, Promise<ResultData>>();
  function dataOf(r: PagefindResult): Promise<ResultData> {
    let d = fragments.get(r);
    if (!d) {
      d = r.data();
      fragments.set(r, d);
    }
    return d;
  }

  /** How many of the first results are re-ranked by their titles (each costs its fragment, a few hundred bytes). */
  const rerankCount = 12;

  /** The first results, re-ranked by how well their titles and readers' terms answer the query (see title-rank.ts); the rest as Pagefind ranks them. */
  async function rerank(query: string, results: PagefindResult[]): Promise<PagefindResult[]> {
    const head = results.slice(0, rerankCount);
    const data = await Promise.all(head.map(dataOf));
    const tiers = data.map((d) => titleTier(query, d.meta.title ?? '', d.meta.terms ? d.meta.terms.split(', ') : []));
    const extra = data.map((d) => titleExtraWords(query, d.meta.title ?? ''));
    // Readers' terms first, then titles holding the query; among titles holding it, the one closest to the query first.
    const order = head
      .map((r, i) => ({ r, i, tier: tiers[i] ?? 0, extra: extra[i] ?? 0 }))
      .sort((a, b) => b.tier - a.tier || (a.tier === 1 || a.tier === 2 ? a.extra - b.extra : 0) || a.i - b.i);
    return [...order.map((o) => o.r), ...results.slice(rerankCount)];
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
    const filters = activeFilters();
    const hasFilters = [...selected].some(([k, v]) => k !== STATUS && v.size > 0);
    if (!query && !hasFilters) {
      status.textContent = 'Type words or an id such as IA-3, AC-2(7) or DI-1.3.';
      const all = await pf.filters();
      renderFilters(all, all);
      root.dataset.searched = '';
      return;
    }
    // The filter counts and the words' index chunks load side by side.
    const [totals, search] = await Promise.all([pf.filters(), pf.search(query || null, { filters })]);
    if (stale()) return;
    const words = query.split(/\s+/).filter((w) => w.length > 1);
    let ranked: Ranked[] = (query ? await rerank(query, search.results) : search.results).map((result) => ({
      result,
      holds: words,
    }));
    if (stale()) return;
    let partial = false;
    if (!ranked.length && words.length > 1) {
      ranked = await partialResults(pf, words, filters);
      partial = ranked.length > 0;
      if (stale()) return;
    }
    renderFilters(totals, {
      ...search.filters,
      [STATUS]: { withdrawn: search.totalFilters?.[STATUS]?.withdrawn ?? 0 },
    });
    await showResults(ranked, 0, match, stale, partial ? words : undefined);
    if (stale()) return;
    const n = ranked.length;
    const count = `${n} result${n === 1 ? '' : 's'}`;
    status.textContent = partial
      ? `No page holds every word; ${count} holding some of them, those with most first${match ? `; ${match.id} is first` : ''}.`
      : `${count}${match ? `; ${match.id} is first` : ''}.`;
    root.dataset.searched = query;
  }

  const pageSize = 10;

  /**
   * Renders results from `from` on, a page at a time: each result's data is fetched only when shown.
   * `words`, when no page held them all: each result then says which of them it holds.
   */
  async function showResults(
    results: Ranked[],
    from: number,
    match: { url: string } | undefined,
    stale: () => boolean = () => false,
    words?: string[],
  ) {
    root.querySelector('#search-more')?.remove();
    const shown = await Promise.all(
      results.slice(from, from + pageSize).map(async (r) => ({ d: await dataOf(r.result), holds: r.holds })),
    );
    if (stale()) return;
    let first: HTMLAnchorElement | undefined;
    for (const { d, holds } of shown) {
      if (match && d.url.split('#')[0] === match.url.split('#')[0] && !match.url.includes('#')) continue;
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = d.url;
      a.textContent = d.meta.title ?? d.url;
      li.append(a);
      if (d.meta.where) {
        const where = document.createElement('p');
        where.className = 'result-where';
        where.textContent = d.meta.where;
        li.append(where);
      }
      if (words) {
        const has = document.createElement('p');
        has.className = 'result-where';
        const missing = words.filter((w) => !holds.includes(w));
        has.textContent = `Holds ${holds.join(', ')}; not ${missing.join(', ')}.`;
        li.append(has);
      }
      const p = document.createElement('p');
      p.innerHTML = d.excerpt; // Pagefind's excerpt: escaped page text with <mark> around the hits.
      li.append(p);
      list.append(li);
      first ??= a;
    }
    // After "Show more", focus moves to the first new result (the button itself is gone).
    if (from > 0) first?.focus();
    if (results.length > from + pageSize) {
      const more = document.createElement('button');
      more.type = 'button';
      more.id = 'search-more';
      more.textContent = `Show more results (${results.length - from - pageSize} left)`;
      more.addEventListener('click', () => void showResults(results, from + pageSize, match, undefined, words));
      list.after(more);
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    void run();
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Loading starts when the box gets focus, so that the index is there by the time the first word is typed.
  input.addEventListener('focus', () => void loadPagefind().then(renderInitialFilters), { once: true });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    // Fetch the index chunks of the words while the typing pauses.
    if (q) void loadPagefind().then((pf) => pf.preload(q, { filters: activeFilters() }));
    timer = setTimeout(() => void run(), 80);
  });
  filtersBox.addEventListener('change', (e) => {
    const box = e.target as HTMLInputElement;
    if (box.name === STATUS) {
      showWithdrawn = box.checked;
    } else {
      const set = selected.get(box.name) ?? new Set<string>();
      if (box.checked) set.add(box.value);
      else set.delete(box.value);
      selected.set(box.name, set);
    }
    void run();
  });

  /** The filter boxes, before any search. */
  async function renderInitialFilters(pf: Pagefind) {
    if (filterCounts.length) return;
    const all = await pf.filters();
    renderFilters(all, all);
  }

  const initial = new URL(location.href).searchParams.get('q') ?? '';
  input.value = initial;
  // Arriving with an exact id (from the header box) jumps straight to its page; with words, searches them.
  void (async () => {
    const match = initial ? await idMatch(initial) : undefined;
    if (match && new URL(location.href).searchParams.get('jump') !== 'no') location.replace(match.url);
    else if (initial) void run();
    else status.textContent = 'Type words or an id such as IA-3, AC-2(7) or DI-1.3.';
  })();
}

export class SiteSearch extends HTMLElement {
  #ready = false;

  connectedCallback() {
    if (this.#ready) return;
    this.#ready = true;
    start(this);
  }
}

defineElement('site-search', SiteSearch);
