/**
 * /registration/ against an independent computation: DuckDB's own read_csv over
 * the raw CSVs in data/ (not our validator, publisher or queries).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

const DATA = path.resolve(process.env.E2E_DATA_DIR ?? 'data');

async function expected() {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const csv = (f: string) => `read_csv('${path.join(DATA, f)}', all_varchar = true, header = true)`;
  const all = async (sql: string) =>
    (await c.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  await c.run(`CREATE TABLE hh AS SELECT * FROM ${csv('households.csv')}`);
  await c.run(`CREATE TABLE ch AS SELECT * FROM ${csv('household_changes.csv')}`);
  await c.run(`CREATE TABLE v AS SELECT * FROM ${csv('villages.csv')}`);
  // "Start" = households that were not added during the review.
  const [t] = await all(`SELECT
      count(*) FILTER (WHERE 户编号 NOT IN (SELECT 户编号 FROM ch WHERE 变动类型 = '新增纳入')) AS start,
      count(*) FILTER (WHERE 建档状态 <> '清退') AS now,
      count(*) FILTER (WHERE 建档状态 = '已脱贫') AS exited,
      (SELECT count(*) FROM ch WHERE 变动类型 = '新增纳入') AS added,
      (SELECT count(*) FROM ch WHERE 变动类型 = '清退') AS removed,
      (SELECT count(*) FROM ch) AS records,
      -- Reason tallies cover the calendar months closed before the as-of date (2018-07-20): June.
      (SELECT count(*) FROM ch WHERE 变动日期 < '2018-07-01') AS records_closed,
      (SELECT max(变动日期) FROM ch) AS latest
    FROM hh`);
  const streets =
    await all(`SELECT v.街道 AS street, count(*) FILTER (WHERE 建档状态 <> '清退') AS now
    FROM hh JOIN v USING (村代码) GROUP BY ALL`);
  const n = (x: unknown) => Number(x ?? 0);
  return {
    totals: {
      回头看开始时: n(t?.start),
      新增纳入: n(t?.added),
      清退: n(t?.removed),
      已脱贫: n(t?.exited),
      现有建档立卡: n(t?.now),
    },
    records: n(t?.records),
    recordsClosed: n(t?.records_closed),
    latest: String(t?.latest),
    streets: streets.map((s) => ({ street: String(s.street), now: n(s.now) })),
  };
}

const figure = async (page: Page, label: string) =>
  Number(
    (await page.locator(`[data-figure="${label}"]`).first().innerText()).replace(/[^\d]/g, ''),
  );
const num = (s: string | null) => Number((s ?? '').replace(/[^\d-]/g, ''));

test('the headline figures equal an independent computation from the CSVs', async ({ page }) => {
  const want = await expected();
  expect((await page.goto('/registration/'))?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('建档立卡与户数人数变动');
  for (const [label, value] of Object.entries(want.totals))
    expect(await figure(page, label), label).toBe(value);
  await expect(page.locator('#registration-start-note')).toContainText(
    '开始 = 现有 − 新增纳入 + 清退',
  );
});

test('the street table shows each street with its current households, and links to the street page', async ({
  page,
}) => {
  const want = await expected();
  await page.goto('/registration/');
  const table = page.locator('#registration-streets table');
  const headers = await table.locator('thead th').allTextContents();
  const nowCol = headers.indexOf('现有户数');
  expect(nowCol).toBeGreaterThan(0);
  for (const s of want.streets) {
    const row = table
      .locator('tbody tr')
      .filter({ has: page.getByRole('link', { name: s.street, exact: true }) });
    await expect(row).toHaveCount(1);
    expect(num(await row.locator('td').nth(nowCol).textContent()), s.street).toBe(s.now);
    await expect(row.getByRole('link')).toHaveAttribute(
      'href',
      `/streets/${encodeURIComponent(s.street)}/`,
    );
  }
  const total = table.locator('tbody tr').last();
  await expect(total.locator('td').first()).toHaveText('合计');
  expect(num(await total.locator('td').nth(nowCol).textContent())).toBe(want.totals.现有建档立卡);
});

test('the weekly chart counts every change record once', async ({ page }) => {
  const want = await expected();
  await page.goto('/registration/');
  const figureEl = page.locator('#registration-weekly');
  await expect(figureEl.locator('svg')).toBeVisible();
  await expect(figureEl).toContainText(`共 ${want.records.toLocaleString('zh-CN')} 条变动记录`);
  const headers = await figureEl.locator('thead th').allTextContents();
  const totalCol = headers.indexOf('合计');
  const sums = await figureEl
    .locator('tbody tr')
    .evaluateAll(
      (rows, col) => rows.map((r) => Number(r.children[col]?.getAttribute('data-v') ?? 0)),
      totalCol,
    );
  expect(sums.reduce((a, b) => a + b, 0)).toBe(want.records);
});

test('single change records are not listed: the count, and reason categories only where enough', async ({
  page,
}) => {
  const want = await expected();
  await page.goto('/registration/');
  await expect(page.locator('#registration-records-note')).toContainText(
    want.records.toLocaleString('zh-CN'),
  );
  await expect(page.locator('#registration-records time')).toHaveCount(0);
  const reasons = page.locator('#registration-reasons');
  await expect(reasons.locator('caption')).toHaveText(
    '全区的变动原因类别，只计已结束的月份（截至 2018 年 6 月底；本月的变动在月底以后的发布中公开）',
  );
  const counts = await reasons
    .locator('tbody td.num')
    .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-v') ?? 0)));
  // Only June's records: July had not ended on 2018-07-20.
  expect(want.recordsClosed).toBeLessThan(want.records);
  expect(counts.reduce((a, b) => a + b, 0)).toBe(want.recordsClosed);
  // Free-text reasons stay out of the page.
  const text = (await page.locator('main').textContent()) ?? '';
  expect(text).not.toContain('商品房');
  expect(text).not.toContain('小汽车');
});

test("a village filter shows the village's own persons, never the street's left in place; Back brings the street's again", async ({
  page,
}) => {
  await page.goto('/registration/');
  const note = (label: string) => page.locator(`dd[data-figure="${label}"] + dd`);
  const settled = () => expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
  await page.getByRole('combobox', { name: '街道', exact: true }).selectOption('田墘街道');
  await expect(page).toHaveURL(/street=/);
  await settled();
  const street = (await note('新增纳入').textContent()) ?? '';
  expect(street).toMatch(/\d 人/);
  // 松堂社区 had one household added: below street level a count only, its persons withheld.
  await page.getByRole('combobox', { name: '村', exact: true }).selectOption('991502001001');
  await expect(page).toHaveURL(/village=/);
  await settled();
  await expect(page.locator('[data-figure="新增纳入"]')).toHaveText(/^\s*1\s*户/);
  await expect(note('新增纳入')).toBeHidden();
  await page.goBack();
  await settled();
  await expect(note('新增纳入')).toBeVisible();
  await expect(note('新增纳入')).toHaveText(street);
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });
  test('the page reads fully: figures, both waterfalls, tables', async ({ page }) => {
    expect((await page.goto('/registration/'))?.status()).toBe(200);
    await expect(page.locator('[data-figure="现有建档立卡"]')).toHaveText(/\d/);
    for (const id of ['registration-households-waterfall', 'registration-persons-waterfall']) {
      await expect(page.locator(`#${id} svg`)).toBeVisible();
      await expect(page.locator(`#${id}`).getByText('查看数据表')).toBeVisible();
    }
    await expect(page.locator('#registration-streets table')).toBeVisible();
    // The link-free text alternative of each chart is there for screen readers.
    await expect(page.locator('#registration-households-waterfall svg desc')).toContainText('户');
  });
});
