import { defineDataset, type RowOf } from './defineDataset.ts';
import {
  codeText,
  integer,
  money,
  oneOf,
  optionalDate,
  optionalDivisionCode,
  optionalOneOf,
  optionalText,
  requiredText,
} from './cells.ts';
import { unitText } from './unitText.ts';
import {
  DIMENSIONS,
  FUND_SOURCES,
  PROJECT_CATEGORIES,
  PROJECT_DONE_STATUSES,
  PROJECT_STATUSES,
} from '../enums.ts';

/**
 * projects.csv — 扶贫资金项目 (optional). The plan's task 二(三): funds and
 * projects must match (扶贫资金与扶贫项目相吻合); 四(四): the 双到 villages'
 * needed projects go into the 2018—2020 village project library. The columns
 * are what the national rules on announcing poverty funds and projects ask to
 * be public: name, place, task, source and size of funds, period, implementing
 * unit, performance goal and how poor households benefit.
 *
 * Scope: a village project names its street and village; a street-wide one its
 * street only; a district-wide one leaves both empty.
 */
export const projectsDataset = defineDataset({
  name: 'projects',
  file: 'projects.csv',
  title: '扶贫资金项目',
  planRef: '任务二（三）、四（四）',
  optional: true,
  description:
    '每个扶贫资金项目一行：名称、地点、建设任务、资金来源与规模、已拨付、实施单位、工期、受益贫困户与带贫减贫机制、绩效目标。可选文件：没有时网站照常发布，只是没有项目数据。',
  columns: {
    project_id: {
      header: '项目编号',
      description: '项目的编号，如 XM-2018-001',
      rule: '唯一',
      schema: codeText(),
    },
    project_name: {
      header: '项目名称',
      description: '项目名称',
      rule: '不能为空，不超过 100 个字',
      freeText: true,
      schema: requiredText({ max: 100 }),
    },
    plan_year: {
      header: '计划年度',
      description: '项目列入计划的年度（村项目库为 2018—2020 年）',
      rule: '整数，2016 至数据截止年份后两年',
      schema: integer({ min: 2016, max: 2100 }),
    },
    street: {
      header: '街道',
      description: '项目所在街道；全区性项目留空',
      rule: '须为 villages.csv 中的街道；全区项目留空（村代码也留空）',
      required: false,
      schema: optionalText(),
    },
    village_code: {
      header: '村代码',
      description: '项目所在村；覆盖整个街道或全区的项目留空',
      rule: '留空，或该街道的村',
      required: false,
      schema: optionalDivisionCode(),
    },
    category: {
      header: '项目类型',
      description: '项目的类型',
      rule: PROJECT_CATEGORIES.join(' / '),
      schema: oneOf(PROJECT_CATEGORIES),
    },
    task: {
      header: '建设任务',
      description: '建设内容与规模',
      rule: '不能为空',
      freeText: true,
      schema: requiredText(),
    },
    fund_source: {
      header: '资金来源',
      description: '资金的来源',
      rule: FUND_SOURCES.join(' / '),
      schema: oneOf(FUND_SOURCES),
    },
    budget_wan: {
      header: '计划资金（万元）',
      description: '计划投入的资金（万元），照实公开',
      rule: '数字 > 0，最多两位小数；只写数字（12.5 万元写 12.5，不写"万""元"）',
      schema: money({ positive: true }),
    },
    disbursed_wan: {
      header: '已拨付（万元）',
      description: '截至数据截止日期已拨付的资金（万元），照实公开',
      rule: '数字 ≥ 0，最多两位小数，不超过计划资金；未拨付填 0',
      schema: money(),
    },
    implementer: {
      header: '实施单位',
      description: '负责实施的单位',
      rule: '不能为空；只填单位名称，不能填个人姓名或联系方式',
      freeText: true,
      schema: unitText(),
    },
    start_date: {
      header: '开工日期',
      description: '开工日期',
      rule: '日期，可留空；不晚于数据截止日期',
      schema: optionalDate(),
    },
    end_date: {
      header: '完工日期',
      description: '完工日期',
      rule: `日期；${PROJECT_DONE_STATUSES.join('、')} 时必填，否则留空；不早于开工日期，不晚于数据截止日期`,
      schema: optionalDate(),
    },
    status: {
      header: '项目状态',
      description: '项目进展',
      rule: PROJECT_STATUSES.join(' / '),
      schema: oneOf(PROJECT_STATUSES),
    },
    beneficiary_households: {
      header: '受益贫困户数',
      description: '受益的建档立卡贫困户数',
      rule: '整数 ≥ 0；不超过项目所在村（街道、全区）的建档立卡户数（在册 + 已脱贫）',
      schema: integer({ min: 0 }),
    },
    benefit_mechanism: {
      header: '带贫减贫机制',
      description: '贫困户如何受益，如 资产收益分红、务工就业、产业带动',
      rule: '文本，可留空',
      required: false,
      freeText: true,
      schema: optionalText(),
    },
    shortcoming_dimension: {
      header: '对应短板',
      description: '项目回应的"双到"村短板领域',
      rule: `留空，或 ${DIMENSIONS.join(' / ')} 之一：仅限"双到"村的项目，且 shortcomings.csv 中有该村该领域的行`,
      required: false,
      schema: optionalOneOf(DIMENSIONS),
    },
    performance_goal: {
      header: '绩效目标',
      description: '项目的绩效目标',
      rule: '文本，可留空',
      required: false,
      freeText: true,
      schema: optionalText(),
    },
  },
  refine(row, ctx) {
    const add = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message, params: { code: 'row-constraint' } });
    if (row.disbursed_wan > row.budget_wan)
      add('disbursed_wan', `已拨付 ${row.disbursed_wan} 万元多于计划资金 ${row.budget_wan} 万元`);
    const done = PROJECT_DONE_STATUSES.includes(row.status);
    if (done && row.end_date === null)
      add('end_date', `项目状态为 ${row.status} 时必须填写完工日期`);
    if (!done && row.end_date !== null)
      add('end_date', `项目状态为 ${row.status} 时完工日期应留空，实际为 ${row.end_date}`);
    if (row.end_date !== null && row.start_date !== null && row.end_date < row.start_date)
      add('end_date', `完工日期 ${row.end_date} 早于开工日期 ${row.start_date}`);
    if (row.village_code !== null && row.street === null)
      add('street', '填写了村代码时街道不能为空（全区项目街道和村代码都留空）');
    if (row.shortcoming_dimension !== null && row.village_code === null)
      add(
        'shortcoming_dimension',
        `对应短板只用于某个"双到"村的项目；${row.street === null ? '全区' : '街道'}项目请留空`,
      );
  },
});
export type Project = RowOf<typeof projectsDataset>;
