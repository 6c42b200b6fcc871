/**
 * /shuangdao/ and /shuangdao/<街道>/ — the 双到 villages × four 领域 (attachment 3).
 * Expected numbers come from the raw data folder, not from the publisher.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { test, expect } from './fixtures.ts';

const DATA = path.resolve(process.env.E2E_DATA_DIR ?? 'data');
const csv = (f: string) =>
  Papa.parse<Record<string, string>>(
    readFileSync(path.join(DATA, f), 'utf8').replace(/^\uFEFF/, ''),
    {
      header: true,
      skipEmptyLines: 'greedy',
    },
  ).data;
const villages = csv('villages.csv');
const shortcomings = csv('shortcomings.csv');
const streetOf = new Map(villages.map((v) => [v['村代码'], v['街道'] as string]));
const shuangdao = villages.filter((v) => (v['双到轮次'] ?? '').trim() !== '');
const streets = [...new Set(villages.map((v) => v['街道'] as string))];
const shuangdaoStreets = [...new Set(shuangdao.map((v) => v['街道'] as string))];
const streetsWithout = streets.filter((s) => !shuangdaoStreets.includes(s));
const withGap = new Set(shortcomings.filter((r) => r['长效机制'] === '否').map((r) => r['村代码']));
const projects = shortcomings.filter((r) => (r['拟建项目'] ?? '').trim() !== '');
const figure = (page: import('@playwright/test').Page, label: string) =>
  page.locator(`#shuangdao-figures [data-figure="${label}"]`);
const digits = (s: string | null) => Number((s ?? '').replace(/[^\d.]/g, ''));

test('the page answers with the 双到 villages, those with gaps and the projects', async ({
  page,
}) => {
  expect((await page.goto('/shuangdao/'))?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('“双到”村短板');
  expect(shuangdao.length, 'the sample data has 双到 villages').toBeGreaterThan(0);
  expect(digits(await figure(page, '“双到”村').textContent())).toBe(shuangdao.length);
  expect(digits(await figure(page, '有短板的村').textContent())).toBe(withGap.size);
  expect(digits(await figure(page, '拟建项目').textContent())).toBe(projects.length);
});

test('every chart has a title, a takeaway, an SVG and its data table', async ({ page }) => {
  await page.goto('/shuangdao/');
  const figures = page.locator('figure[data-chart]');
  expect(await figures.count()).toBeGreaterThanOrEqual(4);
  for (const f of await figures.all()) {
    await expect(f.locator('h3')).not.toBeEmpty();
    expect(((await f.locator('h3 + p').textContent()) ?? '').trim().length).toBeGreaterThan(5);
    await expect(f.locator('svg title').first()).not.toBeEmpty();
    await expect(f.locator('details table')).toHaveCount(1);
  }
});

test('each street with 双到 villages has a page whose matrix has one row per village, linked to it', async ({
  page,
}) => {
  await page.goto('/shuangdao/');
  for (const street of shuangdaoStreets) {
    const link = page.locator('#shuangdao-by-street ~ div table a', { hasText: street }).first();
    await expect(link).toHaveAttribute('href', `/shuangdao/${encodeURIComponent(street)}/`);
  }
  for (const street of shuangdaoStreets.slice(0, 3)) {
    const own = shuangdao.filter((v) => v['街道'] === street);
    expect((await page.goto(`/shuangdao/${encodeURIComponent(street)}/`))?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(street);
    const cells = page.locator('#shuangdao-street-matrix svg g.cell');
    await expect(cells).toHaveCount(own.length * 4);
    const code = own[0]!['村代码'] as string;
    await expect(
      page.locator(`#shuangdao-street-matrix svg a[href="/villages/${code}/"]`),
    ).toHaveCount(4);
    // Cells print 是/否 (greyscale-safe), one per village × 领域.
    const words = await page.locator('#shuangdao-street-matrix svg g.cell text').allTextContents();
    expect(words.filter((w) => w === '否')).toHaveLength(
      shortcomings.filter((r) => streetOf.get(r['村代码']) === street && r['长效机制'] === '否')
        .length,
    );
  }
});

test('streets without any 双到 village are named plainly', async ({ page }) => {
  await page.goto('/shuangdao/');
  const note = page.locator('#shuangdao-streets-none');
  if (streetsWithout.length === 0) {
    await expect(note).toHaveCount(0);
    return;
  }
  for (const s of streetsWithout) await expect(note).toContainText(s);
  await page.goto(`/shuangdao/${encodeURIComponent(streetsWithout[0]!)}/`);
  await expect(page.locator('#shuangdao-none')).toContainText('没有“双到”村');
});

test('reads on a 375 px phone without JavaScript and without horizontal overflow', async ({
  browser,
}) => {
  const ctx = await browser.newContext({
    viewport: { width: 375, height: 812 },
    javaScriptEnabled: false,
  });
  const page = await ctx.newPage();
  // The index always draws its charts; the matrix is there too while there are few villages,
  // and always on the street pages.
  const pages: [string, string][] = [
    ['/shuangdao/', 'figure#shuangdao-gaps svg'],
    [`/shuangdao/${encodeURIComponent(shuangdaoStreets[0] ?? '')}/`, 'svg.chart-heatmap'],
  ];
  for (const [p, chart] of pages) {
    expect((await page.goto(p))?.status()).toBe(200);
    await expect(page.locator(chart).first()).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, p).toBeLessThanOrEqual(0);
  }
  await ctx.close();
});
