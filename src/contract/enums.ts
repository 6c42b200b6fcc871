/** The contract's fixed vocabularies, shared by schemas, generator, queries and pages. */
export const HOUSEHOLD_TYPES = ['一般贫困户', '低保户', '特困供养户'] as const;
export const LABOR_CAPACITIES = ['有劳动能力', '无劳动能力'] as const;
export const HOUSEHOLD_STATUSES = ['在册', '已脱贫', '清退'] as const;
/** 脱贫成效分类 — the plan's section 四(二). */
export const EXIT_CATEGORIES = ['巩固提升', '加大帮扶', '重点帮扶'] as const;
export type ExitCategory = (typeof EXIT_CATEGORIES)[number];
/** Each category as the plan's section 四(二) defines it, one sentence each. */
export const EXIT_CATEGORY_DEFINITIONS: Readonly<Record<ExitCategory, string>> = {
  巩固提升: '已达到当年预脱贫标准、脱贫质量好，继续巩固提升。',
  加大帮扶: '扶贫措施已取得成效，但质量不高、不稳，进一步加大帮扶力度。',
  重点帮扶: '脱贫难度大、距脱贫标准有较大差距，分析原因、改进措施，开展重点帮扶。',
};
export const YES_NO_VALUES = ['是', '否'] as const;
export const EDUCATION_VALUES = ['是', '否', '不适用'] as const;
/**
 * The 三保障 (three guarantees): each one's name, the household column that
 * records it (是 = secured, 否 = a gap) and the key queries name its gap count
 * by (`<key>_gap`).
 */
export const SECURITY_GUARANTEES = [
  { name: '义务教育', column: 'education_secured', key: 'education' },
  { name: '基本医疗', column: 'medical_secured', key: 'medical' },
  { name: '住房安全', column: 'housing_secured', key: 'housing' },
] as const;
export const MEASURES = [
  '产业帮扶',
  '就业帮扶',
  '教育帮扶',
  '医疗帮扶',
  '住房改造',
  '社会保障兜底',
  '资产收益',
  '金融帮扶',
  '技能培训',
  '其他',
] as const;
export const CHANGE_TYPES = ['新增纳入', '清退', '脱贫', '返贫', '人口增加', '人口减少'] as const;
/**
 * 变动原因类别: the coded grounds of a change (optional column of
 * household_changes.csv). Free-text reasons are never published; these
 * categories are, as tallies by street or district.
 */
export const CHANGE_REASON_CATEGORIES = [
  '收入变化',
  '疾病或残疾',
  '灾害',
  '就业与劳动力',
  '产业与资产收益',
  '财产或身份不符合条件',
  '家庭成员变化',
  '户籍迁移',
  '核查纠错',
  '其他',
] as const;
/** How a change with no 变动原因类别 is tallied. */
export const UNCATEGORISED_REASON = '未分类';
/** Change types that set a household's 建档状态, and the status each implies. */
export const STATUS_BY_CHANGE: Readonly<
  Partial<Record<(typeof CHANGE_TYPES)[number], (typeof HOUSEHOLD_STATUSES)[number]>>
> = {
  新增纳入: '在册',
  返贫: '在册',
  脱贫: '已脱贫',
  清退: '清退',
};
export const SHUANGDAO_ROUNDS = ['1', '2'] as const;
export const DIMENSIONS = ['基础设施', '公共服务设施', '产业发展', '基层党建'] as const;
export const SOURCE_LEVELS = ['省', '市', '区'] as const;
export const SOURCE_TYPES = ['纪检', '审计', '巡查', '巡视', '督查', '自查'] as const;
export const ISSUE_CATEGORIES = [
  '识别不精准',
  '信息不准确',
  '帮扶措施不精准',
  '资金使用不规范',
  '项目管理不规范',
  '作风问题',
  '三保障未落实',
  '其他',
] as const;
export const RECTIFICATION_STATUSES = ['已完成', '整改中', '未启动'] as const;
/** 项目类型 of projects.csv: the four 双到 领域 first, then the other lines of poverty funding. */
export const PROJECT_CATEGORIES = [
  '产业发展',
  '基础设施',
  '公共服务设施',
  '基层党建',
  '住房安全',
  '教育',
  '医疗',
  '就业',
  '其他',
] as const;
/** 资金来源 of projects.csv. */
export const FUND_SOURCES = [
  '中央财政',
  '省级财政',
  '市级财政',
  '区级财政',
  '帮扶单位',
  '社会资金',
  '其他',
] as const;
export const PROJECT_STATUSES = ['未开工', '在建', '已完工', '已验收'] as const;
/** Project statuses that mean the works are finished: 完工日期 is required for these, empty otherwise. */
export const PROJECT_DONE_STATUSES: readonly (typeof PROJECT_STATUSES)[number][] = [
  '已完工',
  '已验收',
];
