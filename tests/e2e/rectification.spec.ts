/**
 * /rectification/ and /rectification/page/N/ — problems found and their
 * rectification (attachment 4). Expected numbers come from the raw data
 * folder and the contract's definition of 逾期, not from the publisher.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { test, expect } from './fixtures.ts';

const DATA = path.resolve(process.env.E2E_DATA_DIR ?? 'data');
const PAGE_SIZE = 50;
const items = Papa.parse<Record<string, string>>(
  readFileSync(path.join(DATA, 'rectifications.csv'), 'utf8').replace(/^\uFEFF/, ''),
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
const isOverdue = (r: Record<string, string>) =>
  r['整改状态'] === '已完成' ? iso(r['完成日期']) > iso(r['整改时限']) : iso(r['整改时限']) < asOf;
const done = items.filter((r) => r['整改状态'] === '已完成');
const overdueOpen = items.filter((r) => r['整改状态'] !== '已完成' && isOverdue(r));
const lastPage = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
const figure = (page: import('@playwright/test').Page, label: string) =>
  page.locator(`#rect-figures [data-figure="${label}"]`);
const digits = (s: string | null) => Number((s ?? '').replace(/[^\d.]/g, ''));
const listRows = (page: import('@playwright/test').Page) =>
  page.locator('#rect-items table tbody tr');

test('the page answers with totals, done and overdue counts, and says what 逾期 means', async ({
  page,
}) => {
  expect((await page.goto('/rectification/'))?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('问题整改');
  expect(items.length, 'the sample data has rectification items').toBeGreaterThan(0);
  expect(digits(await figure(page, '发现问题').textContent())).toBe(items.length);
  expect(digits(await figure(page, '已完成').textContent())).toBe(done.length);
  expect(digits(await figure(page, '逾期未完成').textContent())).toBe(overdueOpen.length);
  await expect(page.locator('#rect-overdue-definition')).toContainText(
    '未完成且已过整改时限，或完成日期晚于整改时限',
  );
});

test('status charts (by 问题来源, 来源层级, 问题类别) and progress each have a takeaway and data table', async ({
  page,
}) => {
  await page.goto('/rectification/');
  for (const id of ['rect-by-source', 'rect-by-level', 'rect-by-category', 'rect-progress']) {
    const f = page.locator(`figure#${id}`);
    await expect(f).toHaveCount(1);
    expect(((await f.locator('h3 + p').textContent()) ?? '').trim().length, id).toBeGreaterThan(5);
    await expect(f.locator('svg')).toHaveCount(1);
    await expect(f.locator('details table')).toHaveCount(1);
  }
  // Every source type in the data appears once in the source chart's table.
  const sources = [...new Set(items.map((r) => r['问题来源']))];
  const keys = await page
    .locator('#rect-by-source details tbody tr td:first-child')
    .allTextContents();
  expect(keys.map((k) => k.trim()).sort()).toEqual(sources.sort());
  // The progress line ends at the totals: found = all items, done = completed items.
  const last = page.locator('#rect-progress details tbody tr').last();
  expect(digits(await last.locator('td').nth(1).textContent())).toBe(items.length);
  expect(digits(await last.locator('td').nth(2).textContent())).toBe(done.length);
});

test('the list shows overdue open items first, 50 a page, with prev/next links across all pages', async ({
  page,
}) => {
  await page.goto('/rectification/');
  const first = listRows(page);
  await expect(first).toHaveCount(Math.min(PAGE_SIZE, items.length));
  const flags = await first.evaluateAll((rows) => rows.map((r) => r.classList.contains('is-late')));
  const firstNotLate = flags.indexOf(false);
  expect(flags.slice(firstNotLate === -1 ? flags.length : firstNotLate)).not.toContain(true);
  expect(flags.filter(Boolean)).toHaveLength(Math.min(overdueOpen.length, PAGE_SIZE));

  const seen = new Set<string>();
  const pagesToVisit =
    lastPage <= 12 ? [...Array(lastPage).keys()].map((i) => i + 1) : [1, 2, lastPage];
  for (const n of pagesToVisit) {
    const url = n === 1 ? '/rectification/' : `/rectification/page/${n}/`;
    expect((await page.goto(url))?.status(), url).toBe(200);
    const ids = await listRows(page).evaluateAll((rows) =>
      rows.map((r) => r.getAttribute('data-issue') ?? ''),
    );
    expect(ids.length, url).toBe(
      n < lastPage ? PAGE_SIZE : items.length - PAGE_SIZE * (lastPage - 1),
    );
    for (const id of ids) seen.add(id);
    const nav = page.getByRole('navigation', { name: '问题清单分页', exact: true });
    if (lastPage === 1) {
      await expect(nav).toHaveCount(0);
      continue;
    }
    await expect(nav.locator('[aria-current="page"]')).toHaveText(String(n));
    if (n < lastPage)
      await expect(nav.locator('a[rel="next"]')).toHaveAttribute(
        'href',
        `/rectification/page/${n + 1}/`,
      );
    if (n > 1)
      await expect(nav.locator('a[rel="prev"]')).toHaveAttribute(
        'href',
        n === 2 ? '/rectification/' : `/rectification/page/${n - 1}/`,
      );
  }
  if (lastPage <= 12) expect([...seen].sort()).toEqual(items.map((r) => r['问题编号']).sort());
  // No page past the last (fetched, not visited: a 404 would log a console error).
  expect((await page.request.get(`/rectification/page/${lastPage + 1}/`)).status()).toBe(404);
});

test('each item shows its measures and responsible unit, and the overdue ones say by how many days', async ({
  page,
}) => {
  await page.goto('/rectification/');
  const byId = new Map(items.map((r) => [r['问题编号'], r]));
  const rows = listRows(page);
  for (const row of (await rows.all()).slice(0, 5)) {
    const id = (await row.getAttribute('data-issue')) ?? '';
    const r = byId.get(id)!;
    await expect(row.locator('td[data-label="责任单位"]')).toHaveText(r['责任单位'] || '—');
    if ((r['整改措施'] ?? '').length < 100)
      await expect(row.locator('td[data-label="整改措施"]')).toHaveText(r['整改措施'] || '—');
    if (r['整改状态'] !== '已完成' && isOverdue(r))
      await expect(row.locator('strong')).toContainText(/逾期 \d+ 天/);
  }
});

test('reads on a 375 px phone without JavaScript and without horizontal overflow', async ({
  browser,
}) => {
  const ctx = await browser.newContext({
    viewport: { width: 375, height: 812 },
    javaScriptEnabled: false,
  });
  const page = await ctx.newPage();
  for (const p of ['/rectification/', ...(lastPage > 1 ? ['/rectification/page/2/'] : [])]) {
    expect((await page.goto(p))?.status()).toBe(200);
    await expect(listRows(page).first()).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, p).toBeLessThanOrEqual(0);
  }
  await ctx.close();
});
