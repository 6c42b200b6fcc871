/**
 * A small hand-made Dataset whose right answers are worked out by hand in the
 * comments: distinctive household ids and incomes (so a leak is easy to find),
 * quasi-identifier combinations chosen to trigger each coarsening step, and CSV
 * traps (formulas, full-width ＝, quotes, commas, negative numbers).
 */
import type { Dataset } from '../../../../src/contract/input/datasets.ts';
import type { Household } from '../../../../src/contract/input/households.ts';
import type { Project } from '../../../../src/contract/input/projects.ts';

export const V1 = '441502100001'; // 东村: every coarsening step, and a whole group borrowed
export const V2 = '441502100002'; // 西村: nothing to coarsen
export const V3 = '441502200001'; // 南村: two rows borrowed from a large group
export const V4 = '441502200002'; // 小村: 2 households < k = 3

type H = Pick<
  Household,
  'household_id' | 'village_code' | 'household_size' | 'household_type' | 'labor_capacity'
> &
  Partial<Household>;

function household(h: H): Household {
  return {
    status: '在册',
    enrolled_year: 2016,
    income_per_capita: 5000,
    exit_category: '加大帮扶',
    education_secured: '是',
    medical_secured: '是',
    housing_secured: '是',
    measures: ['产业帮扶'],
    ...h,
  };
}

const H = '一般贫困户';
const D = '低保户';
const T = '特困供养户';
const Y = '有劳动能力';
const N = '无劳动能力';

