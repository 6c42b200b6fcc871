/**
 * Republishing under an open page. The site is built into its own folder and
 * served by the project's server from this test (not the suite's dist/, which
 * other specs read meanwhile); then staff "republish": the same build again on
 * changed data, swapped into the served folder by renames.
 *
 * The open page goes on answering from its own publication's database file
 * (the build keeps the previous ones: src/build/site/retainDatabases.ts),
 * offers the new data (数据已更新，刷新查看), and its 刷新 keeps the query.
 * When its file is gone for good, the failure says the data was updated, not
 * that the network or the browser failed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync, unlinkSync, existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serveStatic, type StaticServer } from '../../tools/serve/serve.ts';

const SITE = path.resolve('.build/republish-dist');
const DATA_B = path.resolve('.build/republish-data');
const CODE = '991502001001';
const OLD_NAME = '松堂社区';
const NEW_NAME = '松堂新社区';
const QUERY = `SELECT village_name FROM villages WHERE village_code = '${CODE}'`;

/** `npm run build` into the served folder, as staff would run it. */
function build(dataDir: string): void {
  const r = spawnSync(process.execPath, ['cli/build.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, OUT_DIR: SITE },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
}

const pointer = () =>
  JSON.parse(readFileSync(path.join(SITE, 'data', 'publication.json'), 'utf8')) as {
    db: string;
    retained: string[];
  };

let server: StaticServer;

// One folder, one server, builds in order: the tests share them and run one after the other.
test.describe.configure({ mode: 'serial' });

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

const editor = (page: Page) => page.getByRole('textbox', { name: 'SQL 查询语句' });
const summary = (page: Page) => page.locator('#explore-summary');
const cells = (page: Page) =>
  page.getByRole('table', { name: '查询结果：点击列名排序' }).locator('tbody td');

async function run(page: Page, sql: string): Promise<void> {
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(sql);
  await page.getByRole('button', { name: '运行', exact: true }).click();
  await expect(page.locator('#explore')).not.toHaveAttribute('aria-busy', 'true', {
    timeout: 45_000,
  });
}

test('a page opened before a republish answers, offers the new data, and keeps its query', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    // The file removed below: the browser and DuckDB's worker log its 404s.
    if (m.type() === 'error' && !/Failed to load resource|FAIL WITH|\[htk:missing\]/.test(m.text()))
      problems.push(m.text());
  });

  await page.goto('/explore/');
  await expect(page.locator('#explore')).toHaveAttribute('data-editor', 'codemirror');
  const oldDb = pointer().db;
  await run(page, QUERY);
  await expect(cells(page)).toHaveText([OLD_NAME]);

  // Staff republish with a renamed village.
  rmSync(DATA_B, { recursive: true, force: true });
  cpSync('data', DATA_B, { recursive: true });
  const villages = path.join(DATA_B, 'villages.csv');
  writeFileSync(
    villages,
    readFileSync(villages, 'utf8').replace(`${CODE},${OLD_NAME},`, `${CODE},${NEW_NAME},`),
  );
  build(DATA_B);
  const { db: newDb, retained } = pointer();
  expect(newDb).not.toBe(oldDb);
  expect(retained).toContain(oldDb);
  expect(existsSync(path.join(SITE, 'data', oldDb))).toBe(true);

  // The open page still answers, from its own publication (as its HTML shows it)…
  await run(page, `${QUERY} -- again`);
  await expect(page.locator('#explore-error')).toBeHidden();
  await expect(cells(page)).toHaveText([OLD_NAME]);
  // …and offers the new one.
  const update = page.locator('#explore-update');
  await expect(update).toContainText('数据已更新，刷新查看');

  // 刷新: the new publication, the query kept and run again.
  await update.getByRole('button', { name: '刷新' }).click();
  await expect(page.locator('#explore')).toHaveAttribute('data-db-url', `/data/${newDb}`);
  await expect(editor(page)).toHaveText(`${QUERY} -- again`);
  await expect(cells(page)).toHaveText([NEW_NAME], { timeout: 45_000 });
  await expect(update).toBeHidden();
  expect(problems).toEqual([]);
  await context.close();
});

test('when the page’s database file is gone, the failure says the data was updated', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto('/explore/');
  await expect(page.locator('#explore')).toHaveAttribute('data-editor', 'codemirror');
  await run(page, 'SELECT 1 AS warm');
  await expect(summary(page)).toContainText('共 1 行');

  // The page's file leaves the site (its retention is over); another publication is current.
  const ownDb = pointer().db;
  const served = path.join(SITE, 'data', ownDb);
  const kept = `${served}.kept`;
  cpSync(served, kept);
  unlinkSync(served);
  const pointerFile = path.join(SITE, 'data', 'publication.json');
  const saved = readFileSync(pointerFile, 'utf8');
  writeFileSync(
    pointerFile,
    JSON.stringify({ db: 'huitoukan.0123456789.duckdb', as_of: '', retained: [] }),
  );
  try {
    await run(page, 'SELECT count(DISTINCT responsible_unit) AS u FROM rectifications');
    await expect(page.locator('#explore-error')).toContainText('数据已更新');
    const status = page.locator('#explore-status');
    await expect(status).toHaveAttribute('data-engine-error', 'republished');
    await expect(status).toContainText('数据已更新，刷新查看。');
    await expect(status.getByRole('button', { name: '刷新' })).toBeVisible();
  } finally {
    cpSync(kept, served);
    unlinkSync(kept);
    writeFileSync(pointerFile, saved);
  }
  await context.close();
});

test('a topic page opened before a republish filters from its own publication and offers the new one, keeping the filter', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto('/exit/');
  const filters = page.locator('[data-topic-filters]');
  const streetSelect = page.getByRole('combobox', { name: '街道', exact: true });
  const street = (await streetSelect.locator('option').nth(1).getAttribute('value')) ?? '';

  // Staff republish (the renamed village back): this page's answers folder is gone.
  build('data');
  // The street: from the answers the page fetched after first paint (its own publication);
  // the street's own file, with its villages, is gone (404), and the page asks what happened.
  await streetSelect.selectOption(street);
  await expect(filters).toHaveAttribute('data-view-source', 'answers');
  const update = page.locator('[data-publication-update]');
  await expect(update).toContainText('数据已更新，刷新查看（筛选会保留）。');
  // A village: no answer file any more, so its own database file (kept by the build) answers.
  const villageSelect = page.getByRole('combobox', { name: '村', exact: true });
  const village = (await villageSelect.locator('option').nth(1).getAttribute('value')) ?? '';
  await villageSelect.selectOption(village);
  await expect(filters).toHaveAttribute('data-view-source', 'engine', { timeout: 60_000 });
  await expect(page.locator('[data-engine-status]')).not.toHaveAttribute('data-engine-error', /.+/);
  await update.getByRole('button', { name: '刷新' }).click();
  // The new publication, the filters kept, answered from the new answers.
  await expect(page).toHaveURL(/\?street=.+&village=\d+$/);
  await expect(streetSelect).toHaveValue(street);
  await expect(villageSelect).toHaveValue(village);
  await expect(filters).toHaveAttribute('data-view-source', 'answers', { timeout: 60_000 });
  await expect(update).toBeHidden();
  expect(problems).toEqual([]);
  await context.close();
});
