/**
 * Loads one page in a fresh browser context (empty cache) and lists what its
 * first view requests. The list comes from the server's log (serve.ts), which
 * also sees requests made inside Web Workers; the browser adds what only it
 * knows: requests to other hosts and Chromium's own renderBlockingStatus.
 */
import type { Browser } from '@playwright/test';
import type { ServedRequest, StaticServer } from '../tools/serve/serve.ts';

export interface FirstView {
  served: ServedRequest[];
  /** Requests the page made to any other origin (should be none). */
  offSite: string[];
  /** Resources Chromium marked render-blocking (Resource Timing `renderBlockingStatus`). */
  blocking: string[];
}

/** Settles after `load` once the network has been quiet for 500 ms (at most `idleMs`). */
export async function recordFirstView(
  browser: Browser,
  server: StaticServer,
  urlPath: string,
  javaScriptEnabled: boolean,
  idleMs = 5000,
): Promise<FirstView> {
  const context = await browser.newContext({ javaScriptEnabled, serviceWorkers: 'block' });
  const page = await context.newPage();
  const offSite: string[] = [];
  context.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(server.url) && !/^(data|blob|about):/.test(u)) offSite.push(u);
  });
  server.reset();
  await page.goto(server.url + urlPath, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle', { timeout: idleMs }).catch(() => undefined);
  // Resource Timing works with JavaScript off too: evaluate runs outside the page's scripts.
  const blocking = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter(
        (e) =>
          (e as PerformanceResourceTiming & { renderBlockingStatus?: string })
            .renderBlockingStatus === 'blocking',
      )
      .map((e) => new URL(e.name).pathname),
  );
  const served = [...server.log];
  await context.close();
  return { served, offSite, blocking };
}
