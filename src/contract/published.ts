/**
 * The published tables: what any visitor can download or query in the browser.
 * Single source for the DuckDB DDL, the CSV/Parquet downloads, datapackage.json,
 * the data dictionary page and the explore page's table list.
 *
 * Invariants (docs/privacy.md): no 户编号 (household_id), no exact income, no
 * single change record; household rows k-anonymous and diverse in their
 * sensitive values on (village_code, household_size band, household_type,
 * labor_capacity); below street level a figure of 1 or 2 households is a count;
 * a street's (or the district remainder's) cells tell more than a count only
 * over k or more households, and never a village whose rows went to the district.
 * Project amounts are public money and published exactly; projects carry no
 * household-level data.
 */
import {
  CHANGE_TYPES,
  DIMENSIONS,
  EDUCATION_VALUES,
  EXIT_CATEGORIES,
  FUND_SOURCES,
  HOUSEHOLD_STATUSES,
  PROJECT_CATEGORIES,
  PROJECT_STATUSES,
  RECTIFICATION_STATUSES,
  SOURCE_LEVELS,
  SOURCE_TYPES,
  YES_NO_VALUES,
} from './enums.ts';

/**
 * A column type, named the way DuckDB and Frictionless both understand it.
 * `decimal` is an exact amount with two decimal places (money in 万元): DuckDB
 * DECIMAL(18,2), so sums stay exact (a DOUBLE sum of 0.1 + 0.2 shows
 * 0.30000000000000004); Frictionless calls it a number.
 */
export type PublishedType =
  'string' | 'integer' | 'number' | 'decimal' | 'boolean' | 'date' | 'list';

/** The DuckDB column type of each published type (the browser database's DDL). */
export const DUCKDB_TYPES: Readonly<Record<PublishedType, string>> = {
  string: 'VARCHAR',
  integer: 'INTEGER',
  number: 'DOUBLE',
  decimal: 'DECIMAL(18,2)',
  boolean: 'BOOLEAN',
  date: 'DATE',
  list: 'VARCHAR[]',
};

export interface PublishedColumn {
  name: string;
  /** Chinese label (CSV header of the downloads). */
  label: string;
  type: PublishedType;
  description: string;
}

export interface PublishedTable {
  name: string;
  title: string;
  description: string;
  /** Columns the rows are sorted by (street and village first: range reads in the browser). */
  sortBy: string[];
  columns: PublishedColumn[];
  /** Whether this table is offered as a CSV/Parquet download. */
  download: boolean;
}

const s = (name: string, label: string, description: string): PublishedColumn => ({
  name,
  label,
  type: 'string',
  description,
});
const i = (name: string, label: string, description: string): PublishedColumn => ({
  name,
  label,
  type: 'integer',
  description,
});
const d = (name: string, label: string, description: string): PublishedColumn => ({
  name,
  label,
  type: 'date',
  description,
});

/** A column's values as its description lists them: `是 / 否`. */
const oneOf = (values: readonly string[]) => values.join(' / ');

const changeType = s('change_type', '变动类型', oneOf(CHANGE_TYPES));

const where = [
  s('street', '街道', '所属街道'),
  s('village_code', '村代码', '12 位村代码'),
  s('village_name', '村名称', '村（居）名称'),
];

