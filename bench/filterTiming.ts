/**
 * Times one filter change on a topic page in the browser (src/scripts/topicPage.ts):
 * from the `change` event to the moment the address carries the filter, the
 * engine status says ready and no figure is busy any more. The clock runs in
 * the page (performance.now()), so Playwright's round trips are not counted.
 * Bytes come from the server, which also sees the worker's requests.
 */
import type { Page } from '@playwright/test';
import type { StaticServer } from './serve.ts';

export interface FilterTiming {
  value: string;
  ms: number;
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

export async function timeFilter(
  page: Page,
  server: StaticServer,
  name: string,
  value: string,
): Promise<FilterTiming> {
  await page.evaluate(() => {
    const w = window as unknown as { benchT0?: number };
    delete w.benchT0;
    document.addEventListener('change', () => (w.benchT0 = performance.now()), {
      capture: true,
      once: true,
    });
  });
  server.reset();
  await page.locator(`[data-topic-filters] select[name="${name}"]`).selectOption(value);
  const handle = await page.waitForFunction(
    ([key, want]) => {
      const status = document.querySelector<HTMLElement>(
        '[data-topic-filters] [data-engine-status]',
      );
      if (status?.dataset.engineState === 'error') return `error: ${status.textContent ?? ''}`;
      const t0 = (window as unknown as { benchT0?: number }).benchT0;
      const done =
        t0 !== undefined &&
        new URLSearchParams(location.search).get(key as string) === want &&
        status?.dataset.engineState === 'ready' &&
        !document.querySelector('main [aria-busy="true"]');
      return done ? performance.now() - t0 : false;
    },
    [name, value],
    { timeout: 120_000, polling: 10 },
  );
  const result = (await handle.jsonValue()) as number | string;
  if (typeof result === 'string')
    throw new Error(`filter ${name}=${value} on ${page.url()}: ${result}`);
  return { value, ms: result, bytes: server.bytes(), requests: server.log.length };
}
