/**
 * Browser island of a topic page: filters → named queries → re-render → swap.
 *
 * The prerendered page is complete; this only adds to it. The query engine
 * (DuckDB-WASM, megabytes) is not loaded on first view: it starts when the
 * visitor first touches a filter, clicks a chart mark, sorts or searches the
 * list — or when the address already carries a filter. Then every figure,
 * key figure and table is recomputed with the page's own named queries and
 * the same pure renderers the build used (src/views/<page>/<page>View.ts), and swapped in.
 *
 * The address is the state (src/views/shared/urlState.ts): each change is a history
 * entry, Back undoes it, a reload or a shared link shows the same view. If the
 * engine cannot run, the status line says so and the prerendered page stays.
 */
import type { Engine } from '../../engine/engine.ts';
import type { FilterKey } from '../../queries/filters.ts';
import { chartDataCsv } from '../../render/charts/chartDataCsv.ts';
import { isEngineError } from '../../engine/browser/errors.ts';
import {
  describeFilters,
  hasTopicState,
  parseFilterState,
  parseListState,
  parseTopicUrl,
  topicSearch,
  withFilter,
  type TopicUrlState,
} from '../../views/shared/urlState.ts';
import { runQuerySet, type TopicSpec } from '../../views/shared/topicSpec.ts';
import type { AnyTopicView } from '../../views/shared/topicView.ts';
import { clearEngineStatus, renderEngineError, renderEngineProgress } from '../engineStatus.ts';
import {
  fillVillages,
  formKeys,
  loadVillages,
  streetOptions,
  writeForm,
  type VillageIndex,
} from './filtersForm.ts';
import { applyView, setBusy, setTargetError, viewTargets } from './topicPageSwap.ts';
import { enhanceTables, saveText } from './topicPageTables.ts';

/** Dispatched on the document each time a new view is in the page (tests and bench wait for it). */
export const TOPIC_UPDATE_EVENT = 'topicupdate';
/** Shown on each figure when a query failed but the engine still runs. */
const FIGURE_NOT_UPDATED = '未能按筛选更新，仍显示之前的结果。';
const NO_VILLAGES: VillageIndex = { byStreet: new Map(), streetOf: new Map(), nameOf: new Map() };

interface Session<C> {
  engine: Engine;
  spec: TopicSpec<C, AnyTopicView>;
}

