/**
 * A small database file shaped like the published one (every PUBLISHED_TABLES
 * table, columns typed as published), written the way the build writes it:
 * storage v1.4.0 (readable by DuckDB-WASM 1.32's DuckDB 1.4.3), 64 KB blocks.
 * Values are generated deterministically and include NULLs, empty lists and dates.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { DUCKDB_TYPES, PUBLISHED_TABLES } from '../../../src/contract/published.ts';

const pick = (values: string[], key: string) =>
  `(['${values.join("','")}'])[(1 + hash(village_code, i, '${key}') % ${values.length})::INTEGER]`;

const SELECTS: Record<string, string> = {
  villages: 'SELECT * FROM v',
  households: `SELECT street, village_code, village_name,
      ${pick(['1–2', '3–4', '5+'], 'size')} AS household_size,
      CASE WHEN i % 9 = 0 THEN NULL ELSE ${pick(['一般贫困户', '低保户', '特困供养户'], 'type')} END AS household_type,
      CASE WHEN i % 9 = 0 THEN NULL ELSE ${pick(['有劳动能力', '无劳动能力'], 'lab')} END AS labor_capacity,
      ${pick(['<4000', '4000–6000', '≥10000'], 'inc')} AS income_band,
      ${pick(['巩固提升', '加大帮扶', '重点帮扶'], 'ex')} AS exit_category,
      ${pick(['是', '否', '不适用'], 'ed')} AS education_secured,
      ${pick(['是', '否'], 'me')} AS medical_secured,
      ${pick(['是', '否'], 'ho')} AS housing_secured,
      list_filter(['产业扶持', '就业帮扶', '教育资助', '医疗救助'], (x, j) -> hash(village_code, i, j) % 3 = 0) AS measures
    FROM v, range(40) r(i)`,
  // The aggregates are generated on their own (they need not add up to the household rows:
  // the fixture checks queries and views, not the build's arithmetic). One village in four has
  // fewer than k households and no persons; one village publishes its rows under the street.
  village_people: `SELECT v.street, v.village_code, v.village_name,
      (3 + hash(v.village_code, 'h') % 20)::INTEGER AS households,
      CASE WHEN v.village_code LIKE '%1' THEN NULL ELSE (9 + hash(v.village_code, 'p') % 60)::INTEGER END AS persons,
      (2 + hash(v.village_code, 'a') % 10)::INTEGER AS households_active,
      (1 + hash(v.village_code, 'e') % 10)::INTEGER AS households_exited,
      (hash(v.village_code, 'r') % 3)::INTEGER AS households_removed
    FROM v`,
  street_people: `SELECT street, s AS status,
      CASE WHEN s = '清退' THEN NULL ELSE c END AS exit_category,
      (3 + hash(street, s, c) % 20)::INTEGER AS households, (9 + hash(c, s, street) % 60)::INTEGER AS persons
    FROM (SELECT DISTINCT street FROM v), unnest(['在册', '已脱贫', '清退']) u(s), unnest(['巩固提升', '加大帮扶']) w(c)
    WHERE s <> '清退' OR c = '巩固提升'`,
  change_counts: `SELECT street, village_code, village_name,
      DATE '2018-06-04' + 7 * (hash(village_code, i) % 6)::INTEGER AS week_start,
      (['新增纳入', '清退', '脱贫', '返贫', '人口增加', '人口减少'])[(1 + i % 6)::INTEGER] AS change_type,
      (1 + hash(village_code, i, 'n') % 3)::INTEGER AS records
    FROM v, range(8) r(i)`,
  street_changes: `SELECT street, t AS change_type, (1 + hash(street, t) % 9)::INTEGER AS records,
      (CASE t WHEN '新增纳入' THEN 3 WHEN '清退' THEN -2 WHEN '人口增加' THEN 1 WHEN '人口减少' THEN -1 ELSE 0 END
        * (1 + hash(street, t) % 9))::INTEGER AS persons
    FROM (SELECT DISTINCT street FROM v), unnest(['新增纳入', '清退', '脱贫', '返贫', '人口增加', '人口减少']) u(t)`,
  change_reasons: `SELECT '2018-06' AS period, CASE WHEN t = '清退' THEN NULL ELSE street END AS street, t AS change_type,
      c AS reason_category, (3 + hash(street, t, c) % 5)::INTEGER AS records
    FROM (SELECT DISTINCT street FROM v), unnest(['新增纳入', '清退', '脱贫']) u(t), unnest(['收入变化', '其他']) w(c)`,
  shortcomings: `SELECT street, village_code, village_name, shuangdao_round, d AS dimension,
      CASE WHEN hash(village_code, d) % 3 = 0 THEN '否' ELSE '是' END AS mechanism_in_place, '短板' AS shortcoming,
      CASE WHEN hash(village_code, d) % 2 = 0 THEN '项目' || d END AS proposed_project,
      CASE WHEN hash(village_code, d) % 2 = 0 THEN (hash(village_code, d) % 500) / 10.0 END AS estimated_investment_wan,
      '是' AS in_project_library, '区农业农村局' AS responsible_unit
    FROM v, unnest(['基础设施', '公共服务设施', '产业发展', '基层党建']) u(d) WHERE shuangdao_round IS NOT NULL`,
  rectifications: `SELECT printf('WT%04d', row_number() OVER (ORDER BY village_code, i)) AS issue_id,
      (['省', '市', '区'])[(1 + i % 3)::INTEGER] AS source_level,
      (['纪检', '审计', '巡查', '自查'])[(1 + i % 4)::INTEGER] AS source_type,
      DATE '2018-05-01' + (hash(village_code, i) % 90)::INTEGER AS found_date,
      street, village_code, village_name, '帮扶措施' AS category, '问题描述' AS description,
      '整改措施' AS measures, '街道办' AS responsible_unit, DATE '2018-09-30' AS deadline,
      (['已完成', '整改中', '未启动'])[(1 + hash(i, village_code) % 3)::INTEGER] AS status,
      CASE WHEN hash(i, village_code) % 3 = 0 THEN DATE '2018-08-01' END AS completed_date,
      hash(village_code, i, 'o') % 4 = 0 AS overdue
    FROM v, range(3) r(i)`,
  projects: `SELECT printf('XM-%04d', row_number() OVER (ORDER BY street, village_code, i)) AS project_id,
      (2016 + hash(village_code, i) % 5)::INTEGER AS plan_year, street, village_code, village_name,
      '项目' || i AS project_name,
      (['产业发展', '基础设施', '教育', '其他'])[(1 + hash(village_code, i, 'c') % 4)::INTEGER] AS category,
      '建设任务' AS task,
      (['中央财政', '省级财政', '区级财政', '帮扶单位'])[(1 + hash(village_code, i, 'f') % 4)::INTEGER] AS fund_source,
      ((1 + hash(village_code, i, 'b') % 50000) / 100)::DECIMAL(18,2) AS budget_wan,
      ((hash(village_code, i, 'b') % 50000) / 200)::DECIMAL(18,2) AS disbursed_wan,
      '区扶贫办' AS implementer, DATE '2018-03-01' AS start_date,
      CASE WHEN i = 1 THEN DATE '2018-06-30' END AS end_date,
      CASE WHEN i = 1 THEN '已完工' ELSE '在建' END AS status,
      (hash(village_code, i, 'h') % 12)::INTEGER AS beneficiary_households,
      '务工就业' AS benefit_mechanism,
      CASE WHEN i = 0 AND shuangdao_round IS NOT NULL
        THEN (['基础设施', '公共服务设施', '产业发展', '基层党建'])[(1 + hash(village_code) % 4)::INTEGER] END
        AS shortcoming_dimension,
      NULL AS performance_goal
    FROM (SELECT street, village_code, village_name, shuangdao_round, i FROM v, range(3) r(i)
      UNION ALL SELECT DISTINCT street, NULL, NULL, NULL, 9 FROM v
      UNION ALL SELECT NULL, NULL, NULL, NULL, 10)`,
  phases: `SELECT * FROM (VALUES ('动员部署', DATE '2018-05-01', DATE '2018-05-20'),
      ('自查自纠', DATE '2018-05-21', DATE '2018-07-31')) t(name, start, "end")`,
};

/** Writes the fixture database to `file` (which must not exist). */
export async function writeFixtureDb(file: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    await conn.run(`ATTACH '${file}' AS p (STORAGE_VERSION 'v1.4.0', BLOCK_SIZE 65536)`);
    await conn.run(`CREATE TEMP TABLE v AS
      SELECT '第' || (s + 1) || '街道' AS street, printf('4401%02d%06d', s + 1, n + 1) AS village_code,
        '村' || (s * 4 + n + 1) AS village_name, CASE WHEN n % 2 = 0 THEN '1' END AS shuangdao_round,
        CASE WHEN n = 0 THEN '是' ELSE '否' END AS is_poor_village,
        CASE WHEN s = 2 AND n = 3 THEN '并入街道' ELSE '按村公开' END AS household_detail
      FROM range(3) a(s), range(4) b(n)`);
    for (const t of PUBLISHED_TABLES) {
      const select = SELECTS[t.name];
      if (!select) throw new Error(`fixture: no rows for table ${t.name}`);
      const columns = t.columns.map((c) => `"${c.name}" ${DUCKDB_TYPES[c.type]}`).join(', ');
      await conn.run(`CREATE TABLE p.${t.name} (${columns})`);
      const order = t.sortBy.map((c) => `"${c}"`).join(', ');
      await conn.run(`INSERT INTO p.${t.name} BY NAME SELECT * FROM (${select}) ORDER BY ${order}`);
    }
    await conn.run('CHECKPOINT p');
    await conn.run('DETACH p');
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
