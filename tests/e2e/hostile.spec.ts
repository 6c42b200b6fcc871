/**
 * The site built on hostile text (.build/hostile-dist, tests/e2e/buildHostile.ts):
 * markup, attribute breakers, formulas, a 5,000-character word and line breaks in
 * village and street names and every free-text column. Everywhere they must stay
 * inert text: no dialog, no injected element or handler, the text readable as
 * written, nothing overflowing a 375 px phone, and downloads formula-neutralised.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { hostileBaseURL } from '../../playwright.config.ts';
import { HOSTILE, HOSTILE_STREETS, type HostilePlan } from './hostileData.ts';

test.use({ baseURL: hostileBaseURL, viewport: { width: 375, height: 812 } });

const DIST = '.build/hostile-dist';
const plan = JSON.parse(readFileSync('.build/hostile-plan.json', 'utf8')) as HostilePlan;
/** Whitespace collapsed, as the browser renders a line break inside running text. */
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Every prerendered page, as a URL path, from the built folder itself. */
function pagePaths(dir = DIST, prefix = '/'): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory())
      out.push(...pagePaths(full, `${prefix}${encodeURIComponent(name)}/`));
    else if (name === 'index.html') out.push(prefix);
  }
  return out;
}
const PAGES = pagePaths();
const SECTIONS = [...new Set(PAGES.map((p) => p.split('/')[1] ?? ''))];

/** Fails the test on any dialog (alert, confirm, prompt) the page opens. */
function failOnDialog(page: Page, seen: string[]): void {
  page.on('dialog', (dialog) => {
    seen.push(`${page.url()}: ${dialog.type()} "${dialog.message()}"`);
    void dialog.dismiss();
  });
}

/** What hostile text could have turned into, if anything was not escaped. */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.getAttributeNames())
        if (a.startsWith('on')) found.push(`<${el.localName} ${a}>`);
    }
    // Astro emits only module scripts (bundled or inlined) and the JSON search index.
    for (const s of document.querySelectorAll('script')) {
      const type = s.getAttribute('type');
      if (type !== 'module' && type !== 'application/json') found.push(`<script type=${type}>`);
      if (type !== 'application/json' && /alert\(/.test(s.textContent ?? ''))
        found.push(`script containing alert(): ${s.outerHTML.slice(0, 80)}`);
    }
    for (const s of document.querySelectorAll('style'))
      if ((s.textContent ?? '').includes('*{display:none')) found.push('injected <style>');
    for (const el of document.querySelectorAll('img[src="x"], svg svg, b, i'))
      if (
        /街道|alert/.test(el.textContent ?? '') ||
        el.localName === 'img' ||
        el.localName === 'svg'
      )
        found.push(`<${el.localName}> ${el.outerHTML.slice(0, 80)}`);
    return found;
  });
}

for (const section of SECTIONS) {
  const paths = PAGES.filter((p) => (p.split('/')[1] ?? '') === section);
  test(`/${section}${section ? '/' : ''} (${paths.length} pages): no dialog, no injected element, nothing overflows at 375 px`, async ({
    page,
  }) => {
    test.setTimeout(30_000 + paths.length * 5_000);
    const dialogs: string[] = [];
    failOnDialog(page, dialogs);
    for (const p of paths) {
      expect((await page.goto(p))?.status(), p).toBe(200);
      // Hover every element that carries text a name could have broken into.
      for (const link of (await page.locator('main a, main svg text').all()).slice(0, 40))
        await link.hover({ trial: false, force: true, timeout: 2_000 }).catch(() => {});
      expect(await injected(page), p).toEqual([]);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, `${p} overflows horizontally by ${overflow}px`).toBeLessThanOrEqual(0);
    }
    expect(dialogs).toEqual([]);
  });
}

test('hostile village names read as written: heading, list, search result', async ({ page }) => {
  const dialogs: string[] = [];
  failOnDialog(page, dialogs);
  for (const [code, name] of Object.entries(plan.villages)) {
    expect((await page.goto(`/villages/${code}/`))?.status()).toBe(200);
    expect(flat(await page.locator('h1').innerText())).toContain(flat(name));
  }
  await page.goto('/villages/');
  const names = (await page.locator('main a').allInnerTexts()).map(flat);
  for (const name of Object.values(plan.villages)) expect(names).toContain(flat(name));

  // The client-rendered search results (villageSearch.ts).
  const search = page.getByRole('searchbox').or(page.getByLabel('查找村（居）'));
  await search.first().fill('script');
  await expect(
    page.locator('main').getByText(HOSTILE.script, { exact: true }).first(),
  ).toBeVisible();
  expect(await injected(page)).toEqual([]);
  expect(dialogs).toEqual([]);
});

test('hostile street names read as written on street pages and in chart labels', async ({
  page,
}) => {
  const svgText: string[] = [];
  for (const street of HOSTILE_STREETS) {
    expect((await page.goto(`/streets/${encodeURIComponent(street)}/`))?.status(), street).toBe(
      200,
    );
    expect(flat(await page.locator('h1').innerText())).toContain(street);
    svgText.push(...(await page.locator('svg text, svg title').allTextContents()));
  }
  await page.goto('/registration/');
  svgText.push(...(await page.locator('svg text, svg title').allTextContents()));
  const labels = svgText.join('\n');
  for (const street of HOSTILE_STREETS) expect(labels, 'street name in a chart').toContain(street);
  for (const name of [HOSTILE.script, HOSTILE.attribute, HOSTILE.svg])
    expect(labels, 'village name in a chart').toContain(name);
});

test('hostile free text (descriptions, measures, units, reasons, shortcomings) reads as written', async ({
  page,
}) => {
  let text = '';
  for (const p of PAGES.filter((x) =>
    /^\/(rectification|shuangdao|streets|updates|villages\/\d)/.test(x),
  )) {
    await page.goto(p);
    text += flat(await page.locator('main').innerText()) + '\n';
  }
  for (const [key, value] of Object.entries(HOSTILE)) expect(text, key).toContain(flat(value));
});

test('CSV downloads keep formulas neutral: published files and chart data', async ({
  page,
  request,
}) => {
  for (const file of [
    'villages.csv',
    'rectifications.csv',
    'shortcomings.csv',
    'household_changes.csv',
  ]) {
    const body = await (await request.get(`/downloads/${file}`)).text();
    const rows = Papa.parse<string[]>(body.replace(/^\uFEFF/, ''), {
      skipEmptyLines: 'greedy',
    }).data;
    const cells = rows.flat();
    // Numbers may be negative (变动人数 -2); any other cell starting = + - @ would run in Excel.
    const live = cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-?\d+(\.\d+)?$/.test(c));
    expect(live, file).toEqual([]);
  }
  const villages = await (await request.get('/downloads/villages.csv')).text();
  expect(villages).toContain(`'${HOSTILE.formula.replaceAll('"', '""')}`);
  expect(villages).toContain(`'${HOSTILE_STREETS[2]}`);

  // A chart's "下载数据 CSV" button builds its file in the browser from the table.
  await page.goto(
    `/streets/${encodeURIComponent(plan.streets[Object.keys(plan.streets)[0] as string] as string)}/`,
  );
  const figure = page.locator('figure[data-chart]', { hasText: HOSTILE.formula }).first();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    figure.getByRole('button', { name: '下载数据 CSV' }).click(),
  ]);
  const csv = readFileSync((await download.path()) as string, 'utf8');
  const cells = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), {
    skipEmptyLines: 'greedy',
  }).data.flat();
  expect(cells).toContain(`'${HOSTILE.formula}`);
  expect(cells.filter((c) => /^[=+@]/.test(c))).toEqual([]);
});
