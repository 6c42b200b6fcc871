/**
 * Benchmark section `engine`: DuckDB-WASM in the browser (src/db/browser.ts), as
 * the topic pages use it (src/scripts/topicPage.ts: the engine starts on the
 * first filter change, never on first view). In one fresh browser context per
 * run, each topic page with filters is opened in turn and its street filter set
 * to four streets spread over its list (filterTiming.ts):
 *   - the first change on the first page is a cold start (empty HTTP cache):
 *     engine download, compile, attach, first queries;
 *   - the first change on each later page is a warm start (wasm from the HTTP
 *     cache, a new worker and attach, since every page load starts afresh);
 *   - the other three changes are plain filter queries: latency and bytes
 *     fetched per change (Range reads of the database, counted at the server).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from './firstview.ts';
import { filterValues, timeFilter, type FilterTiming } from './filterTiming.ts';
import { fmt, median, type Section } from './lib.ts';
import type { Scale } from './scales.ts';
import { serveStatic } from './serve.ts';
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
  filters: FilterTiming[];
  /** One village of the last street chosen (issue budget: a village-level query ≤ 1 MB). */
  village: FilterTiming[];
}

/** A village option of the page's village filter (populated for the chosen street), if any. */
async function villageValue(page: import('playwright-core').Page): Promise<string | undefined> {
  const values = await page
    .locator('[data-topic-filters] select[name="village"] option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  return values[Math.floor(values.length / 2)];
}

export async function benchEngine(scales: Scale[], repeats: number): Promise<Section> {
  const rows: Section['rows'] = [];
  const json: Record<string, unknown> = {};
  const failures: string[] = [];
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
    const runs = new Map<string, PageRuns>(
      pages.map((p) => [p, { start: [], filters: [], village: [] }]),
    );
    try {
      for (let i = 0; i < repeats; i++) {
        console.error(`engine ${scale.name}: run ${i + 1}/${repeats}`);
        const context = await browser.newContext();
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
          for (const v of rest) r.filters.push(await timeFilter(page, server, name, v));
          const village = await villageValue(page);
          if (village) r.village.push(await timeFilter(page, server, 'village', village));
        }
        await context.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }
    for (const [urlPath, r] of runs) {
      const cold = urlPath === pages[0];
      json[`${scale.name}${urlPath}`] = { kind: cold ? 'cold' : 'warm', ...r };
      const m = (xs: FilterTiming[], k: 'ms' | 'bytes') => median(xs.map((x) => x[k]));
      rows.push([
        scale.name,
        urlPath,
        cold ? 'cold' : 'warm',
        fmt(m(r.start, 'ms') / 1000, 2),
        fmt(m(r.start, 'bytes') / 1e6, 2),
        r.filters.length ? Math.round(m(r.filters, 'ms')) : '—',
        r.filters.length ? fmt(m(r.filters, 'bytes') / 1024, 0) : '—',
        r.village.length ? Math.round(m(r.village, 'ms')) : '—',
        r.village.length ? fmt(m(r.village, 'bytes') / 1024, 0) : '—',
      ]);
      // The issues' budgets: filter change ≤ 50 ms (sample) / ≤ 300 ms (province) median
      // once warm; a village-level query fetches ≤ 1 MB.
      const budget = scale.name === 'sample' ? 50 : 300;
      const next = r.filters.length ? m(r.filters, 'ms') : 0;
      if (next > budget)
        failures.push(
          `engine ${scale.name} ${urlPath}: filter change ${Math.round(next)} ms > ${budget} ms`,
        );
      if (r.village.length && m(r.village, 'bytes') > 2 ** 20)
        failures.push(`engine ${scale.name} ${urlPath}: village filter fetched more than 1 MB`);
    }
  }
  return {
    title: 'Query engine (DuckDB-WASM in the browser, topic-page filters)',
    header: [
      'scale',
      'page',
      'start',
      'first filter s',
      'first filter MB',
      'next filters ms',
      'KB per filter',
      'village filter ms',
      'village filter KB',
    ],
    rows,
    notes: [
      `median of ${repeats} runs; first filter = change → results swapped in, including the engine start (cold = empty cache, on the first page of each run; warm = wasm from the HTTP cache, new worker and attach).`,
      'next filters = three further streets, spread over the list, on the same page; bytes counted at the server (worker requests included), files served as the build precompressed them (the wasm as brotli). MB = 10^6 bytes, KB = 1,024 bytes.',
      'village filter = one village of the last street, on the same page. Budgets: filter change ≤ 50 ms (sample) / ≤ 300 ms (province) median; a village-level query ≤ 1 MB.',
      'Headless Debian chromium, no throttling, loopback server: latency here is compute, not network.',
    ],
    failures,
    json,
  };
}
