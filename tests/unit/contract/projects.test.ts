/**
 * projects.csv's own rules (one row, no other file): every column parses as
 * the contract says, and the row rules tie 已拨付, 完工日期, 街道 and 对应短板 to
 * the rest of the row. Cross-file rules: tests/unit/build/validate/checkProjects.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { projectsDataset } from '../../../src/contract/input/projects.ts';

const VALID: Record<string, string> = {
  project_id: 'XM-2018-001',
  project_name: '田墘村村道硬底化二期',
  plan_year: '2018',
  street: '田墘街道',
  village_code: '441502100201',
  category: '基础设施',
  task: '硬底化村道 1.5 公里',
  fund_source: '区级财政',
  budget_wan: '85',
  disbursed_wan: '40',
  implementer: '田墘街道办事处',
  start_date: '2018-05-10',
  end_date: '',
  status: '在建',
  beneficiary_households: '2',
  benefit_mechanism: '务工就业',
  shortcoming_dimension: '基础设施',
  performance_goal: '',
};

/** `column: message [code]` for each issue of the row with `cells` changed. */
function issues(cells: Record<string, string>): string[] {
  const r = projectsDataset.rowSchema.safeParse({ ...VALID, ...cells });
  if (r.success) return [];
  return r.error.issues.map(
    (i) =>
      `${String(i.path[0])}: ${i.message} [${(i as { params?: { code?: string } }).params?.code}]`,
  );
}

describe('projects.csv columns', () => {
  it('parses a valid row into typed values: amounts as numbers, empty cells as null', () => {
    expect(projectsDataset.rowSchema.parse(VALID)).toMatchObject({
      plan_year: 2018,
      budget_wan: 85,
      disbursed_wan: 40,
      end_date: null,
      beneficiary_households: 2,
      performance_goal: null,
    });
  });

  it('is optional as a file, with the columns of the contract in order', () => {
    expect(projectsDataset.optional).toBe(true);
    expect(projectsDataset.columns.map((c) => `${c.header} ${c.key}`)).toEqual([
      '项目编号 project_id',
      '项目名称 project_name',
      '计划年度 plan_year',
      '街道 street',
      '村代码 village_code',
      '项目类型 category',
      '建设任务 task',
      '资金来源 fund_source',
      '计划资金（万元） budget_wan',
      '已拨付（万元） disbursed_wan',
      '实施单位 implementer',
      '开工日期 start_date',
      '完工日期 end_date',
      '项目状态 status',
      '受益贫困户数 beneficiary_households',
      '带贫减贫机制 benefit_mechanism',
      '对应短板 shortcoming_dimension',
      '绩效目标 performance_goal',
    ]);
    for (const c of projectsDataset.columns) expect(c.description, c.key).not.toBe('');
  });

  it('checks each cell on its own', () => {
    expect([
      ...issues({ project_id: 'XM 001' }),
      ...issues({ project_name: '' }),
      ...issues({ project_name: '项'.repeat(101) }),
      ...issues({ plan_year: '2015' }),
      ...issues({ village_code: '4415021002' }),
      ...issues({ category: '扶贫' }),
      ...issues({ task: '' }),
      ...issues({ fund_source: '财政' }),
      ...issues({ start_date: '2018-02-30' }),
      ...issues({ status: '完工' }),
      ...issues({ beneficiary_households: '-1' }),
      ...issues({ beneficiary_households: '2.5' }),
      ...issues({ shortcoming_dimension: '产业' }),
      ...issues({ implementer: '' }),
    ]).toMatchInlineSnapshot(`
      [
        "project_id: 编号不能含空格或逗号，实际为 "XM 001" [type-error]",
        "project_name: 不能为空 [constraint-error]",
        "project_name: 不能超过 100 个字，实际为 101 个字 [constraint-error]",
        "plan_year: 应不小于 2016，实际为 2015 [constraint-error]",
        "village_code: 应为 12 位数字代码或留空，实际为 "4415021002" [type-error]",
        "category: 应为 产业发展 / 基础设施 / 公共服务设施 / 基层党建 / 住房安全 / 教育 / 医疗 / 就业 / 其他 之一，实际为 "扶贫" [constraint-error]",
        "task: 不能为空 [constraint-error]",
        "fund_source: 应为 中央财政 / 省级财政 / 市级财政 / 区级财政 / 帮扶单位 / 社会资金 / 其他 之一，实际为 "财政" [constraint-error]",
        "start_date: 应为日期，如 2018-06-05（也接受 2018/6/5、2018.6.5、2018年6月5日），实际为 "2018-02-30" [type-error]",
        "status: 应为 未开工 / 在建 / 已完工 / 已验收 之一，实际为 "完工" [constraint-error]",
        "beneficiary_households: 应不小于 0，实际为 -1 [constraint-error]",
        "beneficiary_households: 应为整数，实际为 "2.5" [type-error]",
        "shortcoming_dimension: 应为 基础设施 / 公共服务设施 / 产业发展 / 基层党建 之一或留空，实际为 "产业" [constraint-error]",
        "implementer: 不能为空，应填写单位名称 [constraint-error]",
      ]
    `);
  });

  it('accepts 100 characters of name, a 2016 plan and a shortcoming left empty', () => {
    expect(
      issues({ project_name: '项'.repeat(100), plan_year: '2016', shortcoming_dimension: '' }),
    ).toEqual([]);
  });
});

