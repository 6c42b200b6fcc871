/**
 * Benchmark section `firsttap`: a leader's phone (issue #13). On a phone
 * profile — 375 × 812, Chrome DevTools' 4G (9 Mbit/s down, 85 ms round trip)
 * and a 4× CPU slowdown — each topic page is opened fresh (new context, empty
 * cache) and left to fetch what it fetches after first paint; then the visitor
 * opens the filter fold, chooses a street, then one of its villages. Clock:
 * the page's own, from the `change` event to the first frame painted with the
 * new view (filterTiming.ts). Beside it, the engine path on the same profile
 * (the answers withheld, as before they existed).
 *
 * Also: the brotli bytes of pre-built answers each tap fetched and each page
 * prefetched, the answers' size per page and for the site, and a second visit
 * with the service worker: a visited page opened offline, and the engine's
 * warm start from the worker's cache beside the HTTP cache's.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { serveStatic, type StaticServer } from '../tools/serve/serve.ts';
import { filterPages, MOBILE_NETWORK, withoutAnswers } from './engine.ts';
import { CHROMIUM_ARGS } from './firstview.ts';
import { filterValues, spread, timeFilter, type FilterTiming } from './filterTiming.ts';
import { fmt, median, type Section } from './lib.ts';
import type { Scale } from './scales.ts';
import { ensureSite } from './sites.ts';

/** The phone the issue names: 375 px wide, 4× slower CPU, DevTools' 4G. */
export const PHONE = { width: 375, height: 812, cpuSlowdown: 4 } as const;
/** Budgets (issue #13): tap → painted, and the answers' bytes one tap fetches. */
const TAP_MS = 100;
const TAP_KB = { sample: 30, province: 100 } as Record<string, number>;

