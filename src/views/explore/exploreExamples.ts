/**
 * Example queries of the explore page: shown as SQL (readable without
 * JavaScript), loaded into the editor with a click. Written against the
 * published tables only (src/contract/published.ts) and the schema's own
 * category values, never a place name, so they work on any publication
 * (tests/unit/views/explore/exploreExamples.test.ts runs each one).
 */

export interface ExploreExample {
  /** Stable id, for the page's anchors and the tests. */
  id: string;
  title: string;
  /** One sentence: what the result shows. */
  description: string;
  sql: string;
}

export const EXPLORE_EXAMPLES: readonly ExploreExample[] = [
  {
    id: 'key-support-by-street',
    title: '各街道重点帮扶户数',
    description: '脱贫成效分类为“重点帮扶”的贫困户，按街道计数，多的在前。',
    sql: `SELECT street AS 街道,
  count(*) AS 重点帮扶户数
FROM households
WHERE exit_category = '重点帮扶'
GROUP BY street
ORDER BY 重点帮扶户数 DESC, 街道`,
  },
  {
    id: 'overdue-open',
    title: '逾期未整改问题',
    description: '整改时限已过（按数据截止日期）而尚未完成整改的问题，时限早的在前。',
    sql: `SELECT issue_id AS 问题编号,
  street AS 街道,
  village_name AS 村,
  category AS 问题类别,
  deadline AS 整改时限,
  status AS 整改状态,
  responsible_unit AS 责任单位
FROM rectifications
WHERE overdue AND status <> '已完成'
ORDER BY deadline, issue_id`,
  },
  {
    id: 'security-gaps-by-village',
    title: '各村“三保障”缺口',
    description:
      '义务教育、基本医疗、住房安全任一项未保障的建档立卡户，按村计数，只列有缺口的村（户级数据并入街道的户不在村里计）。',
    sql: `SELECT street AS 街道,
  village_name AS 村,
  count(*) FILTER (education_secured = '否') AS 义务教育未保障,
  count(*) FILTER (medical_secured = '否') AS 基本医疗未保障,
  count(*) FILTER (housing_secured = '否') AS 住房安全未保障
FROM households
WHERE village_code IS NOT NULL
  AND '否' IN (education_secured, medical_secured, housing_secured)
GROUP BY street, village_code, village_name
ORDER BY street, village_code`,
  },
  {
    id: 'no-mechanism-by-dimension',
    title: '各领域未建立长效机制的“双到”村',
    description: '四个领域中尚未建立长效机制的“双到”村，每领域一行：村数和村名。',
    sql: `SELECT dimension AS 领域,
  count(*) AS 村数,
  string_agg(village_name, '、' ORDER BY street, village_code) AS 村
FROM shortcomings
WHERE mechanism_in_place = '否'
GROUP BY dimension
ORDER BY 村数 DESC, 领域`,
  },
  {
    id: 'weekly-enrolments-removals',
    title: '每周新增纳入与清退',
    description: '按周（周一开始）统计新增纳入和清退的户数（变动只按村按周计数公开）。',
    sql: `SELECT week_start AS 周起始日,
  sum(records) FILTER (change_type = '新增纳入') AS 新增纳入户数,
  sum(records) FILTER (change_type = '清退') AS 清退户数
FROM change_counts
WHERE change_type IN ('新增纳入', '清退')
GROUP BY week_start
ORDER BY week_start`,
  },
  {
    id: 'project-funds-by-street',
    title: '各街道计划资金与已拨付',
    description:
      '扶贫资金项目按街道汇总：项目数、计划资金、已拨付（万元）和拨付比例；全区项目单列一行。',
    sql: `SELECT coalesce(street, '（全区项目）') AS 街道,
  count(*) AS 项目数,
  sum(budget_wan) AS "计划资金（万元）",
  sum(disbursed_wan) AS "已拨付（万元）",
  round(100 * sum(disbursed_wan) / sum(budget_wan), 1) AS "拨付比例（%）"
FROM projects
GROUP BY street
ORDER BY street NULLS LAST`,
  },
  {
    id: 'shortcomings-without-project',
    title: '没有项目回应的“双到”短板',
    description:
      '尚未建立长效机制、而该村没有任何项目对应这一领域的“双到”短板，并列出是否已纳入项目库。',
    sql: `SELECT s.street AS 街道,
  s.village_name AS 村,
  s.dimension AS 领域,
  s.shortcoming AS 短板描述,
  s.in_project_library AS 纳入项目库
FROM shortcomings s
WHERE s.mechanism_in_place = '否'
  AND NOT EXISTS (
    SELECT 1 FROM projects p
    WHERE p.village_code = s.village_code
      AND p.shortcoming_dimension = s.dimension
  )
ORDER BY s.street, s.village_code, s.dimension`,
  },
  {
    id: 'completed-projects-underpaid',
    title: '已完工但拨付不足一半的项目',
    description: '项目状态为已完工或已验收、已拨付资金却不到计划资金一半的项目，差额大的在前。',
    sql: `SELECT project_id AS 项目编号,
  coalesce(village_name, street, '全区') AS 地点,
  project_name AS 项目名称,
  status AS 项目状态,
  budget_wan AS "计划资金（万元）",
  disbursed_wan AS "已拨付（万元）",
  implementer AS 实施单位
FROM projects
WHERE status IN ('已完工', '已验收')
  AND disbursed_wan < budget_wan / 2
ORDER BY budget_wan - disbursed_wan DESC, project_id`,
  },
  {
    id: 'table-summary',
    title: '一张表的概况',
    description: '每列的最小值、最大值、不同值个数和空值比例（DuckDB 的 SUMMARIZE）。',
    sql: `SUMMARIZE households`,
  },
];
