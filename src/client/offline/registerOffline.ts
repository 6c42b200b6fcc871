/**
 * Browser: registers the site's service worker (src/client/offline/serviceWorker.js,
 * served as /sw.js) once the page has loaded and the browser is idle — never
 * in the way of first paint. It keeps the pages a visitor opens, so a second
 * visit works on a weak or absent network. `updateViaCache: 'none'`: the
 * browser asks for /sw.js itself on each visit, so a new publication's worker
 * is found on the next online visit whatever the HTTP cache holds.
 */
import { url } from '../../render/nav.ts';
import { afterFirstPaint } from '../afterFirstPaint.ts';

export function registerOffline(): void {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  // A page a worker served had its files kept by it as they came; one loaded before has not.
  const controlled = Boolean(navigator.serviceWorker.controller);
  afterFirstPaint(() => {
    void (async () => {
      try {
        await navigator.serviceWorker.register(url('/sw.js'), {
          scope: url('/'),
          updateViaCache: 'none',
        });
        if (controlled) return;
        // Not its client yet (or claimed only now): ask to be, and to be kept. Without it, that
        // page would not open offline until visited again.
        const ready = await navigator.serviceWorker.ready;
        ready.active?.postMessage({ type: 'claim' });
        reportAssets(ready.active);
      } catch {
        // Offline, or not allowed (private mode, a WebView without workers): the site works as before.
      }
    })();
  });
}

/**
 * Tells the worker each /_astro/ file this page loaded, those before it controlled the
 * page included (with them, the page's scripts' imports and the view modules imported
 * later: the HTML names only the entry scripts). The worker cannot see these itself, and
 * a kept page whose imports are gone runs no script offline — in WebKit at once,
 * elsewhere once the HTTP cache lets them go. Files still arriving are reported as they
 * come: a request made before the worker took over does not pass through it.
 */
function reportAssets(worker: ServiceWorker | null): void {
  if (!worker || typeof PerformanceObserver === 'undefined') return;
  const assets = new URL(url('/_astro/'), location.href).href;
  new PerformanceObserver((list) => {
    const files = list
      .getEntries()
      .map((e) => e.name)
      .filter((name) => name.startsWith(assets));
    if (files.length) worker.postMessage({ type: 'keep', files });
  }).observe({ type: 'resource', buffered: true });
}
