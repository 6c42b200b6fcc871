/**
 * /explore/ and a topic page when the network fails: the database file's range reads meet 503s,
 * cut connections, a server that is gone, a browser that goes offline. Faults
 * are injected by the site's server for this test's requests only
 * (tools/serve/faults.ts via tests/e2e/faultScope.ts): the DuckDB worker's
 * requests cannot be faked in the browser. Skipped where the server injects
 * none (nginx).
 */
import type { Page } from '@playwright/test';
import {
  ENGINE_DATA_DOWNLOAD_MESSAGE,
  ENGINE_RETRY_ONLINE_NOTE,
} from '../../src/client/engineStatus.ts';
import { faultScope, type FaultScope } from './faultScope.ts';
import { test, expect } from './fixtures.ts';

// What the browser and DuckDB-WASM's worker log when a request fails: expected here.
test.use({
  expectedConsoleError:
    /Failed to load resource|FAIL WITH|\[htk:network\]|net::ERR_INTERNET_DISCONNECTED/,
});

const DB = '\\.duckdb$';
const editor = (page: Page) => page.getByRole('textbox', { name: 'SQL 查询语句' });
const status = (page: Page) => page.locator('#explore-status');
const summary = (page: Page) => page.locator('#explore-summary');
const alert = (page: Page) => page.locator('#explore-error');

async function setSql(page: Page, sql: string): Promise<void> {
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(sql);
}

/** Runs `sql` and waits until the page is done (a result or a message). */
async function run(page: Page, sql: string): Promise<void> {
  await setSql(page, sql);
  await page.getByRole('button', { name: '运行', exact: true }).click();
  await expect(page.locator('#explore')).not.toHaveAttribute('aria-busy', 'true', {
    timeout: 45_000,
  });
}

/** /explore/ with the engine started and the faults scope ready (the test is skipped without one). */
async function ready(page: Page, baseURL: string | undefined): Promise<FaultScope> {
  const faults = await faultScope(page.context(), baseURL as string);
  test.skip(!faults, 'the server does not inject faults (nginx)');
  await page.goto('/explore/');
  await expect(page.locator('#explore')).toHaveAttribute('data-editor', 'codemirror');
  await run(page, 'SELECT 1 AS warm');
  await expect(summary(page)).toContainText('共 1 行');
  return faults as FaultScope;
}

/** Reads every column of a table the page has not touched yet: new range reads. */
const SCAN = 'SELECT count(*) AS n, count(DISTINCT responsible_unit) AS u FROM rectifications';

test('range reads that fail twice with 503 are retried; the query just answers', async ({
  page,
  baseURL,
}) => {
  const faults = await ready(page, baseURL);
  await faults.set([{ path: DB, method: 'GET', fault: 503, times: 2 }]);
  await run(page, SCAN);
  await expect(alert(page)).toBeHidden();
  await expect(summary(page)).toContainText('共 1 行');
  expect((await faults.report()).rules[0]?.failed).toBe(2);
});

test('a connection cut in the middle of a range is retried', async ({ page, baseURL }) => {
  const faults = await ready(page, baseURL);
  await faults.set([{ path: DB, method: 'GET', fault: 'truncate', times: 1 }]);
  await run(page, SCAN);
  await expect(alert(page)).toBeHidden();
  await expect(summary(page)).toContainText('共 1 行');
  expect((await faults.report()).rules[0]?.failed).toBe(1);
});

test('a data file that stays unreachable is named, its result cleared, and 重试 recovers', async ({
  page,
  baseURL,
}) => {
  const faults = await ready(page, baseURL);
  await faults.set([{ path: DB, fault: 'reset' }]);
  await run(page, SCAN);
  await expect(alert(page)).toContainText('下载失败');
  await expect(page.locator('#explore-result')).toBeHidden();
  await expect(status(page)).toHaveAttribute('data-engine-error', 'network');
  await expect(status(page)).toContainText(ENGINE_DATA_DOWNLOAD_MESSAGE);
  await expect(status(page)).not.toContainText('浏览器'); // not blamed on the browser
  // The read was tried four times (the first and three retries), then given up.
  const tries = (await faults.report()).requests.filter((r) => r.method === 'GET');
  expect(tries.length).toBeGreaterThanOrEqual(4);

  await faults.clear(); // the server is back
  await status(page).getByRole('button', { name: '重试' }).click();
  await expect(summary(page)).toContainText('共 1 行', { timeout: 45_000 });
  await expect(alert(page)).toBeHidden();
  await expect(status(page)).toHaveAttribute('data-engine-state', 'ready');
});

