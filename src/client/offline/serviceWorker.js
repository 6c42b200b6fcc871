// @ts-check
/// <reference lib="webworker" />
/**
 * The site's service worker: a second visit works on a weak or absent network.
 * Served as /sw.js by src/pages/sw.js.ts, which puts the publication's name in
 * front of this file (`self.HTK_PUBLICATION = "…"`), so each publication is a
 * new worker and a new cache. Registered by src/client/offline/registerOffline.ts.
 * Why our own and not Workbox: see docs/answers-and-offline.md.
 *
 * What it keeps, and how it answers:
 * - pages (navigations): from the network first, so online visitors always get
 *   the current publication; a copy of each page opened is kept (by path: the
 *   query string is view state, the HTML is the same). Without a network, or
 *   when it gives nothing for NAVIGATION_TIMEOUT_MS, the kept copy is served,
 *   marked `<html data-offline-copy>`: the page then shows 离线浏览，数据截止 …
 *   (CSS only, src/layouts/Base.astro). A page never opened here: a short
 *   offline page that says so.
 * - /_astro/ files (scripts, styles, the engine's wasm and workers: named by
 *   content): from the cache once fetched, kept across publications (one wasm
 *   at a time), so the engine's warm start reads from here.
 * - the pre-built answers (/data/answers/<digest>/…, named by content): from
 *   the cache once fetched.
 * - other small files (the village index): network first, the copy offline.
 * - passed through untouched: anything not GET, other hosts, range requests and
 *   the database file (DuckDB-WASM reads it by ranges; offline its queries say
 *   需要联网), data/publication.json (must be fresh), the downloads, this script.
 *
 * With each page it keeps, it also keeps the /_astro/ files the page names and
 * the answers the page prefetches (read from its HTML), so a page opened once
 * opens again offline with its styles, scripts and single-filter answers. The
 * page of the visit that installed this worker loaded its scripts' imports
 * before the worker saw any request, and its HTML names only the entry
 * scripts: that page names the /_astro/ files it loaded, kept too.
 *
 * A new publication: the page's registration names a new script, the new
 * worker takes over at once and deletes the previous publication's pages and
 * answers. Every file a page refers to is named by content, so a page never
 * mixes two publications' data: it is one publication's HTML with its own files.
 */

const sw = /** @type {ServiceWorkerGlobalScope & { HTK_PUBLICATION?: string }} */ (
  /** @type {unknown} */ (self)
);

/** The publication this worker keeps (set by src/pages/sw.js.ts). */
const PUBLICATION = sw.HTK_PUBLICATION ?? 'dev';
/** The site's base path: this script is at its root. */
const BASE = new URL('./', sw.location.href).pathname;
/** Pages, answers and other small files of this publication. */
const PAGES_CACHE = `htk-pages-${PUBLICATION}`;
/** Content-named /_astro/ files, whatever the publication. */
const ASSETS_CACHE = 'htk-assets';
/** A page from the network that takes longer than this is served from the copy (if any). */
const NAVIGATION_TIMEOUT_MS = 4000;

/**
 * How a request is answered: 'pass' (not touched), 'page', 'asset', 'answer' or 'file'.
 * @param {URL} url
 * @param {{ method: string; mode: string; range: boolean; origin: string; base: string }} r
 */
function routeOf(url, r) {
  if (r.method !== 'GET' || url.origin !== r.origin || r.range) return 'pass';
  if (!url.pathname.startsWith(r.base)) return 'pass';
  const path = url.pathname.slice(r.base.length);
  if (path === 'sw.js' || path === 'data/publication.json') return 'pass';
  if (/\.duckdb$/.test(path) || path.startsWith('downloads/')) return 'pass';
  if (/\.(csv|parquet|zip|xlsx)$/.test(path)) return 'pass';
  if (r.mode === 'navigate') return 'page';
  if (path.startsWith('_astro/')) return 'asset';
  if (path.startsWith('data/answers/')) return 'answer';
  return 'file';
}

/** The key a page is kept under: its path, without query string or fragment. */
function pageKey(/** @type {string} */ href) {
  const u = new URL(href);
  return `${u.origin}${u.pathname}`;
}

/**
 * The files a page's HTML names that it needs again offline: /_astro/ files
 * and its pre-built answers' prefetch list.
 * @param {string} html
 * @param {string} pageUrl
 * @returns {{ assets: string[]; answers: string[] }}
 */
function filesOfPage(html, pageUrl) {
  const assets = new Set();
  for (const m of html.matchAll(/(?:src|href)="([^"]*\/_astro\/[^"]+)"/g))
    assets.add(new URL(m[1] ?? '', pageUrl).href);
  const answers = [];
  const base = /data-answers-url="([^"]+)"/.exec(html)?.[1];
  const prefetch = /data-answers-prefetch="([^"]*)"/.exec(html)?.[1] ?? '';
  if (base)
    for (const name of prefetch.split(' ').filter(Boolean))
      answers.push(new URL(name, new URL(base, pageUrl)).href);
  return { assets: [...assets], answers };
}

/** Fetches and keeps `urls` not yet in `cacheName` (failures are skipped: kept next time). */
async function keepAll(/** @type {string} */ cacheName, /** @type {string[]} */ urls) {
  const cache = await caches.open(cacheName);
  await Promise.all(
    urls.map(async (url) => {
      if (await cache.match(url)) return;
      try {
        const res = await fetch(url, { credentials: 'same-origin' });
        if (res.ok) await putAsset(cache, url, res);
      } catch {
        // offline or cut: the next visit keeps it
      }
    }),
  );
}

/**
 * Keeps a response; the engine's wasm (tens of MB unpacked) replaces any other kept wasm.
 * @param {Cache} cache
 * @param {string} url
 * @param {Response} res
 */