export const PUBLISHED_TABLES: readonly PublishedTable[] = [
  {
    name: 'villages',
    title: '村（居）名录',
    description: '全部村（居）及其所属街道、"双到"轮次。',
    sortBy: ['street', 'village_code'],
    download: true,
    columns: [
      ...where,
      s('shuangdao_round', '双到轮次', '曾参加第几轮扶贫"双到"（1 或 2；空 = 未参加）'),
      s('is_poor_village', '相对贫困村', oneOf(YES_NO_VALUES)),
      s(
        'household_detail',
        '户级数据',
        '本村户级数据公开到哪一级：按村公开 / 并入街道 / 并入全区（户数太少或都相同时不能按村公开）',
      ),
    ],
  },
  {
    name: 'households',
    title: '建档立卡贫困户（匿名）',
    description:
      '每个建档立卡户（在册、已脱贫）一行，不含户编号、建档状态和纳入年份，顺序与原始数据无关；收入只给收入段，家庭人口只给区间；为使同村同类的户至少 k 户、且分类和收入段各不止一种，部分行的户类型、劳动能力、人口区间留空，极少数行只到街道。清退户只计户数，不列行。',
    sortBy: [
      'street',
      'village_code',
      'exit_category',
      'household_size',
      'household_type',
      'labor_capacity',
      'income_band',
      'education_secured',
      'medical_secured',
      'housing_secured',
      'measures',
    ],
    download: true,
    columns: [
      s('street', '街道', '所属街道；为空 = 只公开到全区'),
      s('village_code', '村代码', '12 位村代码；为空 = 只公开到街道'),
      s('village_name', '村名称', '村（居）名称；为空 = 只公开到街道'),
      s('household_size', '家庭人口', '家庭人口所在区间："1–2"、"3–4"、"5+"；为保护隐私可能留空'),
      s('household_type', '户类型', '一般贫困户 / 低保户 / 特困供养户；为保护隐私可能留空'),
      s('labor_capacity', '劳动能力', '有劳动能力 / 无劳动能力；为保护隐私可能留空'),
      s(
        'income_band',
        '人均可支配收入段',
        '家庭年人均可支配收入所在区间（元，含下限不含上限），如 "<4000"、"4000–6000"、"≥10000"',
      ),
      s('exit_category', '脱贫成效分类', oneOf(EXIT_CATEGORIES)),
      s('education_secured', '义务教育保障', oneOf(EDUCATION_VALUES)),
      s('medical_secured', '基本医疗保障', oneOf(YES_NO_VALUES)),
      s('housing_secured', '住房安全保障', oneOf(YES_NO_VALUES)),
      {
        name: 'measures',
        label: '帮扶措施',
        type: 'list',
        description: '在用的帮扶措施（下载文件中以"；"分隔）',
      },
    ],
  },
  {
    name: 'village_people',
    title: '各村户数人数（汇总）',
    description:
      '每村一行：建档立卡户数及人数、在册、已脱贫和清退户数。户数都是精确数；建档立卡户不足 k 户的村不公开人数。',
    sortBy: ['street', 'village_code'],
    download: true,
    columns: [
      ...where,
      i('households', '建档立卡户数', '在册 + 已脱贫的户数'),
      i('persons', '建档立卡人数', '在册 + 已脱贫的人数；不足 k 户的村为空'),
      i('households_active', '在册户数', '建档状态为在册的户数'),
      i('households_exited', '已脱贫户数', '建档状态为已脱贫的户数'),
      i('households_removed', '清退户数', '建档状态为清退的户数'),
    ],
  },
  {
    name: 'street_people',
    title: '各街道户数人数（按建档状态和脱贫成效分类）',
    description:
      '按街道、建档状态和脱贫成效分类汇总的户数与人数。户数都是精确数；户级数据并入全区的村，其户数人数不计入所在街道，计入街道为空的一行（并入全区的村）。某格不足 k 户或某一建档状态只有一种分类的街道，只按建档状态公开（分类为空）；不足 k 户的格不公开人数。',
    sortBy: ['street', 'status', 'exit_category'],
    download: true,
    columns: [
      s('street', '街道', '所属街道；为空 = 户级数据并入全区的村（不计入任何街道）'),
      s('status', '建档状态', oneOf(HOUSEHOLD_STATUSES)),
      s(
        'exit_category',
        '脱贫成效分类',
        '清退户为空；为空的在册、已脱贫行 = 本街道为保护隐私只按建档状态公开',
      ),
      i('households', '户数', '户数'),
      i('persons', '人数', '人数（家庭人口合计）；不足 k 户的格为空'),
    ],
  },
  {
    name: 'change_counts',
    title: '户数人数变动（按村、周和类型计数）',
    description:
      '"回头看"期间每村每周各类变动的条数。不公开单条变动记录、变动人数和原因文字（见"各街道变动人数"和"变动原因类别"）。',
    sortBy: ['street', 'village_code', 'week_start', 'change_type'],
    download: true,
    columns: [
      ...where,
      d('week_start', '周一日期', '变动所在周的星期一'),
      changeType,
      i('records', '变动条数', '这一周这个村这一类变动的条数'),
    ],
  },
  {
    name: 'street_changes',
    title: '各街道变动人数',
    description:
      '按街道和变动类型汇总的变动条数与人数变化，都是精确数；户级数据并入全区的村，其变动计入街道为空的一行。',
    sortBy: ['street', 'change_type'],
    download: true,
    columns: [
      s('street', '街道', '所属街道；为空 = 户级数据并入全区的村'),
      changeType,
      i('records', '变动条数', '变动条数'),
      i('persons', '变动人数', '人数变化合计（增为正、减为负）'),
    ],
  },
  {
    name: 'change_reasons',
    title: '变动原因类别（按已结束的月份、街道或全区计数）',
    description:
      '各类变动按原因类别计数，只按已结束的月份（数据截止日期前已过完的自然月）公开，一个月公开后不再改变，每周更新也不会让两次公开相减得出某几条变动的原因。一个月里一个街道这类变动至少 k 条、且原因不止一类时按街道列出，否则并入其余街道合计（街道为空）；合计也不满足时原因记为"不公开"。这个月公开以后才补录的变动只计条数（"补录（不公开）"）。',
    sortBy: ['street', 'period', 'change_type', 'reason_category'],
    download: true,
    columns: [
      s('period', '月份', '变动日期所在的月份（YYYY-MM），只含数据截止日期前已结束的月份'),
      s('street', '街道', '所属街道；为空 = 未能按街道列出的其余街道合计'),
      changeType,
      s(
        'reason_category',
        '变动原因类别',
        '变动原因类别；"未分类" = 原始数据没有填写类别，"不公开" = 条数太少不能分类公开，"补录（不公开）" = 这个月公开以后才补录的变动',
      ),
      i('records', '变动条数', '变动条数'),
    ],
  },
  {
    name: 'shortcomings',
    title: '"双到"村短板',
    description: '每个"双到"村在四个领域各一行。',
    sortBy: ['street', 'village_code', 'dimension'],
    download: true,
    columns: [
      ...where,
      s('shuangdao_round', '双到轮次', '1 或 2'),
      s('dimension', '领域', oneOf(DIMENSIONS)),
      s('mechanism_in_place', '长效机制', oneOf(YES_NO_VALUES)),
      s('shortcoming', '短板描述', '制约发展的短板'),
      s('proposed_project', '拟建项目', '拟建设的项目'),
      {
        name: 'estimated_investment_wan',
        label: '估算投资（万元）',
        type: 'number',
        description: '估算投资（万元）',
      },
      s('in_project_library', '纳入项目库', '是否纳入 2018—2020 年村项目建设库'),
      s('responsible_unit', '责任单位', '负责落实的单位'),
    ],
  },
  {
    name: 'rectifications',
    title: '发现问题整改情况',
    description: '发现的问题及整改进展；"逾期"按数据截止日期计算。',
    sortBy: ['street', 'village_code', 'found_date', 'issue_id'],
    download: true,
    columns: [
      s('issue_id', '问题编号', '问题编号'),
      s('source_level', '来源层级', oneOf(SOURCE_LEVELS)),
      s('source_type', '问题来源', oneOf(SOURCE_TYPES)),
      d('found_date', '发现日期', '发现日期'),
      ...where,
      s('category', '问题类别', '问题类别'),
      s('description', '问题描述', '问题的内容'),
      s('measures', '整改措施', '采取的整改措施'),
      s('responsible_unit', '责任单位', '负责整改的单位'),
      d('deadline', '整改时限', '应完成整改的日期'),
      s('status', '整改状态', oneOf(RECTIFICATION_STATUSES)),
      d('completed_date', '完成日期', '完成日期'),
      {
        name: 'overdue',
        label: '逾期',
        type: 'boolean',
        description: '未完成且整改时限早于数据截止日期，或完成日期晚于整改时限',
      },
    ],
  },
  {
    name: 'projects',
    title: '扶贫资金项目',
    description:
      '每个扶贫资金项目一行。资金是公共资金，金额（万元）照实公开；不含任何户级数据。街道为空的是全区项目，街道有而村为空的是覆盖整个街道的项目。本次发布没有提供项目数据时，此表为空。',
    sortBy: ['street', 'village_code', 'plan_year', 'project_id'],
    download: true,
    columns: [
      s('project_id', '项目编号', '项目编号'),
      i('plan_year', '计划年度', '项目列入计划的年度'),
      s('street', '街道', '项目所在街道；全区项目为空'),
      s('village_code', '村代码', '项目所在村的 12 位村代码；街道或全区项目为空'),
      s('village_name', '村名称', '项目所在村；街道或全区项目为空'),
      s('project_name', '项目名称', '项目名称'),
      s('category', '项目类型', oneOf(PROJECT_CATEGORIES)),
      s('task', '建设任务', '建设内容与规模'),
      s('fund_source', '资金来源', oneOf(FUND_SOURCES)),
      {
        name: 'budget_wan',
        label: '计划资金（万元）',
        type: 'decimal',
        description: '计划投入的资金（万元，两位小数，照实公开）',
      },
      {
        name: 'disbursed_wan',
        label: '已拨付（万元）',
        type: 'decimal',
        description: '截至数据截止日期已拨付的资金（万元，两位小数，照实公开）',
      },
      s('implementer', '实施单位', '负责实施的单位'),
      d('start_date', '开工日期', '开工日期'),
      d('end_date', '完工日期', '完工日期（已完工、已验收的项目）'),
      s('status', '项目状态', oneOf(PROJECT_STATUSES)),
      i('beneficiary_households', '受益贫困户数', '受益的建档立卡贫困户数'),
      s('benefit_mechanism', '带贫减贫机制', '贫困户如何受益'),
      s(
        'shortcoming_dimension',
        '对应短板',
        `项目回应的"双到"村短板领域（${oneOf(DIMENSIONS)}）；空 = 不对应短板`,
      ),
      s('performance_goal', '绩效目标', '项目的绩效目标'),
    ],
  },
  {
    name: 'phases',
    title: '工作阶段',
    description: '"回头看"的工作阶段（可重叠）。',
    sortBy: ['start', 'name'],
    download: false,
    columns: [
      s('name', '阶段', '阶段名称'),
      d('start', '开始日期', '开始日期'),
      d('end', '结束日期', '结束日期'),
    ],
  },
];

/** Looks up a published table by name. */
export function publishedTable(name: string): PublishedTable {
  const t = PUBLISHED_TABLES.find((x) => x.name === name);
  if (!t) throw new Error(`unknown published table ${name}`);
  return t;
}