export const HOUSEHOLDS: Household[] = [
  // V1, k = 3.
  // (4, 一般, 有) ×3: a group of 3, published exactly.
  household({
    household_id: 'HX-7731-QZ',
    village_code: V1,
    household_size: 4,
    household_type: H,
    labor_capacity: Y,
    income_per_capita: 4321.57,
  }),
  household({
    household_id: 'HX-7732-QZ',
    village_code: V1,
    household_size: 4,
    household_type: H,
    labor_capacity: Y,
    income_per_capita: 3999.99,
  }),
  household({
    household_id: 'HX-7733-QZ',
    village_code: V1,
    household_size: 4,
    household_type: H,
    labor_capacity: Y,
    income_per_capita: 10000,
  }),
  // (3, 低保, 无) ×2 and (4, 低保, 无) ×1: too small exactly, a group of 3 as ("3–4", 低保, 无).
  household({
    household_id: 'HX-8841-WK',
    village_code: V1,
    household_size: 3,
    household_type: D,
    labor_capacity: N,
    income_per_capita: 6000,
  }),
  household({
    household_id: 'HX-8842-WK',
    village_code: V1,
    household_size: 3,
    household_type: D,
    labor_capacity: N,
    income_per_capita: 7345.91,
  }),
  household({
    household_id: 'HX-8843-WK',
    village_code: V1,
    household_size: 4,
    household_type: D,
    labor_capacity: N,
    income_per_capita: 8000,
  }),
  // (1, 特困, 无) and (2, 一般, 无) ×2: a group of 3 only as ("1–2", -, -) …
  household({
    household_id: 'HX-9951-PL',
    village_code: V1,
    household_size: 1,
    household_type: T,
    labor_capacity: N,
    income_per_capita: 12345.67,
  }),
  household({
    household_id: 'HX-9952-PL',
    village_code: V1,
    household_size: 2,
    household_type: H,
    labor_capacity: N,
    income_per_capita: 5987.13,
  }),
  household({
    household_id: 'HX-9953-PL',
    village_code: V1,
    household_size: 2,
    household_type: H,
    labor_capacity: N,
    income_per_capita: 4000,
  }),
  // … and (6, 一般, 有) is alone even fully blanked: no group of ≥ 3 + 2 to lend two rows,
  // so the smallest group at the highest level — the three "1–2" rows — joins it: 4 blank rows.
  household({
    household_id: 'HX-1061-ZZ',
    village_code: V1,
    household_size: 6,
    household_type: H,
    labor_capacity: Y,
    income_per_capita: 9999.99,
    status: '已脱贫',
    exit_category: '巩固提升',
  }),

  // V2: (5, 特困, 无) ×3, nothing to coarsen.
  household({
    household_id: 'HX-2201-AB',
    village_code: V2,
    household_size: 5,
    household_type: T,
    labor_capacity: N,
    income_per_capita: 2345.68,
  }),
  household({
    household_id: 'HX-2202-AB',
    village_code: V2,
    household_size: 5,
    household_type: T,
    labor_capacity: N,
    income_per_capita: 2345.69,
    status: '清退',
    exit_category: null,
    measures: [],
  }),
  household({
    household_id: 'HX-2203-AB',
    village_code: V2,
    household_size: 5,
    household_type: T,
    labor_capacity: N,
    income_per_capita: 2345.7,
    measures: ['教育帮扶', '医疗帮扶'],
  }),

  // V3: (2, 一般, 有) ×5 and (7, 低保, 无) alone. The blank group needs 2 more rows and the
  // group of 5 can spare 2 (5 ≥ 3 + 2): the two rows that sort first on their other values
  // go — status 在册 sorts before 已脱贫 — so the 在册 pair is blanked.
  household({
    household_id: 'HX-3301-CD',
    village_code: V3,
    household_size: 2,
    household_type: H,
    labor_capacity: Y,
    income_per_capita: 6543.21,
    status: '已脱贫',
    exit_category: '巩固提升',
  }),
  household({
    household_id: 'HX-3302-CD',
    village_code: V3,
    household_size: 2,
    household_type: H,
    labor_capacity: Y,
    income_per_capita: 6543.22,
  }),
  household({
    household_id: 'HX-3303-CD',
    village_code: V3,
    household_size: 2,
    household_type: H,
    labor_capacity: Y,
    income_per_capita: 6543.23,
    status: '已脱贫',
    exit_category: '巩固提升',
  }),
  household({
    household_id: 'HX-3304-CD',
    village_code: V3,
    household_size: 2,
    household_type: H,
    labor_capacity: Y,
    income_per_capita: 6543.24,
  }),
  household({
    household_id: 'HX-3305-CD',
    village_code: V3,
    household_size: 2,
    household_type: H,
    labor_capacity: Y,
    income_per_capita: 6543.25,
    status: '已脱贫',
    exit_category: '巩固提升',
  }),
  household({
    household_id: 'HX-3306-CD',
    village_code: V3,
    household_size: 7,
    household_type: D,
    labor_capacity: N,
    income_per_capita: 1234.56,
  }),

  // V4: 2 households < k: cannot be protected, reported, published fully blanked.
  household({
    household_id: 'HX-4401-EF',
    village_code: V4,
    household_size: 3,
    household_type: H,
    labor_capacity: Y,
    income_per_capita: 7777.77,
  }),
  household({
    household_id: 'HX-4402-EF',
    village_code: V4,
    household_size: 8,
    household_type: D,
    labor_capacity: N,
    income_per_capita: 8888.88,
  }),
];

/** The incomes that can't be mistaken for a band bound (4000, 10000 … appear in band labels). */
export const INCOMES = HOUSEHOLDS.map((h) => h.income_per_capita).filter(
  (x) => !Number.isInteger(x),
);
export const HOUSEHOLD_IDS = HOUSEHOLDS.map((h) => h.household_id);

/**
 * A village project, a street-wide one and a district-wide one. Budgets add up
 * to 155.8 万元 exactly only if summed as decimals (in doubles 35.5 + 120 + 0.1 + 0.2
 * is 155.79999999999998); a formula trap in free text.
 */
