/**
 * <product-tailor>: the tailoring tool of /products/tailor/. It holds one tailoring record,
 * recomputes the solicitation document from it with the build's own code on every change, and
 * renders the components, impact, requirements, values and saves; every query is scoped to the
 * element. The writers load on the first download; once the tool is ready, its service worker stores them
 * (with the page and its data) for offline use, without this page loading them.
 */
import type { Model } from '../../lib/model/schemas/model.ts';
import { COMPONENT_TYPE_NAMES, type ComponentType } from '../../lib/products/component-types.ts';
import { type RequirementDocumentModel, tailoredDocument } from '../../lib/products/requirement-document.ts';
import type { ProductRequirement } from '../../lib/products/select-requirements.ts';
import { type DocumentTexts, modelOfTailorData, type TailorData } from '../../lib/products/tailor-data.ts';
import {
  defaultTailoring,
  impactLevel,
  type Level,
  readTailoring,
  slugify,
  type Tailoring,
  valueProblem,
} from '../../lib/products/tailoring.ts';
import { decodeTailoring, encodeTailoring } from '../../lib/products/tailoring-codec.ts';
import * as edit from '../../lib/products/tailoring-edits.ts';
import { type CatalogIndex, catalogIndex } from '../../lib/site/catalog-index.ts';
import { part } from '../element-parts.ts';
import { keepOffline } from './offline.ts';
import { loadSaves, writeSaves } from './saves.ts';

type Data = TailorData & { buildDate: string };
type Config = { data: string; texts: string; products: string; worker?: string; scope?: string };

const FORMAT_NAMES: Record<string, string> = {
  docx: 'Word',
  xlsx: 'Excel',
  csv: 'CSV',
  md: 'Markdown',
  json: 'JSON',
  'oscal-profile.json': 'OSCAL profile',
};

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & { className?: string } = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

function labelled<T extends HTMLElement>(e: T, label: string): T {
  e.setAttribute('aria-label', label);
  return e;
}

class ProductTailor extends HTMLElement {
  private data!: Data;
  private model!: Model;
  private index!: CatalogIndex;
  private record!: Tailoring;
  private doc!: RequirementDocumentModel;
  private titles = new Map<string, string>();
  private config!: Config;
  /** True once the service worker serves this page from a complete cache. */
  private offlineReady = false;
  /** The model with the documents' words, fetched on the first download. */
  private full?: Promise<CatalogIndex>;
  private q = <T extends Element = HTMLElement>(sel: string) => part<T>(this, sel);

  async connectedCallback() {
    if (this.dataset.config === undefined) throw new Error('<product-tailor> has no data-config');
    const config = JSON.parse(this.dataset.config) as Config;
    this.config = config;
    try {
      const res = await fetch(config.data);
      if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
      this.data = (await res.json()) as Data;
    } catch (e) {
      this.say(
        `The catalog data could not be loaded (${(e as Error).message}). Use the fixed templates of each product type instead.`,
      );
      return;
    }
    this.model = modelOfTailorData(this.data);
    this.index = catalogIndex(this.model);
    const procurement = this.model.procurement;
    if (!procurement) throw new Error("the tool's data has no procurement terms (rebuild the site)");
    for (const r of procurement.requirements) this.titles.set(r.id, r.title);
    this.wire();
    this.record = await this.initial();
    this.q('[data-body]').hidden = false;
    this.update(`Ready: ${this.record.product.name}.`);
    if (config.worker && config.scope) {
      void keepOffline(config.worker, config.scope)
        .catch(() => false)
        .then((ready) => {
          this.offlineReady = ready;
          if (ready)
            this.q('[data-offline]').textContent =
              'Ready to export offline: this page, its data and its writers are stored in this browser.';
        });
    }
  }

  private say(message: string) {
    this.q('[data-status]').textContent = message;
  }

