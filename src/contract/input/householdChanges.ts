import { defineDataset, type RowOf } from './defineDataset.ts';
import { codeText, date, integer, oneOf, optionalOneOf, optionalText } from './cells.ts';
import { CHANGE_REASON_CATEGORIES, CHANGE_TYPES } from '../enums.ts';

/** Sign each change type requires of 变动人数. */
export const DELTA_SIGN: Readonly<Record<(typeof CHANGE_TYPES)[number], 1 | -1 | 0>> = {
  新增纳入: 1,
  人口增加: 1,
  清退: -1,
  人口减少: -1,
  脱贫: 0,
  返贫: 0,
};

/** household_changes.csv — 贫困户数人数变动记录 (attachment 5). */
export const householdChangesDataset = defineDataset({
  name: 'household_changes',
  file: 'household_changes.csv',
  title: '贫困户数人数变动记录',
  planRef: '附件 5',
  description: '"回头看"期间每一次户数、人数或状态的变动。',
  columns: {
    date: {
      header: '变动日期',
      description: '变动发生的日期',
      rule: '日期，不晚于数据截止日期',
      schema: date(),
    },
    household_id: {
      header: '户编号',
      description: '发生变动的户（不公开）',
      rule: '须在 households.csv 中',
      schema: codeText(),
    },
    change_type: {
      header: '变动类型',
      description: '变动的种类',
      rule: CHANGE_TYPES.join(' / '),
      schema: oneOf(CHANGE_TYPES),
    },
    persons_delta: {
      header: '变动人数',
      description: '人数变化（增为正、减为负）',
      rule: '整数；新增纳入、人口增加 > 0；清退、人口减少 < 0；脱贫、返贫 = 0',
      schema: integer({ min: -20, max: 20 }),
    },
    reason: {
      header: '变动原因',
      description: '变动原因（自由文本，已检查不含个人信息）',
      rule: '文本，可留空',
      required: false,
      freeText: true,
      schema: optionalText(),
    },
    reason_category: {
      header: '变动原因类别',
      description:
        '变动原因的类别（公开时只按街道或全区汇总，不公开具体原因文字）；旧数据没有这一列也可以',
      rule: `${CHANGE_REASON_CATEGORIES.join(' / ')}；可留空`,
      required: false,
      schema: optionalOneOf(CHANGE_REASON_CATEGORIES),
    },
  },
  refine(row, ctx) {
    const sign = DELTA_SIGN[row.change_type];
    const ok = sign === 0 ? row.persons_delta === 0 : Math.sign(row.persons_delta) === sign;
    if (!ok) {
      const want = sign === 0 ? '= 0' : sign > 0 ? '> 0' : '< 0';
      ctx.addIssue({
        code: 'custom',
        path: ['persons_delta'],
        message: `变动类型为 ${row.change_type} 时变动人数应 ${want}，实际为 ${row.persons_delta}`,
        params: { code: 'row-constraint' },
      });
    }
  },
});
export type HouseholdChange = RowOf<typeof householdChangesDataset>;
