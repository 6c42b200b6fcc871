/**
 * A second visit on a weak or absent network (the service worker,
 * src/client/offline/serviceWorker.js). The site is built into its own folder
 * and served from this test, so a second publication can replace the first
 * (as in republish.spec.ts) without touching the suite's dist/.
 *
 * A page opened once opens again offline, says 离线浏览，数据截止 …, answers
 * single filters from its kept answers and says 需要联网 for what needs the
 * engine; a page never opened says so; once the engine was used, its files
 * come from the worker's cache. A new publication replaces the kept pages on
 * the next online visit: offline afterwards, only the new publication's pages
 * open, never the old ones beside them.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { ENGINE_OFFLINE_MESSAGE } from '../../src/client/engineStatus.ts';
import { serveStatic, type StaticServer } from '../../tools/serve/serve.ts';

const SITE = path.resolve('.build/offline-dist');
const DATA_B = path.resolve('.build/offline-data');
const CODE = '991502001001';
const OLD_NAME = '松堂社区';
const NEW_NAME = '松堂新社区';
const ENGINE_TIMEOUT = 60_000;

function build(dataDir: string): void {
  const r = spawnSync(process.execPath, ['cli/build.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, OUT_DIR: SITE },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
}

/** The publication named in the served /sw.js. */
const publicationOf = () =>
  /HTK_PUBLICATION = "([^"]+)"/.exec(readFileSync(path.join(SITE, 'sw.js'), 'utf8'))?.[1] ?? '';

let server: StaticServer;

test.describe.configure({ mode: 'serial' });
test.use({ serviceWorkers: 'allow' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  rmSync(SITE, { recursive: true, force: true });
  build('data');
  server = await serveStatic(SITE);
});

test.afterAll(async () => {
  await server?.close();
  rmSync(SITE, { recursive: true, force: true });
  rmSync(DATA_B, { recursive: true, force: true });
});

/** Waits until this publication's worker controls the page and has kept `paths` (pages and files). */
async function kept(page: Page, paths: string[]): Promise<void> {
  const publication = publicationOf();
  await expect
    .poll(
      () =>
        page.evaluate(
          async ({ publication, paths }) => {
            if (!navigator.serviceWorker.controller) return 'no controller';
            const cache = await caches.open(`htk-pages-${publication}`);
            const keys = (await cache.keys()).map((r) => new URL(r.url).pathname);
            const missing = paths.filter((p) =>
              p.endsWith('/') ? !keys.includes(p) : !keys.some((k) => k.endsWith(p)),
            );
            return missing.length === 0 ? 'kept' : `missing ${missing.join(', ')}`;
          },
          { publication, paths },
        ),
      { timeout: 30_000 },
    )
    .toBe('kept');
}

const note = (page: Page) => page.locator('.offline-note');
const filters = (page: Page) => page.locator('[data-topic-filters]');
const select = (page: Page, label: string) =>
  page.getByRole('combobox', { name: label, exact: true });

async function guard(context: BrowserContext): Promise<string[]> {
  const problems: string[] = [];
  context.on('weberror', (e) => problems.push(e.error().message));
  return problems;
}

test('a visited page opens offline with its note, single filters and the 需要联网 message', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ baseURL: server.url });
  const problems = await guard(context);
  const page = await context.newPage();
  await page.goto('/exit/');
  await expect(note(page)).toBeHidden();
  // The page of the visit that installed the worker is kept, with its first-tap answers.
  await kept(page, ['/exit/', '/exit/streets.json', '/exit/household_type.json']);
  await page.goto(`/villages/${CODE}/`);
  await expect(page.locator('h1')).toContainText(OLD_NAME);
  await kept(page, [`/villages/${CODE}/`]);

  await context.setOffline(true);
  await page.goto('/exit/');
  await expect(note(page)).toBeVisible();
  await expect(note(page)).toContainText('离线浏览，数据截止 2018年7月20日');
  // Styles came from the cache too: the note is laid out as a banner, the nav as a row.
  expect(await note(page).evaluate((e) => getComputedStyle(e).textAlign)).toBe('center');
  await select(page, '户类型').selectOption('低保户');
  await expect(filters(page)).toHaveAttribute('data-view-source', 'answers');
  await expect(page).toHaveURL(/household_type=/);
  // A second filter needs the engine, which needs the network.
  await select(page, '脱贫成效分类').selectOption('重点帮扶');
  await expect(page.locator('[data-engine-status]')).toContainText(ENGINE_OFFLINE_MESSAGE, {
    timeout: ENGINE_TIMEOUT,
  });
  // A filtered address opens from the same kept page.
  await page.goto(`/exit/?household_type=${encodeURIComponent('特困供养户')}`);
  await expect(filters(page)).toHaveAttribute('data-view-source', 'answers');
  await expect(note(page)).toBeVisible();

  await page.goto(`/villages/${CODE}/`);
  await expect(page.locator('h1')).toContainText(OLD_NAME);
  // A page never opened here.
  await page.goto('/shuangdao/');
  await expect(page.locator('h1')).toHaveText('没有网络');
  await expect(page.locator('body')).toContainText('这个页面还没有在本机打开过');

  await context.setOffline(false);
  await page.goto('/exit/');
  await expect(note(page)).toBeHidden();
  expect(problems).toEqual([]);
  await context.close();
});