async function phoneContext(
  browser: Browser,
  options: { serviceWorkers?: 'allow' | 'block' } = {},
) {
  return browser.newContext({
    viewport: { width: PHONE.width, height: PHONE.height },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
}

async function throttle(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: MOBILE_NETWORK.rttMs,
    downloadThroughput: (MOBILE_NETWORK.downMbps * 1e6) / 8,
    uploadThroughput: (MOBILE_NETWORK.upMbps * 1e6) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
}

/** Brotli bytes of a site file (its .br sibling as the build wrote it, else compressed here). */
function brotliSize(site: string, urlPath: string): number {
  const file = path.join(site, decodeURIComponent(urlPath));
  if (existsSync(`${file}.br`)) return statSync(`${file}.br`).size;
  return brotliCompressSync(readFileSync(file), {
    params: { [zlib.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
}

/** Brotli bytes of the pre-built answers the server sent since its last reset. */
function answerBytes(site: string, server: StaticServer): number {
  return server.log
    .filter((r) => r.path.includes('/data/answers/') && r.status === 200)
    .reduce((n, r) => n + brotliSize(site, r.path), 0);
}

/** Opens the phone's filter fold (筛选 · 已选 N 项): the selects are inside it. */
async function openFold(page: Page): Promise<void> {
  const fold = page.locator('[data-filter-fold]');
  if (!(await fold.evaluate((d) => (d as HTMLDetailsElement).open)))
    await fold.locator('summary').click();
}

interface TapRun {
  street: FilterTiming & { answerBytes: number };
  village?: FilterTiming & { answerBytes: number };
  prefetchBytes: number;
}

async function tapRun(
  browser: Browser,
  site: string,
  server: StaticServer,
  urlPath: string,
  run: number,
  repeats: number,
  answers = true,
): Promise<TapRun> {
  const context = await phoneContext(browser);
  if (!answers) await withoutAnswers(context);
  try {
    const page = await context.newPage();
    await throttle(context, page);
    server.reset();
    await page.goto(server.url + urlPath);
    await page.waitForLoadState('networkidle');
    const prefetchBytes = answerBytes(site, server);
    await openFold(page);
    const { values } = await filterValues(page, repeats);
    const street = values[run % values.length];
    if (!street) throw new Error(`${urlPath}: no street to choose`);
    const s = await timeFilter(page, server, 'street', street);
    const out: TapRun = { street: { ...s, answerBytes: answerBytes(site, server) }, prefetchBytes };
    const options = await page
      .locator('[data-topic-filters] select[name="village"] option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    const [village] = spread(options, 3).slice(run % 3);
    if (village && answers) {
      const v = await timeFilter(page, server, 'village', village);
      out.village = { ...v, answerBytes: answerBytes(site, server) };
    }
    return out;
  } finally {
    await context.close();
  }
}

/** Per page: brotli bytes of its answers, and of the whole site's. */
function answersSizes(site: string): {
  pages: Record<string, number>;
  total: number;
  files: number;
} {
  const root = path.join(site, 'data', 'answers');
  const pages: Record<string, number> = {};
  let total = 0;
  let files = 0;
  for (const digest of readdirSync(root)) {
    for (const f of readdirSync(path.join(root, digest), { recursive: true, encoding: 'utf8' })) {
      if (!f.endsWith('.json')) continue;
      const bytes = brotliSize(site, `/data/answers/${digest}/${f}`);
      const page = f.split(path.sep)[0] ?? '';
      pages[page] = (pages[page] ?? 0) + bytes;
      total += bytes;
      files++;
    }
  }
  return { pages, total, files };
}

/** A second visit with the service worker: the page offline, and the engine's warm start. */
async function secondVisit(
  browser: Browser,
  server: StaticServer,
  urlPath: string,
): Promise<{ offlineLoadMs: number; warmHttp: number; warmWorker: number }> {
  const twoFilters = (page: Page) =>
    page.evaluate(() => {
      const selects = [
        ...document.querySelectorAll<HTMLSelectElement>('[data-topic-filters] select'),
      ]
        .filter((s) => s.name !== 'street' && s.name !== 'village' && s.options.length > 2)
        .slice(0, 2);
      const p = new URLSearchParams(selects.map((s) => [s.name, s.options[1]?.value ?? '']));
      return `?${p}`;
    });
  const engineStart = async (page: Page, url: string) => {
    await page.goto(url);
    await page.waitForFunction(
      () => performance.getEntriesByName('engine:start', 'measure').length > 0,
      undefined,
      { timeout: 120_000 },
    );
    return page.evaluate(
      () => performance.getEntriesByName('engine:start', 'measure')[0]!.duration,
    );
  };
  // Warm from the HTTP cache (no worker): the engine's figure before this issue.
  const plain = await browser.newContext();
  const p1 = await plain.newPage();
  await p1.goto(server.url + urlPath);
  const url = server.url + urlPath + (await twoFilters(p1));
  await engineStart(p1, url);
  const warmHttp = await engineStart(p1, url);
  await plain.close();
  // With the service worker: the page kept, the engine files kept once used.
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  await page.goto(server.url + urlPath);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 60_000,
  });
  await engineStart(page, url);
  const warmWorker = await engineStart(page, url);
  await context.setOffline(true);
  await page.goto(server.url + urlPath);
  if (!(await page.locator('.offline-note').isVisible()))
    throw new Error(`${urlPath} offline: the page did not come from the worker's copy`);
  const offlineLoadMs = await page.evaluate(
    () =>
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
  );
  await context.close();
  return { offlineLoadMs, warmHttp, warmWorker };
}

export async function benchFirstTap(scales: Scale[], repeats: number): Promise<Section> {
  const rows: Section['rows'] = [];
  const json: Record<string, unknown> = {};
  const failures: string[] = [];
  const notes: string[] = [];
  for (const scale of scales) {
    const site = ensureSite(scale);
    const pages = filterPages(site);
    const server = await serveStatic(site);
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    try {
      for (const urlPath of pages) {
        console.error(`firsttap ${scale.name} ${urlPath}`);
        const runs: TapRun[] = [];
        for (let i = 0; i < repeats; i++)
          runs.push(await tapRun(browser, site, server, urlPath, i, repeats));
        const engine: TapRun[] = [];
        for (let i = 0; i < repeats; i++)
          engine.push(await tapRun(browser, site, server, urlPath, i, repeats, false));
        json[`${scale.name}${urlPath}`] = { runs, engine };
        const streetMs = median(runs.map((r) => r.street.ms));
        const villages = runs.flatMap((r) => (r.village ? [r.village] : []));
        const villageMs = villages.length ? median(villages.map((v) => v.ms)) : NaN;
        const tapKb =
          Math.max(...runs.flatMap((r) => [r.street.answerBytes, r.village?.answerBytes ?? 0])) /
          1024;
        const sources = [...new Set(runs.flatMap((r) => [r.street.source, r.village?.source]))]
          .filter(Boolean)
          .join('/');
        rows.push([
          scale.name,
          urlPath,
          sources,
          fmt(streetMs, 0),
          Number.isNaN(villageMs) ? '—' : fmt(villageMs, 0),
          fmt(median(runs.map((r) => r.street.answerBytes)) / 1024, 1),
          villages.length ? fmt(median(villages.map((v) => v.answerBytes)) / 1024, 1) : '—',
          fmt(median(runs.map((r) => r.prefetchBytes)) / 1024, 1),
          fmt(median(engine.map((r) => r.street.ms)) / 1000, 2),
        ]);
        for (const [what, ms] of [
          ['street', streetMs],
          ['village', villageMs],
        ] as const)
          if (ms > TAP_MS)
            failures.push(
              `firsttap ${scale.name} ${urlPath}: ${what} tap ${Math.round(ms)} ms > ${TAP_MS} ms (median)`,
            );
        const budget = TAP_KB[scale.name] ?? TAP_KB.province!;
        if (tapKb > budget)
          failures.push(
            `firsttap ${scale.name} ${urlPath}: a tap fetched ${fmt(tapKb, 1)} KB of answers > ${budget} KB`,
          );
        if (
          runs.some(
            (r) => r.street.source !== 'answers' || (r.village && r.village.source !== 'answers'),
          )
        )
          failures.push(
            `firsttap ${scale.name} ${urlPath}: a single filter was not answered from the answers`,
          );
      }
      const sizes = answersSizes(site);
      json[`${scale.name}:answers`] = sizes;
      notes.push(
        `${scale.name}: pre-built answers ${fmt(sizes.total / 1024, 0)} KB brotli in ${sizes.files} files (${Object.entries(
          sizes.pages,
        )
          .map(([p, b]) => `${p} ${fmt(b / 1024, 0)} KB`)
          .join(', ')}).`,
      );
      if (scale === scales[0]) {
        console.error(`firsttap ${scale.name}: second visit with the service worker`);
        const visits = [];
        for (let i = 0; i < repeats; i++)
          visits.push(
            await secondVisit(browser, server, pages.find((p) => p === '/exit/') ?? pages[0]!),
          );
        json[`${scale.name}:second-visit`] = visits;
        notes.push(
          `${scale.name}, second visit (service worker, unthrottled, median of ${repeats}): a visited page opened offline loads in ${fmt(median(visits.map((v) => v.offlineLoadMs)), 0)} ms; the engine's warm start takes ${fmt(median(visits.map((v) => v.warmWorker)) / 1000, 2)} s from the worker's cache, ${fmt(median(visits.map((v) => v.warmHttp)) / 1000, 2)} s from the HTTP cache (before the worker).`,
        );
      }
    } finally {
      await browser.close();
      await server.close();
    }
  }
  return {
    title: 'First tap on a phone (pre-built answers, 375 px, 4G, 4× CPU)',
    header: [
      'scale',
      'page',
      'answered from',
      'street tap ms',
      'village tap ms',
      'street tap KB',
      'village tap KB',
      'prefetched KB',
      'engine path: street tap s',
    ],
    rows,
    notes: [
      `median of ${repeats} runs, each in a fresh context (empty cache): ${PHONE.width} × ${PHONE.height} px, network throttled as Chrome DevTools' 4G (${MOBILE_NETWORK.downMbps} Mbit/s down, ${MOBILE_NETWORK.upMbps} up, ${MOBILE_NETWORK.rttMs} ms round trip), CPU ${PHONE.cpuSlowdown}× slower. The page is loaded and left until the network is idle (what it fetches after first paint), the filter fold opened; then a street, then one of its villages.`,
      "tap ms = the change event → the first frame painted with the new view (the page's own clock). Budget ≤ 100 ms median.",
      'KB = brotli bytes of pre-built answers fetched (by the tap, or after first paint: "prefetched"); budget per tap ≤ 30 KB (sample), ≤ 100 KB (province). KB = 1,024 bytes.',
      "engine path = the same street tap with the answers withheld: DuckDB-WASM's cold start on the same profile (the page before this issue).",
      ...notes,
    ],
    failures,
    json,
  };
}