  /** The address's tailoring, else the type and level it names, else the autosave, else the first product type. */
  private async initial(): Promise<Tailoring> {
    const hash = new URLSearchParams(location.hash.slice(1)).get('t');
    if (hash) {
      const decoded = await decodeTailoring(hash);
      const read = 'data' in decoded ? readTailoring(decoded.data, this.model) : undefined;
      if (read?.record) return read.record;
      this.refused(
        "The tailoring in this page's address",
        'error' in decoded ? [{ field: '(the link)', message: decoded.error }] : (read?.problems ?? []),
      );
    }
    const params = new URLSearchParams(location.search);
    const typeId = params.get('type');
    if (typeId !== null) {
      const type = this.model.productTypes.find((t) => t.id === typeId);
      const level = (params.get('level') ?? '').toUpperCase() as Level;
      if (type) return defaultTailoring(type, ['LOW', 'MODERATE', 'HIGH'].includes(level) ? level : type.impact);
      if (typeId === '')
        return edit.blankProduct(this.model, ['LOW', 'MODERATE', 'HIGH'].includes(level) ? level : 'MODERATE');
    }
    const { store } = loadSaves();
    if (store.current) {
      const read = readTailoring(store.current, this.model);
      if (read.record) return read.record;
    }
    const first = this.model.productTypes[0];
    if (!first) throw new Error('The catalog data has no product type.');
    return defaultTailoring(first, first.impact);
  }

  private refused(what: string, problems: { field: string; message: string }[]) {
    this.say(
      `${what} is refused and nothing was changed: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}.`,
    );
    this.pendingMessage = this.q('[data-status]').textContent ?? '';
  }

  private pendingMessage = '';

  /** Applies a change, recomputes the document, renders, saves, and announces the counts. */
  private change(next: Tailoring, what: string) {
    this.record = next;
    this.update(what);
  }

  /** The accessible name of the control the user acted on, to give it focus again after the re-render. */
  private focusName?: string;

  private update(what: string) {
    const active = document.activeElement;
    const name =
      this.focusName ??
      (active instanceof HTMLElement && this.contains(active)
        ? (active.getAttribute('aria-label') ?? undefined)
        : undefined);
    this.focusName = undefined;
    this.doc = tailoredDocument(this.index, this.record);
    this.render();
    if (name) {
      const again = [...this.querySelectorAll<HTMLElement>('[aria-label]')].find(
        (e) => e.getAttribute('aria-label') === name,
      );
      again?.focus();
    }
    const c = this.doc.counts;
    const status = `${what} ${c.requirements} requirements, ${c.items} items, ${c.key} key.`;
    this.say(this.pendingMessage ? `${this.pendingMessage} ${status}` : status);
    this.pendingMessage = '';
    void this.persist();
  }

  private async persist() {
    const record = this.record;
    const encoded = await encodeTailoring(record);
    if (record !== this.record) return;
    history.replaceState(null, '', `${location.pathname}${location.search}#t=${encoded}`);
    this.q<HTMLAnchorElement>('[data-link]').href = location.href;
    const { store, error } = loadSaves();
    if (error) return;
    store.current = record;
    const failure = writeSaves(store);
    if (failure) this.say(failure);
  }

  // ------------------------------------------------------------------ reasons

  private ask(title: string, what: string, initial = ''): Promise<string | undefined> {
    const dialog = this.q<HTMLDialogElement>('[data-dialog]');
    const opener = document.activeElement;
    this.focusName = opener instanceof HTMLElement ? (opener.getAttribute('aria-label') ?? undefined) : undefined;
    this.q('[data-dialog-title]').textContent = title;
    this.q('[data-dialog-what]').textContent = what;
    const input = this.q<HTMLInputElement>('[data-dialog-reason]');
    input.value = initial;
    dialog.returnValue = '';
    dialog.showModal();
    input.focus();
    return new Promise((resolve) => {
      dialog.addEventListener(
        'close',
        () => resolve(dialog.returnValue === 'ok' && input.value.trim() ? input.value.trim() : undefined),
        { once: true },
      );
    });
  }

