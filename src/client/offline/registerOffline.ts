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
  afterFirstPaint(() => {
    void (async () => {
      try {
        await navigator.serviceWorker.register(url('/sw.js'), {
          scope: url('/'),
          updateViaCache: 'none',
        });
        // A page that loaded while the worker was starting is not its client yet: ask to be
        // (and kept). Without it, that page would not open offline until visited again.
        const ready = await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) ready.active?.postMessage({ type: 'claim' });
      } catch {
        // Offline, or not allowed (private mode, a WebView without workers): the site works as before.
      }
    })();
  });
}
