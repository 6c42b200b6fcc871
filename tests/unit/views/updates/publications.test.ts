/**
 * Publication history helpers on two hand-made records, a week apart; every
 * expected number below is worked out by hand from the two records.
 */
import { describe, expect, it } from 'vitest';
import {
  buildPublicationHistory,
  changeRows,
  compareRecords,
  registered,
  summarizeChanges,
} from '../../../../src/views/updates/publications.ts';
import {
  formatPublicationRecord,
  parsePublicationRecord,
  recordFileName,
  type PublicationRecord,
} from '../../../../src/contract/publicationRecord.ts';
import {
  exitCategoriesOf,
  recordFigureTables,
  recordSummary,
  trendRows,
  trendFigures,
  trendSeries,
  trendTakeaways,
} from '../../../../src/views/updates/publicationTrends.ts';

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

/** 2018-07-13: 100 households on the register (80 在册 + 20 已脱贫), 40 items of which 10 done. */
const JULY_13: PublicationRecord = {
  version: 1,
  as_of: '2018-07-13',
  region: '某区',
  title: '公开进展',
  sample: true,
  figures: {
    people_by_status: {
      在册: { households: 80, persons: 250 },
      已脱贫: { households: 20, persons: 60 },
      清退: { households: 3, persons: 9 },
    },
    households_by_exit_category: { 巩固提升: 50, 加大帮扶: 30, 重点帮扶: 20 },
    changes: { households_added: 5, persons_added: 14, households_removed: 3, persons_removed: 9 },
    rectifications: {
      items: 40,
      done: 10,
      in_progress: 20,
      not_started: 10,
      overdue: 4,
      overdue_open: 4,
    },
    shuangdao_villages: 6,
    shuangdao_villages_with_gap: { 基础设施: 2, 公共服务设施: 1, 产业发展: 4, 基层党建: 0 },
    households_by_street: {
      甲街道: { households: 60, persons: 190 },
      乙街道: { households: 40, persons: 120 },
    },
  },
  files: [{ path: 'downloads/villages.csv', bytes: 10, sha256: HASH_A }],
};

/**
 * 2018-07-20: 4 more added (9), 2 more removed (5) → 102 on the register
 * (70 在册 + 32 已脱贫); 巩固提升 +12, 加大帮扶 −6, 重点帮扶 −4; 45 items, 31 done, 1 overdue open.
 */
const JULY_20: PublicationRecord = {
  ...JULY_13,
  as_of: '2018-07-20',
  figures: {
    ...JULY_13.figures,
    people_by_status: {
      在册: { households: 70, persons: 220 },
      已脱贫: { households: 32, persons: 95 },
      清退: { households: 5, persons: 15 },
    },
    households_by_exit_category: { 巩固提升: 62, 加大帮扶: 24, 重点帮扶: 16 },
    changes: { households_added: 9, persons_added: 25, households_removed: 5, persons_removed: 15 },
    rectifications: {
      items: 45,
      done: 31,
      in_progress: 10,
      not_started: 4,
      overdue: 6,
      overdue_open: 1,
    },
  },
  files: [
    { path: 'downloads/villages.csv', bytes: 12, sha256: HASH_B },
    { path: 'data/huitoukan.0123456789.duckdb', bytes: 99, sha256: HASH_A },
  ],
};

describe('buildPublicationHistory', () => {
  it('puts the recorded publications before the current one, oldest first', () => {
    const h = buildPublicationHistory([JULY_13], JULY_20);
    expect(h.records.map((r) => r.as_of)).toEqual(['2018-07-13', '2018-07-20']);
    expect(h.current).toBe(JULY_20);
    expect(h.previous).toBe(JULY_13);
  });

  it('lets the publication being built replace a record of the same date', () => {
    const stale = { ...JULY_20, note: '旧记录' };
    const h = buildPublicationHistory([stale, JULY_13], JULY_20);
    expect(h.records).toEqual([JULY_13, JULY_20]);
    expect(h.records).not.toContain(stale);
  });

  it('has no previous publication when only the current one exists', () => {
    const h = buildPublicationHistory([], JULY_13);
    expect(h.records).toEqual([JULY_13]);
    expect(h.previous).toBeNull();
  });

  it('leaves out records of another region and records dated after the current one', () => {
    const other = { ...JULY_13, as_of: '2018-07-01', region: '另一个区' };
    const later = { ...JULY_13, as_of: '2018-08-01' };
    const h = buildPublicationHistory([later, other], JULY_13);
    expect(h.records).toEqual([JULY_13]);
    expect(h.previous).toBeNull();
  });

  it('takes the latest earlier record as the previous one', () => {
    const july6 = { ...JULY_13, as_of: '2018-07-06' };
    const h = buildPublicationHistory([JULY_13, july6], JULY_20);
    expect(h.records.map((r) => r.as_of)).toEqual(['2018-07-06', '2018-07-13', '2018-07-20']);
    expect(h.previous?.as_of).toBe('2018-07-13');
  });
});