  // ------------------------------------------------------------------ wiring of the static parts

  private wire() {
    this.q<HTMLButtonElement>('[data-dialog-cancel]').addEventListener('click', () =>
      this.q<HTMLDialogElement>('[data-dialog]').close(''),
    );
    this.q<HTMLFormElement>('[data-start]').addEventListener('submit', (e) => {
      e.preventDefault();
      const f = new FormData(e.target as HTMLFormElement);
      const type = this.model.productTypes.find((t) => t.id === f.get('type'));
      const level = f.get('level') as Level;
      this.change(
        type ? defaultTailoring(type, level) : edit.blankProduct(this.model, level),
        `Started from ${type ? type.name : 'a blank product'} at ${level}.`,
      );
    });
    this.q<HTMLInputElement>('[data-product-name]').addEventListener('change', (e) => {
      const name = (e.target as HTMLInputElement).value.trim();
      if (!name) return;
      const n = structuredClone(this.record);
      n.product.name = name;
      const base = n.base;
      if (!base || name !== this.model.productTypes.find((t) => t.id === base.type)?.name) n.product.id = slugify(name);
      this.change(n, `Product named ${name}.`);
    });
    this.q<HTMLFormElement>('[data-add-component]').addEventListener('submit', (e) => {
      e.preventDefault();
      const form = e.target as HTMLFormElement;
      const f = new FormData(form);
      const name = String(f.get('name') ?? '').trim();
      if (!name) return;
      this.change(edit.addComponent(this.record, f.get('type') as ComponentType, name, this.model), `Added ${name}.`);
      form.reset();
    });
    for (const select of this.querySelectorAll<HTMLSelectElement>('[data-impact] select')) {
      select.addEventListener('change', () =>
        this.change(
          edit.setImpact(this.record, select.name as 'confidentiality', select.value as Level),
          `${select.name.charAt(0).toUpperCase()}${select.name.slice(1)} ${select.value}.`,
        ),
      );
    }
    this.q<HTMLFormElement>('[data-override]').addEventListener('submit', (e) => {
      e.preventDefault();
      const f = new FormData(e.target as HTMLFormElement);
      const level = String(f.get('level') ?? '') as Level | '';
      const reason = String(f.get('reason') ?? '').trim();
      if (level && !reason) {
        this.say('An override of the impact level needs a reason: give it, then set the level.');
        return;
      }
      this.change(
        edit.setOverride(this.record, level ? { level, reason } : undefined),
        level ? `Level set to ${level}.` : 'Level back to the high-water mark.',
      );
    });
    this.q<HTMLFormElement>('[data-save]').addEventListener('submit', (e) => {
      e.preventDefault();
      const form = e.target as HTMLFormElement;
      const name = String(new FormData(form).get('name') ?? '').trim();
      if (!name) return;
      const { store, error } = loadSaves();
      if (error) return this.say(error);
      store.saves = [
        ...store.saves.filter((s) => s.name !== name),
        { name, saved: new Date().toISOString(), record: this.record },
      ];
      const failure = writeSaves(store);
      this.say(failure ?? `Saved as "${name}".`);
      form.reset();
      this.renderSaves();
    });
    this.q<HTMLInputElement>('[data-open]').addEventListener('change', async (e) => {
      const input = e.target as HTMLInputElement;
      const file = input.files?.[0];
      input.value = '';
      if (!file) return;
      let data: unknown;
      try {
        data = JSON.parse(await file.text());
      } catch (err) {
        this.say(
          `The file "${file.name}" is refused and nothing was changed: it is not JSON (${(err as Error).message}).`,
        );
        return;
      }
      this.open(data, `The file "${file.name}"`);
    });
    for (const b of this.querySelectorAll<HTMLButtonElement>('[data-downloads] button')) {
      const format = b.dataset.format;
      if (!format)
        throw new Error(`<product-tailor> has a download button (${b.textContent?.trim()}) with no data-format`);
      b.addEventListener('click', () => void this.download(format, b));
    }
  }

