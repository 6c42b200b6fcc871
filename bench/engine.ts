/**
 * Benchmark section `engine`: DuckDB-WASM in the browser (src/engine/browser/browserEngine.ts), as
 * the topic pages use it (src/client/topic/topicPage.ts: the engine starts on the
 * first filter change, never on first view). In one fresh browser context per
 * run, each topic page with filters is opened in turn and its street filter set
 * to four streets spread over its list (filterTiming.ts):
 *   - the first change on the first page is a cold start (empty HTTP cache):
 *     engine download, compile, attach, first queries;
 *   - the first change on each later page is a warm start (wasm from the HTTP
 *     cache, a new worker and attach, since every page load starts afresh);
 *   - the other changes (the other streets, then all of them again) are plain
 *     filter changes: query latency, time until shown, and bytes fetched for a
 *     street not visited before (Range reads, counted at the server).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from './firstview.ts';
import { filterValues, timeFilter, type FilterTiming } from './filterTiming.ts';
import { fmt, median, type Section } from './lib.ts';
import type { Scale } from './scales.ts';
import { serveStatic, type StaticServer } from '../tools/serve/serve.ts';
import { ensureSite } from './sites.ts';

/** URL paths of the pages with a topic filter form, /rectification/ first (the page the other sections use). */
export function filterPages(site: string): string[] {
  return readdirSync(site, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('index.html'))
    .filter((f) => readFileSync(path.join(site, f), 'utf8').includes('data-topic-filters'))
    .map((f) => `/${f.split(path.sep).join('/')}`.replace(/index\.html$/, ''))
    .sort(
      (a, b) =>
        Number(b === '/rectification/') - Number(a === '/rectification/') || a.localeCompare(b),
    );
}

interface PageRuns {
  start: FilterTiming[];
  /** The other streets, then all of them again (`FILTER_PASSES` times): plain filter changes. */
  filters: FilterTiming[];
  /** Bytes of the first visit of each of those streets (a revisit reads cached blocks). */
  firstVisitBytes: number[];
  /** One village of the last street chosen (issue budget: a village-level query ≤ 1 MB). */
  village: FilterTiming[];
}

/** How often each run goes through the page's streets after the first change. */
const FILTER_PASSES = 2;

/** A village option of the page's village filter (populated for the chosen street), if any. */
async function villageValue(page: import('playwright-core').Page): Promise<string | undefined> {
  const values = await page
    .locator('[data-topic-filters] select[name="village"] option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  return values[Math.floor(values.length / 2)];
}

/**
 * This section measures the engine path: the topic pages' pre-built answers
 * (which answer a single filter without the engine: section `firsttap`) are
 * made unavailable, as for a page opened before a republish removed them.
 */
export async function withoutAnswers(context: import('playwright-core').BrowserContext) {
  await context.route(/\/data\/answers\//, (route) => route.fulfill({ status: 404, body: '' }));
}

/** A phone's 4G as Chrome DevTools throttles it: the cold start most visitors have. */
export const MOBILE_NETWORK = { downMbps: 9, upMbps: 1.5, rttMs: 85 } as const;

/**
 * Cold engine starts (fresh context, empty cache) on `urlPath` over an emulated
 * mobile network (CDP throttling also applies to the engine's worker). The
 * page loads unthrottled; the clock is the page's own `engine:start` measure.
 */
async function coldOnMobileNetwork(
  browser: import('playwright-core').Browser,
  server: StaticServer,
  urlPath: string,
  repeats: number,
): Promise<FilterTiming[]> {
  const out: FilterTiming[] = [];
  for (let i = 0; i < repeats; i++) {
    const context = await browser.newContext();
    await withoutAnswers(context);
    try {
      const page = await context.newPage();
      await page.goto(server.url + urlPath);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: MOBILE_NETWORK.rttMs,
        downloadThroughput: (MOBILE_NETWORK.downMbps * 1e6) / 8,
        uploadThroughput: (MOBILE_NETWORK.upMbps * 1e6) / 8,
      });
      const { name, values } = await filterValues(page, 1);
      if (!values[0]) throw new Error(`${urlPath}: the ${name} filter has no values`);
      out.push(await timeFilter(page, server, name, values[0]));
    } finally {
      await context.close();
    }
  }
  return out;
}

