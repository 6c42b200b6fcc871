/**
 * Browser: the topic filter form (src/components/topics/TopicFilters.astro) ↔
 * FilterState, and the village <select> whose options follow the chosen street.
 * Villages come embedded in the container (small areas) or from
 * /villages/search-index.json, fetched once, on demand (large areas).
 */
import type { FilterKey, FilterState } from '../../queries/filters.ts';

export interface VillageIndex {
  /** Street → its villages as [code, name], in display order. */
  byStreet: Map<string, [string, string][]>;
  streetOf: Map<string, string>;
  nameOf: Map<string, string>;
}

const selects = (form: HTMLFormElement) => [...form.querySelectorAll<HTMLSelectElement>('select')];

/** The filters this form offers, in form order. */
export function formKeys(form: HTMLFormElement): FilterKey[] {
  return selects(form).map((s) => s.name as FilterKey);
}

/** Shows `filters` in the form (values the form cannot show are left at 全部). */
export function writeForm(form: HTMLFormElement, filters: FilterState): void {
  for (const s of selects(form)) {
    const value = filters[s.name as FilterKey] ?? '';
    s.value = [...s.options].some((o) => o.value === value) ? value : '';
  }
}

/** Street names the form offers (the data's streets). */
export function streetOptions(form: HTMLFormElement): string[] {
  const s = form.querySelector<HTMLSelectElement>('select[name="street"]');
  return s ? [...s.options].map((o) => o.value).filter(Boolean) : [];
}

let villageIndex: Promise<VillageIndex> | undefined;

/** The village index (embedded, or fetched once); an empty one if it cannot be had. */
export function loadVillages(root: HTMLElement): Promise<VillageIndex> {
  villageIndex ??= readVillages(root).catch(() => toIndex([]));
  return villageIndex;
}

async function readVillages(root: HTMLElement): Promise<VillageIndex> {
  if (root.dataset.villages) {
    const data = JSON.parse(root.dataset.villages) as [string, [string, string][]][];
    return toIndex(
      data.flatMap(([street, vs]) => vs.map(([code, name]) => ({ street, code, name }))),
    );
  }
  const src = root.dataset.villagesUrl;
  if (!src) return toIndex([]);
  const res = await fetch(src);
  if (!res.ok) throw new Error(`${src}: ${res.status}`);
  const entries = (await res.json()) as (VillageEntry & Record<string, unknown>)[];
  // A page that offers only some villages (TopicSpec.villagesWith): those with the flag set.
  const flag = root.dataset.villagesWith;
  return toIndex(flag ? entries.filter((e) => Boolean(e[flag])) : entries);
}

interface VillageEntry {
  street: string;
  code: string;
  name: string;
}

function toIndex(entries: readonly VillageEntry[]): VillageIndex {
  const byStreet = new Map<string, [string, string][]>();
  const streetOf = new Map<string, string>();
  const nameOf = new Map<string, string>();
  for (const e of entries) {
    const list = byStreet.get(e.street) ?? [];
    list.push([e.code, e.name]);
    byStreet.set(e.street, list);
    streetOf.set(e.code, e.street);
    nameOf.set(e.code, e.name);
  }
  return { byStreet, streetOf, nameOf };
}

/**
 * Fills the village <select> with the chosen street's villages (disabled, with
 * a hint, until a street is chosen) and selects `village` when it is one of them.
 */
export function fillVillages(
  form: HTMLFormElement,
  index: VillageIndex,
  street: string | undefined,
  village: string | undefined,
): void {
  const select = form.querySelector<HTMLSelectElement>('select[name="village"]');
  if (!select) return;
  const list = street ? (index.byStreet.get(street) ?? []) : [];
  const all = new Option(street ? '全部' : '全部（先选街道）', '');
  select.replaceChildren(all, ...list.map(([code, name]) => new Option(name, code)));
  select.disabled = !street;
  select.value = village && list.some(([code]) => code === village) ? village : '';
}