describe('compareRecords', () => {
  const c = compareRecords(JULY_13, JULY_20);

  it('counts households and persons on the register without 清退', () => {
    expect(registered(JULY_13.figures)).toEqual({ households: 100, persons: 310 });
    expect(c.households).toEqual({ before: 100, after: 102, delta: 2 });
    expect(c.persons).toEqual({ before: 310, after: 315, delta: 5 });
    expect(c.exited).toEqual({ before: 20, after: 32, delta: 12 });
  });

  it('gives households added and removed since the previous publication', () => {
    expect(c.added).toBe(4);
    expect(c.removed).toBe(2);
  });

  it('gives per-category deltas in the contract order', () => {
    expect(c.categories).toEqual([
      { category: '巩固提升', before: 50, after: 62, delta: 12 },
      { category: '加大帮扶', before: 30, after: 24, delta: -6 },
      { category: '重点帮扶', before: 20, after: 16, delta: -4 },
    ]);
  });

  it('gives items newly completed, new items and overdue change', () => {
    expect(c.rectifications.done.delta).toBe(21);
    expect(c.rectifications.items.delta).toBe(5);
    expect(c.rectifications.overdueOpen).toEqual({ before: 4, after: 1, delta: -3 });
  });

  it('keeps a category only one record knows, with 0 in the other', () => {
    const odd = {
      ...JULY_20,
      figures: { ...JULY_20.figures, households_by_exit_category: { 巩固提升: 62, 新分类: 3 } },
    };
    const categories = compareRecords(JULY_13, odd).categories;
    expect(categories.map((x) => x.category)).toEqual([
      '巩固提升',
      '加大帮扶',
      '重点帮扶',
      '新分类',
    ]);
    expect(categories[3]).toEqual({ category: '新分类', before: 0, after: 3, delta: 3 });
    expect(categories[1]).toEqual({ category: '加大帮扶', before: 30, after: 0, delta: -30 });
  });

  it('summarises the changes in one sentence', () => {
    expect(summarizeChanges(c)).toBe(
      '与上次发布（2018年7月13日）相比：建档立卡 +2 户（新增纳入 4 户、清退 2 户），已脱贫 +12 户，整改完成 +21 项，问题总数 +5 项。',
    );
  });

  it('lists the changes as table rows', () => {
    const rows = changeRows(c);
    expect(rows.map((r) => r.label)).toEqual([
      '建档立卡户数',
      '建档立卡人数',
      '已脱贫户数',
      '巩固提升户数',
      '加大帮扶户数',
      '重点帮扶户数',
      '发现问题',
      '整改已完成',
      '逾期未完成',
    ]);
    expect(rows.find((r) => r.label === '整改已完成')).toEqual({
      label: '整改已完成',
      unit: '项',
      before: 10,
      after: 31,
      delta: 21,
    });
  });
});

