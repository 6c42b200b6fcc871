/**
 * /explore/ — read-only SQL over the published tables, in the browser.
 * Expected numbers come from the raw data folder (data/*.csv), not from the
 * publisher; the attacks check that nothing typed reaches beyond the
 * published file (a local server on another port stands in for "elsewhere").
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import Papa from 'papaparse';
import type { Locator, Page } from '@playwright/test';
import { EXPLORE_EXAMPLES } from '../../src/views/explore/exploreExamples.ts';
import { PUBLISHED_TABLES } from '../../src/contract/published.ts';
import { test, expect } from './fixtures.ts';

const DATA = path.resolve(process.env.E2E_DATA_DIR ?? 'data');
const csv = (file: string) =>
  Papa.parse<Record<string, string>>(
    readFileSync(path.join(DATA, file), 'utf8').replace(/^\uFEFF/, ''),
    { header: true, skipEmptyLines: 'greedy' },
  ).data;
const asOf = (
  JSON.parse(readFileSync(path.join(DATA, 'campaign.json'), 'utf8')) as { as_of: string }
).as_of;
/** 2018-06-05, 2018/6/5, 2018.6.5, 2018年6月5日 → 2018-06-05 (the contract's accepted forms). */
const iso = (s: string | undefined) => {
  const m = /^(\d{4})\D(\d{1,2})\D(\d{1,2})/.exec((s ?? '').trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : '';
};
/** 逾期未整改: not done and past its deadline on the data's as-of date (the contract's 逾期). */
const overdueOpen = csv('rectifications.csv').filter(
  (r) => r['整改状态'] !== '已完成' && iso(r['整改时限']) < asOf,
);
/** 重点帮扶 households per street, through villages.csv. */
const keySupportByStreet = (() => {
  const streetOf = new Map(csv('villages.csv').map((v) => [v['村代码'], v['街道']]));
  const counts = new Map<string, number>();
  for (const h of csv('households.csv')) {
    if (h['脱贫成效分类'] !== '重点帮扶') continue;
    const street = streetOf.get(h['村代码']) ?? '?';
    counts.set(street, (counts.get(street) ?? 0) + 1);
  }
  return counts;
})();

/** The SQL editor: CodeMirror's text box once loaded, the <textarea> before (and without JavaScript). */
const editor = (page: Page) => page.getByRole('textbox', { name: 'SQL 查询语句' });
const runButton = (page: Page) => page.getByRole('button', { name: '运行', exact: true });
const result = (page: Page) => page.getByRole('table', { name: '查询结果：点击列名排序' });
const alert = (page: Page) => page.locator('#explore-error');
const summary = (page: Page) => page.locator('#explore-summary');
const digits = (s: string | null) => Number((s ?? '').replace(/[^\d.-]/g, ''));

/** Opens the page and waits until CodeMirror has replaced the textarea (after the first paint). */
async function openExplore(page: Page, search = ''): Promise<void> {
  await page.goto(`/explore/${search}`);
  await expect(page.locator('#explore')).toHaveAttribute('data-editor', 'codemirror');
}

/**
 * Replaces the editor's text with `sql` as typing would. Not `fill()`: on a
 * contenteditable it uses execCommand('insertText'), which fires no
 * `beforeinput` — Chromium then styles the new lines with a style attribute,
 * which the CSP blocks (a console error no visitor's typing or pasting causes).
 */
async function setSql(page: Page, sql: string): Promise<void> {
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(sql);
}

/** Types `sql`, presses 运行 and waits until the page is done (a result or a message). */
async function run(page: Page, sql: string): Promise<void> {
  await setSql(page, sql);
  await runButton(page).click();
  await expect(page.locator('#explore')).not.toHaveAttribute('aria-busy', 'true', {
    timeout: 45_000,
  });
}

async function columnTexts(table: Locator, index: number): Promise<string[]> {
  return table.locator(`tbody tr td:nth-child(${index + 1})`).allTextContents();
}

/** Counts requests to a local server on another port: "anywhere but the site". */
async function elsewhere(): Promise<{ url: string; hits: string[]; close(): void }> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/csv' });
    res.end('a,b\n1,2\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, hits, close: () => server.close() };
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page documents every published table, its columns and the example queries', async ({
    page,
  }) => {
    expect((await page.goto('/explore/'))?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('查询数据');
    for (const t of PUBLISHED_TABLES) {
      const section = page.locator(`#table-${t.name}`);
      await expect(section.locator('summary')).toContainText(t.name);
      await expect(section.locator('summary')).toContainText(`${t.columns.length} 列`);
      const names = await section.locator('tbody th code').allTextContents();
      expect(names).toEqual(t.columns.map((c) => c.name));
      await expect(section.locator('tbody')).toContainText(t.columns[0]!.label);
    }
    for (const title of [
      '各街道重点帮扶户数',
      '逾期未整改问题',
      '各村“三保障”缺口',
      '各领域未建立长效机制的“双到”村',
      '每周新增纳入与清退',
    ]) {
      const example = page.getByRole('article', { name: title });
      const sql = EXPLORE_EXAMPLES.find((e) => e.title === title)?.sql;
      // Exactly the SQL, as written: no indentation added inside the <pre>.
      expect(await example.locator('pre').textContent()).toBe(sql);
    }
    await expect(editor(page)).toBeVisible();
    await expect(page.getByRole('button', { name: '载入编辑器' }).first()).toBeHidden();
  });
});