test('the data file unreachable when the engine starts: named, then 重试 starts it', async ({
  page,
  baseURL,
}) => {
  const faults = await faultScope(page.context(), baseURL as string);
  test.skip(!faults, 'the server does not inject faults (nginx)');
  await faults?.set([{ path: DB, fault: 503 }]);
  await page.goto('/explore/');
  await editor(page).focus(); // starts the engine
  await expect(status(page)).toHaveAttribute('data-engine-error', 'network', { timeout: 45_000 });
  await expect(status(page)).toContainText(ENGINE_DATA_DOWNLOAD_MESSAGE);
  await faults?.clear();
  await status(page).getByRole('button', { name: '重试' }).click();
  await expect(status(page)).toHaveAttribute('data-engine-state', 'ready', { timeout: 45_000 });
  await run(page, 'SELECT count(*) AS n FROM villages');
  await expect(summary(page)).toContainText('共 1 行');
});

test('offline, the failure is named; back online, the query runs again by itself', async ({
  page,
  baseURL,
  context,
}) => {
  const faults = await ready(page, baseURL);
  // Every request of this test fails at the server, and the browser says it is offline.
  await faults.set([{ path: '', fault: 'reset' }]);
  await context.setOffline(true);
  await run(page, SCAN);
  await expect(status(page)).toHaveAttribute('data-engine-error', 'network');
  await expect(status(page)).toContainText(ENGINE_RETRY_ONLINE_NOTE);
  await expect(page.locator('#explore-result')).toBeHidden();

  await faults.clear();
  await context.setOffline(false); // fires `online`: no click needed
  await expect(summary(page)).toContainText('共 1 行', { timeout: 45_000 });
  await expect(alert(page)).toBeHidden();
});

test('while the data file is slow, 停止 ends the wait; the next query runs', async ({
  page,
  baseURL,
}) => {
  const faults = await ready(page, baseURL);
  // The range reads wait at the server until the test lets them go: no timer to race.
  await faults.set([{ path: DB, fault: 'hold' }]);
  await setSql(page, SCAN);
  await page.getByRole('button', { name: '运行', exact: true }).click();
  await expect(page.locator('#explore')).toHaveAttribute('aria-busy', 'true');
  await page.getByRole('button', { name: '停止' }).click();
  await expect(alert(page)).toHaveText('查询已停止。');
  await faults.clear();
  await run(page, SCAN);
  await expect(alert(page)).toBeHidden();
  await expect(summary(page)).toContainText('共 1 行');
});

test.describe('on a topic page', () => {
  const filters = (page: Page) => page.locator('[data-topic-filters]');
  const topicStatus = (page: Page) => page.locator('[data-engine-status]');
  const select = (page: Page, label: string) =>
    page.getByRole('combobox', { name: label, exact: true });
  const figures = (page: Page) =>
    page.locator('main dl[id]').evaluateAll((dls) => dls.map((d) => d.innerHTML));

  test('a database file that stays unreachable: the failure is named, the form and address follow the figures, 重试 recovers', async ({
    page,
    baseURL,
  }) => {
    const faults = await faultScope(page.context(), baseURL as string);
    test.skip(!faults, 'the server does not inject faults (nginx)');
    await faults?.set([{ path: DB, fault: 503 }]);
    await page.goto('/exit/');
    await select(page, '户类型').selectOption('低保户');
    await expect(filters(page)).toHaveAttribute('data-view-source', 'answers');
    const shown = await figures(page);
    // Two filters need the engine, which cannot read its database file.
    await select(page, '三保障缺口').selectOption('任一项');
    await expect(topicStatus(page)).toHaveAttribute('data-engine-error', 'network', {
      timeout: 45_000,
    });
    await expect(topicStatus(page)).toContainText(ENGINE_DATA_DOWNLOAD_MESSAGE);
    await expect(topicStatus(page)).toContainText('未能显示：已筛选：户类型 低保户；');
    // Never a filter shown as applied over figures that do not show it.
    await expect(select(page, '三保障缺口')).toHaveValue('');
    expect(new URL(page.url()).searchParams.get('gap')).toBeNull();
    expect(await figures(page)).toEqual(shown);

    await faults?.clear(); // the server is back
    await topicStatus(page).getByRole('button', { name: '重试' }).click();
    await expect(filters(page)).toHaveAttribute('data-view-source', 'engine', { timeout: 45_000 });
    await expect(select(page, '三保障缺口')).toHaveValue('任一项');
    expect(new URL(page.url()).searchParams.get('gap')).toBe('任一项');
    expect(await figures(page)).not.toEqual(shown);
    await expect(topicStatus(page)).toHaveAttribute('data-engine-state', 'ready');
  });

  test('range reads that fail twice are retried; the combined filter just answers', async ({
    page,
    baseURL,
  }) => {
    const faults = await faultScope(page.context(), baseURL as string);
    test.skip(!faults, 'the server does not inject faults (nginx)');
    await faults?.set([{ path: DB, method: 'GET', fault: 503, times: 2 }]);
    await page.goto(
      `/exit/?household_type=${encodeURIComponent('低保户')}&gap=${encodeURIComponent('任一项')}`,
    );
    await expect(filters(page)).toHaveAttribute('data-view-source', 'engine', { timeout: 45_000 });
    await expect(topicStatus(page)).toHaveAttribute('data-engine-state', 'ready');
    expect((await faults?.report())?.rules[0]?.failed).toBe(2);
  });
});
