/**
 * Browser island of a topic page: filters → named queries' results → re-render → swap.
 *
 * The prerendered page is complete; this only adds to it. A single filter
 * (one street, one village, one value) is answered from the page's pre-built
 * answers (topicAnswers.ts: small static files, the page's prefetch list
 * fetched after first paint), rendered by the same pure view the build used
 * (src/views/<page>/<page>View.ts) — no query engine. Everything else (two
 * filters at once, search, order, later pages of the list, the list's CSV)
 * needs the query engine (DuckDB-WASM, megabytes), which is not loaded on
 * first view: the first tap starts it in the background (unless the visitor
 * saves data or is on 2G), so a combined filter is usually ready; while it
 * loads, the page keeps its last view, shows the progress and says what waits.
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
import { answerRef, STREETS_FILE } from '../../views/shared/answers.ts';
import { runQuerySet, type QueryResults, type TopicSpec } from '../../views/shared/topicSpec.ts';
import type { AnyTopicView } from '../../views/shared/topicView.ts';
import { newerPublication } from '../../engine/browser/publicationCheck.ts';
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
import { saveText } from '../saveFile.ts';
import { enhanceTables } from './topicPageTables.ts';
import { afterFirstPaint } from '../afterFirstPaint.ts';
import { constrainedNetwork, pageAnswers } from './topicAnswers.ts';

/**
 * Dispatched on the document each time a new view is in the page (tests and
 * bench wait for it); `detail.source` says where its results came from.
 */
