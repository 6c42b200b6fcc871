/**
 * /projects/ (资金项目) and the project parts of the other pages, against an
 * independent computation: the raw data/projects.csv and shortcomings.csv read
 * with papaparse and summed here in integer hundredths of 万元 — not our
 * validator, publisher, queries or views. Without JavaScript the page is whole;
 * with it, the form, a chart mark, the list's search, sort and CSV rerun the
 * page's queries in the browser.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

const DATA = path.resolve(process.env.E2E_DATA_DIR ?? 'data');
const csv = (file: string) =>
  Papa.parse<Record<string, string>>(
    readFileSync(path.join(DATA, file), 'utf8').replace(/^\uFEFF/, ''),
    { header: true, skipEmptyLines: 'greedy' },
  ).data;

/** One project as the CSV has it, amounts in integer hundredths of 万元. */
interface Project {
  id: string;
  village: string;
  street: string;
  source: string;
  category: string;
  status: string;
  budget: number;
  paid: number;
  households: number;
  dimension: string;
  row: Record<string, string>;
}
const cents = (s: string | undefined) => Math.round(Number((s ?? '').replace(/,/g, '')) * 100);
const PROJECTS: Project[] = csv('projects.csv').map((r) => ({
  id: r['项目编号'] ?? '',
  village: r['村代码'] ?? '',
  street: r['街道'] ?? '',
  source: r['资金来源'] ?? '',
  category: r['项目类型'] ?? '',
  status: r['项目状态'] ?? '',
  budget: cents(r['计划资金（万元）']),
  paid: cents(r['已拨付（万元）']),
  households: Number(r['受益贫困户数']),
  dimension: r['对应短板'] ?? '',
  row: r,
}));
const SHORTCOMINGS = csv('shortcomings.csv');
const VILLAGE_NAMES = new Map(csv('villages.csv').map((v) => [v['村代码'], v['村名称'] ?? '']));

const DONE = new Set(['已完工', '已验收']);
/** The contract's findings, written out again here. */
const FINDINGS = {
  拨付超前: (p: Project) =>
    (p.status === '未开工' && p.paid > 0) || (p.status === '在建' && p.paid >= p.budget),
  拨付滞后: (p: Project) => DONE.has(p.status) && 2 * p.paid < p.budget,
  无受益贫困户: (p: Project) => p.households === 0,
};
const answered = (s: Record<string, string>) =>
  PROJECTS.some((p) => p.village === s['村代码'] && p.dimension === s['领域']);

function totals(ps: readonly Project[]) {
  return {
    projects: ps.length,
    budget: ps.reduce((a, p) => a + p.budget, 0) / 100,
    paid: ps.reduce((a, p) => a + p.paid, 0) / 100,
    households: ps.reduce((a, p) => a + p.households, 0),
    done: ps.filter((p) => DONE.has(p.status)).length,
  };
}
const ALL = totals(PROJECTS);
/** zh-CN grouping, up to two decimals: how the pages print 万元. */
const wan = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
const digits = (s: string | null) => Number((s ?? '').replace(/[^\d.]/g, ''));

const figure = (page: Page, label: string) =>
  page.locator(`#projects-figures dd[data-figure="${label}"]`);
const note = (page: Page, label: string) =>
  figure(page, label).locator('xpath=following-sibling::dd');
const status = (page: Page) => page.locator('[data-engine-status]');
const listRows = (page: Page) => page.locator('#projects-items table tbody tr');
const listCount = async (page: Page) =>
  digits(
    /共 ([\d,]+) 个项目/.exec(
      (await page.locator('#projects-items-note').textContent()) ?? '',
    )?.[1] ?? '',
  );

/** Waits until the engine answered and nothing is being recomputed. */
async function settled(page: Page): Promise<void> {
  await expect(status(page)).toHaveAttribute('data-engine-state', /ready|error/, {
    timeout: 60_000,
  });
  await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0, { timeout: 60_000 });
  await expect(status(page)).toHaveAttribute('data-engine-state', 'ready');
}

test.describe.configure({ timeout: 120_000 });

test('the sample has projects and findings to show', () => {
  expect(PROJECTS.length).toBeGreaterThan(50);
  for (const [name, rule] of Object.entries(FINDINGS))
    expect(PROJECTS.filter(rule).length, name).toBeGreaterThan(0);
});

