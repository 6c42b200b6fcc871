import { defineDataset, type RowOf } from './defineDataset.ts';
import { divisionCode, optionalOneOf, pathName, requiredText, yesNo } from './cells.ts';
import { SHUANGDAO_ROUNDS } from '../enums.ts';

/** villages.csv — 村（居）名录. */
export const villagesDataset = defineDataset({
  name: 'villages',
  file: 'villages.csv',
  title: '村（居）名录',
  planRef: '附件 1–5',
  description: '全部村（居）及其所属街道、"双到"轮次。',
  columns: {
    village_code: {
      header: '村代码',
      description: '12 位统计用区划代码',
      rule: '12 位数字，唯一',
      schema: divisionCode(),
    },
    village_name: {
      header: '村名称',
      description: '村（居）名称',
      rule: '不能为空；同一街道内唯一',
      schema: requiredText(),
    },
    street: {
      header: '街道',
      description: '所属街道（镇）',
      rule: '不能为空；用作网页地址，不能含 / \\ ? # %，不超过 60 个字',
      schema: pathName(),
    },
    shuangdao_round: {
      header: '双到轮次',
      description: '曾参加第几轮扶贫"双到"',
      rule: '留空、1 或 2',
      required: false,
      schema: optionalOneOf(SHUANGDAO_ROUNDS),
    },
    is_poor_village: {
      header: '相对贫困村',
      description: '是否相对贫困村',
      rule: '是 / 否',
      schema: yesNo(),
    },
  },
});
export type Village = RowOf<typeof villagesDataset>;
