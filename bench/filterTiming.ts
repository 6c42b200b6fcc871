/**
 * Times one filter change on a topic page in the browser (src/client/topic/topicPage.ts).
 * The clocks run in the page (performance.now()), so Playwright's round trips
 * are not counted:
 *   - shown: from the `change` event to the first frame painted after the new
 *     view was swapped in (the page's `topic:update` measure, then a frame);
 *   - queries: the page's `topic:queries` measure, the named queries of this
 *     change from sending them to the last answer (the budgeted "query latency");
 *   - engine: the `engine:*` measures, when this change started the engine.
 * Bytes come from the server, which also sees the worker's requests.
 */
import type { Page } from '@playwright/test';
import type { StaticServer } from '../tools/serve/serve.ts';

export interface FilterTiming {
  value: string;
  /** Where the view's results came from: the pre-built answers or the engine. */
  source: 'answers' | 'engine';
  /** change → first frame painted with the new view */
  ms: number;
  /** the change's queries, sent → all answered */
  queriesMs: number;
  /** engine start (download, compile, open, attach) when this change started it, by stage */
  engine?: { start: number; instantiate: number; open: number; attach: number };
  bytes: number;
  requests: number;
}

/**
 * The filter the benchmark drives (the street select) and `n` of its values
 * spread evenly over the list: neighbouring streets share the database blocks
 * already fetched, so they would hide the cost of reading new ranges.
 */
export async function filterValues(
  page: Page,
  n: number,
): Promise<{ name: string; values: string[] }> {
  const { name, all } = await page.evaluate(() => {
    const selects = [
      ...document.querySelectorAll<HTMLSelectElement>('[data-topic-filters] select'),
    ];
    const select =
      selects.find((s) => s.name === 'street') ?? selects.find((s) => s.options.length > 2);
    if (!select) throw new Error('no filter select on this page');
    return { name: select.name, all: [...select.options].map((o) => o.value).filter(Boolean) };
  });
  return { name, values: spread(all, n) };
}

/** `n` items of `xs` at even steps, first and last included. */
export function spread<T>(xs: readonly T[], n: number): T[] {
  if (xs.length <= n) return [...xs];
  if (n <= 1) return xs.slice(0, n);
  return Array.from({ length: n }, (_, i) => xs[Math.round((i * (xs.length - 1)) / (n - 1))] as T);
}

type PageResult = Omit<FilterTiming, 'value' | 'bytes' | 'requests'> | { error: string };

export async function timeFilter(
  page: Page,
  server: StaticServer,
  name: string,
  value: string,
): Promise<FilterTiming> {
  // Armed before the change: resolves once this change's view is swapped in and painted.
  await page.evaluate(() => {
    const w = window as unknown as { benchResult?: PageResult };
    delete w.benchResult;
    const last = (n: string) => performance.getEntriesByName(n, 'measure').at(-1);
    const starts = performance.getEntriesByName('engine:start', 'measure').length;
    let t0 = 0;
    document.addEventListener('change', () => (t0 = performance.now()), {
      capture: true,
      once: true,
    });
    document.addEventListener(
      'topicupdate', // TOPIC_UPDATE_EVENT of src/client/topic/topicPage.ts, sent right after the swap
      (event) => {
        const source = (event as CustomEvent<{ source: 'answers' | 'engine' }>).detail.source;
        // A start measured since this change was armed (it may begin on focus, just before the change).
        const started =
          performance.getEntriesByName('engine:start', 'measure').length > starts
            ? last('engine:start')
            : undefined;
        const engine = started
          ? {
              start: started.duration,
              instantiate: last('engine:instantiate')?.duration ?? 0,
              open: last('engine:open')?.duration ?? 0,
              attach: last('engine:attach')?.duration ?? 0,
            }
          : undefined;
        const queriesMs = source === 'engine' ? (last('topic:queries')?.duration ?? 0) : 0;
        // The frame that shows the new view: once it is produced, tasks run again.
        requestAnimationFrame(() =>
          setTimeout(
            () => (w.benchResult = { ms: performance.now() - t0, queriesMs, engine, source }),
            0,
          ),
        );
      },
      { once: true },
    );
  });
  server.reset();
  await page.locator(`[data-topic-filters] select[name="${name}"]`).selectOption(value);
  const handle = await page.waitForFunction(
    () => {
      const status = document.querySelector<HTMLElement>(
        '[data-topic-filters] [data-engine-status]',
      );
      if (status?.dataset.engineState === 'error')
        return { error: status.textContent ?? 'engine error' };
      return (window as unknown as { benchResult?: PageResult }).benchResult ?? false;
    },
    undefined,
    { timeout: 120_000, polling: 20 },
  );
  const result = (await handle.jsonValue()) as PageResult;
  if ('error' in result)
    throw new Error(`filter ${name}=${value} on ${page.url()}: ${result.error}`);
  if (new URL(page.url()).searchParams.get(name) !== value)
    throw new Error(`filter ${name}=${value}: the address does not carry it`);
  return { value, ...result, bytes: server.bytes(), requests: server.log.length };
}
