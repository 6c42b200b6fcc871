import { defineDataset, type RowOf } from './defineDataset.ts';
import { codeText, decimal, divisionCode, integer, listOf, oneOf, optionalOneOf } from './cells.ts';
import {
  EDUCATION_VALUES,
  EXIT_CATEGORIES,
  EXIT_CATEGORY_DEFINITIONS,
  HOUSEHOLD_STATUSES,
  HOUSEHOLD_TYPES,
  LABOR_CAPACITIES,
  MEASURES,
  YES_NO_VALUES,
} from '../enums.ts';

/** households.csv — 建档立卡贫困户 (anonymised; attachments 1 and 2). */
export const householdsDataset = defineDataset({
  name: 'households',
  file: 'households.csv',
  title: '建档立卡贫困户',
  planRef: '附件 1、2',
  description:
    '每户一行（已匿名）：人口、户类型、建档状态、收入、脱贫成效分类、"三保障"与帮扶措施。',
  columns: {
    household_id: {
      header: '户编号',
      description: '假名化的户编号（不公开）',
      rule: '唯一；不能像身份证号或手机号',
      schema: codeText(),
    },
    village_code: {
      header: '村代码',
      description: '所属村（居）',
      rule: '须在 villages.csv 中',
      schema: divisionCode(),
    },
    household_size: {
      header: '家庭人口',
      description: '家庭人口数',
      rule: '整数 1–20',
      schema: integer({ min: 1, max: 20 }),
    },
    household_type: {
      header: '户类型',
      description: '贫困户类型',
      rule: HOUSEHOLD_TYPES.join(' / '),
      schema: oneOf(HOUSEHOLD_TYPES),
    },
    labor_capacity: {
      header: '劳动能力',
      description: '是否有劳动能力',
      rule: LABOR_CAPACITIES.join(' / '),
      schema: oneOf(LABOR_CAPACITIES),
    },
    status: {
      header: '建档状态',
      description: '当前建档立卡状态',
      rule: HOUSEHOLD_STATUSES.join(' / '),
      schema: oneOf(HOUSEHOLD_STATUSES),
    },
    enrolled_year: {
      header: '纳入年份',
      description: '纳入建档立卡的年份',
      rule: '2016 至数据截止年份',
      schema: integer({ min: 2016, max: 2100 }),
    },
    income_per_capita: {
      header: '人均可支配收入',
      description: '家庭年人均可支配收入（元）；只按收入段公开，不公开确切数',
      rule: '数字 ≥ 0',
      schema: decimal({ min: 0 }),
    },
    exit_category: {
      header: '脱贫成效分类',
      description: EXIT_CATEGORIES.map((c) => `${c}：${EXIT_CATEGORY_DEFINITIONS[c]}`).join(''),
      rule: `${EXIT_CATEGORIES.join(' / ')}；清退户留空，其余必填`,
      schema: optionalOneOf(EXIT_CATEGORIES),
    },
    education_secured: {
      header: '义务教育保障',
      description: '义务教育有保障',
      rule: EDUCATION_VALUES.join(' / '),
      schema: oneOf(EDUCATION_VALUES),
    },
    medical_secured: {
      header: '基本医疗保障',
      description: '基本医疗有保障',
      rule: '是 / 否',
      schema: oneOf(YES_NO_VALUES),
    },
    housing_secured: {
      header: '住房安全保障',
      description: '住房安全有保障',
      rule: '是 / 否',
      schema: oneOf(YES_NO_VALUES),
    },
    measures: {
      header: '帮扶措施',
      description: '在用的帮扶措施',
      rule: `用 ；或 、分隔，可选：${MEASURES.join('、')}`,
      schema: listOf(MEASURES),
    },
  },
  refine(row, ctx) {
    if (row.status === '清退' && row.exit_category !== null)
      ctx.addIssue({
        code: 'custom',
        path: ['exit_category'],
        message: `建档状态为 清退 时脱贫成效分类应留空，实际为 "${row.exit_category}"`,
        params: { code: 'row-constraint' },
      });
    if (row.status !== '清退' && row.exit_category === null)
      ctx.addIssue({
        code: 'custom',
        path: ['exit_category'],
        message: `建档状态为 ${row.status} 时脱贫成效分类必填（${EXIT_CATEGORIES.join(' / ')}）`,
        params: { code: 'row-constraint' },
      });
  },
});
export type Household = RowOf<typeof householdsDataset>;
