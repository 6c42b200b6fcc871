/**
 * The browser query engine on the built site. Pages that use it put a status
 * container with `data-engine-status` in their HTML and pass it to the
 * src/client/engineStatus.ts helpers, which set `data-engine-state`
 * (loading → ready | error). A topic page opened with two filters in its
 * address starts the engine at once — one filter is answered from the page's
 * pre-built answers without it (E2E_ENGINE_PAGE overrides which page).
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  ENGINE_FILES_DOWNLOAD_MESSAGE,
  ENGINE_UNSUPPORTED_MESSAGE,
} from '../../src/client/engineStatus.ts';
import { faultScope } from './faultScope.ts';

const DIST = path.resolve('dist');

function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}

/** A page that starts the engine on load: a topic page whose address carries two filters. */
function enginePage(): string {
  return (
    process.env.E2E_ENGINE_PAGE ??
    `/exit/?exit_category=${encodeURIComponent('重点帮扶')}&household_type=${encodeURIComponent('低保户')}`
  );
}

/** Records every request the page and its workers make that does not go to `origin`. */
function offHost(page: Page, origin: string): string[] {
  const seen: string[] = [];
  page.context().on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      seen.push(url);
  });
  return seen;
}

test.describe('query engine files', () => {
  test('the wasm and worker are served by the site under content-hashed names', async ({
    request,
  }) => {
    const assets = filesUnder(path.join(DIST, '_astro')).map((f) => path.basename(f));
    test.skip(!assets.some((f) => f.endsWith('.wasm')), 'no page bundles the engine yet');
    for (const prefix of ['duckdb-eh', 'duckdb-browser-eh.worker']) {
      const file = assets.find(
        (f) => f.startsWith(`${prefix}.`) && /\.[\w-]{8}\.(wasm|js)$/.test(f),
      );
      expect(file, `${prefix} in dist/_astro`).toBeTruthy();
      const res = await request.head(`/_astro/${file}`);
      expect(res.status()).toBe(200);
      if (file?.endsWith('.wasm'))
        expect(res.headers()['content-type']).toContain('application/wasm');
    }
  });

  test('the database file answers range requests (the engine reads it in 64 KB blocks)', async ({
    request,
  }) => {
    const db = filesUnder(path.join(DIST, 'data')).find((f) =>
      /huitoukan\.[\w-]+\.duckdb$/.test(f),
    );
    test.skip(!db, 'dist/data/huitoukan.<hash>.duckdb not built yet');
    const url = `/data/${path.basename(db as string)}`;
    const res = await request.get(url, { headers: { Range: 'bytes=0-65535' } });
    expect(res.status()).toBe(206);
    expect((await res.body()).length).toBe(65536);
    expect(res.headers()['content-range']).toBe(`bytes 0-65535/${statSync(db as string).size}`);
  });
});