async function putAsset(cache, url, res) {
  if (/\.wasm$/.test(new URL(url).pathname))
    for (const old of await cache.keys())
      if (/\.wasm$/.test(new URL(old.url).pathname) && old.url !== url) await cache.delete(old);
  await cache.put(url, res);
}

/** Keeps a page's HTML (from `res`) and what it names. */
async function keepPage(/** @type {string} */ url, /** @type {Response} */ res) {
  const html = await res.clone().text();
  const cache = await caches.open(PAGES_CACHE);
  await cache.put(pageKey(url), res);
  const { assets, answers } = filesOfPage(html, url);
  await Promise.all([keepAll(ASSETS_CACHE, assets), keepAll(PAGES_CACHE, answers)]);
}

/** The kept copy of a page, marked as such, or undefined. */
async function offlineCopy(/** @type {string} */ url) {
  const kept = await (await caches.open(PAGES_CACHE)).match(pageKey(url));
  if (!kept) return undefined;
  const html = (await kept.text()).replace(/<html\b/, '<html data-offline-copy');
  return new Response(html, {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
}

/** What a page never opened here says offline. */
function offlinePage() {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>离线</title></head>
<body style="font: 16px/1.6 system-ui, sans-serif; margin: 2rem auto; max-width: 32rem; padding: 0 1rem">
<h1 style="font-size: 1.25rem">没有网络</h1>
<p>这个页面还没有在本机打开过，需要联网才能查看。已经打开过的页面可以离线浏览。</p>
<p><a href="${BASE}">回到首页</a></p></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
}

/** A page: the network first (within the timeout), else the kept copy. */
async function page(/** @type {FetchEvent} */ event) {
  const url = event.request.url;
  const network = fetch(event.request).then((res) => {
    if (res.ok && res.type === 'basic' && /text\/html/.test(res.headers.get('content-type') ?? ''))
      event.waitUntil(keepPage(url, res.clone()).catch(() => {}));
    return res;
  });
  network.catch(() => {}); // answered below; not an unhandled rejection when the copy won
  /** @type {Promise<undefined>} */
  const slow = new Promise((resolve) =>
    setTimeout(() => resolve(undefined), NAVIGATION_TIMEOUT_MS),
  );
  try {
    const first = await Promise.race([network, slow]);
    if (first) return first;
    return (await offlineCopy(url)) ?? (await network);
  } catch {
    return (await offlineCopy(url)) ?? offlinePage();
  }
}

/** A content-named file: the kept copy, else the network (and keep it). */
async function cacheFirst(/** @type {Request} */ request, /** @type {string} */ cacheName) {
  const cache = await caches.open(cacheName);
  const kept = await cache.match(request);
  if (kept) return kept;
  const res = await fetch(request);
  if (res.ok && res.type === 'basic') await putAsset(cache, request.url, res.clone());
  return res;
}

/** Any other small file: the network, else the kept copy. */
async function networkFirst(/** @type {Request} */ request) {
  const cache = await caches.open(PAGES_CACHE);
  try {
    const res = await fetch(request);
    if (res.ok && res.type === 'basic') await cache.put(request, res.clone());
    return res;
  } catch (err) {
    const kept = await cache.match(request);
    if (kept) return kept;
    throw err;
  }
}

sw.addEventListener('install', () => {
  void sw.skipWaiting();
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // The previous publications' pages and answers go; the /_astro/ files stay.
      for (const name of await caches.keys())
        if (name.startsWith('htk-pages-') && name !== PAGES_CACHE) await caches.delete(name);
      await sw.clients.claim();
      // The pages open now were loaded before this worker: keep them too.
      const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
      await Promise.all(
        windows.map(async (client) => {
          if (!client.url.startsWith(`${sw.location.origin}${BASE}`)) return;
          try {
            const res = await fetch(pageKey(client.url), { credentials: 'same-origin' });
            if (res.ok) await keepPage(client.url, res);
          } catch {
            // offline: kept on the next visit
          }
        }),
      );
    })(),
  );
});

/** The site's own /_astro/ files among `files` (what a page says it loaded). */
function ownAssets(/** @type {unknown} */ files) {
  const prefix = `${sw.location.origin}${BASE}_astro/`;
  return Array.isArray(files)
    ? files.filter((f) => typeof f === 'string' && f.startsWith(prefix) && !f.includes('..'))
    : [];
}

// A page loaded before this worker controlled it asks to be its client and to be kept
// ('claim'), then names the /_astro/ files it loaded ('keep'): its HTML names its entry
// scripts only, not their imports.
sw.addEventListener('message', (event) => {
  const client = /** @type {WindowClient | null} */ (event.source);
  if (!client || !('url' in client)) return;
  if (event.data?.type === 'keep')
    event.waitUntil(keepAll(ASSETS_CACHE, ownAssets(event.data.files)));
  if (event.data?.type !== 'claim') return;
  event.waitUntil(
    (async () => {
      await sw.clients.claim();
      // Kept already when this worker's activation found the page open.
      if (await (await caches.open(PAGES_CACHE)).match(pageKey(client.url))) return;
      try {
        const res = await fetch(pageKey(client.url), { credentials: 'same-origin' });
        if (res.ok) await keepPage(client.url, res);
      } catch {
        // offline: kept on the next visit
      }
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  const route = routeOf(url, {
    method: request.method,
    mode: request.mode,
    range: request.headers.has('range'),
    origin: sw.location.origin,
    base: BASE,
  });
  if (route === 'pass') return;
  if (route === 'page') event.respondWith(page(event));
  else if (route === 'asset') event.respondWith(cacheFirst(request, ASSETS_CACHE));
  else if (route === 'answer') event.respondWith(cacheFirst(request, PAGES_CACHE));
  else event.respondWith(networkFirst(request));
});
