/**
 * Browser island of /villages/: filters villages as you type — Chinese
 * characters, pinyin initials (`hjc` → 黄家村), full pinyin, or the code.
 * The index is embedded in the page (small regions) or fetched once from
 * /villages/search-index.json on first use (province scale). Without
 * JavaScript the box stays hidden and the plain list is the page.
 */
import { formatNumber } from '../render/format.ts';
import { villageHref } from '../render/nav.ts';
import { searchVillages } from '../views/places/searchVillages.ts';
import type { VillageSearchEntry } from '../views/places/villageSearchIndex.ts';

const SHOWN = 50;

function resultItem(v: VillageSearchEntry): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'flex flex-wrap items-center gap-x-2';
  const a = document.createElement('a');
  a.href = villageHref(v.code);
  a.className = 'tap font-semibold';
  a.textContent = v.name;
  const meta = document.createElement('span');
  meta.className = 'text-sm text-muted';
  meta.textContent = `${v.street} · ${formatNumber(v.households)} 户${v.shuangdao ? ` · “双到”第${v.shuangdao}轮` : ''}`;
  li.append(a, meta);
  return li;
}

/** Wires the search box inside `root` (`[data-village-search]`). */
export function enhanceVillageSearch(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>('input[type="search"]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const results = root.querySelector<HTMLUListElement>('[data-search-results]');
  const list = document.getElementById(root.dataset.list ?? '');
  if (!input || !status || !results) return;

  let index: Promise<VillageSearchEntry[]> | undefined;
  const loadIndex = (): Promise<VillageSearchEntry[]> => {
    const embedded = document.getElementById('village-search-index');
    index ??= embedded
      ? Promise.resolve(JSON.parse(embedded.textContent ?? '[]') as VillageSearchEntry[])
      : fetch(root.dataset.indexUrl ?? '').then((r) => {
          if (!r.ok) throw new Error(`HTTP ${r.status}`);
          return r.json() as Promise<VillageSearchEntry[]>;
        });
    return index;
  };

  let seq = 0;
  const update = async () => {
    const query = input.value;
    const mine = ++seq;
    if (query.trim() === '') {
      results.replaceChildren();
      status.textContent = '';
      if (list) list.hidden = false;
      return;
    }
    if (!index) status.textContent = '正在载入村名索引…';
    let entries: VillageSearchEntry[];
    try {
      entries = await loadIndex();
    } catch {
      index = undefined;
      status.textContent = '搜索暂时不可用，请在下面按街道查找。';
      return;
    }
    if (mine !== seq) return; // a newer keystroke won
    const { total, matches } = searchVillages(entries, query, SHOWN);
    results.replaceChildren(...matches.map(resultItem));
    if (list) list.hidden = true;
    status.textContent =
      total === 0
        ? `没有找到“${query.trim()}”。可输入村名中的字、拼音首字母（如 hjc）或全拼。`
        : `找到 ${formatNumber(total)} 个村（居）${total > SHOWN ? `，显示前 ${SHOWN} 个` : ''}。`;
  };

  input.addEventListener('input', () => void update());
  input.addEventListener('focus', () => void loadIndex().catch(() => undefined), { once: true });
  // Enter opens the best match.
  input.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    const first = results.querySelector('a');
    if (first) {
      e.preventDefault();
      first.click();
    }
  });
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) input.value = initial;
  root.hidden = false;
  if (input.value) void update();
}

for (const root of document.querySelectorAll<HTMLElement>('[data-village-search]'))
  enhanceVillageSearch(root);
