/**
 * /data/ — downloads, data dictionary, methodology and privacy. Files are
 * fetched and checked against what the page says (size, SHA-256, rows) and
 * against SHA256SUMS; expectations come from the raw data folder and the
 * schemas, not from the publisher.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { test, expect } from './fixtures.ts';
import { DATASETS } from '../../src/contract/input/datasets.ts';
import { CampaignSchema } from '../../src/contract/input/campaign.ts';
import { PUBLISHED_TABLES } from '../../src/contract/published.ts';

const DATA = path.resolve(process.env.E2E_DATA_DIR ?? 'data');
const campaign = JSON.parse(readFileSync(path.join(DATA, 'campaign.json'), 'utf8')) as {
  as_of: string;
  poverty_line: { yuan: number; base_year: number };
  income_bands: number[];
  privacy?: { k?: number };
};
const downloadable = PUBLISHED_TABLES.filter((t) => t.download);
/** 建档立卡 households (not 清退): the ones listed as household rows. */
const registeredRows = () =>
  Papa.parse<Record<string, string>>(
    readFileSync(path.join(DATA, 'households.csv'), 'utf8').replace(/^\uFEFF/, ''),
    { header: true, skipEmptyLines: 'greedy' },
  ).data.filter((r) => r['建档状态'] !== '清退').length;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

test('the page answers, with its four sections reachable from the table of contents', async ({
  page,
}) => {
  expect((await page.goto('/data/'))?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('数据与方法');
  const toc = page.getByRole('navigation', { name: '本页目录' });
  for (const id of ['downloads', 'dictionary', 'methods', 'privacy']) {
    await expect(toc.locator(`a[href="#${id}"]`)).toHaveCount(1);
    await expect(page.locator(`section#${id} h2`)).toBeVisible();
  }
  const [y, m, d] = campaign.as_of.split('-').map(Number);
  await expect(page.locator('main')).toContainText(`数据截止日期 ${y}年${m}月${d}日`);
});

test('every listed file downloads with the size and SHA-256 the page shows, and SHA256SUMS agrees', async ({
  page,
}) => {
  await page.goto('/data/');
  const items = page.locator('#downloads li[data-file]');
  const count = await items.count();
  // CSV + Parquet per table, datapackage.json, SHA256SUMS, privacy report (and the database).
  expect(count).toBeGreaterThanOrEqual(downloadable.length * 2 + 3);
  const sumsHref = await page
    .locator('#downloads a', { hasText: 'SHA256SUMS' })
    .getAttribute('href');
  const sums = (await (await page.request.get(sumsHref ?? '')).text())
    .trim()
    .split('\n')
    .map((line) => line.split(/\s+\*?/));
  const sumOf = new Map(sums.map(([hash, file]) => [path.posix.basename(file ?? ''), hash]));

  for (let i = 0; i < count; i++) {
    const item = items.nth(i);
    const href = (await item.locator('a').first().getAttribute('href')) ?? '';
    const res = await page.request.get(href);
    expect(res.status(), href).toBe(200);
    const body = await res.body();
    const shown = (await item.locator('[data-sha256]').innerText()).trim();
    expect(shown, href).toMatch(/^[0-9a-f]{64}$/);
    expect(sha256(body), href).toBe(shown);
    expect(Number(await item.locator('[data-bytes]').getAttribute('data-bytes')), href).toBe(
      body.length,
    );
    const name = path.posix.basename(href);
    if (name !== 'SHA256SUMS') expect(sumOf.get(name), `${name} in SHA256SUMS`).toBe(shown);
  }
});

test('each downloadable table has a UTF-8-BOM CSV whose row count is the one shown', async ({
  page,
}) => {
  await page.goto('/data/');
  await expect(page.locator('#downloads article')).toHaveCount(downloadable.length);
  for (const t of downloadable) {
    const card = page.locator(`#download-${t.name}`);
    const href = (await card.locator(`a[href$="/${t.name}.csv"]`).getAttribute('href')) ?? '';
    const body = await (await page.request.get(href)).body();
    expect([...body.subarray(0, 3)], `${t.name}.csv starts with a BOM`).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(body.toString('utf8').replace(/^\uFEFF/, ''), {
      skipEmptyLines: 'greedy',
    }).data;
    expect(parsed[0], t.name).toEqual(t.columns.map((c) => c.label));
    const shownRows = Number(await card.locator('[data-rows]').getAttribute('data-rows'));
    expect(parsed.length - 1, t.name).toBe(shownRows);
    await expect(card.locator(`a[href$="/${t.name}.parquet"]`)).toHaveCount(1);
  }
});

test('the household download keeps every 建档立卡 household, without 户编号, status or exact income', async ({
  page,
}) => {
  await page.goto('/data/');
  const rows = Number(
    await page.locator('#download-households [data-rows]').getAttribute('data-rows'),
  );
  expect(rows).toBe(registeredRows());
  const href = await page
    .locator('#download-households a[href$="/households.csv"]')
    .getAttribute('href');
  const header = (await (await page.request.get(href ?? '')).text()).split(/\r?\n/)[0] ?? '';
  expect(header).not.toContain('户编号');
  expect(header).not.toContain('人均可支配收入,');
  expect(header).toContain('人均可支配收入段');
  expect(header).not.toContain('建档状态');
  expect(header).not.toContain('纳入年份');
});

test('the dictionary lists every input file and column, and every campaign.json key', async ({
  page,
}) => {
  await page.goto('/data/');
  for (const d of DATASETS) {
    const section = page.locator(`#file-${d.name}`);
    await expect(section.getByRole('heading')).toContainText(d.file);
    await expect(section.getByRole('heading')).toContainText(`方案${d.planRef}`);
    for (const c of d.columns) {
      const row = section
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: new RegExp(`\\s${c.key}$`) }) });
      await expect(row, `${d.file}:${c.key}`).toContainText(c.header);
      await expect(row, `${d.file}:${c.key}`).toContainText(c.required ? '必填' : '可选');
    }
  }
  const keys = page.locator('#campaign-keys');
  for (const key of Object.keys(CampaignSchema.shape))
    await expect(keys.getByRole('rowheader', { name: key, exact: true })).toHaveCount(1);
  for (const t of PUBLISHED_TABLES)
    await expect(page.locator(`#table-${t.name} tbody tr`)).toHaveCount(t.columns.length);
});