  private open(data: unknown, what: string) {
    const read = readTailoring(data, this.model);
    if (!read.record) {
      this.say(
        `${what} is refused and nothing was changed: ${read.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}.`,
      );
      return;
    }
    this.change(read.record, `Opened ${what.replace(/^The /, 'the ')}.`);
  }

  // ------------------------------------------------------------------ rendering

  private render() {
    const t = this.record;
    this.q<HTMLSelectElement>('[data-start] select[name=type]').value = t.base?.type ?? '';
    this.q<HTMLSelectElement>('[data-start] select[name=level]').value = impactLevel(t).level;
    this.q<HTMLInputElement>('[data-product-name]').value = t.product.name;
    this.renderComponents();
    for (const select of this.querySelectorAll<HTMLSelectElement>('[data-impact] select'))
      select.value = t.impact[select.name as 'confidentiality'];
    const level = impactLevel(t);
    this.q('[data-level-reason]').textContent =
      `Security category: SC = ${level.category}. Impact level used: ${level.level}; ${level.reason}.`;
    const override = this.q<HTMLFormElement>('[data-override]');
    (override.elements.namedItem('level') as HTMLSelectElement).value = t.impact.override?.level ?? '';
    (override.elements.namedItem('reason') as HTMLInputElement).value = t.impact.override?.reason ?? '';
    this.renderCounts();
    this.renderDecisions();
    this.renderRequirements();
    this.renderUnselected();
    this.renderValues();
    this.renderSaves();
  }

  private renderComponents() {
    const list = this.q('[data-components]');
    list.replaceChildren(
      ...this.record.components.map((c) => {
        const name = labelled(el('input', { type: 'text', value: c.name }), `Name of component ${c.name}`);
        name.addEventListener(
          'change',
          () =>
            name.value.trim() &&
            this.change(
              edit.renameComponent(this.record, c.id, name.value),
              `Renamed ${c.name} to ${name.value.trim()}.`,
            ),
        );
        const remove = labelled(el('button', { type: 'button', textContent: 'Remove' }), `Remove ${c.name}`);
        remove.disabled = this.record.components.length <= 1;
        remove.addEventListener('click', () =>
          this.change(edit.removeComponent(this.record, c.id), `Removed ${c.name}.`),
        );
        return el(
          'li',
          {},
          name,
          el('span', { className: 'meta', textContent: ` ${COMPONENT_TYPE_NAMES[c.type]} ` }),
          remove,
        );
      }),
    );
  }

  private renderCounts() {
    const c = this.doc.counts;
    this.q('[data-counts]').replaceChildren(
      el('strong', {
        textContent: `${this.doc.level}: ${c.requirements} requirements, ${c.items} items, ${c.key} key.`,
      }),
      ` ${c.perComponent.map((p) => `${p.component}: ${p.requirements} requirements, ${p.items} items`).join('; ')}.`,
    );
  }

