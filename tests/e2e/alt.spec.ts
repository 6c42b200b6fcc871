/**
 * The site built on a different data set (.build/alt-dist, from the generator's
 * `alt` preset): other region and street names, more villages, a street with no
 * 双到 village, and no projects.csv. Nothing about 红海湾, three streets, 27
 * villages or projects is hard-coded.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { test, expect } from './fixtures.ts';
import { altBaseURL } from '../../playwright.config.ts';

test.use({ baseURL: altBaseURL });

const csv = (f: string) =>
  Papa.parse<Record<string, string>>(
    readFileSync(`.build/alt-data/${f}`, 'utf8').replace(/^\uFEFF/, ''),
    {
      header: true,
      skipEmptyLines: 'greedy',
    },
  ).data;
const campaign = JSON.parse(readFileSync('.build/alt-data/campaign.json', 'utf8')) as {
  region: string;
};
const villages = csv('villages.csv');
const streets = [...new Set(villages.map((v) => v['街道'] as string))];
const streetWithout = streets.find((s) => villages.every((v) => v['街道'] !== s || !v['双到轮次']));

test('pages show the other region, and nothing of the bundled sample', async ({ page }) => {
  for (const path of [
    '/',
    '/registration/',
    '/exit/',
    '/shuangdao/',
    '/rectification/',
    '/projects/',
    '/villages/',
    '/data/',
  ]) {
    expect((await page.goto(path))?.status(), path).toBe(200);
    const text = await page.locator('body').innerText();
    expect(text, path).toContain(campaign.region);
    expect(text, path).not.toContain('红海湾');
  }
});

test('every street and village of the other data set has its page', async ({ page }) => {
  expect(streets.length).toBeGreaterThan(3);
  expect(streetWithout, 'the alt preset has a street without 双到 villages').toBeTruthy();
  for (const v of villages.slice(0, 10)) {
    expect((await page.goto(`/villages/${v['村代码']}/`))?.status()).toBe(200);
    await expect(page.locator('h1')).toContainText(v['村名称'] as string);
  }
  for (const s of streets) {
    expect((await page.goto(`/streets/${encodeURIComponent(s)}/`))?.status(), s).toBe(200);
  }
});

test('the overview counts the other data set', async ({ page }) => {
  const households = csv('households.csv').filter((h) => h['建档状态'] !== '清退').length;
  await page.goto('/');
  const shown = Number(
    (await page.locator('[data-figure="建档立卡户数"]').innerText()).replace(/\D/g, ''),
  );
  expect(shown).toBe(households);
});

test('without projects.csv every place that shows projects says the publication has none', async ({
  page,
}) => {
  const village = villages[0]?.['村代码'] ?? '';
  const street = villages[0]?.['街道'] ?? '';
  const places: [string, string][] = [
    ['/projects/', 'main'],
    ['/', '#overview-projects'],
    [`/villages/${village}/`, '#village-projects'],
    [`/streets/${encodeURIComponent(street)}/`, '#street-projects'],
  ];
  for (const [path, where] of places) {
    expect((await page.goto(path))?.status(), path).toBe(200);
    await expect(page.locator(`${where} [data-no-projects="not-provided"]`), path).toContainText(
      '本次发布没有项目数据',
    );
  }
  // The page has nothing to filter: no form, no engine.
  await page.goto('/projects/');
  await expect(page.locator('[data-topic-filters]')).toHaveCount(0);
  // The 双到 cards do not claim that no project answers a shortcoming.
  const sd = villages.find((v) => v['双到轮次']);
  if (sd) {
    await page.goto(`/villages/${sd['村代码']}/`);
    await expect(page.locator('#village-shuangdao')).not.toContainText('对应项目');
  }
});
