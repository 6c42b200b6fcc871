/**
 * 更新记录: the page lists the publication the site was built from (the
 * bundled sample, or E2E_DATA_DIR), its figures agree with DuckDB's own
 * read_csv over the raw CSVs, and the blank templates are served.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { test, expect } from './fixtures.ts';

const DATA = path.resolve(process.env.E2E_DATA_DIR ?? 'data');
const asOf = (
  JSON.parse(readFileSync(path.join(DATA, 'campaign.json'), 'utf8')) as { as_of: string }
).as_of;

async function registeredHouseholds(): Promise<number> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const file = path.join(DATA, 'households.csv');
  const rows = (
    await c.runAndReadAll(
      `SELECT count(*) AS n FROM read_csv('${file}', all_varchar = true, header = true) WHERE 建档状态 <> '清退'`,
    )
  ).getRowObjectsJS();
  return Number(rows[0]?.n ?? 0);
}

test('the updates page lists the current publication with its figures', async ({ page }) => {
  const response = await page.goto('/updates/');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: '更新记录' })).toBeVisible();

  const card = page.locator(`#publication-${asOf}`);
  await expect(card).toBeVisible();
  await expect(card.getByRole('heading', { level: 3 })).toContainText('本次');
  const [y, m, d] = asOf.split('-').map(Number);
  await expect(card.locator('time')).toHaveText(`${y}年${m}月${d}日`);

  const households = await card
    .getByRole('row', { name: /^建档立卡户数/ })
    .getByRole('cell')
    .getAttribute('data-v');
  expect(Number(households)).toBe(await registeredHouseholds());

  await expect(page.getByRole('heading', { level: 2, name: '本次更新' })).toBeVisible();
  await expect(page.locator('#changes-since-last [data-figure="本次更新"]')).toHaveText(/\S/);
});

test('every published file of the current publication is listed with its SHA-256', async ({
  page,
  request,
}) => {
  await page.goto('/updates/');
  const sums = await (await request.get('/downloads/SHA256SUMS')).text();
  const card = page.locator(`#publication-${asOf}`);
  for (const line of sums.trim().split('\n')) {
    const [hash, name] = line.split(/\s+/);
    const file = path.posix.normalize(`downloads/${name}`);
    await expect(card.locator(`[data-file="${file}"] [data-sha256]`)).toHaveText(hash ?? '');
  }
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });
  test('the history reads fully', async ({ page }) => {
    const response = await page.goto('/updates/');
    expect(response?.status()).toBe(200);
    await expect(page.locator(`#publication-${asOf} [data-summary]`)).toContainText('建档立卡');
    await expect(page.locator('[data-figure="发布次数"]')).toHaveText(/^[1-9]\d*$/);
  });
});

test('the blank templates are served as UTF-8 CSV with a BOM and the canonical headers', async ({
  request,
}) => {
  const res = await request.get('/templates/households.csv');
  expect(res.status()).toBe(200);
  const body = await res.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(body.toString('utf8')).toContain('户编号,村代码');
  const campaign = await request.get('/templates/campaign.json');
  expect(campaign.status()).toBe(200);
  expect(((await campaign.json()) as { sample: boolean }).sample).toBe(false);
});