test('the engine loads on the first focus of the editor, not on view', async ({ page }) => {
  const wasm: string[] = [];
  page.context().on('request', (r) => {
    if (r.url().endsWith('.wasm')) wasm.push(r.url());
  });
  await openExplore(page);
  await expect(runButton(page)).toBeEnabled();
  // Loaded, idle, the editor in place: still no engine download.
  expect(wasm).toEqual([]);
  await editor(page).focus();
  const status = page.locator('[data-engine-status]');
  await expect(status).toHaveAttribute('data-engine-state', /loading|ready/);
  await expect(status).toHaveAttribute('data-engine-state', 'ready', { timeout: 45_000 });
  expect(wasm.length).toBeGreaterThan(0);
});

test('an example query runs and counts what the raw data says (逾期未整改问题)', async ({
  page,
}) => {
  expect(overdueOpen.length, 'the sample data has overdue open items').toBeGreaterThan(0);
  await openExplore(page);
  const example = page.getByRole('article', { name: '逾期未整改问题' });
  await example.getByRole('button', { name: '载入编辑器' }).click();
  await expect(editor(page)).toBeFocused();
  await expect(editor(page)).toHaveText(/FROM rectifications/);
  await runButton(page).click();
  await expect(summary(page)).toContainText(`共 ${overdueOpen.length.toLocaleString('en')} 行`, {
    timeout: 45_000,
  });
  await expect(summary(page)).toContainText(/用时 [\d.]+ 秒/);
  const ids = await columnTexts(result(page), 0);
  expect(ids.sort()).toEqual(overdueOpen.map((r) => r['问题编号']).sort());
  // The address now carries the query, to share it.
  expect(new URL(page.url()).searchParams.get('sql')).toContain('FROM rectifications');
});