export const PROJECTS: Project[] = [
  {
    project_id: 'XM-2018-001',
    project_name: '东村村道硬底化',
    plan_year: 2018,
    street: '田墘街道',
    village_code: V1,
    category: '基础设施',
    task: '=村道硬底化 1.2 公里',
    fund_source: '区级财政',
    budget_wan: 35.5,
    disbursed_wan: 12.35,
    implementer: '田墘街道办事处',
    start_date: '2018-05-02',
    end_date: null,
    status: '在建',
    beneficiary_households: 10,
    benefit_mechanism: '务工就业',
    shortcoming_dimension: '基础设施',
    performance_goal: null,
  },
  {
    project_id: 'XM-2017-002',
    project_name: '东洲街道光伏发电项目',
    plan_year: 2017,
    street: '东洲街道',
    village_code: null,
    category: '产业发展',
    task: '建设分布式光伏电站 300 千瓦',
    fund_source: '省级财政',
    budget_wan: 120,
    disbursed_wan: 120,
    implementer: '东洲街道办事处',
    start_date: '2017-03-01',
    end_date: '2017-12-20',
    status: '已验收',
    beneficiary_households: 3,
    benefit_mechanism: '资产收益分红',
    shortcoming_dimension: null,
    performance_goal: '年收益 8 万元',
  },
  {
    project_id: 'XM-2018-003',
    project_name: '贫困学生助学补贴',
    plan_year: 2018,
    street: null,
    village_code: null,
    category: '教育',
    task: '发放助学补贴',
    fund_source: '中央财政',
    budget_wan: 0.1,
    disbursed_wan: 0,
    implementer: '区教育局',
    start_date: null,
    end_date: null,
    status: '未开工',
    beneficiary_households: 0,
    benefit_mechanism: null,
    shortcoming_dimension: null,
    performance_goal: null,
  },
  {
    project_id: 'XM-2018-004',
    project_name: '南村文化室',
    plan_year: 2018,
    street: '东洲街道',
    village_code: V3,
    category: '公共服务设施',
    task: '新建文化活动室 1 间',
    fund_source: '帮扶单位',
    budget_wan: 0.2,
    disbursed_wan: 0.2,
    implementer: '区文化广电旅游体育局',
    start_date: '2018-03-01',
    end_date: '2018-06-30',
    status: '已完工',
    beneficiary_households: 5,
    benefit_mechanism: null,
    shortcoming_dimension: '公共服务设施',
    performance_goal: null,
  },
];