test('the key figures equal an independent computation from projects.csv', async ({ page }) => {
  expect((await page.goto('/projects/'))?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('资金项目');
  expect(digits(await figure(page, '项目').textContent())).toBe(ALL.projects);
  await expect(note(page, '计划资金')).toHaveText(`${wan(ALL.budget)} 万元`);
  const share = ((100 * ALL.paid) / ALL.budget).toLocaleString('zh-CN', {
    maximumFractionDigits: 1,
  });
  await expect(note(page, '已拨付')).toHaveText(`拨付率 ${share}%（${wan(ALL.paid)} 万元）`);
  expect(digits(await figure(page, '受益贫困户').textContent())).toBe(ALL.households);
  expect(digits(await figure(page, '已完工或已验收').textContent())).toBe(ALL.done);
  // Each street's funds: the chart's table against the CSV (district-wide projects in a row of their own).
  const table = await page
    .locator('#projects-streets details tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent ?? '')));
  for (const [name, projects, budget] of table) {
    const own = PROJECTS.filter((p) => (name === '全区项目' ? !p.street : p.street === name));
    expect(digits(projects ?? ''), name).toBe(own.length);
    expect(budget, name).toBe(wan(totals(own).budget));
  }
});

test('the findings are counted and listed as the contract defines them', async ({ page }) => {
  await page.goto('/projects/');
  const card = (title: string) =>
    page.locator(`li[data-finding-count="${title}"] .text-2xl`).textContent().then(digits);
  const unanswered = SHORTCOMINGS.filter((s) => s['长效机制'] === '否' && !answered(s));
  const library = SHORTCOMINGS.filter((s) => s['纳入项目库'] === '是' && !answered(s));
  expect(await card('短板没有对应项目')).toBe(unanswered.length);
  expect(await card('纳入项目库但没有项目')).toBe(library.length);
  await expect(page.locator('#projects-finding-unanswered tbody tr')).toHaveCount(
    Math.min(50, unanswered.length),
  );
  const ids = { 拨付超前: 'ahead', 拨付滞后: 'behind', 无受益贫困户: 'no_beneficiaries' } as const;
  for (const [name, rule] of Object.entries(FINDINGS) as [
    keyof typeof ids,
    (p: Project) => boolean,
  ][]) {
    const want = PROJECTS.filter(rule);
    expect(await card(name), name).toBe(want.length);
    const listed = await page
      .locator(`#projects-finding-${ids[name]} tbody tr td:first-child`)
      .allTextContents();
    expect(listed, name).toEqual(want.slice(0, 20).map((p) => p.id));
  }
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the page is whole: a plain GET form, every chart, the matrix, the list and its pages', async ({
    page,
  }) => {
    expect((await page.goto('/projects/'))?.status()).toBe(200);
    const form = page.locator('[data-topic-filters] form');
    await expect(form).toHaveAttribute('method', 'get');
    await expect(form).toHaveAttribute('action', '/projects/');
    for (const id of [
      'streets',
      'villages',
      'categories',
      'sources',
      'years',
      'timeline',
      'coverage-matrix',
    ]) {
      await expect(page.locator(`#projects-${id} svg`), id).toBeVisible();
      await expect(page.locator(`#projects-${id} [data-takeaway]`), id).not.toBeEmpty();
    }
    const pages = Math.ceil(PROJECTS.length / 50);
    await expect(listRows(page)).toHaveCount(Math.min(50, PROJECTS.length));
    const seen = new Set(
      await listRows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-project'))),
    );
    for (const n of [2, pages]) {
      expect((await page.goto(`/projects/page/${n}/`))?.status(), `page ${n}`).toBe(200);
      const ids = await listRows(page).evaluateAll((trs) =>
        trs.map((tr) => tr.getAttribute('data-project')),
      );
      expect(ids.length).toBe(n < pages ? 50 : PROJECTS.length - 50 * (pages - 1));
      for (const id of ids) seen.add(id);
      await expect(
        page
          .getByRole('navigation', { name: '项目清单分页', exact: true })
          .locator('[aria-current="page"]'),
      ).toHaveText(String(n));
    }
    // By 项目编号: page 1, page 2 and the last page hold the first, second and last fifty ids.
    const sorted = PROJECTS.map((p) => p.id).sort();
    expect(seen.has(sorted[0]!) && seen.has(sorted[50]!) && seen.has(sorted.at(-1)!)).toBe(true);
  });

  test('reads on a 375 px phone without sideways scroll', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    for (const p of ['/projects/', '/projects/page/2/']) {
      await page.goto(p);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, p).toBeLessThanOrEqual(0);
    }
  });
});