test('各街道重点帮扶户数 matches the household file, and headers sort the rows', async ({
  page,
}) => {
  await openExplore(page);
  await page
    .getByRole('article', { name: '各街道重点帮扶户数' })
    .getByRole('button', { name: '载入编辑器' })
    .click();
  await runButton(page).click();
  const table = result(page);
  await expect(table.locator('tbody tr')).toHaveCount(keySupportByStreet.size, { timeout: 45_000 });
  const streets = await columnTexts(table, 0);
  const counts = (await columnTexts(table, 1)).map(digits);
  expect(new Map(streets.map((s, i) => [s, counts[i]]))).toEqual(keySupportByStreet);
  expect(counts).toEqual([...counts].sort((a, b) => b - a)); // ORDER BY … DESC

  const countHeader = table.getByRole('columnheader', { name: /重点帮扶户数/ });
  await countHeader.getByRole('button').click();
  await expect(countHeader).toHaveAttribute('aria-sort', 'ascending');
  const up = (await columnTexts(table, 1)).map(digits);
  expect(up).toEqual([...counts].sort((a, b) => a - b));
  await countHeader.getByRole('button').click();
  await expect(countHeader).toHaveAttribute('aria-sort', 'descending');
  expect((await columnTexts(table, 1)).map(digits)).toEqual([...counts].sort((a, b) => b - a));

  const streetHeader = table.getByRole('columnheader', { name: /街道/ });
  await streetHeader.getByRole('button').click();
  await expect(streetHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(countHeader).not.toHaveAttribute('aria-sort', /./);
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  expect(await columnTexts(table, 0)).toEqual([...streets].sort(collator.compare));
});

test('an SQL error is a clear message, not a crash; the next query works', async ({ page }) => {
  await openExplore(page);
  await run(page, 'SELECT *\nFORM villages');
  await expect(alert(page)).toBeVisible();
  await expect(alert(page)).toContainText('SQL 语法错误');
  await expect(alert(page)).toContainText('LINE 2:'); // the visitor's line, not the wrapped one
  await run(page, 'SELECT * FROM no_such_table');
  await expect(alert(page)).toContainText('找不到表');
  await run(page, 'SELECT count(*) AS n FROM villages');
  await expect(alert(page)).toBeHidden();
  await expect(summary(page)).toContainText('共 1 行');
  expect(digits((await columnTexts(result(page), 0))[0] ?? '')).toBe(csv('villages.csv').length);
});

test('reading a URL fails before any request leaves the site', async ({ page, baseURL }) => {
  const other = await elsewhere();
  const origin = new URL(baseURL as string).origin;
  const offSite: string[] = [];
  // Context-wide: requests from the engine's worker included.
  page.context().on('request', (r) => {
    if (!/^(data|blob):/.test(r.url()) && new URL(r.url()).origin !== origin) offSite.push(r.url());
  });
  try {
    await openExplore(page);
    for (const sql of [
      `SELECT * FROM read_csv('${other.url}/x.csv')`,
      `FROM '${other.url}/y.csv'`,
      `SELECT * FROM read_text('${other.url}/z')`,
      "SELECT * FROM read_csv('http://example.com/x')",
      "SELECT * FROM glob('/*')",
    ]) {
      await run(page, sql);
      await expect(alert(page), sql).toContainText('不允许访问');
      await expect(alert(page), sql).toContainText('Permission Error');
    }
    // Each query failed with DuckDB's Permission Error, raised before any request.
    expect(other.hits).toEqual([]);
    expect(offSite).toEqual([]);
  } finally {
    other.close();
  }
});

test('a query past the memory limit says to narrow it, and the engine goes on', async ({
  page,
}) => {
  await openExplore(page);
  // A list of 200 million BIGINTs is 1.6 GB, past the 1 GB memory_limit
  // (src/engine/browser/browserEngine.ts) whatever the machine: DuckDB fails when it
  // reaches the limit, about 1.3 s in (the query timeout is 15 s). The sort of 50
  // million random numbers used before took 12-13 s and lost to the timeout on a busy machine.
  await run(page, 'SELECT length(list(range)) AS n FROM range(200000000)');
  await expect(alert(page)).toContainText('内存不足：请缩小查询范围');
  await expect(alert(page)).not.toContainText('memory_limit');
  await run(page, 'SELECT count(*) AS n FROM households');
  await expect(alert(page)).toBeHidden();
  expect(await result(page).locator('tbody td').allTextContents()).toEqual([
    csv('households.csv')
      .filter((h) => h['建档状态'] !== '清退')
      .length.toLocaleString('zh-CN'),
  ]);
});

test('statements other than one query fail with a message and change nothing', async ({ page }) => {
  const other = await elsewhere();
  try {
    await openExplore(page);
    const refused = '本页只运行查询语句';
    for (const [sql, message] of [
      [`ATTACH '${other.url}/x.duckdb' AS x`, refused],
      ["ATTACH ':memory:' AS m", refused],
      ["COPY (SELECT * FROM households) TO 'households.csv'", refused],
      ['INSTALL httpfs', refused],
      ['LOAD httpfs', refused],
      ['SET enable_external_access = true', refused],
      ['PRAGMA version', refused],
      ['DETACH htk', refused],
      ['USE memory', refused],
      ['CREATE TABLE t AS SELECT 1', refused],
      ["EXPORT DATABASE 'x'", refused],
      ["SELECT 1; ATTACH ':memory:' AS m", '一次只能运行一条语句'],
      // Starts like a query, so only DuckDB's parser (the subquery wrapper) stops it.
      ['WITH x AS (SELECT 1 AS a) INSERT INTO memory.main.t SELECT * FROM x', 'SQL 语法错误'],
    ] as const) {
      await run(page, sql);
      await expect(alert(page), sql).toContainText(message);
    }
    // The engine is intact and still on the published file only.
    await run(
      page,
      "SELECT current_setting('enable_external_access') AS e, current_setting('lock_configuration') AS l",
    );
    await expect(alert(page)).toBeHidden();
    expect(await result(page).locator('tbody td').allTextContents()).toEqual(['否', '是']);
    await run(page, 'SELECT database_name FROM duckdb_databases() WHERE NOT internal');
    expect((await columnTexts(result(page), 0)).sort()).toEqual(['htk', 'memory']);
    expect(other.hits).toEqual([]);
  } finally {
    other.close();
  }
});

test('the CSV download has every row, a BOM and formula-neutralised cells', async ({ page }) => {
  await openExplore(page);
  await run(
    page,
    `SELECT '=1+1' AS f, '@SUM(A1)' AS g, -3 AS n, 'a,b' AS s, ['x', 'y'] AS l
     UNION ALL SELECT '+cmd|x', '＝2', 4, '普通', []`,
  );
  await expect(summary(page)).toContainText('共 2 行');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载 CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^查询结果-\d{8}-\d{4}\.csv$/);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text).toBe(
    "\uFEFFf,g,n,s,l\r\n'=1+1,'@SUM(A1),-3,\"a,b\",x；y\r\n'+cmd|x,'＝2,4,普通,\r\n",
  );
});