  private renderDecisions() {
    const t = this.doc.tailoring;
    const rows: [string, () => void][] = [
      ...t.components.removed.map((n): [string, () => void] => [`Component removed: ${n}`, () => undefined]),
      ...t.components.added.map((n): [string, () => void] => [`Component added: ${n}`, () => undefined]),
      ...t.excluded.map((x): [string, () => void] => [
        `Excluded ${x.requirement === `R-${x.id}` ? x.requirement : x.id} (${x.title}): ${x.reason}`,
        () => this.change(edit.setExcluded(this.record, x.id, false), `Added back ${x.id}.`),
      ]),
      ...t.included.map((x): [string, () => void] => [
        `Added ${x.requirement === `R-${x.id}` ? x.requirement : x.id} (${x.title}): ${x.reason}`,
        () => this.change(edit.setIncluded(this.record, x.id, false), `Took ${x.id} out again.`),
      ]),
      ...t.keyChanges.map((k): [string, () => void] => [
        `${k.key ? 'Marked key' : 'Key mark removed'}: ${k.requirement} (${k.title}): ${k.reason}`,
        () =>
          this.change(
            edit.setKey(this.record, k.requirement.slice(2), !k.key, '', this.model),
            `Undid the key mark change of ${k.requirement}.`,
          ),
      ]),
      ...t.allocation.map((a): [string, () => void] => {
        const comp = this.record.components.find((c) => c.name === a.component)?.id ?? a.component;
        return [
          `${a.allocated ? 'Allocated' : 'Not allocated'} ${a.id} to ${a.component}: ${a.reason}`,
          () =>
            this.change(
              edit.setAllocation(this.record, a.id, comp, !a.allocated),
              `Undid the allocation change of ${a.id}.`,
            ),
        ];
      }),
    ];
    const list = this.q('[data-decisions]');
    if (!rows.length) {
      list.replaceChildren(
        el('li', { textContent: "Nothing tailored yet: these are the product type's requirements as published." }),
      );
      return;
    }
    list.replaceChildren(
      ...rows.map(([text, undo], i) => {
        const li = el('li', {}, text, ' ');
        if (!text.startsWith('Component')) {
          const b = labelled(
            el('button', { type: 'button', textContent: 'Undo', className: 'small' }),
            `Undo decision ${i + 1}: ${text.split(':')[0]}`,
          );
          b.addEventListener('click', undo);
          li.append(b);
        }
        return li;
      }),
    );
  }

  private async exclude(id: string, label: string) {
    const reason = await this.ask(
      `Exclude ${label}`,
      "Why is it left out? The reason is printed in the documents' Tailoring section.",
    );
    if (reason) this.change(edit.setExcluded(this.record, id, true, reason), `Excluded ${label}.`);
  }

  private async include(id: string, label: string, technical: boolean) {
    const reason = await this.ask(`Add ${label}`, 'Why is it added although the baseline does not select it?');
    if (!reason) return;
    let n = edit.setIncluded(this.record, id, true, reason);
    const requirement = id.replace(/^([A-Z]+-\d+)\.\d+$/, '$1');
    if (technical && !tailoredDocument(this.index, n).technical.some((r) => r.id === requirement)) {
      // Nothing gives it to a component yet: give it to the IoT devices (change it after).
      for (const c of this.record.components.filter((x) => x.type === 'iot-device'))
        n = edit.setAllocation(n, id, c.id, true, reason);
    }
    this.change(n, `Added ${label}.`);
  }

  private async toggleKey(r: ProductRequirement) {
    const reason = await this.ask(
      r.key ? `Remove the key mark of ${r.number}` : `Mark ${r.number} key`,
      r.key
        ? 'Why is its absence no longer an unacceptable risk?'
        : 'Why is its absence an unacceptable risk (the rationale printed with it)?',
    );
    if (reason)
      this.change(
        edit.setKey(this.record, r.id, !r.key, reason, this.model),
        r.key ? `${r.number} is no longer key.` : `${r.number} marked key.`,
      );
  }

  private async toggleAllocation(
    id: string,
    label: string,
    componentId: string,
    componentName: string,
    allocated: boolean,
    box: HTMLInputElement,
  ) {
    const reason = await this.ask(
      `${allocated ? 'Allocate' : 'Take'} ${label} ${allocated ? 'to' : 'from'} ${componentName}`,
      'Why does the allocation change?',
    );
    if (!reason) {
      box.checked = !allocated;
      return;
    }
    this.change(
      edit.setAllocation(this.record, id, componentId, allocated, reason),
      `${label} ${allocated ? 'allocated to' : 'taken from'} ${componentName}.`,
    );
  }