export const TOPIC_UPDATE_EVENT = 'topicupdate';
export type TopicUpdateDetail = { source: 'answers' | 'engine' };
/** Offered when the site was republished since the page opened. */
export const PUBLICATION_UPDATED = '数据已更新，刷新查看（筛选会保留）。';
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
  const dbUrl = root.dataset.dbUrl ?? '';
  const update = root.querySelector<HTMLElement>('[data-publication-update]');
  let checkedPublication = false;
  /**
   * Republished since the page opened? Asked once, when the page's answers are
   * gone or it first needs the engine (its own database file still answers: the
   * build keeps the last ones). The refresh keeps the filters: they are in the address.
   */
  function checkPublication(): void {
    if (checkedPublication || !update) return;
    checkedPublication = true;
    void newerPublication(dbUrl).then((newer) => {
      if (!newer) return;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'tap rounded border border-line px-3 text-sm font-semibold';
      button.textContent = '刷新';
      button.addEventListener('click', () => location.reload());
      update.replaceChildren(PUBLICATION_UPDATED, ' ', button);
      update.hidden = false;
    });
  }
  const answers = root.dataset.answersUrl
    ? pageAnswers(root.dataset.answersUrl, { onGone: checkPublication })
    : undefined;

  let state = fromUrl();
  /** The state whose view is on the page (the prerendered page: no filter). */
  let shown: TopicUrlState = { filters: {}, list: {} };
  let session: Promise<Session<C>> | undefined;
  let ready = false;
  /** What waits for the engine (shown with its progress), while it loads. */
  let waiting: string | undefined;
  let seq = 0;
  let changes = 0;
  let viewModule: Promise<TopicSpec<C, AnyTopicView>> | undefined;
  /** The page's view module (charts and all), imported once: the answers render with it too. */
  const spec = () => (viewModule ??= load());

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
      const progress = (loaded: number, total: number | null) => {
        if (!ready && waiting) renderEngineProgress(status as HTMLElement, loaded, total, waiting);
      };
      progress(0, null);
      const { getBrowserEngine } = await import('../../engine/browser/browserEngine.ts');
      const [engine, loaded] = await Promise.all([
        getBrowserEngine({ dbUrl, onProgress: progress }),
        spec(),
      ]);
      ready = true;
      performance.measure('engine:start', { start: t0 });
      return { engine, spec: loaded };
    })();
    // A failed start is shown by the query that waits for it; the next one starts again.
    session.catch(() => (session = undefined));
    return session;
  }

  /** Starts the engine without waiting for it (a first tap), unless the visitor saves data. */
  function warmEngine(): void {
    if (!session && !constrainedNetwork()) void engineSession().catch(() => {});
  }

  /** What a state that needs the engine is, in words: its filters, or the list's settings. */
  async function waitingFor(next: TopicUrlState): Promise<string> {
    const index = next.filters.village ? await villages() : NO_VILLAGES;
    const filters = describeFilters(next.filters, keys, (k, v) =>
      k === 'village' ? (index.nameOf.get(v) ?? v) : v,
    );
    const list = hasTopicState({ filters: {}, list: next.list }) ? '列表的搜索、排序或翻页' : '';
    return [filters, list].filter(Boolean).join('，') || '当前设置';
  }

  /** The results of `next`: pre-built when it is a single filter, else from the engine. */
  async function resultsOf(
    next: TopicUrlState,
  ): Promise<{ results: QueryResults; source: TopicUpdateDetail['source'] }> {
    const ref = answers && answerRef(next, keys);
    if (ref) {
      const t1 = performance.now();
      const [results] = await Promise.all([answers.get(ref), spec()]);
      if (results) {
        performance.measure('topic:answer', { start: t1 });
        warmEngine();
        return { results, source: 'answers' };
      }
    }
    checkPublication();
    if (!ready) {
      waiting = await waitingFor(next);
      renderEngineProgress(status as HTMLElement, 0, null, waiting);
    }
    const { engine, spec: loaded } = await engineSession();
    const t1 = performance.now();
    const results = await runQuerySet(engine, loaded.queries(next.filters, ctx, next.list));
    performance.measure('topic:queries', { start: t1 });
    return { results, source: 'engine' };
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
      const { results, source } = await resultsOf(next);
      if (my !== seq) return;
      const render = (await spec()).render;
      const t1 = performance.now();
      const view = render(results, ctx, next.filters, next.list);
      const t2 = performance.now();
      applyView(document, view);
      enhanceTables(document, sortList);
      // The view built (charts' SVG strings), then put in the page.
      performance.measure('topic:render', { start: t1, end: t2 });
      performance.measure('topic:swap', { start: t2 });
      // For the browser's performance panel and `npm run bench`: all of it, tap to view.
      performance.measure('topic:update', { start: t0 });
      shown = next;
      root?.setAttribute('data-view-source', source);
      document.dispatchEvent(
        new CustomEvent<TopicUpdateDetail>(TOPIC_UPDATE_EVENT, { detail: { source } }),
      );
      waiting = undefined;
      clearEngineStatus(status as HTMLElement);
      setTargetError(viewTargets(document), null);
      await updateSummary(next);
    } catch (err) {
      if (my !== seq) return;
      waiting = undefined;
      // Never a filter shown as applied over figures that are not: the form and the
      // address go back to what the page shows, and the message says what failed.
      const failed = await waitingFor(next);
      state = shown;
      history.replaceState(null, '', location.pathname + topicSearch(shown, keys));
      await syncForm();
      renderEngineError(status as HTMLElement, err, { failed, retry: () => go(next) });
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

  // Touching a filter loads the view module and the village list while the visitor chooses
  // (the engine waits for a tap: the answers' files should not queue behind its megabytes).
  form.addEventListener('focusin', () => {
    void spec().catch(() => {});
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

  // A history entry of this page's own: its state was shown before, show it again.
  window.addEventListener('popstate', () => {
    state = fromUrl();
    void syncForm().then(() => show(state));
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
  const listCsv = async (): Promise<void> => {
    try {
      if (!ready) {
        waiting = '完整列表的 CSV 下载';
        renderEngineProgress(status, 0, null, waiting);
      }
      const { engine, spec: loaded } = await engineSession();
      waiting = undefined;
      clearEngineStatus(status);
      if (!loaded.listCsv) return;
      const csv = loaded.listCsv(state.filters, ctx, state.list);
      saveText(chartDataCsv(await engine.query(csv.query), csv.columns), csv.filename);
    } catch (err) {
      waiting = undefined;
      renderEngineError(status, err, { retry: () => void listCsv() });
    }
  };
  document.querySelector('[data-list-csv]')?.addEventListener('click', () => void listCsv());

  enhanceTables(document, sortList);
  // A village in the address is checked against the village list before anything is queried.
  void syncForm().then(() => (hasTopicState(state) ? show(state) : undefined));
  // After first paint: the view module and the answers a first tap needs (unless saving
  // data); then, when idle, one render of the unfiltered view, thrown away: the first
  // tap then runs compiled code, not the view's code for the first time (on a slow
  // phone that halves it).
  afterFirstPaint(() => {
    if (constrainedNetwork()) return;
    const prefetch = (root.dataset.answersPrefetch ?? '').split(' ').filter(Boolean);
    answers?.prefetch(prefetch);
    const all = prefetch.includes(STREETS_FILE)
      ? answers?.get({ state: '', files: [STREETS_FILE] })
      : undefined;
    void Promise.all([spec(), all])
      .then(([loaded, results]) => {
        if (results) afterFirstPaint(() => void loaded.render(results, ctx, {}, {}));
      })
      .catch(() => {});
  });
}