test('a long result shows the first 1,000 rows and stops fetching at 100,000', async ({ page }) => {
  await openExplore(page);
  await run(page, 'SELECT range AS i FROM range(150000)');
  await expect(summary(page)).toContainText('超过 100,000 行');
  await expect(page.locator('#explore-note')).toContainText('只取了前 100,000 行');
  await expect(result(page).locator('tbody tr')).toHaveCount(1000);
});

test('a query that runs too long is interrupted with a message; the next one runs on the same engine', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await openExplore(page);
  await run(page, 'SELECT 1 AS warm');
  await run(page, 'SELECT sum(a.range * b.range) FROM range(100000000) a, range(100000000) b');
  await expect(alert(page)).toContainText('查询超过 15 秒仍未完成，已停止');
  await run(page, 'SELECT 2 AS again');
  await expect(alert(page)).toBeHidden();
  await expect(summary(page)).toContainText('共 1 行');
  // Interrupted, not restarted: one engine worker for the whole visit.
  expect(workers.filter((u) => u.includes('engineWorker'))).toHaveLength(1);
});

test('停止 stops a running query at once; the engine goes on', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await openExplore(page);
  await run(page, 'SELECT 1 AS warm');
  await setSql(page, 'SELECT sum(a.range * b.range) FROM range(100000000) a, range(100000000) b');
  await runButton(page).click();
  const stop = page.getByRole('button', { name: '停止' });
  await stop.click();
  await expect(alert(page)).toHaveText('查询已停止。');
  await expect(stop).toBeHidden();
  await run(page, 'SELECT 3 AS next');
  await expect(summary(page)).toContainText('共 1 行');
  expect(workers.filter((u) => u.includes('engineWorker'))).toHaveLength(1);
});

test('an error clears the previous result, its CSV button and its address', async ({ page }) => {
  await openExplore(page);
  await run(page, 'SELECT 1 AS one');
  await expect(result(page)).toBeVisible();
  expect(new URL(page.url()).searchParams.get('sql')).toBe('SELECT 1 AS one');
  await run(page, 'SELECT nope FROM villages');
  await expect(alert(page)).toContainText('列名、类型或分组有误');
  await expect(result(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: '下载 CSV' })).toBeHidden();
  await expect(summary(page)).toBeHidden();
  // The address is the query just run (shareable, even failing), not the earlier one.
  expect(new URL(page.url()).searchParams.get('sql')).toBe('SELECT nope FROM villages');
});

test('a hint about where the query ended is said once', async ({ page }) => {
  await openExplore(page);
  await run(page, 'SELECT 1) AS t UNION ALL (SELECT 2');
  await expect(alert(page)).toContainText('SQL 语法错误');
  const detail = (await alert(page).locator('pre').textContent()) ?? '';
  expect(detail.split('出错位置在语句末尾')).toHaveLength(2);
  expect(detail).not.toContain('exception_type'); // DuckDB's text form, not its JSON
});