describe('projects.csv row rules', () => {
  it('holds 已拨付 to at most 计划资金 (equal is fine)', () => {
    expect(issues({ disbursed_wan: '85' })).toEqual([]);
    expect(issues({ disbursed_wan: '85.01' })).toMatchInlineSnapshot(`
      [
        "disbursed_wan: 已拨付 85.01 万元多于计划资金 85 万元 [row-constraint]",
      ]
    `);
  });

  it('requires 完工日期 for 已完工 and 已验收, and refuses it otherwise', () => {
    expect(issues({ status: '已完工', end_date: '2018-06-30' })).toEqual([]);
    expect(issues({ status: '已验收', end_date: '2018-05-10' })).toEqual([]);
    expect([
      ...issues({ status: '已完工' }),
      ...issues({ status: '已验收' }),
      ...issues({ status: '在建', end_date: '2018-06-30' }),
      ...issues({ status: '未开工', start_date: '', end_date: '2018/6/30' }),
    ]).toMatchInlineSnapshot(`
      [
        "end_date: 项目状态为 已完工 时必须填写完工日期 [row-constraint]",
        "end_date: 项目状态为 已验收 时必须填写完工日期 [row-constraint]",
        "end_date: 项目状态为 在建 时完工日期应留空，实际为 2018-06-30 [row-constraint]",
        "end_date: 项目状态为 未开工 时完工日期应留空，实际为 2018-06-30 [row-constraint]",
      ]
    `);
  });

  it('refuses a 完工日期 before the 开工日期, and allows either without the other', () => {
    expect(issues({ status: '已完工', end_date: '2018-05-09' })).toMatchInlineSnapshot(`
      [
        "end_date: 完工日期 2018-05-09 早于开工日期 2018-05-10 [row-constraint]",
      ]
    `);
    expect(issues({ status: '已完工', start_date: '', end_date: '2018-05-09' })).toEqual([]);
  });

  it('reads an empty 街道 as district-wide, which needs an empty 村代码 and no 对应短板 too', () => {
    expect(issues({ street: '', village_code: '', shortcoming_dimension: '' })).toEqual([]);
    expect([
      ...issues({ street: '', shortcoming_dimension: '' }),
      ...issues({ village_code: '' }),
      ...issues({ street: '', village_code: '' }),
    ]).toMatchInlineSnapshot(`
      [
        "street: 填写了村代码时街道不能为空（全区项目街道和村代码都留空） [row-constraint]",
        "shortcoming_dimension: 对应短板只用于某个"双到"村的项目；街道项目请留空 [row-constraint]",
        "shortcoming_dimension: 对应短板只用于某个"双到"村的项目；全区项目请留空 [row-constraint]",
      ]
    `);
  });
});