test.describe('query engine on a page', () => {
  const page_ = enginePage();

  test('loads, reports progress, ends ready, and nothing leaves the host', async ({
    page,
    baseURL,
  }) => {
    const origin = new URL(baseURL as string).origin;
    const outside = offHost(page, origin);
    await page.addInitScript(() => {
      // Every text the status container's progress label shows, however briefly.
      const texts: string[] = [];
      Object.assign(window, { __engineTexts: texts });
      new MutationObserver(() => {
        const t = document
          .querySelector('[data-engine-status] .engine-progress-label')
          ?.textContent?.trim();
        if (t && t !== texts.at(-1)) texts.push(t);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto(page_ as string);
    const status = page.locator('[data-engine-status]').first();
    await expect(status).toHaveAttribute('data-engine-state', 'ready', { timeout: 45_000 });
    await expect(status).toHaveAttribute('aria-live', 'polite');
    const texts = await page.evaluate(
      () => (window as unknown as { __engineTexts: string[] }).__engineTexts,
    );
    expect(
      texts.some((t) => /^正在加载查询引擎… [\d.]+ \/ [\d.]+ MB$/.test(t)),
      texts.join('\n'),
    ).toBe(true);
    expect(outside).toEqual([]);
  });

  test('without WebAssembly the page says the browser cannot, in one short message', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      delete (globalThis as { WebAssembly?: unknown }).WebAssembly;
    });
    await page.goto(page_ as string);
    const status = page.locator('[data-engine-status]').first();
    await expect(status).toHaveAttribute('data-engine-state', 'error', { timeout: 15_000 });
    await expect(status.locator('.engine-message')).toHaveText(ENGINE_UNSUPPORTED_MESSAGE);
    await expect(status).toHaveAttribute('data-engine-error', 'unsupported');
    await expect(status).toHaveAttribute('role', 'status');
  });

  test('a wasm missing from the server is a failed download, not an unfit browser', async ({
    page,
  }) => {
    await page.route(/\.wasm$/, (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto(page_ as string);
    const status = page.locator('[data-engine-status]').first();
    await expect(status).toHaveAttribute('data-engine-state', 'error', { timeout: 30_000 });
    await expect(status).toContainText(ENGINE_FILES_DOWNLOAD_MESSAGE);
  });

  test('the wasm download is retried when the server fails, and the engine starts', async ({
    page,
    baseURL,
  }) => {
    const faults = await faultScope(page.context(), baseURL as string);
    test.skip(!faults, 'the server does not inject faults (nginx)');
    // Two 503s, then a connection cut mid-download: the worker's third retry gets it.
    await faults?.set([
      { path: '\\.wasm$', method: 'GET', fault: 503, times: 2 },
      { path: '\\.wasm$', method: 'GET', fault: 'truncate', times: 1 },
    ]);
    await page.goto(page_ as string);
    const status = page.locator('[data-engine-status]').first();
    await expect(status).toHaveAttribute('data-engine-state', 'ready', { timeout: 45_000 });
    const report = await faults?.report();
    expect(report?.rules.map((r) => r.failed)).toEqual([2, 1]);
  });

  test("DuckDB's worker script is retried too; the page's messages wait for it", async ({
    page,
    baseURL,
  }) => {
    const faults = await faultScope(page.context(), baseURL as string);
    test.skip(!faults, 'the server does not inject faults (nginx)');
    await faults?.set([{ path: 'duckdb-browser-\\w+\\.worker\\.', fault: 'reset', times: 2 }]);
    await page.goto(page_ as string);
    const status = page.locator('[data-engine-status]').first();
    await expect(status).toHaveAttribute('data-engine-state', 'ready', { timeout: 45_000 });
    expect((await faults?.report())?.rules[0]?.failed).toBe(2);
  });

  test('a wasm that never downloads is named as such, not as an unfit browser', async ({
    page,
    baseURL,
  }) => {
    const faults = await faultScope(page.context(), baseURL as string);
    test.skip(!faults, 'the server does not inject faults (nginx)');
    await faults?.set([{ path: '\\.wasm$', fault: 503 }]);
    await page.goto(page_ as string);
    const status = page.locator('[data-engine-status]').first();
    await expect(status).toHaveAttribute('data-engine-error', 'network', { timeout: 45_000 });
    await expect(status).toContainText(ENGINE_FILES_DOWNLOAD_MESSAGE);
    // It may pass: the page offers to try again (and does so itself when back online).
    await expect(status.getByRole('button', { name: '重试' })).toBeVisible();
    // Five tries (the first and four retries, 7.5 s of backoff), then it gives up.
    const gets = (await faults?.report())?.requests.filter(
      (r) => r.method === 'GET' && r.path.endsWith('.wasm'),
    );
    expect(gets).toHaveLength(5);
  });

  test('a wasm that does not compile fails the start at once, not after the stall timeout', async ({
    page,
  }) => {
    // Served like the real file (HEAD and GET pass the checks), but not WebAssembly:
    // a truncated or rewritten download. The worker fails (src/engine/browser/engineWorker.js)
    // instead of DuckDB's worker waiting for ever; the start timeout is 30 s.
    await page.context().route(/\.wasm$/, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/wasm',
        body: Buffer.from('\0asm\x01\0\0\0not a module'),
      }),
    );
    await page.goto(page_ as string);
    const status = page.locator('[data-engine-status]').first();
    await expect(status).toHaveAttribute('data-engine-state', 'error', { timeout: 20_000 });
    await expect(status.locator('.engine-message')).toHaveText(ENGINE_UNSUPPORTED_MESSAGE);
  });

  test('one engine start downloads the wasm once', async ({ page }) => {
    const gets: string[] = [];
    page.context().on('request', (r) => {
      if (r.method() === 'GET' && /\.wasm$/.test(r.url())) gets.push(r.url());
    });
    await page.goto(page_ as string);
    const status = page.locator('[data-engine-status]').first();
    await expect(status).toHaveAttribute('data-engine-state', 'ready', { timeout: 45_000 });
    expect(gets).toHaveLength(1);
  });
});
