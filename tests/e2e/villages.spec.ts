/**
 * The village list with its search box, the village pages (printable) and the
 * street pages, against the built site. Expected values are read from other
 * pages of the same site (the list vs. the village page), not hard-coded, so
 * the suite runs on any data set; the pinyin case uses the sample's 黄家村
 * when the data has it.
 */
import { expect, test, type Page } from '@playwright/test';

interface IndexEntry {
  code: string;
  name: string;
  street: string;
  households: number;
}

/** Collects console errors and page errors while a test runs. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

async function searchIndex(page: Page): Promise<IndexEntry[]> {
  const res = await page.request.get('/villages/search-index.json');
  expect(res.status()).toBe(200);
  return (await res.json()) as IndexEntry[];
}

test('the village list reads without JavaScript: streets and village links, no search box', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const res = await page.goto('/villages/');
  expect(res?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: '村（居）' })).toBeVisible();
  await expect(page.getByRole('searchbox')).toBeHidden();
  const index = await searchIndex(page);
  const list = page.locator('#village-list');
  // Either every village is listed (small regions) or every street is (province scale).
  const villageLinks = await list.locator('a[href*="/villages/"]').count();
  const streetLinks = await list.locator('a[href*="/streets/"]').count();
  const streets = new Set(index.map((v) => v.street));
  expect(streetLinks).toBe(streets.size);
  if (villageLinks > 0) expect(villageLinks).toBe(index.length);
  await context.close();
});

test('the search box finds a village by part of its Chinese name', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/villages/');
  const [first] = await searchIndex(page);
  test.skip(!first, 'no villages in this data set');
  const box = page.getByRole('searchbox', { name: '查找村（居）' });
  await box.fill(first!.name.slice(0, 2));
  const results = page.locator('#village-search-results');
  await expect(results.getByRole('link', { name: first!.name }).first()).toBeVisible();
  await expect(page.locator('[data-search-status]')).toContainText('找到');
  await expect(page.locator('#village-list')).toBeHidden();
  await box.fill('');
  await expect(page.locator('#village-list')).toBeVisible();
  expect(errors).toEqual([]);
});

test('pinyin initials and full pinyin find 黄家村 (sample data)', async ({ page }) => {
  await page.goto('/villages/');
  const index = await searchIndex(page);
  test.skip(!index.some((v) => v.name === '黄家村'), 'this data set has no 黄家村');
  const box = page.getByRole('searchbox', { name: '查找村（居）' });
  const results = page.locator('#village-search-results');
  for (const query of ['hjc', 'HJC', 'huangjia', '黄家']) {
    await box.fill(query);
    await expect(results.getByRole('link', { name: '黄家村' })).toBeVisible();
  }
  await box.fill('qqqqqqqq');
  await expect(page.locator('[data-search-status]')).toContainText('没有找到');
  await expect(results.getByRole('link')).toHaveCount(0);
});

test('Enter in the search box opens the best match', async ({ page }) => {
  await page.goto('/villages/');
  const [first] = await searchIndex(page);
  test.skip(!first, 'no villages in this data set');
  const box = page.getByRole('searchbox', { name: '查找村（居）' });
  await box.fill(first!.code);
  await box.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/villages/${first!.code}/$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(first!.name);
});

test('every village page answers 200 and shows the household count the list gives', async ({
  page,
}) => {
  const index = await searchIndex(page);
  // Province-scale data: check a spread of pages rather than all 2,300.
  const step = Math.max(1, Math.floor(index.length / 60));
  for (const v of index.filter((_, i) => i % step === 0)) {
    const res = await page.request.get(`/villages/${v.code}/`);
    expect(res.status(), v.code).toBe(200);
  }
  const v = index[Math.floor(index.length / 2)];
  test.skip(!v, 'no villages');
  const errors = watchErrors(page);
  await page.goto(`/villages/${v!.code}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(v!.name);
  await expect(page.locator('#village-registration [data-figure="现有建档立卡户"]')).toContainText(
    new Intl.NumberFormat('zh-CN').format(v!.households),
  );
  for (const id of [
    'village-exit',
    'village-gaps',
    'village-measures',
    'village-income',
    'village-changes',
    'village-rectification',
  ])
    await expect(page.locator(`#${id}`)).toBeVisible();
  await expect(page.getByRole('link', { name: v!.street }).first()).toHaveAttribute(
    'href',
    `/streets/${encodeURIComponent(v!.street)}/`,
  );
  expect(errors).toEqual([]);
});

test('rectification items on village pages list overdue open ones first', async ({ page }) => {
  const index = await searchIndex(page);
  for (const v of index.slice(0, 12)) {
    await page.goto(`/villages/${v.code}/`);
    const items = page.locator('#village-rectification .rect-item');
    const flags = await items.evaluateAll((els) =>
      els.map(
        (el) =>
          (el as HTMLElement).dataset.overdue === 'true' &&
          (el as HTMLElement).dataset.status !== '已完成',
      ),
    );
    const firstNotUrgent = flags.indexOf(false);
    if (firstNotUrgent >= 0) expect(flags.slice(firstNotUrgent), v.code).not.toContain(true);
  }
});

test('a village page prints without navigation, with its address', async ({ page }) => {
  const [v] = await searchIndex(page);
  test.skip(!v, 'no villages');
  await page.goto(`/villages/${v!.code}/`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: '栏目' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const qr = page.locator('.page-qr');
  await expect(qr).toBeVisible();
  // A QR code when site_url is set, otherwise the path and why there is no code.
  const address = await qr.getAttribute('data-qr-address');
  if (address) {
    expect(address.endsWith(`/villages/${v!.code}/`)).toBe(true);
    await expect(qr.getByRole('img', { name: '本页地址的二维码' })).toBeVisible();
  } else await expect(qr).toContainText(`/villages/${v!.code}/`);
});

test('a street page is served at its percent-encoded name and lists its villages', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const index = await searchIndex(page);
  const street = index[0]?.street;
  test.skip(!street, 'no villages');
  const res = await page.goto(`/streets/${encodeURIComponent(street!)}/`);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(street!);
  const expected = index.filter((v) => v.street === street);
  const links = page.locator('#street-villages table a[href*="/villages/"]');
  await expect(links).toHaveCount(expected.length);
  await expect(links.first()).toHaveText(expected[0]!.name);
  for (const id of ['street-registration', 'street-exit', 'street-rectification'])
    await expect(page.locator(`#${id}`)).toBeVisible();
  expect(errors).toEqual([]);
});