export function fixtureDataset(): Dataset {
  return {
    campaign: {
      region: '汕尾市红海湾开发区',
      title: '回头看 公开进展',
      as_of: '2018-07-20',
      poverty_line: { yuan: 4000, base_year: 2014 },
      income_bands: [4000, 6000, 8000, 10000],
      phases: [
        { name: '组织实施', start: '2018-06-05', end: '2018-07-10' },
        { name: '动员部署', start: '2018-06-05', end: '2018-06-10' },
      ],
      privacy: { k: 3 },
      sample: true,
    },
    villages: [
      {
        village_code: V3,
        village_name: '南村',
        street: '东洲街道',
        shuangdao_round: '2',
        is_poor_village: '否',
      },
      {
        village_code: V1,
        village_name: '东村',
        street: '田墘街道',
        shuangdao_round: '1',
        is_poor_village: '是',
      },
      {
        village_code: V2,
        village_name: '西村',
        street: '田墘街道',
        shuangdao_round: null,
        is_poor_village: '否',
      },
      {
        village_code: V4,
        village_name: '小村',
        street: '东洲街道',
        shuangdao_round: null,
        is_poor_village: '否',
      },
    ],
    households: HOUSEHOLDS.map((h) => ({ ...h, measures: [...h.measures] })),
    household_changes: [
      {
        date: '2018-06-12',
        household_id: 'HX-7731-QZ',
        change_type: '人口减少',
        persons_delta: -3,
        reason: '=SUM(C1:C9) 户外出务工',
        reason_category: null,
      },
      {
        date: '2018-06-13',
        household_id: 'HX-8842-WK',
        change_type: '人口增加',
        persons_delta: 2,
        reason: '＝HYPERLINK("http://y") 新生儿',
        reason_category: null,
      },
      {
        date: '2018-06-14',
        household_id: 'HX-2202-AB',
        change_type: '清退',
        persons_delta: -5,
        reason: '家有小汽车, 说"不符合条件"',
        reason_category: null,
      },
      {
        date: '2018-06-15',
        household_id: 'HX-1061-ZZ',
        change_type: '脱贫',
        persons_delta: 0,
        reason: "'收入已达标",
        reason_category: null,
      },
      {
        date: '2018-06-16',
        household_id: 'HX-3301-CD',
        change_type: '脱贫',
        persons_delta: 0,
        reason: '-3 人外出务工收入达标',
        reason_category: null,
      },
      {
        date: '2018-06-16',
        household_id: 'HX-3303-CD',
        change_type: '脱贫',
        persons_delta: 0,
        reason: '＋1 @产业分红',
        reason_category: null,
      },
      {
        date: '2018-06-17',
        household_id: 'HX-4402-EF',
        change_type: '新增纳入',
        persons_delta: 8,
        reason: null,
        reason_category: null,
      },
    ],
    shortcomings: [
      ...(['基础设施', '公共服务设施', '产业发展', '基层党建'] as const).map((dimension, i) => ({
        village_code: V1,
        dimension,
        mechanism_in_place: i === 0 ? ('否' as const) : ('是' as const),
        shortcoming: i === 0 ? '村道未硬化' : null,
        proposed_project: i === 0 ? '村道硬化' : null,
        estimated_investment_wan: i === 0 ? 35.5 : null,
        in_project_library: '是' as const,
        responsible_unit: '田墘街道办',
      })),
      ...(['基础设施', '公共服务设施', '产业发展', '基层党建'] as const).map((dimension) => ({
        village_code: V3,
        dimension,
        mechanism_in_place: '是' as const,
        shortcoming: null,
        proposed_project: null,
        estimated_investment_wan: null,
        in_project_library: '否' as const,
        responsible_unit: '东洲街道办',
      })),
    ],
    rectifications: [
      // Open past its deadline: overdue.
      {
        issue_id: 'WT-001',
        source_level: '市',
        source_type: '督查',
        found_date: '2018-06-20',
        street: '田墘街道',
        village_code: V1,
        category: '信息不准确',
        description: '=SUM(A1:A9)',
        measures: '＝HYPERLINK("http://x")',
        responsible_unit: '田墘街道办',
        deadline: '2018-07-01',
        status: '整改中',
        completed_date: null,
      },
      // Done in time.
      {
        issue_id: 'WT-002',
        source_level: '区',
        source_type: '自查',
        found_date: '2018-06-21',
        street: '田墘街道',
        village_code: V2,
        category: '其他',
        description: '识别不精准, 说"不符合条件"',
        measures: "'已核实",
        responsible_unit: null,
        deadline: '2018-07-10',
        status: '已完成',
        completed_date: '2018-07-05',
      },
      // Done, but after its deadline: overdue.
      {
        issue_id: 'WT-003',
        source_level: '省',
        source_type: '巡视',
        found_date: '2018-06-22',
        street: '东洲街道',
        village_code: V3,
        category: '作风问题',
        description: '-3 人外出',
        measures: '＋1 @所有人',
        responsible_unit: '东洲街道办',
        deadline: '2018-07-10',
        status: '已完成',
        completed_date: '2018-07-15',
      },
      // Not started, deadline after as_of: not overdue; street-level (no village).
      {
        issue_id: 'WT-004',
        source_level: '区',
        source_type: '审计',
        found_date: '2018-07-01',
        street: '东洲街道',
        village_code: null,
        category: '资金使用不规范',
        description: '@资金台账缺失',
        measures: null,
        responsible_unit: null,
        deadline: '2018-08-01',
        status: '未启动',
        completed_date: null,
      },
    ],
    projects: PROJECTS.map((p) => ({ ...p })),
  };
}