describe('project figures across publications', () => {
  const projects = (n: number, budget: number, disbursed: number, done: number) => ({
    projects: n,
    budget_wan: budget,
    disbursed_wan: disbursed,
    done,
    beneficiaries: 10 * n,
  });
  const withProjects = (r: PublicationRecord, p: PublicationRecord['figures']['projects']) => ({
    ...r,
    figures: { ...r.figures, projects: p },
  });
  const before = withProjects(JULY_13, projects(10, 300.1, 100.2, 3));
  const after = withProjects(JULY_20, projects(12, 360.1, 150.3, 5));

  it('gives new projects and newly paid money, to the hundredth of 万元', () => {
    const c = compareRecords(before, after);
    expect(c.projectsStatus).toBe('both');
    // 150.3 − 100.2 is 50.10000000000001 in floating point: rounded to the amounts' two decimals.
    expect(c.projects?.disbursed).toEqual({ before: 100.2, after: 150.3, delta: 50.1 });
    expect(c.projects?.projects.delta).toBe(2);
    expect(summarizeChanges(c)).toContain('资金项目 +2 个，新拨付资金 50.1 万元');
    expect(changeRows(c).slice(-4)).toEqual([
      { label: '资金项目', unit: '个', before: 10, after: 12, delta: 2 },
      { label: '已完工或已验收项目', unit: '个', before: 3, after: 5, delta: 2 },
      { label: '计划资金（万元）', unit: '万元', before: 300.1, after: 360.1, delta: 60 },
      { label: '已拨付资金（万元）', unit: '万元', before: 100.2, after: 150.3, delta: 50.1 },
    ]);
  });

  it('says when projects are published for the first time, or no longer, and compares nothing', () => {
    const first = compareRecords(JULY_13, after);
    expect(first.projectsStatus).toBe('new');
    expect(first.projects).toBeNull();
    expect(summarizeChanges(first)).toContain('本次起公开扶贫资金项目');
    expect(changeRows(first).map((r) => r.label)).not.toContain('资金项目');
    expect(summarizeChanges(compareRecords(before, JULY_20))).toContain('本次发布没有项目数据');
    expect(compareRecords(JULY_13, JULY_20).projectsStatus).toBe('none');
  });

  it("shows a record's project figures in its line and a table of their own", () => {
    expect(recordSummary(after)).toBe(
      '建档立卡 102 户、315 人；整改已完成 31 / 45 项，逾期未完成 1 项；资金项目 12 个，已拨付 150.3 / 360.1 万元。',
    );
    const table = recordFigureTables(after).find((t) => t.id === 'projects');
    expect(table?.rows.find((r) => r.label === '已拨付')).toEqual({
      label: '已拨付',
      value: 150.3,
      unit: '万元',
    });
  });
});

describe('trends', () => {
  it('gives one row per publication with the charted figures', () => {
    expect(trendRows([JULY_13, JULY_20])).toEqual([
      {
        as_of: '2018-07-13',
        households: 100,
        persons: 310,
        items: 40,
        done: 10,
        overdue_open: 4,
        巩固提升: 50,
        加大帮扶: 30,
        重点帮扶: 20,
      },
      {
        as_of: '2018-07-20',
        households: 102,
        persons: 315,
        items: 45,
        done: 31,
        overdue_open: 1,
        巩固提升: 62,
        加大帮扶: 24,
        重点帮扶: 16,
      },
    ]);
  });

  it('draws rectification and exit-category lines over the as_of dates', () => {
    const s = trendSeries([JULY_13, JULY_20]);
    expect(s.rectifications.map((x) => x.name)).toEqual(['发现问题', '已完成', '逾期未完成']);
    expect(s.rectifications[1]?.points).toEqual([
      { date: '2018-07-13', value: 10 },
      { date: '2018-07-20', value: 31 },
    ]);
    expect(s.exitCategories.map((x) => x.name)).toEqual(exitCategoriesOf([JULY_13]));
    expect(s.exitCategories[2]?.points.map((p) => p.value)).toEqual([20, 16]);
  });

  it('names the category that moved most in the takeaway', () => {
    const t = trendTakeaways([JULY_13, JULY_20]);
    expect(t.exitCategories).toBe(
      '从2018年7月13日到2018年7月20日，变化最大的是巩固提升：由 50 户变为 62 户。',
    );
    expect(t.rectifications).toContain('整改已完成由 10 项变为 31 项');
    expect(t.rectifications).toContain('逾期未完成 1 项');
  });
  it('makes two figures whose charts say their titles and takeaways', () => {
    const [rect, exit] = trendFigures([JULY_13, JULY_20]);
    const t = trendTakeaways([JULY_13, JULY_20]);
    expect(rect?.id).toBe('updates-rectifications');
    expect(rect?.takeaway).toBe(t.rectifications);
    expect(rect?.svg).toContain('id="updates-rectifications-chart"');
    expect(rect?.svg).toContain(
      `<desc id="updates-rectifications-chart-desc">${t.rectifications}</desc>`,
    );
    expect(rect?.columns.map((c) => c.key)).toEqual(['as_of', 'items', 'done', 'overdue_open']);
    expect(exit?.id).toBe('updates-exit');
    expect(exit?.svg).toContain(
      '<title id="updates-exit-chart-title">历次发布的各脱贫成效分类户数</title>',
    );
    expect(exit?.columns.map((c) => c.key)).toEqual(['as_of', ...exitCategoriesOf([JULY_13])]);
    expect(exit?.rows).toEqual(trendRows([JULY_13, JULY_20]));
  });
});