test('methods and privacy state the poverty line, income bands and k from campaign.json', async ({
  page,
}) => {
  await page.goto('/data/');
  const yuan = new Intl.NumberFormat('zh-CN').format(campaign.poverty_line.yuan);
  await expect(page.locator('#methods')).toContainText(
    `${yuan}元（${campaign.poverty_line.base_year} 年不变价）`,
  );
  for (const c of ['巩固提升', '加大帮扶', '重点帮扶'])
    await expect(page.locator('#methods dt', { hasText: c })).toHaveCount(1);
  const b = campaign.income_bands;
  const bands = [`<${b[0]}`, ...b.slice(1).map((v, i) => `${b[i]}–${v}`), `≥${b[b.length - 1]}`];
  const rules = page.locator('#privacy-rules + ul');
  for (const band of bands) await expect(rules).toContainText(band);
  const k = campaign.privacy?.k ?? 3;
  await expect(rules).toContainText(`k = ${k}`);
  await expect(page.locator('#privacy-report [data-figure="k"]')).toHaveText(String(k));
  await expect(page.locator('#privacy-report [data-figure="户级数据户数"]')).toHaveText(
    new Intl.NumberFormat('zh-CN').format(registeredRows()),
  );
  // The attacker the rules are built against is stated.
  await expect(page.locator('#privacy')).toContainText('住在同村的邻居');
});

test('reads on a 375 px phone without JavaScript and without sideways scrolling', async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    javaScriptEnabled: false,
  });
  const page = await context.newPage();
  expect((await page.goto('/data/'))?.status()).toBe(200);
  await expect(page.locator('main h2')).toHaveCount(5); // 本页目录 + four sections
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const shaBox = await page.locator('[data-sha256]').first().boundingBox();
  expect(shaBox?.width ?? 999).toBeLessThanOrEqual(375);
  await context.close();
});
