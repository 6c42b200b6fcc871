/**
 * The HTML string renderers the topic pages share with the browser: hostile
 * text from the spreadsheets (markup, attribute breakers) stays text wherever
 * it lands — cells, captions, summaries, links, list items.
 */
import { describe, expect, it } from 'vitest';
import { renderChartFigureHtml } from '../../../../src/render/html/chartFigureHtml.ts';
import { renderAreaGroupsHtml } from '../../../../src/render/html/areaGroupsHtml.ts';
import { renderRegistrationView } from '../../../../src/views/registration/registrationView.ts';
import { renderRectificationTableHtml } from '../../../../src/views/rectification/rectificationTableHtml.ts';
import { renderShortcomingTableHtml } from '../../../../src/views/shuangdao/shuangdaoStreetHtml.ts';
import { renderPageLinksHtml } from '../../../../src/render/html/pageLinksHtml.ts';
import type { RectItem } from '../../../../src/views/rectification/rectification.ts';
import type { ShortcomingRow } from '../../../../src/views/shuangdao/shuangdao.ts';
import { renderProjectTableHtml } from '../../../../src/views/projects/projectHtml.ts';
import { renderFindingsHtml } from '../../../../src/views/projects/findingsHtml.ts';
import { renderListTableHtml } from '../../../../src/render/html/listTableHtml.ts';
import { projectTotals } from '../../../../src/views/projects/projects.ts';
import type { ProjectItem, ShortcomingCoverageRow } from '../../../../src/queries/projects.ts';

const EVIL = `<img src=x onerror=alert(1)>"><script>alert(2)</script>'&`;
const ALLOWED = new Set([
  'div',
  'table',
  'caption',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'a',
  'span',
  'p',
  'details',
  'summary',
  'figure',
  'h3',
  'button',
  'ol',
  'li',
  'time',
  'strong',
  'nav',
  'ul',
  'section',
  'dl',
  'dt',
  'dd',
]);

/** Element names as a browser tokenizes them: quoted attribute values are opaque. */
function tags(html: string): string[] {
  const outside = html.replace(/"[^"]*"/g, '""');
  return [...outside.matchAll(/<([a-z][a-z0-9]*)[\s>/]/gi)].map((m) => m[1]!.toLowerCase());
}
/** Attribute names, to catch an injected on* handler. */
const attributes = (html: string) =>
  [...html.replace(/"[^"]*"/g, '""').matchAll(/\s([a-z-]+)=""/gi)].map((m) => m[1]!.toLowerCase());

function expectInert(html: string): void {
  for (const t of tags(html)) expect(ALLOWED.has(t), `<${t}>`).toBe(true);
  expect(attributes(html).filter((a) => a.startsWith('on'))).toEqual([]);
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
}

const item: RectItem = {
  issue_id: EVIL,
  source_level: EVIL,
  source_type: EVIL,
  found_date: '2018-05-01',
  street: EVIL,
  village_code: '441',
  village_name: EVIL,
  category: EVIL,
  description: EVIL.repeat(10),
  measures: EVIL,
  responsible_unit: EVIL,
  deadline: '2018-06-01',
  status: '整改中',
  completed_date: null,
  overdue: true,
};

describe('topic HTML renderers keep hostile text inert', () => {
  it('chart figure: title, takeaway and its table', () => {
    const html = renderChartFigureHtml({
      id: 'f',
      title: EVIL,
      takeaway: EVIL,
      svg: '<svg></svg>',
      columns: [{ key: 'name', label: EVIL }],
      rows: [{ name: EVIL }],
    });
    expectInert(html.replace('<svg></svg>', ''));
  });

  it('per-street village tables', () => {
    const html = renderAreaGroupsHtml([{ street: EVIL, rows: [{ name: EVIL, n: 1 }] }], {
      idPrefix: 'g',
      columns: [{ key: 'name', label: '村' }],
      open: true,
      caption: (s) => s,
      links: { name: () => `/villages/${EVIL}/` },
      streetLink: (s) => ({ href: `/streets/${s}/`, text: s }),
    });
    expectInert(html);
  });

  it('change reason tallies of the registration page', () => {
    const view = renderRegistrationView(
      { reasons: [{ change_type: EVIL, reason_category: EVIL, records: 3 }] },
      { asOf: '2018-07-20', streetOrder: [], villageCount: 0 },
    );
    const html = view.blocks.reasons.html;
    expectInert(html);
    expect(html).toContain('<td class="num"');
  });

  it('rectification items, long text folded', () => {
    const html = renderRectificationTableHtml([item], { asOf: '2018-07-20', caption: EVIL });
    expectInert(html);
    expect(html).toContain('展开全文');
  });

  it('shortcomings', () => {
    const row: ShortcomingRow = {
      street: EVIL,
      village_code: EVIL,
      village_name: EVIL,
      shuangdao_round: '1',
      dimension: EVIL,
      mechanism_in_place: '否',
      shortcoming: EVIL,
      proposed_project: EVIL,
      estimated_investment_wan: 12.5,
      in_project_library: '是',
      responsible_unit: EVIL,
    };
    expectInert(renderShortcomingTableHtml([row], EVIL));
  });

  const project: ProjectItem = {
    project_id: EVIL,
    plan_year: 2018,
    street: EVIL,
    village_code: EVIL,
    village_name: EVIL,
    project_name: EVIL,
    category: EVIL,
    task: EVIL,
    fund_source: EVIL,
    budget_wan: 10,
    disbursed_wan: 1,
    implementer: EVIL,
    start_date: null,
    end_date: null,
    status: '未开工',
    beneficiary_households: 0,
    benefit_mechanism: EVIL,
    shortcoming_dimension: EVIL,
    performance_goal: EVIL,
  };

  it('projects: the list and the findings lists', () => {
    const table = renderProjectTableHtml([project], { caption: EVIL });
    expectInert(table);
    expect(table).toContain('data-finding="拨付超前"');
    const coverage: ShortcomingCoverageRow = {
      street: EVIL,
      village_code: EVIL,
      village_name: EVIL,
      shuangdao_round: '1',
      dimension: EVIL,
      mechanism_in_place: '否',
      shortcoming: EVIL,
      proposed_project: EVIL,
      estimated_investment_wan: 1,
      in_project_library: '是',
      responsible_unit: EVIL,
      projects: 0,
      budget_wan: 0,
      disbursed_wan: 0,
    };
    const findings = renderFindingsHtml({
      totals: projectTotals([]),
      coverage: [coverage],
      lists: { 拨付超前: [project], 拨付滞后: [], 无受益贫困户: [project] },
      listHref: (x) => `/projects/?project_finding=${x}&q=${EVIL}`,
    });
    expectInert(findings);
  });

  it("a long list's table frame: headers and caption", () => {
    const html = renderListTableHtml([{ label: EVIL, sort: EVIL, cls: EVIL }], '', {
      caption: EVIL,
      sort: { key: EVIL, dir: 'desc' },
    });
    for (const t of tags(html)) expect(ALLOWED.has(t), `<${t}>`).toBe(true);
    expect(attributes(html).filter((a) => a.startsWith('on'))).toEqual([]);
    expect(html).toContain('aria-sort="descending"');
  });

  it('page links: hrefs and label stay inside their attributes', () => {
    const html = renderPageLinksHtml(2, 5, (p) => `/x/?q=${EVIL}&page=${p}`, EVIL);
    for (const t of tags(html)) expect(ALLOWED.has(t), `<${t}>`).toBe(true);
    expect(html).toContain('aria-current="page"');
    expect(renderPageLinksHtml(1, 1, () => '/', 'x')).toBe('');
  });
});
