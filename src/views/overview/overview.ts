/**
 * The overview's figures, derived from named-query results. Pure: the same
 * function serves the prerendered page and the browser.
 */
import { EXIT_CATEGORIES, DIMENSIONS } from '../../contract/enums.ts';
import { formatNumber } from '../../render/format.ts';
import type { Engine, Row } from '../../engine/engine.ts';
import {
  changesByType,
  exitCategoryPeople,
  exitCategoryTotals,
  peopleByStatus,
  projectBreakdown,
  rectificationTotals,
  securityGaps,
  shortcomingCoverage,
  shortcomingsByDimension,
  type ShortcomingCoverageRow,
} from '../../queries/index.ts';
import { toNumber } from '../shared/numbers.ts';
import { projectTotals, type ProjectTotals } from '../projects/projects.ts';
import { shortcomingFindings } from '../projects/projectFindings.ts';
import { exitTakeaway } from '../places/placeTakeaways.ts';

const sumWhere = (rows: Row[], key: string, col: string, values: readonly string[]) =>
  rows.filter((r) => values.includes(String(r[key]))).reduce((s, r) => s + toNumber(r[col]), 0);
/** The same for persons: null when any is not published (a street of too few households). */
const personsWhere = (rows: Row[], key: string, values: readonly string[]) => {
  const of = rows.filter((r) => values.includes(String(r[key])));
  return of.some((r) => r.persons === null || r.persons === undefined)
    ? null
    : sumWhere(of, key, 'persons', values);
};

export interface OverviewInput {
  people: Row[];
  changes: Row[];
  /** Households by 脱贫成效分类 (street_people: a street published by 建档状态 only gives a null category). */
  exits: Row[];
  /** The same counted from the household rows, used when street_people has a null category. */
  exitsByRows?: Row[];
  gaps: Row | undefined;
  shuangdao: Row[];
  rect: Row | undefined;
  /** projectBreakdown and shortcomingCoverage, unfiltered. */
  projects: Row[];
  coverage: ShortcomingCoverageRow[];
}

/** Runs the overview's named queries (unfiltered) and builds its figures. */
export async function loadOverview(engine: Engine): Promise<Overview> {
  return buildOverview({
    people: await engine.query(peopleByStatus({})),
    changes: await engine.query(changesByType({})),
    exits: await engine.query(exitCategoryPeople({})),
    exitsByRows: await engine.query(exitCategoryTotals({})),
    gaps: (await engine.query(securityGaps({})))[0],
    shuangdao: await engine.query(shortcomingsByDimension({})),
    rect: (await engine.query(rectificationTotals({})))[0],
    projects: await engine.query(projectBreakdown({})),
    coverage: await engine.query<ShortcomingCoverageRow>(shortcomingCoverage({})),
  });
}

export type Overview = ReturnType<typeof buildOverview>;

export function buildOverview(input: OverviewInput) {
  const { people, changes, gaps, shuangdao, rect, projects, coverage } = input;
  // A street published by 建档状态 only (too few households in a cell) has no categories in
  // street_people: then count the household rows, where every 建档立卡 household has its category.
  const uncategorised = input.exits.some(
    (r) => r.exit_category === null || r.exit_category === undefined,
  );
  const exits = uncategorised && input.exitsByRows ? input.exitsByRows : input.exits;
  const households = {
    now: sumWhere(people, 'status', 'households', ['在册', '已脱贫']),
    exited: sumWhere(people, 'status', 'households', ['已脱贫']),
    removed: sumWhere(changes, 'change_type', 'records', ['清退']),
    added: sumWhere(changes, 'change_type', 'records', ['新增纳入']),
  };
  const persons = {
    now: personsWhere(people, 'status', ['在册', '已脱贫']),
    exited: personsWhere(people, 'status', ['已脱贫']),
    removed: -sumWhere(changes, 'change_type', 'persons', ['清退']),
    added: sumWhere(changes, 'change_type', 'persons', ['新增纳入']),
  };
  const exitTotal = exits
    .filter((r) => r.exit_category !== null && r.exit_category !== undefined)
    .reduce((s, r) => s + toNumber(r.households), 0);
  const exitRows = EXIT_CATEGORIES.map((category) => {
    const households = sumWhere(exits, 'exit_category', 'households', [category]);
    return { category, households, share: exitTotal > 0 ? households / exitTotal : 0 };
  });
  const unknown = exits
    .filter((r) => r.exit_category === null || r.exit_category === undefined)
    .reduce((s, r) => s + toNumber(r.households), 0);
  const exitText =
    exitTakeaway(exitRows) +
    (exitTotal > 0 && unknown > 0
      ? `另有 ${formatNumber(unknown)} 户的分类为保护隐私不公开。`
      : '');

  const shuangdaoRows = DIMENSIONS.map((dimension) => {
    const r = shuangdao.find((x) => x.dimension === dimension);
    return {
      dimension,
      villages: toNumber(r?.villages),
      villages_with_gap: toNumber(r?.villages_with_gap),
    };
  });
  const shuangdaoVillages = Math.max(0, ...shuangdaoRows.map((r) => r.villages));
  const worst = [...shuangdaoRows].sort((a, b) => b.villages_with_gap - a.villages_with_gap)[0];
  const shuangdaoTakeaway =
    shuangdaoVillages === 0
      ? '本地区没有“双到”村数据。'
      : `${formatNumber(shuangdaoVillages)} 个“双到”村中，${worst?.dimension}短板最多：${formatNumber(worst?.villages_with_gap ?? 0)} 个村尚未建立长效机制。`;

  return {
    households,
    persons,
    exitRows,
    exitTakeaway: exitText,
    gaps: { households: toNumber(gaps?.households), any: toNumber(gaps?.any_gap) },
    shuangdaoRows,
    shuangdaoVillages,
    shuangdaoTakeaway,
    rect: {
      items: toNumber(rect?.items),
      done: toNumber(rect?.done),
      in_progress: toNumber(rect?.in_progress),
      not_started: toNumber(rect?.not_started),
      overdue: toNumber(rect?.overdue),
      overdue_open: toNumber(rect?.overdue_open),
    },
    projects: {
      ...projectTotals(projects),
      /** 双到 shortcomings (长效机制 否) that no project answers. */
      unanswered: shortcomingFindings(coverage).unanswered.length,
    },
    projectsTakeaway: projectsTakeaway(
      projectTotals(projects),
      shortcomingFindings(coverage).unanswered.length,
    ),
  };
}

/** "需关注：29 项“双到”短板没有对应项目；拨付超前 10 个、拨付滞后 2 个、无受益贫困户 19 个项目。" */
export function projectsTakeaway(t: ProjectTotals, unanswered: number): string {
  if (t.projects === 0) return '项目表中没有任何项目。';
  const findings = (
    [
      ['拨付超前', t.ahead],
      ['拨付滞后', t.behind],
      ['无受益贫困户', t.no_beneficiaries],
    ] as const
  ).filter(([, n]) => n > 0);
  const parts = [
    ...(unanswered > 0 ? [`${formatNumber(unanswered)} 项“双到”短板没有对应项目`] : []),
    ...(findings.length > 0
      ? [`${findings.map(([f, n]) => `${f} ${formatNumber(n)} 个`).join('、')}项目`]
      : []),
  ];
  return parts.length === 0 ? '没有需关注的情况。' : `需关注：${parts.join('；')}。`;
}
