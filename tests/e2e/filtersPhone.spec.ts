/**
 * The topic pages' filter form on a phone (≤ 480 px): folded into one line,
 * 筛选 · 已选 N 项, so the key figures are in the first screen; it opens with
 * or without JavaScript, the count follows the address, and Back and reload
 * keep the state. Wider than 480 px the form shows as before.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { TOPIC_PAGES } from './topicPages.ts';

const TOPICS = TOPIC_PAGES;
const ENGINE_TIMEOUT = 60_000;

test.use({ viewport: { width: 375, height: 812 } });
test.describe.configure({ timeout: 120_000 });

const fold = (page: Page) => page.locator('[data-filter-fold] > summary');
const streetSelect = (page: Page) => page.getByRole('combobox', { name: '街道', exact: true });
const keyFigures = (page: Page) => page.locator('main dl:has(dd[data-figure])').first();

/** Waits until the engine answered and no figure is being recomputed. */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('[data-engine-status]')).toHaveAttribute(
    'data-engine-state',
    /ready|error/,
    { timeout: ENGINE_TIMEOUT },
  );
  await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0, {
    timeout: ENGINE_TIMEOUT,
  });
}

for (const path of TOPICS) {
  test(`${path}: the filters fold into one line and the key figures are in the first screen`, async ({
    page,
  }) => {
    await page.goto(path);
    await expect(fold(page)).toBeVisible();
    await expect(fold(page)).toHaveText('筛选 · 已选 0 项');
    await expect(streetSelect(page)).toBeHidden();
    const box = await keyFigures(page).boundingBox();
    expect(box, 'key figures').not.toBeNull();
    expect((box?.y ?? 0) + (box?.height ?? 0), 'bottom of the key figures').toBeLessThanOrEqual(
      812,
    );
  });
}

test('/exit/: open, choose a street — the address, the count and the figures follow; Back and reload keep it', async ({
  page,
}) => {
  await page.goto('/exit/');
  const figure = page.locator('dd[data-figure]').first();
  const allStreets = await figure.textContent();
  await fold(page).click();
  await expect(streetSelect(page)).toBeVisible();
  const street = (await streetSelect(page).locator('option').nth(1).getAttribute('value')) ?? '';
  expect(street).not.toBe('');

  await streetSelect(page).selectOption(street);
  await expect(page).toHaveURL(new RegExp(`\\?street=${encodeURIComponent(street)}$`));
  await expect(fold(page)).toHaveText('筛选 · 已选 1 项');
  await settled(page);
  await expect(figure).not.toHaveText(allStreets ?? '');

  await page.goBack();
  await expect(page).toHaveURL(/\/exit\/$/);
  await expect(fold(page)).toHaveText('筛选 · 已选 0 项');
  await expect(streetSelect(page)).toHaveValue('');
  await settled(page);
  await expect(figure).toHaveText(allStreets ?? '');

  await page.goForward();
  await expect(fold(page)).toHaveText('筛选 · 已选 1 项');
  await page.reload();
  await expect(fold(page)).toHaveText('筛选 · 已选 1 项');
  // Folded again after a reload (a fresh page), the form still shows the street.
  await expect(page.locator('select[name="street"]')).toHaveValue(street);
  await settled(page);
  await expect(figure).not.toHaveText(allStreets ?? '');
});

test('without JavaScript a phone opens the form and submits it as a GET form', async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    javaScriptEnabled: false,
  });
  const page = await context.newPage();
  await page.goto('/exit/');
  await fold(page).click();
  const street = (await streetSelect(page).locator('option').nth(1).getAttribute('value')) ?? '';
  await streetSelect(page).selectOption(street);
  await page.getByRole('button', { name: '应用筛选' }).click();
  await expect(page).toHaveURL(new RegExp(`\\?street=${encodeURIComponent(street)}&`));
  await context.close();
});

test('wider than 480 px the form is open and its fold line hidden; at 480 px it folds', async ({
  page,
}) => {
  await page.setViewportSize({ width: 481, height: 800 });
  await page.goto('/exit/');
  await expect(streetSelect(page)).toBeVisible();
  await expect(fold(page)).toBeHidden();
  await expect(page.getByRole('heading', { name: '筛选', exact: true })).toBeVisible();
  await page.setViewportSize({ width: 480, height: 800 });
  await expect(fold(page)).toBeVisible();
  await expect(streetSelect(page)).toBeHidden();
});