test('a filter set in the form reruns the page for it, keeps it in the address, and Back undoes it', async ({
  page,
}) => {
  await page.goto('/projects/');
  await page.getByRole('combobox', { name: '资金来源', exact: true }).selectOption('中央财政');
  await settled(page);
  expect(new URL(page.url()).searchParams.get('fund_source')).toBe('中央财政');
  const central = totals(PROJECTS.filter((p) => p.source === '中央财政'));
  await expect(figure(page, '项目')).toContainText(String(central.projects));
  await expect(note(page, '计划资金')).toHaveText(`${wan(central.budget)} 万元`);
  expect(await listCount(page)).toBe(central.projects);
  await expect(page.locator('[data-filter-summary]')).toHaveText('已筛选：资金来源 中央财政');

  await page.goBack();
  await expect(page).toHaveURL(/\/projects\/$/);
  await settled(page);
  expect(digits(await figure(page, '项目').textContent())).toBe(ALL.projects);
  await expect(page.getByRole('combobox', { name: '资金来源', exact: true })).toHaveValue('');
});

test('a bar of the 项目类型 chart filters by its type', async ({ page }) => {
  await page.goto('/projects/');
  await page.locator('#projects-categories svg g.bar[data-filter-value="基础设施"]').click();
  await settled(page);
  expect(new URL(page.url()).searchParams.get('project_category')).toBe('基础设施');
  const infra = PROJECTS.filter((p) => p.category === '基础设施');
  expect(digits(await figure(page, '项目').textContent())).toBe(infra.length);
  await expect(page.getByRole('combobox', { name: '项目类型', exact: true })).toHaveValue(
    '基础设施',
  );
});

test('a finding’s link lists all of its projects in the project list', async ({ page }) => {
  await page.goto('/projects/');
  const want = PROJECTS.filter(FINDINGS['无受益贫困户']);
  await page
    .locator('#projects-finding-no_beneficiaries')
    .getByRole('link', { name: /在项目清单中查看全部/ })
    .click();
  await settled(page);
  expect(new URL(page.url()).searchParams.get('project_finding')).toBe('无受益贫困户');
  expect(await listCount(page)).toBe(want.length);
  const shown = await listRows(page).evaluateAll((trs) =>
    trs.map((tr) => tr.getAttribute('data-project')),
  );
  expect(shown).toEqual(want.slice(0, 50).map((p) => p.id));
});

test('the list searches, sorts in SQL across all pages, and downloads what it shows as CSV', async ({
  page,
}) => {
  await page.goto('/projects/');
  // What the search looks in, from the CSV (and the village's name).
  const searched = [
    '项目编号',
    '项目名称',
    '建设任务',
    '街道',
    '项目类型',
    '资金来源',
    '实施单位',
    '项目状态',
    '带贫减贫机制',
    '对应短板',
    '绩效目标',
  ];
  const q = '饮水';
  const matches = PROJECTS.filter((p) =>
    [...searched.map((c) => p.row[c] ?? ''), VILLAGE_NAMES.get(p.village) ?? ''].some((v) =>
      v.includes(q),
    ),
  );
  expect(matches.length).toBeGreaterThan(0);
  await page.getByRole('searchbox', { name: '搜索项目清单' }).fill(q);
  await page.getByRole('button', { name: '搜索', exact: true }).click();
  await settled(page);
  expect(new URL(page.url()).searchParams.get('q')).toBe(q);
  expect(await listCount(page)).toBe(matches.length);

  const header = () => page.locator('#projects-items-list thead th[data-sort-key="budget_wan"]');
  const firstBudget = () =>
    listRows(page).first().locator('td[data-label="计划资金"]').getAttribute('data-v').then(Number);
  await header().getByRole('button').click();
  await settled(page);
  expect(new URL(page.url()).searchParams.get('sort')).toBe('budget_wan');
  await expect(header()).toHaveAttribute('aria-sort', 'ascending');
  expect(await firstBudget()).toBe(Math.min(...matches.map((p) => p.budget)) / 100);
  await header().getByRole('button').click();
  await settled(page);
  expect(new URL(page.url()).searchParams.get('sort')).toBe('-budget_wan');
  expect(await firstBudget()).toBe(Math.max(...matches.map((p) => p.budget)) / 100);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /下载筛选结果 CSV/ }).click(),
  ]);
  const text = readFileSync((await download.path()) as string, 'utf8').replace(/^\uFEFF/, '');
  const records = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
  }).data;
  expect(records.map((r) => r['项目编号']).sort()).toEqual(matches.map((p) => p.id).sort());
  expect(records.reduce((a, r) => a + cents(r['计划资金（万元）']), 0)).toBe(
    matches.reduce((a, p) => a + p.budget, 0),
  );
  // In the list's order: largest planned funds first.
  expect(cents(records[0]?.['计划资金（万元）'])).toBe(Math.max(...matches.map((p) => p.budget)));
});

