/**
 * A deterministic synthetic Dataset built in memory, for scale tests of the
 * publishing half (province scale: 700,000 households). Not the sample-data
 * generator (tools/sample/): this one skips CSV and validation on purpose.
 */
import type { Dataset } from '../../../../src/contract/input/datasets.ts';
import {
  CHANGE_TYPES,
  DIMENSIONS,
  EDUCATION_VALUES,
  EXIT_CATEGORIES,
  FUND_SOURCES,
  HOUSEHOLD_STATUSES,
  HOUSEHOLD_TYPES,
  ISSUE_CATEGORIES,
  LABOR_CAPACITIES,
  MEASURES,
  PROJECT_CATEGORIES,
  PROJECT_STATUSES,
  RECTIFICATION_STATUSES,
  SOURCE_LEVELS,
  SOURCE_TYPES,
} from '../../../../src/contract/enums.ts';
import { DELTA_SIGN } from '../../../../src/contract/input/householdChanges.ts';

export interface SyntheticSize {
  villages: number;
  households: number;
  changes: number;
  rectifications: number;
  projects: number;
}

export const PROVINCE: SyntheticSize = {
  villages: 2_300,
  households: 700_000,
  changes: 300_000,
  rectifications: 20_000,
  projects: 30_000,
};

/** mulberry32: small, fast, deterministic. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const day = (r: number) =>
  `2018-${pad(1 + Math.floor(r * 7), 2)}-${pad(1 + (Math.floor(r * 997) % 28), 2)}`;

export function syntheticDataset(size: SyntheticSize, seed = 1): Dataset {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const streets = Array.from(
    { length: Math.max(1, Math.ceil(size.villages / 15)) },
    (_, i) => `第${i + 1}街道`,
  );
  const villages = Array.from({ length: size.villages }, (_, i) => ({
    village_code: `4415${pad(i + 1, 8)}`,
    village_name: `村${i + 1}`,
    street: streets[Math.floor(i / 15)] as string,
    shuangdao_round: i % 5 === 0 ? ('1' as const) : i % 5 === 1 ? ('2' as const) : null,
    is_poor_village: i % 3 === 0 ? ('是' as const) : ('否' as const),
  }));
  const households = Array.from({ length: size.households }, (_, i) => {
    const status = rnd() < 0.1 ? '清退' : pick(HOUSEHOLD_STATUSES.slice(0, 2));
    const measures = MEASURES.filter(() => rnd() < 0.2);
    return {
      household_id: `HH${pad(i + 1, 8)}`,
      // Skewed village sizes: a few small villages, most around the mean.
      village_code: (
        villages[Math.floor(Math.pow(rnd(), 0.9) * villages.length)] as (typeof villages)[number]
      ).village_code,
      household_size: 1 + Math.min(11, Math.floor(-Math.log(1 - rnd()) * 2.5)),
      household_type: pick(HOUSEHOLD_TYPES),
      labor_capacity: pick(LABOR_CAPACITIES),
      status: status as (typeof HOUSEHOLD_STATUSES)[number],
      enrolled_year: 2016 + Math.floor(rnd() * 3),
      income_per_capita: Math.round(rnd() * 1_400_000) / 100,
      exit_category: status === '清退' ? null : pick(EXIT_CATEGORIES),
      education_secured: pick(EDUCATION_VALUES),
      medical_secured: rnd() < 0.95 ? ('是' as const) : ('否' as const),
      housing_secured: rnd() < 0.95 ? ('是' as const) : ('否' as const),
      measures,
    };
  });
  const household_changes = Array.from({ length: size.changes }, () => {
    const change_type = pick(CHANGE_TYPES);
    const sign = DELTA_SIGN[change_type];
    return {
      date: day(rnd()),
      household_id: (
        households[Math.floor(rnd() * households.length)] as (typeof households)[number]
      ).household_id,
      change_type,
      persons_delta: sign * (1 + Math.floor(rnd() * 4)),
      reason: rnd() < 0.3 ? null : `原因${Math.floor(rnd() * 500)}`,
      reason_category: null,
    };
  });
  const shortcomings = villages
    .filter((v) => v.shuangdao_round !== null)
    .flatMap((v) =>
      DIMENSIONS.map((dimension) => ({
        village_code: v.village_code,
        dimension,
        mechanism_in_place: rnd() < 0.5 ? ('是' as const) : ('否' as const),
        shortcoming: `${dimension}短板`,
        proposed_project: rnd() < 0.5 ? null : `${dimension}项目`,
        estimated_investment_wan: rnd() < 0.3 ? null : Math.round(rnd() * 50000) / 100,
        in_project_library: rnd() < 0.5 ? ('是' as const) : ('否' as const),
        responsible_unit: `单位${Math.floor(rnd() * 40)}`,
      })),
    );
  const rectifications = Array.from({ length: size.rectifications }, (_, i) => {
    const v = pick(villages);
    const status = pick(RECTIFICATION_STATUSES);
    const found = day(rnd() * 0.5);
    return {
      issue_id: `WT${pad(i + 1, 6)}`,
      source_level: pick(SOURCE_LEVELS),
      source_type: pick(SOURCE_TYPES),
      found_date: found,
      street: v.street,
      village_code: rnd() < 0.1 ? null : v.village_code,
      category: pick(ISSUE_CATEGORIES),
      description: `问题描述${Math.floor(rnd() * 1000)}`,
      measures: rnd() < 0.2 ? null : `整改措施${Math.floor(rnd() * 1000)}`,
      responsible_unit: `单位${Math.floor(rnd() * 40)}`,
      deadline: '2018-07-10',
      status,
      completed_date: status === '已完成' ? (rnd() < 0.8 ? '2018-07-01' : '2018-07-15') : null,
    };
  });
  // Drawn last, so the other tables are the same as before projects existed.
  const projects = Array.from({ length: size.projects }, (_, i) => {
    const v = pick(villages);
    const scope = rnd();
    const status = pick(PROJECT_STATUSES);
    const budget = Math.round(1 + rnd() * 50_000) / 100;
    const done = status === '已完工' || status === '已验收';
    return {
      project_id: `XM${pad(i + 1, 6)}`,
      project_name: `项目${Math.floor(rnd() * 1000)}`,
      plan_year: 2016 + Math.floor(rnd() * 5),
      street: scope < 0.02 ? null : v.street,
      village_code: scope < 0.1 ? null : v.village_code,
      category: pick(PROJECT_CATEGORIES),
      task: `建设任务${Math.floor(rnd() * 1000)}`,
      fund_source: pick(FUND_SOURCES),
      budget_wan: budget,
      disbursed_wan: done ? budget : Math.round(rnd() * budget * 100) / 100,
      implementer: `单位${Math.floor(rnd() * 40)}`,
      start_date: status === '未开工' ? null : '2018-03-01',
      end_date: done ? '2018-06-30' : null,
      status,
      beneficiary_households: Math.floor(rnd() * 20),
      benefit_mechanism: rnd() < 0.3 ? null : '务工就业',
      shortcoming_dimension: null,
      performance_goal: null,
    };
  });
  return {
    campaign: {
      region: '示例省',
      title: '回头看 公开进展（合成数据）',
      as_of: '2018-07-20',
      poverty_line: { yuan: 4000, base_year: 2014 },
      income_bands: [4000, 6000, 8000, 10000],
      phases: [
        { name: '动员部署', start: '2018-06-05', end: '2018-06-10' },
        { name: '组织实施', start: '2018-06-05', end: '2018-07-10' },
      ],
      privacy: { k: 3 },
      sample: true,
    },
    villages,
    households,
    household_changes,
    shortcomings,
    rectifications,
    projects,
  };
}