export async function benchEngine(scales: Scale[], repeats: number): Promise<Section> {
  const rows: Section['rows'] = [];
  const json: Record<string, unknown> = {};
  const failures: string[] = [];
  const notes: string[] = [];
  for (const scale of scales) {
    const site = ensureSite(scale);
    const pages = filterPages(site);
    if (!pages.length) {
      rows.push([scale.name, '— (no page uses the engine)', '', '', '', '', '']);
      continue;
    }
    const server = await serveStatic(site);
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    let mobile: FilterTiming[] | undefined;
    const runs = new Map<string, PageRuns>(
      pages.map((p) => [p, { start: [], filters: [], firstVisitBytes: [], village: [] }]),
    );
    try {
      for (let i = 0; i < repeats; i++) {
        console.error(`engine ${scale.name}: run ${i + 1}/${repeats}`);
        const context = await browser.newContext();
        await withoutAnswers(context);
        const page = await context.newPage();
        page.on('pageerror', (err) =>
          failures.push(`engine ${scale.name} ${page.url()}: ${err.message}`),
        );
        for (const urlPath of pages) {
          await page.goto(server.url + urlPath);
          const { name, values } = await filterValues(page, 4);
          const [first, ...rest] = values;
          if (!first) throw new Error(`${urlPath}: the ${name} filter has no values`);
          const r = runs.get(urlPath) as PageRuns;
          r.start.push(await timeFilter(page, server, name, first));
          const visited = new Set([first]);
          for (let pass = 0; pass < FILTER_PASSES; pass++)
            for (const v of pass === 0 ? rest : [first, ...rest]) {
              const t = await timeFilter(page, server, name, v);
              r.filters.push(t);
              if (!visited.has(v)) r.firstVisitBytes.push(t.bytes);
              visited.add(v);
            }
          const village = await villageValue(page);
          if (village) r.village.push(await timeFilter(page, server, 'village', village));
        }
        await context.close();
      }
      if (scale === scales[0]) {
        console.error(`engine ${scale.name}: cold starts on an emulated mobile network`);
        mobile = await coldOnMobileNetwork(browser, server, pages[0] as string, repeats);
      }
    } finally {
      await browser.close();
      await server.close();
    }
    const stages: Record<'instantiate' | 'open' | 'attach', number[]> = {
      instantiate: [],
      open: [],
      attach: [],
    };
    for (const [urlPath, r] of runs) {
      const cold = urlPath === pages[0];
      json[`${scale.name}${urlPath}`] = { kind: cold ? 'cold' : 'warm', ...r };
      const ms = (xs: FilterTiming[], k: 'ms' | 'queriesMs') =>
        Math.round(median(xs.map((x) => x[k])));
      const engineStart = median(r.start.map((x) => x.engine?.start ?? NaN));
      if (!cold)
        for (const x of r.start)
          for (const k of Object.keys(stages) as (keyof typeof stages)[])
            stages[k].push(x.engine?.[k] ?? NaN);
      const none = r.filters.length === 0;
      rows.push([
        scale.name,
        urlPath,
        cold ? 'cold' : 'warm',
        fmt(engineStart / 1000, 2),
        fmt(median(r.start.map((x) => x.ms)) / 1000, 2),
        fmt(median(r.start.map((x) => x.bytes)) / 1e6, 2),
        none ? '—' : ms(r.filters, 'queriesMs'),
        none ? '—' : ms(r.filters, 'ms'),
        r.firstVisitBytes.length ? fmt(median(r.firstVisitBytes) / 1024, 0) : '—',
        r.village.length ? ms(r.village, 'queriesMs') : '—',
        r.village.length ? ms(r.village, 'ms') : '—',
        r.village.length ? fmt(median(r.village.map((x) => x.bytes)) / 1024, 0) : '—',
      ]);
      // The issue's budgets: warm start ≤ 1 s; a filter change's query latency ≤ 50 ms
      // (sample) / ≤ 300 ms (province) median; a village-level query fetches ≤ 1 MB.
      if (!cold && engineStart > 1000)
        failures.push(
          `engine ${scale.name} ${urlPath}: warm start ${fmt(engineStart / 1000, 2)} s > 1 s`,
        );
      const budget = scale.name === 'sample' ? 50 : 300;
      const next = none ? 0 : median(r.filters.map((x) => x.queriesMs));
      if (next > budget)
        failures.push(
          `engine ${scale.name} ${urlPath}: filter change queries ${Math.round(next)} ms > ${budget} ms`,
        );
      if (r.village.length && median(r.village.map((x) => x.bytes)) > 2 ** 20)
        failures.push(`engine ${scale.name} ${urlPath}: village filter fetched more than 1 MB`);
    }
    if (mobile) {
      json[`${scale.name}${pages[0]}:mobile`] = { kind: 'cold, mobile network', start: mobile };
      rows.push([
        scale.name,
        pages[0] as string,
        `cold, ${MOBILE_NETWORK.downMbps} Mbit/s ${MOBILE_NETWORK.rttMs} ms`,
        fmt(median(mobile.map((x) => x.engine?.start ?? NaN)) / 1000, 2),
        fmt(median(mobile.map((x) => x.ms)) / 1000, 2),
        fmt(median(mobile.map((x) => x.bytes)) / 1e6, 2),
        ...Array<string>(6).fill('—'),
      ]);
    }
    if (stages.instantiate.length)
      notes.push(
        `${scale.name}, warm start by stage (median ms): ${(
          Object.keys(stages) as (keyof typeof stages)[]
        )
          .map((k) => `${k} ${Math.round(median(stages[k]))}`)
          .join(', ')}; the rest is loading the engine's and the page's scripts and the worker.`,
      );
  }
  return {
    title: 'Query engine (DuckDB-WASM in the browser, topic-page filters)',
    header: [
      'scale',
      'page',
      'cache',
      'engine start s',
      'first filter shown s',
      'first filter MB',
      'filter: queries ms',
      'filter: shown ms',
      'KB per filter',
      'village: queries ms',
      'village: shown ms',
      'village KB',
    ],
    rows,
    notes: [
      "The engine path: the pages' pre-built answers are withheld (404) so every filter change goes to DuckDB-WASM; with them, a single filter is answered without the engine (section `firsttap`).",
      `median of ${repeats} runs. Engine start = from the first filter change to the database attached and locked (download or HTTP cache, compile, open, attach); cold = empty cache, on the first page of each run; warm = wasm from the HTTP cache, with a new worker, as on every page load.`,
      'first filter shown = change → first frame painted with the filtered view, the engine start included.',
      `filter = the page's street filter set to up to four streets spread over its list (all of them when fewer): the ones after the first, then all of them again (${FILTER_PASSES} passes); queries = the change's named queries from sent to all answered (the query latency the budget is on); shown = change → first frame painted with the new view (queries, rendering, swap and layout).`,
      'KB per filter = bytes the server sent for a street not visited before (worker requests included); files served as the build precompressed them (the wasm as brotli). MB = 10^6 bytes, KB = 1,024 bytes.',
      'village = one village of the last street, on the same page. Budgets: warm start ≤ 1 s; filter change queries ≤ 50 ms (sample) / ≤ 300 ms (province) median; a village-level query ≤ 1 MB.',
      ...notes,
      `Headless Debian chromium, loopback server: latency here is compute, not network — except the "cold, ${MOBILE_NETWORK.downMbps} Mbit/s" row: the first filter change on an empty cache with the network throttled as Chrome DevTools' 4G (${MOBILE_NETWORK.downMbps} Mbit/s down, ${MOBILE_NETWORK.upMbps} up, ${MOBILE_NETWORK.rttMs} ms round trip), as a phone's first visit meets it.`,
    ],
    failures,
    json,
  };
}