test('a village page lists its projects, and its street page sums them', async ({ page }) => {
  const byVillage = new Map<string, Project[]>();
  for (const p of PROJECTS)
    if (p.village) byVillage.set(p.village, [...(byVillage.get(p.village) ?? []), p]);
  const [code, own] = [...byVillage].sort((a, b) => b[1].length - a[1].length)[0]!;
  const t = totals(own);
  await page.goto(`/villages/${code}/`);
  await expect(page.locator('#village-projects li.project-item')).toHaveCount(own.length);
  await expect(page.locator('#village-projects [data-figure="本村项目"]')).toContainText(
    `本村 ${t.projects} 个项目：计划资金 ${wan(t.budget)} 万元，已拨付 ${wan(t.paid)} 万元`,
  );
  const ids = await page
    .locator('#village-projects li.project-item')
    .evaluateAll((li) => li.map((l) => l.getAttribute('data-project')));
  expect(ids.sort()).toEqual(own.map((p) => p.id).sort());

  const street = own[0]!.street;
  const all = totals(PROJECTS.filter((p) => p.street === street));
  await page.goto(`/streets/${encodeURIComponent(street)}/`);
  await expect(page.locator('#street-projects [data-figure="本街道项目"]')).toContainText(
    `${all.projects} 个项目：计划资金 ${wan(all.budget)} 万元`,
  );
  await expect(page.locator('#street-projects li.project-item')).toHaveCount(
    PROJECTS.filter((p) => p.street === street && !p.village).length,
  );
});

test('the overview and the publication record count the projects', async ({ page }) => {
  await page.goto('/');
  const o = (label: string) => page.locator(`#overview-projects dd[data-figure="${label}"]`);
  expect(digits(await o('资金项目').textContent())).toBe(ALL.projects);
  await expect(o('计划资金').locator('xpath=following-sibling::dd')).toHaveText(
    `${wan(ALL.budget)} 万元`,
  );
  expect(digits(await o('受益贫困户').textContent())).toBe(ALL.households);
  await expect(page.locator('#overview-projects [data-figure="资金项目需关注"]')).toContainText(
    `无受益贫困户 ${PROJECTS.filter(FINDINGS['无受益贫困户']).length} 个`,
  );
  await page
    .locator('#overview-projects')
    .getByRole('link', { name: /资金项目详情/ })
    .click();
  await expect(page).toHaveURL(/\/projects\/$/);

  await page.goto('/updates/');
  const record = page.locator('article[data-publication] table[data-figures="projects"]').first();
  await expect(record.locator('tr').first()).toContainText(
    `${ALL.projects.toLocaleString('zh-CN')} 个`,
  );
});

for (const colorScheme of ['light', 'dark'] as const)
  test.describe(`axe, ${colorScheme}`, () => {
    // bypassCSP: only so the test can lift content-visibility; the policy is tested in nginx.spec.ts.
    test.use({ colorScheme, bypassCSP: true });
    test('no serious or critical violation on a phone and a desktop, pages 1 and 2', async ({
      page,
    }) => {
      // Four axe runs on a long page (about 16 s each on /projects/ alone), slower on a busy machine.
      test.setTimeout(300_000);
      for (const [width, height, label] of [
        [375, 812, 'phone'],
        [1280, 800, 'desktop'],
      ] as const) {
        await page.setViewportSize({ width, height });
        for (const p of ['/projects/', '/projects/page/2/']) {
          await page.goto(p);
          await page.addStyleTag({ content: '* { content-visibility: visible !important; }' });
          await page.evaluate(() => {
            for (const d of document.querySelectorAll('details')) d.open = true;
          });
          const axe = await new AxeBuilder({ page }).analyze();
          const bad = axe.violations.filter(
            (v) => v.impact === 'serious' || v.impact === 'critical',
          );
          expect(
            bad.map(
              (v) => `${p} ${label}: ${v.id} ${v.help} (${v.nodes.length}×) ${v.nodes[0]?.target}`,
            ),
          ).toEqual([]);
        }
        await page.goto('/projects/');
        await page.screenshot({
          path: `test-results/screenshots/projects-${colorScheme}-${label}.png`,
          fullPage: true,
        });
      }
    });
  });