/** Wires the page's filter form; `load` imports the page's view module (charts and all) on demand. */
export function initTopicPage<C>(load: () => Promise<TopicSpec<C, AnyTopicView>>): void {
  const root = document.querySelector<HTMLElement>('[data-topic-filters]');
  const form = root?.querySelector('form');
  const status = root?.querySelector<HTMLElement>('[data-engine-status]');
  if (!root || !form || !status) return;

  const keys = formKeys(form);
  const sortKeys = (root.dataset.sortKeys ?? '').split(',').filter(Boolean);
  const ctx = JSON.parse(root.dataset.context ?? 'null') as C;
  const streets = new Set(streetOptions(form));
  const summary = root.querySelector<HTMLElement>('[data-filter-summary]');
  const count = root.querySelector<HTMLElement>('[data-filter-count]');
  const hasVillage = keys.includes('village');
  form.querySelector<HTMLElement>('[data-filter-submit]')?.setAttribute('hidden', '');

  let state = fromUrl();
  let session: Promise<Session<C>> | undefined;
  let ready = false;
  let seq = 0;
  let changes = 0;

  function fromUrl(): TopicUrlState {
    const s = parseTopicUrl(location.search, keys, sortKeys);
    if (s.filters.street && !streets.has(s.filters.street)) delete s.filters.street;
    return s;
  }

  /** The list's search box and order menu show the list state (after Back, too). */
  function syncListTools(): void {
    const q = document.querySelector<HTMLInputElement>('form[data-list-search] input[name="q"]');
    if (q) q.value = state.list.q ?? '';
    const order = document.querySelector<HTMLSelectElement>('select[data-list-sort]');
    if (order)
      order.value = state.list.sort
        ? `${state.list.dir === 'desc' ? '-' : ''}${state.list.sort}`
        : '';
  }

  const villages = () => (hasVillage ? loadVillages(root) : Promise.resolve(NO_VILLAGES));

  /** Shows `state.filters` in the form; checks a village against the index (and sets its street). */
  async function syncForm(): Promise<void> {
    writeForm(form as HTMLFormElement, state.filters);
    syncListTools();
    if (!hasVillage) return showCount();
    const { street, village } = state.filters;
    const index = street || village ? await villages() : NO_VILLAGES;
    if (village) {
      const of = index.streetOf.get(village);
      if (of) state.filters.street = of;
      else delete state.filters.village;
    }
    fillVillages(form as HTMLFormElement, index, state.filters.street, state.filters.village);
    writeForm(form as HTMLFormElement, state.filters);
    showCount();
  }

  /** The folded form's line on a phone, 筛选 · 已选 N 项: N filters in the address (as the form shows them). */
  function showCount(): void {
    if (count) count.textContent = String(keys.filter((k) => state.filters[k]).length);
  }

  function engineSession(): Promise<Session<C>> {
    session ??= (async () => {
      const t0 = performance.now();
      if (!ready) renderEngineProgress(status as HTMLElement, 0, null);
      const { getBrowserEngine } = await import('../../engine/browser/browserEngine.ts');
      const [engine, spec] = await Promise.all([
        getBrowserEngine({
          dbUrl: root?.dataset.dbUrl ?? '',
          onProgress: (loaded, total) => {
            if (!ready) renderEngineProgress(status as HTMLElement, loaded, total);
          },
        }),
        load(),
      ]);
      // Loaded on a touch with no query yet: the progress bar goes, not the page.
      if (!ready) clearEngineStatus(status as HTMLElement);
      ready = true;
      performance.measure('engine:start', { start: t0 });
      return { engine, spec };
    })();
    session.catch((err: unknown) => {
      session = undefined;
      renderEngineError(status as HTMLElement, err);
    });
    return session;
  }

  async function updateSummary(shown: TopicUrlState): Promise<void> {
    if (!summary) return;
    const index = shown.filters.village ? await villages() : NO_VILLAGES;
    summary.textContent = describeFilters(shown.filters, keys, (k, v) =>
      k === 'village' ? (index.nameOf.get(v) ?? v) : v,
    );
  }

  async function show(next: TopicUrlState): Promise<void> {
    const my = ++seq;
    const t0 = performance.now();
    setBusy(viewTargets(document), true);
    try {
      const { engine, spec } = await engineSession();
      const t1 = performance.now();
      const results = await runQuerySet(engine, spec.queries(next.filters, ctx, next.list));
      if (my !== seq) return;
      // For the browser's performance panel and `npm run bench`: the queries, and all of it.
      performance.measure('topic:queries', { start: t1 });
      applyView(document, spec.render(results, ctx, next.filters, next.list));
      enhanceTables(document, sortList);
      performance.measure('topic:update', { start: t0 });
      document.dispatchEvent(new Event(TOPIC_UPDATE_EVENT));
      clearEngineStatus(status as HTMLElement);
      setTargetError(viewTargets(document), null);
      await updateSummary(next);
    } catch (err) {
      if (my !== seq) return;
      renderEngineError(status as HTMLElement, err);
      // The engine runs but this state failed: say so on each figure, which keeps its last result.
      const partial = ready && isEngineError(err) && err.kind !== 'unavailable';
      setTargetError(viewTargets(document), partial ? FIGURE_NOT_UPDATED : null);
      if (!ready) console.warn('query engine unavailable', err);
    } finally {
      if (my === seq) setBusy(viewTargets(document), false);
    }
  }

  /** Makes `next` the state: a new history entry (unless restoring one), the form, the figures. */
  function go(next: TopicUrlState, push = true): void {
    state = next;
    const search = topicSearch(next, keys);
    if (push && search !== location.search) history.pushState(null, '', location.pathname + search);
    // The latest change wins, even if an earlier one still waits for the village list.
    const token = ++changes;
    void syncForm().then(() => (token === changes ? show(next) : undefined));
  }

  const firstPage = (s: TopicUrlState): TopicUrlState => ({
    filters: s.filters,
    list: { ...s.list, page: undefined },
  });

  function sortList(key: string): void {
    const dir = state.list.sort === key && state.list.dir === 'asc' ? 'desc' : 'asc';
    go({ filters: state.filters, list: { ...state.list, sort: key, dir, page: undefined } });
  }

  // Touching a filter starts the engine (and the village list) while the visitor chooses.
  form.addEventListener('focusin', () => {
    void engineSession().catch(() => {});
    if (hasVillage) void villages();
  });

  form.addEventListener('change', async (event) => {
    const select = event.target as HTMLSelectElement;
    if (select.tagName !== 'SELECT') return;
    const key = select.name as FilterKey;
    const index = await villages();
    const filters = withFilter(state.filters, key, select.value, (code) =>
      index.streetOf.get(code),
    );
    go(firstPage({ filters, list: state.list }));
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const search = new URLSearchParams(
      [...data].filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    go(firstPage({ filters: parseFilterState(search, keys), list: state.list }));
  });

  root.querySelector('[data-filter-reset]')?.addEventListener('click', (event) => {
    event.preventDefault();
    go({ filters: {}, list: {} });
  });

  document.addEventListener('click', (event) => {
    const e = event as MouseEvent;
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
      return;
    const target = e.target as Element;
    // A bar, segment or cell of a chart: filter by it (click again to clear).
    const mark = target.closest<SVGElement>('figure .chart-svg [data-filter-key]');
    const key = mark?.dataset.filterKey as FilterKey | undefined;
    const value = mark?.dataset.filterValue;
    if (mark && key && value && keys.includes(key)) {
      if (parseFilterState(new URLSearchParams([[key, value]]), [key])[key] !== value) return;
      e.preventDefault();
      void villages().then((index) => {
        const next = state.filters[key] === value ? '' : value;
        const filters = withFilter(state.filters, key, next, (code) => index.streetOf.get(code));
        go(firstPage({ filters, list: state.list }));
      });
      return;
    }
    // A link to this page with another filter (definitions, pagination): apply it in place.
    const a = target.closest('a');
    const href = a?.getAttribute('href');
    if (!a || !href || a.target || a.hasAttribute('download')) return;
    const to = new URL(href, location.href);
    if (to.origin !== location.origin || to.pathname !== location.pathname || !to.search) return;
    e.preventDefault();
    go(parseTopicUrl(to.search, keys, sortKeys));
  });

  window.addEventListener('popstate', () => {
    state = fromUrl();
    void syncForm().then(() => (session || hasTopicState(state) ? show(state) : undefined));
  });

  // The long list's search box and full download (hidden without JavaScript).
  for (const tools of document.querySelectorAll<HTMLElement>('[data-list-tools]'))
    tools.hidden = false;
  const search = document.querySelector<HTMLFormElement>('form[data-list-search]');
  if (search) {
    const input = search.querySelector<HTMLInputElement>('input[name="q"]');
    search.addEventListener('submit', (event) => {
      event.preventDefault();
      const q = input?.value.trim() || undefined;
      go({ filters: state.filters, list: { ...state.list, q, page: undefined } });
    });
  }
  const sortSelect = document.querySelector<HTMLSelectElement>('select[data-list-sort]');
  sortSelect?.addEventListener('change', () => {
    const { sort, dir } = parseListState(`?sort=${encodeURIComponent(sortSelect.value)}`, sortKeys);
    go({ filters: state.filters, list: { ...state.list, sort, dir, page: undefined } });
  });
  document.querySelector('[data-list-csv]')?.addEventListener('click', async () => {
    try {
      const { engine, spec } = await engineSession();
      if (!spec.listCsv) return;
      const csv = spec.listCsv(state.filters, ctx, state.list);
      saveText(chartDataCsv(await engine.query(csv.query), csv.columns), csv.filename);
    } catch (err) {
      renderEngineError(status, err);
    }
  });

  enhanceTables(document, sortList);
  // A village in the address is checked against the village list before anything is queried.
  void syncForm().then(() => (hasTopicState(state) ? show(state) : undefined));
}
