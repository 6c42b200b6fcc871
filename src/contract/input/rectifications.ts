import { defineDataset, type RowOf } from './defineDataset.ts';
import {
  codeText,
  date,
  oneOf,
  optionalDate,
  optionalDivisionCode,
  optionalText,
  requiredText,
} from './cells.ts';
import { ISSUE_CATEGORIES, RECTIFICATION_STATUSES, SOURCE_LEVELS, SOURCE_TYPES } from '../enums.ts';

/** rectifications.csv — 发现问题整改情况 (attachment 4). */
export const rectificationsDataset = defineDataset({
  name: 'rectifications',
  file: 'rectifications.csv',
  title: '发现问题整改情况',
  planRef: '附件 4',
  description: '2016 年以来纪检、审计、巡查、巡视、督查和自查发现的问题及其整改。',
  columns: {
    issue_id: { header: '问题编号', description: '问题的编号', rule: '唯一', schema: codeText() },
    source_level: {
      header: '来源层级',
      description: '反馈问题的层级',
      rule: SOURCE_LEVELS.join(' / '),
      schema: oneOf(SOURCE_LEVELS),
    },
    source_type: {
      header: '问题来源',
      description: '发现问题的渠道',
      rule: SOURCE_TYPES.join(' / '),
      schema: oneOf(SOURCE_TYPES),
    },
    found_date: {
      header: '发现日期',
      description: '问题发现（反馈）日期',
      rule: '日期，不晚于数据截止日期',
      schema: date(),
    },
    street: {
      header: '街道',
      description: '问题所在街道',
      rule: '须为 villages.csv 中的街道',
      schema: requiredText(),
    },
    village_code: {
      header: '村代码',
      description: '问题所在村（涉及整个街道时留空）',
      rule: '留空，或该街道的村',
      required: false,
      schema: optionalDivisionCode(),
    },
    category: {
      header: '问题类别',
      description: '问题的类别',
      rule: ISSUE_CATEGORIES.join(' / '),
      schema: oneOf(ISSUE_CATEGORIES),
    },
    description: {
      header: '问题描述',
      description: '问题的内容',
      rule: '不能为空',
      freeText: true,
      schema: requiredText(),
    },
    measures: {
      header: '整改措施',
      description: '采取的整改措施',
      rule: '文本',
      freeText: true,
      schema: optionalText(),
    },
    responsible_unit: {
      header: '责任单位',
      description: '负责整改的单位',
      rule: '文本',
      freeText: true,
      schema: optionalText(),
    },
    deadline: {
      header: '整改时限',
      description: '应完成整改的日期',
      rule: '日期，不早于发现日期',
      schema: date(),
    },
    status: {
      header: '整改状态',
      description: '整改进展',
      rule: RECTIFICATION_STATUSES.join(' / '),
      schema: oneOf(RECTIFICATION_STATUSES),
    },
    completed_date: {
      header: '完成日期',
      description: '整改完成的日期',
      rule: '已完成 时必填，否则留空；在发现日期与数据截止日期之间',
      schema: optionalDate(),
    },
  },
  refine(row, ctx) {
    const add = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message, params: { code: 'row-constraint' } });
    if (row.deadline < row.found_date)
      add('deadline', `整改时限 ${row.deadline} 早于发现日期 ${row.found_date}`);
    if (row.status === '已完成' && row.completed_date === null)
      add('completed_date', '整改状态为 已完成 时必须填写完成日期');
    if (row.status !== '已完成' && row.completed_date !== null)
      add(
        'completed_date',
        `整改状态为 ${row.status} 时完成日期应留空，实际为 ${row.completed_date}`,
      );
    if (row.completed_date !== null && row.completed_date < row.found_date)
      add('completed_date', `完成日期 ${row.completed_date} 早于发现日期 ${row.found_date}`);
  },
});
export type Rectification = RowOf<typeof rectificationsDataset>;