test('once used, the engine starts from the cache', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  const twoFilters = `/exit/?exit_category=${encodeURIComponent('重点帮扶')}&household_type=${encodeURIComponent('低保户')}`;
  await page.goto('/exit/');
  await kept(page, ['/exit/']);
  await page.goto(twoFilters);
  await expect(filters(page)).toHaveAttribute('data-view-source', 'engine', {
    timeout: ENGINE_TIMEOUT,
  });
  const fromWorker: string[] = [];
  const fromNetwork: string[] = [];
  context.on('response', (r) => {
    if (!/\.wasm$|duckdb-browser/.test(r.url())) return;
    const name = `${r.request().method()} ${path.basename(r.url())}`;
    (r.fromServiceWorker() ? fromWorker : fromNetwork).push(name);
  });
  await page.reload();
  await expect(filters(page)).toHaveAttribute('data-view-source', 'engine', {
    timeout: ENGINE_TIMEOUT,
  });
  expect(fromWorker.filter((f) => /^GET .*\.wasm$/.test(f))).toHaveLength(1);
  // Only the engine's HEAD check of the wasm (its size and type) goes to the network.
  expect(
    fromNetwork.filter((f) => /^GET .*\.wasm$/.test(f)),
    fromNetwork.join('\n'),
  ).toEqual([]);
  await context.close();
});

test('a new publication replaces the kept pages on the next online visit, never mixed', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const context = await browser.newContext({ baseURL: server.url });
  const problems = await guard(context);
  const page = await context.newPage();
  await page.goto('/exit/');
  await kept(page, ['/exit/']);
  await page.goto(`/villages/${CODE}/`);
  await kept(page, ['/exit/', `/villages/${CODE}/`]);
  const first = publicationOf();

  // Staff republish with a renamed village.
  rmSync(DATA_B, { recursive: true, force: true });
  cpSync('data', DATA_B, { recursive: true });
  const villages = path.join(DATA_B, 'villages.csv');
  writeFileSync(
    villages,
    readFileSync(villages, 'utf8').replace(`${CODE},${OLD_NAME},`, `${CODE},${NEW_NAME},`),
  );
  build(DATA_B);
  expect(publicationOf()).not.toBe(first);

  // The next online visit: the new page, and the new worker keeps it.
  await page.goto(`/villages/${CODE}/`);
  await expect(page.locator('h1')).toContainText(NEW_NAME);
  await kept(page, [`/villages/${CODE}/`]);
  const names = await page.evaluate(() => caches.keys());
  expect(names.filter((n) => n.startsWith('htk-pages-'))).toEqual([`htk-pages-${publicationOf()}`]);

  await context.setOffline(true);
  await page.goto(`/villages/${CODE}/`);
  await expect(note(page)).toBeVisible();
  await expect(page.locator('h1')).toContainText(NEW_NAME);
  // /exit/ was kept under the old publication only: gone with it, not shown beside the new one.
  await page.goto('/exit/');
  await expect(page.locator('h1')).toHaveText('没有网络');
  expect(problems).toEqual([]);
  await context.close();
});

test('with the server gone and the HTTP cache emptied, the page of the first visit still opens with its scripts and says 需要联网', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ baseURL: server.url });
  const problems = await guard(context);
  const page = await context.newPage();
  // The visit that installs the worker: the page's scripts and their imports load before it
  // controls anything, and the HTML names only the entry scripts.
  await page.goto('/exit/');
  await kept(page, ['/exit/', '/exit/streets.json']);
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const cache = await caches.open('htk-assets');
          const loaded = performance
            .getEntriesByType('resource')
            .map((e) => e.name)
            .filter((n) => new URL(n).pathname.startsWith('/_astro/'));
          const missing = [];
          for (const url of loaded) if (!(await cache.match(url))) missing.push(url);
          return missing;
        }),
      { timeout: 30_000 },
    )
    .toEqual([]);
  // What WebKit shows at once: nothing of the site in the HTTP cache, no server (the browser
  // itself still thinks it is online: navigator.onLine stays true).
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  const port = Number(new URL(server.url).port);
  await server.close();
  try {
    await page.goto('/exit/');
    await expect(note(page)).toBeVisible();
    await select(page, '街道').selectOption('田墘街道');
    await expect(filters(page)).toHaveAttribute('data-view-source', 'answers');
    await select(page, '户类型').selectOption('低保户');
    await expect(page.locator('[data-engine-status]')).toContainText(ENGINE_OFFLINE_MESSAGE, {
      timeout: ENGINE_TIMEOUT,
    });
  } finally {
    server = await serveStatic(SITE, port);
  }
  expect(problems).toEqual([]);
  await context.close();
});
