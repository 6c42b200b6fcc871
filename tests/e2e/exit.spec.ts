/**
 * /exit/ against an independent computation: DuckDB's own read_csv over the raw
 * CSVs and campaign.json in data/ (not our validator, publisher or queries).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures.ts';

const DATA = path.resolve(process.env.E2E_DATA_DIR ?? 'data');
const campaign = JSON.parse(readFileSync(path.join(DATA, 'campaign.json'), 'utf8')) as {
  poverty_line: { yuan: number };
};

async function expected() {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const csv = `read_csv('${path.join(DATA, 'households.csv')}', all_varchar = true, header = true)`;
  const rows = (
    await c.runAndReadAll(`SELECT 脱贫成效分类 AS category, count(*) AS households,
        count(*) FILTER (WHERE 人均可支配收入::DOUBLE < ${Number(campaign.poverty_line.yuan)}) AS below,
        count(*) FILTER (WHERE 义务教育保障 = '否' OR 基本医疗保障 = '否' OR 住房安全保障 = '否') AS gaps
      FROM ${csv} WHERE 建档状态 <> '清退' GROUP BY ALL`)
  ).getRowObjectsJS() as { category: string; households: bigint; below: bigint; gaps: bigint }[];
  const by = new Map(rows.map((r) => [r.category, r]));
  return {
    categories: Object.fromEntries(
      ['巩固提升', '加大帮扶', '重点帮扶'].map((k) => [k, Number(by.get(k)?.households ?? 0)]),
    ),
    focusBelowShare:
      Number(by.get('重点帮扶')?.below ?? 0) / Number(by.get('重点帮扶')?.households ?? 1),
    gaps: rows.reduce((a, r) => a + Number(r.gaps), 0),
  };
}

test('the category figures equal an independent computation from the CSVs', async ({ page }) => {
  const want = await expected();
  expect((await page.goto('/exit/'))?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('脱贫成效分类');
  for (const [label, value] of Object.entries(want.categories)) {
    const shown = Number(
      (await page.locator(`[data-figure="${label}"]`).innerText()).replace(/[^\d]/g, ''),
    );
    expect(shown, label).toBe(value);
  }
  await expect(page.locator('#exit-definitions li')).toHaveCount(3);
});

test('the income chart says what share of 重点帮扶 households is below the poverty line from campaign.json', async ({
  page,
}) => {
  const want = await expected();
  await page.goto('/exit/');
  const pct = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 }).format(
    want.focusBelowShare * 100,
  );
  const line = campaign.poverty_line.yuan.toLocaleString('zh-CN');
  await expect(page.locator('#exit-income')).toContainText(
    `重点帮扶户中 ${pct}% 人均可支配收入低于 ${line} 元`,
  );
  await expect(page.locator('#exit-poverty-line')).toContainText(`${line} 元`);
});

test('三保障 counts the households with any gap', async ({ page }) => {
  const want = await expected();
  await page.goto('/exit/');
  await expect(page.locator('#exit-security')).toContainText(
    `${want.gaps.toLocaleString('zh-CN')} 户`,
  );
  await expect(
    page.locator('#exit-security').getByRole('link', { name: /任一项未保障/ }),
  ).toHaveAttribute('href', `/exit/?gap=${encodeURIComponent('任一项')}`);
});

test('streets link to their pages and the village tables list every village once', async ({
  page,
}) => {
  await page.goto('/exit/');
  const streetLinks = page.locator('#exit-streets-count svg a');
  expect(await streetLinks.count()).toBeGreaterThan(0);
  await expect(streetLinks.first()).toHaveAttribute('href', /^\/streets\/.+\/$/);
  const villageHrefs = await page
    .locator('#exit-villages a[href^="/villages/"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(new Set(villageHrefs).size).toBe(villageHrefs.length);
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });
  test('every chart is drawn and says what it shows', async ({ page }) => {
    expect((await page.goto('/exit/'))?.status()).toBe(200);
    const ids = [
      'exit-streets-count',
      'exit-streets-share',
      'exit-income',
      'exit-security',
      'exit-measures',
      'exit-household-types',
    ];
    for (const id of ids) {
      await expect(page.locator(`#${id} svg`), id).toBeVisible();
      await expect(page.locator(`#${id} > p`).first(), id).not.toBeEmpty();
    }
    await expect(page.locator('#exit-privacy-note')).toContainText('k-匿名');
  });
});
