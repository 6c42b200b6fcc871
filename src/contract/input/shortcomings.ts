import { defineDataset, type RowOf } from './defineDataset.ts';
import { divisionCode, optionalDecimal, oneOf, optionalText, yesNo } from './cells.ts';
import { DIMENSIONS } from '../enums.ts';

/** shortcomings.csv — 第一二轮"双到"村短板 (attachment 3). */
export const shortcomingsDataset = defineDataset({
  name: 'shortcomings',
  file: 'shortcomings.csv',
  title: '第一二轮"双到"村短板',
  planRef: '附件 3',
  description: '每个"双到"村在四个领域各一行：是否建立长效机制、短板、拟建项目与估算投资。',
  columns: {
    village_code: {
      header: '村代码',
      description: '"双到"村',
      rule: '须为 villages.csv 中双到轮次不为空的村',
      schema: divisionCode(),
    },
    dimension: {
      header: '领域',
      description: '考察的领域',
      rule: DIMENSIONS.join(' / '),
      schema: oneOf(DIMENSIONS),
    },
    mechanism_in_place: {
      header: '长效机制',
      description: '该领域是否已建立长效机制',
      rule: '是 / 否',
      schema: yesNo(),
    },
    shortcoming: {
      header: '短板描述',
      description: '制约发展的短板',
      rule: '文本；长效机制为 否 时必填',
      freeText: true,
      schema: optionalText(),
    },
    proposed_project: {
      header: '拟建项目',
      description: '拟建设的项目',
      rule: '文本，可留空',
      required: false,
      freeText: true,
      schema: optionalText(),
    },
    estimated_investment_wan: {
      header: '估算投资（万元）',
      description: '拟建项目估算投资（万元）',
      rule: '数字 ≥ 0，可留空',
      required: false,
      schema: optionalDecimal({ min: 0 }),
    },
    in_project_library: {
      header: '纳入项目库',
      description: '是否纳入 2018—2020 年村项目建设库',
      rule: '是 / 否',
      schema: yesNo(),
    },
    responsible_unit: {
      header: '责任单位',
      description: '负责落实的单位',
      rule: '文本',
      freeText: true,
      schema: optionalText(),
    },
  },
  refine(row, ctx) {
    if (row.mechanism_in_place === '否' && row.shortcoming === null)
      ctx.addIssue({
        code: 'custom',
        path: ['shortcoming'],
        message: '长效机制为 否 时必须填写短板描述',
        params: { code: 'row-constraint' },
      });
  },
});
export type Shortcoming = RowOf<typeof shortcomingsDataset>;
