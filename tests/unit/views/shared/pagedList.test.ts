import { describe, expect, it } from 'vitest';
import {
  listPagePath,
  pageRange,
  renderPagedList,
  sortOrderText,
  type PagedListSpec,
} from '../../../../src/views/shared/pagedList.ts';

const spec: PagedListSpec<string> = {
  path: '/projects/',
  keys: ['street', 'village'],
  pageSize: 2,
  id: 'projects-items',
  label: '项目清单',
  noun: '项目',
  unit: '个',
  counted: '个项目',
  sortKeys: ['budget_wan'],
  columns: [{ label: '计划资金', sort: 'budget_wan', cls: 'num' }],
  placeholder: '编号、名称…',
  order: { text: '按项目编号排列', menu: '按项目编号' },
  table: (items, o) =>
    `<table data-start="${o.start}" data-sort="${o.sort?.key ?? ''}-${o.sort?.dir ?? ''}"><caption>${o.caption}</caption>${items.map((i) => `<tr><td>${i}</td></tr>`).join('')}</table>`,
};

describe('listPagePath', () => {
  it('page 1 is the topic page itself, later pages live under page/', () => {
    expect(listPagePath('/rectification/', 1)).toBe('/rectification/');
    expect(listPagePath('/projects/', 2)).toBe('/projects/page/2/');
  });
});

describe('pageRange', () => {
  it('numbers the first row of a page and counts the pages (at least one)', () => {
    expect(pageRange(5, 3, 2)).toEqual({ first: 5, lastPage: 3 });
    expect(pageRange(0, 1, 50)).toEqual({ first: 1, lastPage: 1 });
  });
});

describe('sortOrderText', () => {
  it('names the column and direction, or falls back to the default order', () => {
    const cols = [{ label: '计划资金', sort: 'budget_wan' }];
    expect(sortOrderText(cols, { sort: 'budget_wan', dir: 'desc' }, '默认')).toBe(
      '按计划资金降序排列',
    );
    expect(sortOrderText(cols, { sort: 'budget_wan' }, '默认')).toBe('按计划资金升序排列');
    expect(sortOrderText(cols, {}, '默认')).toBe('默认');
  });
});

describe('renderPagedList', () => {
  it('without any state, pages link to the prerendered pages', () => {
    const { note, html } = renderPagedList(spec, ['a', 'b'], 5, {}, {});
    expect(note).toBe('共 5 个项目，每页 2 个：按项目编号排列。本页为第 1—2 个。');
    expect(html).toContain('href="/projects/page/2/"');
    expect(html).toContain('项目清单（第 1 页，共 3 页）');
    expect(html).toContain('aria-label="项目清单分页（上）"');
  });

  it('with a filter, search or order, page links carry the state', () => {
    const list = { q: '道路', sort: 'budget_wan', dir: 'desc' as const, page: 2 };
    const { note, html } = renderPagedList(spec, ['c', 'd'], 5, { street: '甲街道' }, list);
    expect(note).toBe('共 5 个项目含“道路”，每页 2 个：按计划资金降序排列。本页为第 3—4 个。');
    expect(html).toContain(
      `href="/projects/?street=${encodeURIComponent('甲街道')}&amp;sort=-budget_wan&amp;q=${encodeURIComponent('道路')}&amp;page=3"`,
    );
    expect(html).toContain('data-start="3" data-sort="budget_wan-desc"');
  });

  it('says when nothing matches, and when a page is past the last', () => {
    expect(renderPagedList(spec, [], 0, {}, {}).html).toContain('没有符合条件的项目。');
    const past = renderPagedList(spec, [], 3, {}, { page: 9 }).html;
    expect(past).toContain('这一页没有项目：请回到第 1 页。');
    expect(past).toContain('aria-current="page" aria-label="第 2 页"');
  });
});