  private renderRequirements() {
    const comps = this.record.components;
    const records = (r: ProductRequirement) =>
      r.kind === 'technical'
        ? (this.index.subCapabilities.get(r.id)?.elements ?? [])
        : (this.index.elements.get(r.id)?.subElements ?? []);
    const excluded = new Set(this.record.excluded.map((d) => d.id));
    const article = (r: ProductRequirement) => {
      const head = el(
        'h4',
        {},
        el('span', { className: 'id', textContent: r.number }),
        ` ${r.title}`,
        ...(r.key ? [' ', el('strong', { className: 'tailor-key', textContent: 'KEY' })] : []),
      );
      const actions = el('div', { className: 'tailor-row' });
      const ex = labelled(
        el('button', { type: 'button', textContent: 'Exclude', className: 'small' }),
        `Exclude ${r.number}`,
      );
      ex.addEventListener('click', () => void this.exclude(r.id, r.number));
      const key = labelled(
        el('button', { type: 'button', textContent: r.key ? 'Remove key mark' : 'Mark key', className: 'small' }),
        `${r.key ? 'Remove key mark of' : 'Mark key'} ${r.number}`,
      );
      key.addEventListener('click', () => void this.toggleKey(r));
      actions.append(ex, key);
      const parts: Node[] = [
        head,
        el('p', {
          className: 'meta',
          textContent:
            r.kind === 'technical'
              ? `Applies to: ${r.appliesTo.map((c) => comps.find((x) => x.id === c)?.name ?? c).join(', ')}`
              : 'Manufacturer (the whole product)',
        }),
      ];
      if (r.key) parts.push(el('p', { className: 'meta', textContent: `Why it is key: ${r.keyWhy ?? ''}` }));
      parts.push(actions);
      if (r.kind === 'technical') {
        const fs = el(
          'fieldset',
          { className: 'tailor-alloc' },
          el('legend', { textContent: `Components for ${r.number}` }),
        );
        for (const c of comps) {
          const box = el('input', { type: 'checkbox', checked: r.appliesTo.includes(c.id) });
          box.addEventListener(
            'change',
            () => void this.toggleAllocation(r.id, r.number, c.id, c.name, box.checked, box),
          );
          fs.append(el('label', {}, box, ` ${c.name}`));
        }
        parts.push(fs);
      }
      const ol = el('ol', { className: 'tailor-items' });
      for (const i of r.items) {
        const li = el(
          'li',
          {},
          el('span', { className: 'id', textContent: `${i.letter}.` }),
          ` ${i.text}${i.subItems.length ? ` ${i.subItems.join('; ')}` : ''} `,
          el('span', {
            className: 'meta',
            textContent: `[${i.record}; ${i.selectedBy.join(', ') || (i.included !== undefined ? 'added' : 'key requirement')}] `,
          }),
        );
        const exi = labelled(
          el('button', { type: 'button', textContent: 'Exclude', className: 'small' }),
          `Exclude ${i.number}`,
        );
        exi.addEventListener('click', () => void this.exclude(i.record, `${i.number} (${i.record})`));
        li.append(exi);
        if (r.kind === 'technical' && comps.length > 1) {
          const span = el('span', { className: 'tailor-item-alloc' });
          for (const c of comps) {
            const box = labelled(
              el('input', { type: 'checkbox', checked: i.components.includes(c.id) }),
              `${i.number} on ${c.name}`,
            );
            box.addEventListener(
              'change',
              () => void this.toggleAllocation(i.record, i.number, c.id, c.name, box.checked, box),
            );
            span.append(el('label', { title: c.name }, box, ` ${c.name}`));
          }
          li.append(span);
        }
        ol.append(li);
      }
      parts.push(ol);
      const inDoc = new Set(r.items.map((i) => i.record));
      const more = records(r).filter((id) => !inDoc.has(id) && !excluded.has(id));
      if (more.length) {
        const add = el('p', { className: 'meta' }, 'Not selected: ');
        for (const id of more) {
          const b = labelled(
            el('button', { type: 'button', textContent: `Add ${id}`, className: 'small' }),
            `Add ${id} to ${r.number}`,
          );
          b.addEventListener('click', () => void this.include(id, id, r.kind === 'technical'));
          add.append(b, ' ');
        }
        parts.push(add);
      }
      return el('article', { className: `tailor-req${r.key ? ' key' : ''}` }, ...parts);
    };
    const box = this.q('[data-requirements]');
    box.replaceChildren(
      el('h3', { textContent: `On the product's components (${this.doc.technical.length})` }),
      ...this.doc.technical.map(article),
      el('h3', { textContent: `Manufacturer obligations (${this.doc.manufacturer.length})` }),
      ...this.doc.manufacturer.map(article),
    );
  }

