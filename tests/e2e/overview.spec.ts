/**
 * The overview against an independent computation: DuckDB's own read_csv over
 * the raw CSVs in data/ (not our validator, publisher or queries).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';
import { test, expect } from './fixtures.ts';

const DATA = path.resolve(process.env.E2E_DATA_DIR ?? 'data');

async function expected() {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const csv = (f: string) => `read_csv('${path.join(DATA, f)}', all_varchar = true, header = true)`;
  const one = async (sql: string) =>
    (await c.runAndReadAll(sql)).getRowObjectsJS()[0] as Record<string, bigint>;
  const hh = await one(`SELECT
      count(*) FILTER (WHERE 建档状态 <> '清退') AS now,
      sum(家庭人口::INTEGER) FILTER (WHERE 建档状态 <> '清退') AS persons_now,
      count(*) FILTER (WHERE 建档状态 = '已脱贫') AS exited,
      count(*) FILTER (WHERE 建档状态 <> '清退' AND (义务教育保障 = '否' OR 基本医疗保障 = '否' OR 住房安全保障 = '否')) AS gaps
    FROM ${csv('households.csv')}`);
  const ch = await one(`SELECT
      count(*) FILTER (WHERE 变动类型 = '新增纳入') AS added,
      count(*) FILTER (WHERE 变动类型 = '清退') AS removed
    FROM ${csv('household_changes.csv')}`);
  const rc = await one(`SELECT
      count(*) FILTER (WHERE 整改状态 = '已完成') AS done,
      count(*) FILTER (WHERE 整改状态 = '整改中') AS in_progress,
      count(*) FILTER (WHERE 整改状态 = '未启动') AS not_started
    FROM ${csv('rectifications.csv')}`);
  const n = (v: bigint | undefined) => Number(v ?? 0);
  return {
    建档立卡户数: n(hh.now),
    回头看新增纳入: n(ch.added),
    清退: n(ch.removed),
    已脱贫: n(hh.exited),
    三保障有缺口户数: n(hh.gaps),
    已完成: n(rc.done),
    整改中: n(rc.in_progress),
    未启动: n(rc.not_started),
    persons_now: n(hh.persons_now),
  };
}

const figure = async (page: import('@playwright/test').Page, label: string) => {
  const text = await page.locator(`[data-figure="${label}"]`).first().innerText();
  return Number(text.replace(/[^\d]/g, ''));
};

test('the overview figures equal an independent computation from the CSVs', async ({ page }) => {
  const want = await expected();
  await page.goto('/');
  for (const label of [
    '建档立卡户数',
    '回头看新增纳入',
    '清退',
    '已脱贫',
    '三保障有缺口户数',
    '已完成',
    '整改中',
    '未启动',
  ] as const) {
    expect(await figure(page, label), label).toBe(want[label]);
  }
  await expect(
    page.getByText(`${want.persons_now.toLocaleString('zh-CN')} 人`).first(),
  ).toBeVisible();
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });
  test('the overview shows its figures and charts', async ({ page }) => {
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('[data-figure="建档立卡户数"]')).toHaveText(/\d/);
    const charts = page.locator('figure svg');
    expect(await charts.count()).toBeGreaterThanOrEqual(3);
    await expect(charts.first()).toBeVisible();
    // The sample data says so on every page.
    await expect(page.getByRole('note')).toContainText('示例数据');
  });
});