describe('recordFigureTables', () => {
  it('shows the register, exit categories, rectification and 双到 figures of one record', () => {
    const tables = recordFigureTables(JULY_20);
    expect(tables.map((t) => t.id)).toEqual(['register', 'exit', 'rectification', 'shuangdao']);
    const value = (id: string, label: string) =>
      tables.find((t) => t.id === id)?.rows.find((r) => r.label === label)?.value;
    expect(value('register', '建档立卡户数')).toBe(102);
    expect(value('register', '清退户数')).toBe(5);
    expect(value('register', '新增纳入（累计）')).toBe(9);
    expect(value('exit', '加大帮扶')).toBe(24);
    expect(value('rectification', '逾期（含逾期完成）')).toBe(6);
    expect(value('shuangdao', '产业发展')).toBe(4);
    expect(value('shuangdao', '“双到”村')).toBe(6);
  });
});

describe('recordSummary', () => {
  it('gives the register and rectification progress of one record in a line', () => {
    expect(recordSummary(JULY_20)).toBe(
      '建档立卡 102 户、315 人；整改已完成 31 / 45 项，逾期未完成 1 项。',
    );
  });
});

describe('reading and writing records', () => {
  it('names the file after the as_of date', () => {
    expect(recordFileName('2018-07-20')).toBe('2018-07-20.json');
  });

  it('writes files sorted by path and reads back the same record', () => {
    const text = formatPublicationRecord(JULY_20);
    expect(text.endsWith('}\n')).toBe(true);
    const back = parsePublicationRecord(JSON.parse(text), 'x.json');
    expect(back.files.map((f) => f.path)).toEqual([
      'data/huitoukan.0123456789.duckdb',
      'downloads/villages.csv',
    ]);
    expect({ ...back, files: [] }).toEqual({ ...JULY_20, files: [] });
  });

  it('rejects a malformed record, naming the file and the field', () => {
    const bad = { ...JULY_13, files: [{ path: 'x', bytes: 1, sha256: 'nothex' }] };
    expect(() => parsePublicationRecord(bad, 'publications/2018-07-13.json')).toThrow(
      /publications\/2018-07-13\.json.*files\.0\.sha256/,
    );
    expect(() => parsePublicationRecord({ ...JULY_13, as_of: '2018/7/13' }, 'a.json')).toThrow(
      /as_of/,
    );
    const { figures: _figures, ...noFigures } = JULY_13;
    expect(() => parsePublicationRecord(noFigures, 'a.json')).toThrow(/figures/);
  });

  it('reads records made before the privacy summary existed, and checks one that has it', () => {
    expect(parsePublicationRecord(JULY_13, 'a.json').privacy).toBeUndefined();
    const privacy = {
      k: 3,
      household_rows: 10,
      rows_by_level: {
        exact: 4,
        type_labor_blanked: 3,
        size_blanked: 3,
        street_only: 0,
        district_only: 0,
      },
      rows_for_diversity: 2,
      rows_lent: 1,
      villages_not_by_village: 0,
      values_withheld: 0,
      village_persons_withheld: 1,
      reason_categories: { street: 2, district: 1, withheld: 0 },
      change_records_counted: 5,
      villages_with_changes: 2,
    };
    expect(parsePublicationRecord({ ...JULY_13, privacy }, 'a.json').privacy).toEqual(privacy);
    expect(() =>
      parsePublicationRecord({ ...JULY_13, privacy: { ...privacy, rows_lent: -1 } }, 'a.json'),
    ).toThrow(/privacy\.rows_lent/);
  });

  it('treats a record without "sample" as real data', () => {
    const { sample: _sample, ...rest } = JULY_13;
    expect(parsePublicationRecord(rest, 'a.json').sample).toBe(false);
  });
});