  private renderUnselected() {
    const inDoc = new Set([...this.doc.technical, ...this.doc.manufacturer].map((r) => r.id));
    const excluded = new Set(this.record.excluded.map((d) => d.id));
    const list = this.q('[data-unselected]');
    const items: HTMLLIElement[] = [];
    for (const cap of this.model.capabilities) {
      for (const sid of cap.subCapabilities) {
        const sc = this.index.subCapabilities.get(sid);
        if (!sc) continue;
        const ids = sc.kind === 'technical' ? [sc.id] : sc.elements;
        for (const id of ids) {
          if (inDoc.has(id) || excluded.has(id)) continue;
          const b = labelled(el('button', { type: 'button', textContent: 'Add', className: 'small' }), `Add R-${id}`);
          b.addEventListener('click', () => void this.include(id, `R-${id}`, sc.kind === 'technical'));
          items.push(
            el('li', {}, el('span', { className: 'id', textContent: `R-${id}` }), ` ${this.titles.get(id) ?? ''} `, b),
          );
        }
      }
    }
    list.replaceChildren(...items);
  }

  private renderValues() {
    const box = this.q('[data-values]');
    const byId = new Map((this.model.procurement?.values ?? []).map((v) => [v.id, v]));
    box.replaceChildren(
      ...this.doc.values.map((v) => {
        const def = byId.get(v.id);
        if (!def) throw new Error(`The catalog data defines no value ${v.id}.`);
        const id = `tailor-value-${v.id}`;
        const input = el('input', {
          id,
          name: v.id,
          type: def.kind === 'date' ? 'date' : 'text',
          value: this.record.values[v.id] ?? '',
        });
        if (['days', 'months', 'years', 'number'].includes(def.kind)) input.inputMode = 'numeric';
        if (def.suggestion) input.placeholder = def.suggestion;
        const error = el('span', { className: 'tailor-error', id: `${id}-error` });
        input.setAttribute('aria-describedby', `${id}-error ${id}-used`);
        input.addEventListener('change', () => {
          const problem = valueProblem(def.kind, input.value);
          if (problem) {
            input.setAttribute('aria-invalid', 'true');
            error.textContent = `Not set: ${problem}.`;
            this.say(`${v.name.charAt(0).toUpperCase()}${v.name.slice(1)}: ${problem}; the value is not set.`);
            return;
          }
          input.removeAttribute('aria-invalid');
          error.textContent = '';
          this.change(
            edit.setValue(this.record, v.id, input.value),
            `${v.name.charAt(0).toUpperCase()}${v.name.slice(1)} ${input.value.trim() ? `set to ${input.value.trim()}` : 'left blank'}.`,
          );
        });
        return el(
          'div',
          { className: 'tailor-value' },
          el('label', {
            htmlFor: id,
            textContent: `${v.name.charAt(0).toUpperCase()}${v.name.slice(1)}${def.kind !== 'text' && def.kind !== 'list' ? ` (${def.kind === 'date' ? 'date' : def.kind})` : ''}`,
          }),
          input,
          error,
          el('span', {
            className: 'meta',
            id: `${id}-used`,
            textContent: ` Used in ${v.usedIn.join(', ')}.${def.suggestion ? ` Suggestion: ${def.suggestion}.` : ''}`,
          }),
        );
      }),
    );
  }