test('a query too long for a link says so, keeps the address clean and copies the SQL', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openExplore(page, '?sql=SELECT%201');
  // 20,000 characters, the length that made the link fail to reload (431 here, 414 from
  // nginx): Chinese text costs 9 bytes a character in an address.
  const sql = `SELECT length('${'街'.repeat(20_000)}') AS n`;
  await run(page, sql);
  await expect(summary(page)).toContainText('共 1 行');
  const share = page.locator('#explore-share');
  await expect(share).toContainText('这条查询太长');
  expect(new URL(page.url()).search).toBe('');
  await share.getByRole('button', { name: '复制 SQL' }).click();
  await expect(share.getByRole('button', { name: '已复制' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(sql);
  // A short one is shared by the address again, and the note goes.
  await run(page, 'SELECT 2 AS two');
  await expect(share).toBeHidden();
  expect(new URL(page.url()).searchParams.get('sql')).toBe('SELECT 2 AS two');
});

test('at 375 px the page, its navigation and a result fit without sideways scrolling', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await openExplore(page);
  const nav = page.getByRole('navigation', { name: '栏目' });
  await expect(nav.getByRole('link', { name: '查询' })).toHaveAttribute('aria-current', 'page');
  await run(page, 'SELECT * FROM households LIMIT 50');
  await expect(result(page).locator('tbody tr')).toHaveCount(50);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
});

test('no serious accessibility violation, before and with a result and an error', async ({
  page,
}) => {
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} ${v.help} (${v.nodes.length}×) ${v.nodes[0]?.target}`);
  await openExplore(page);
  expect(await serious()).toEqual([]);
  await run(page, 'SELECT * FROM villages');
  await expect(result(page)).toBeVisible();
  expect(await serious()).toEqual([]);
  await run(page, 'SELECT nope FROM villages');
  await expect(alert(page)).toBeVisible();
  expect(await serious()).toEqual([]);
});

test.describe('SQL editor', () => {
  test('offers the columns of households, and Ctrl+Enter runs', async ({ page }) => {
    await openExplore(page);
    const box = editor(page);
    await setSql(page, 'SELECT count(*) AS n FROM households WHERE ');
    await page.keyboard.type('housing_s');
    const options = page.getByRole('listbox').getByRole('option');
    await expect(options.first()).toContainText('housing_secured');
    await expect(options.first()).toContainText('住房安全保障'); // the column's label, from the schema
    // Taken by a click: Enter would be ignored for CodeMirror's first 75 ms after the list
    // opens (its interactionDelay, against accidental picks) — a timer a test must not race.
    await options.first().click();
    await editor(page).press('End');
    await page.keyboard.type(" = '否'");
    await expect(box).toHaveText(
      "SELECT count(*) AS n FROM households WHERE housing_secured = '否'",
    );
    await page.keyboard.press('Control+Enter');
    await expect(summary(page)).toContainText('共 1 行', { timeout: 45_000 });
    expect(digits((await columnTexts(result(page), 0))[0] ?? '')).toBe(
      csv('households.csv').filter((h) => h['住房安全保障'] === '否').length,
    );
  });

  test('is styled under the site’s CSP without any violation, off the first view’s path', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { __cspViolations: seen });
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await openExplore(page);
    await setSql(page, 'SELECT 1\nFROM villages');
    await page.keyboard.press('Enter');
    await page.keyboard.type('WHERE true');
    const styles = await page.evaluate(() => {
      const shadow = document.querySelector('[data-sql-editor]')?.shadowRoot;
      const cm = shadow?.querySelector('.cm-editor');
      return {
        adopted: shadow?.adoptedStyleSheets.length ?? 0,
        border: cm ? getComputedStyle(cm).borderTopWidth : '',
        gutter: shadow?.querySelector('.cm-gutters') !== null,
      };
    });
    expect(styles).toEqual({ adopted: 1, border: '1px', gutter: true });
    expect(
      await page.evaluate(
        () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
      ),
    ).toEqual([]);
    // Requested only after the load event: never part of the first view.
    const timing = await page.evaluate(() => ({
      load: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
        .loadEventEnd,
      editor: performance
        .getEntriesByType('resource')
        .filter((r) => /\/_astro\/sqlEditor\.[\w-]+\.js$/.test(r.name))
        .map((r) => r.startTime),
    }));
    expect(timing.editor).toHaveLength(1);
    expect(timing.editor[0]).toBeGreaterThanOrEqual(timing.load);
  });

  test('Tab leaves the editor for the next control', async ({ page }) => {
    await openExplore(page);
    await editor(page).click();
    await page.keyboard.press('Tab');
    await expect(runButton(page)).toBeFocused();
  });

  test('without constructable stylesheets the textarea stays, and works', async ({ page }) => {
    await page.addInitScript(() => {
      // As in Safari before 16.4 or Firefox before 101.
      delete (Document.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
      delete (ShadowRoot.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
    });
    await page.goto('/explore/');
    await page.waitForLoadState('load');
    await run(page, 'SELECT 4 AS four');
    await expect(summary(page)).toContainText('共 1 行');
    await expect(page.locator('#explore-sql')).toBeVisible();
    await expect(page.locator('[data-sql-editor]')).toHaveCount(0);
  });
});