  private renderSaves() {
    const list = this.q('[data-saves]');
    const { store, error } = loadSaves();
    if (error) {
      list.replaceChildren(el('li', { textContent: error }));
      return;
    }
    if (!store.saves.length) {
      list.replaceChildren(el('li', { textContent: 'No saved tailorings yet.' }));
      return;
    }
    list.replaceChildren(
      ...store.saves.map((s) => {
        const open = labelled(
          el('button', { type: 'button', textContent: 'Open', className: 'small' }),
          `Open save ${s.name}`,
        );
        open.addEventListener('click', () => this.open(s.record, `The save "${s.name}"`));
        const del = labelled(
          el('button', { type: 'button', textContent: 'Delete', className: 'small' }),
          `Delete save ${s.name}`,
        );
        del.addEventListener('click', () => {
          const now = loadSaves();
          if (now.error) return this.say(now.error);
          now.store.saves = now.store.saves.filter((x) => x.name !== s.name);
          this.say(writeSaves(now.store) ?? `Deleted the save "${s.name}".`);
          this.renderSaves();
        });
        return el(
          'li',
          { className: 'tailor-save' },
          el('strong', { textContent: s.name }),
          ` ${s.saved.slice(0, 16).replace('T', ' ')} `,
          open,
          ' ',
          del,
        );
      }),
    );
  }

  // ------------------------------------------------------------------ downloads

  private async download(format: string, button: HTMLButtonElement) {
    let doc = this.doc;
    let name: string;
    let type: string;
    let body: BlobPart;
    button.disabled = true;
    try {
      if (format === 'record') {
        name = `${doc.fileBase}.tailoring.json`;
        type = 'application/json';
        body = `${JSON.stringify(this.record, null, 2)}\n`;
      } else {
        this.say(`Writing ${doc.fileBase}.${format}…`);
        this.full ??= fetch(this.config.texts)
          .then((r) => {
            if (!r.ok) throw new Error(`the document texts could not be loaded (${r.status})`);
            return r.json() as Promise<DocumentTexts>;
          })
          .then((texts) => catalogIndex(modelOfTailorData(this.data, texts)));
        this.full.catch(() => (this.full = undefined));
        let loaded: [typeof import('./tailor-export.ts'), CatalogIndex];
        try {
          loaded = await Promise.all([import('./tailor-export.ts'), this.full]);
        } catch (e) {
          throw new Error(this.notLoaded(format, e as Error));
        }
        const [{ exportFile, MIME }, full] = loaded;
        doc = tailoredDocument(full, this.record);
        body = await exportFile(format, doc, {
          controls: this.data.controls,
          catalogUrl: this.data.catalogUrl,
          date: new Date(this.data.buildDate),
        });
        name = `${doc.fileBase}.${format}`;
        type = MIME[format] ?? 'application/octet-stream';
      }
      const a = el('a', { href: URL.createObjectURL(new Blob([body], { type })), download: name });
      this.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 5000);
      this.say(`Downloaded ${name}.`);
    } catch (e) {
      this.say(`The file could not be written: ${(e as Error).message}`);
    } finally {
      button.disabled = false;
    }
  }

  /** Why an export could not start: its writer or the documents' texts did not load (the connection, mostly). */
  private notLoaded(format: string, e: Error): string {
    const what = `the ${FORMAT_NAMES[format] ?? format} writer could not be loaded`;
    // A failed fetch or dynamic import is a TypeError.
    const connection = !navigator.onLine || e instanceof TypeError;
    if (!connection) return `${what} (${e.message}).`;
    if (this.offlineReady)
      return `${what}. The site does not answer and the files this browser stored for offline use are gone (they may have been cleared). Reconnect and try again.`;
    return `${what}. The site does not answer (this browser may be offline) and this page was not yet stored for offline use. Reconnect and try again; once the Download section says "Ready to export offline", exports work without a connection.`;
  }
}

customElements.define('product-tailor', ProductTailor);
