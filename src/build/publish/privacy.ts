/**
 * Shapes the validated input into the published tables (src/contract/published.ts)
 * under the disclosure rules of docs/privacy.md: no 户编号, income and size
 * only as bands, household rows generalised until no group gives anyone or any
 * sensitive value away, change records only as counts, and below street level
 * a figure of one or two households only as a count. Every table in an order
 * that says nothing about the input order. Pure: no I/O.
 */
import type { Dataset } from '../../contract/input/datasets.ts';
import { PUBLISHED_TABLES } from '../../contract/published.ts';
import { incomeBandLabels } from '../../contract/incomeBands.ts';
import {
  HOUSEHOLD_DETAIL,
  QUASI_IDENTIFIERS,
  SENSITIVE_COLUMNS,
  type LentTo,
  type PrivacyReport,
} from '../../contract/privacyReport.ts';
import {
  changeCounts,
  changeReasons,
  streetChanges,
  type FrozenReasons,
  type PlacedChange,
} from './changeTables.ts';
import { shapeHouseholds } from './shapeHouseholds.ts';
import { sortRows } from './sortRows.ts';
import { streetPeople, type AreaOf } from './streetPeople.ts';
import { assertStreetFigures } from './assertStreetFigures.ts';
import { villageLookup } from './villageLookup.ts';
import { villagePeople, withholdDifferences } from './villagePeople.ts';

/** One row of a published table, keyed by the table's column names. */
export type PublishedRow = Record<string, unknown>;

export interface Publication {
  /** Every table of PUBLISHED_TABLES, rows sorted by `sortRows`. */
  tables: Record<string, PublishedRow[]>;
  report: PrivacyReport;
}

function neverPublished(k: number, bands: string[]): string[] {
  return [
    '户编号：任何公开文件都不含户编号；户级数据行没有任何编号或键。',
    `确切收入：人均可支配收入只按收入段公开（${bands.join('、')}）；家庭人口只按区间公开。`,
    '单条变动记录：变动日期、人数和原因文字都不公开，只公开按村按周的变动条数、按街道的人数变化，以及已结束月份按街道或全区的原因类别（一个月的原因类别公开后不再改变）。',
    '建档状态和纳入年份：不在户级数据中；各村各状态的户数另表公开。清退户只计户数，不列户级数据。',
    `少见的户：同村同类（家庭人口区间、户类型、劳动能力）不足 ${k} 户，或这些户的脱贫成效分类、收入段全部相同、都有同一项“三保障”缺口时，先留空户类型和劳动能力，再留空人口区间，必要时由同村其他户补足，仍不行的村并入街道；不删除任何户。`,
    `村里不足 ${k} 户的数字：村级只公开户数，不公开人数。`,
    '原始行序：各表按公开的列排序，顺序与原始数据无关。',
    '个人信息：含身份证号、手机号或银行卡号的数据不能通过校验，不会公开。',
  ];
}

/** Where lent rows went, in words: "（同村最后一组 2 行、街道组 1 行）". */
function lentText(to: LentTo): string {
  const parts = [
    to.village > 0 ? `同村最后一组 ${to.village} 行` : '',
    to.street > 0 ? `街道组 ${to.street} 行` : '',
    to.district > 0 ? `全区组 ${to.district} 行` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `：${parts.join('、')}` : '';
}

/**
 * Shapes a validated dataset into every published table, plus the privacy
 * report. `frozenReasons`: the reason tallies of the latest earlier
 * publication (its record), whose closed months are published as they were.
 */
export function shapeForPublication(
  data: Dataset,
  frozenReasons: FrozenReasons | null = null,
): Publication {
  const villageOf = villageLookup(data.villages);
  const { k } = data.campaign.privacy;
  const asOf = data.campaign.as_of;
  const households = shapeHouseholds(data.households, data.campaign, villageOf);
  const villageOfHousehold = new Map(
    data.households.map((h) => [h.household_id, villageOf(h.village_code, 'households.csv')]),
  );
  const changes: PlacedChange[] = data.household_changes.map((c) => {
    const village = villageOfHousehold.get(c.household_id);
    if (!village)
      throw new Error(
        'household_changes.csv：变动记录的户编号不在 households.csv 中（数据应先通过校验）',
      );
    return { ...c, village };
  });
  const reasons = changeReasons(changes, k, asOf, frozenReasons);
  // Households are counted in the street tables where their village's rows are published.
  const areaOf: AreaOf = (v) =>
    households.detail.get(v.village_code) === HOUSEHOLD_DETAIL.district ? null : v.street;
  const street = streetPeople(data.households, villageOf, areaOf, k);
  const people = villagePeople(data.households, data.villages, k);
  const primaryWithheld = people.filter((p) => p.persons === null && p.households > 0).length;
  const areasWithPersons = new Set<string | null>();
  const areasWithout = new Set<string | null>();
  for (const r of street.rows)
    if (r.status !== '清退') (r.persons === null ? areasWithout : areasWithPersons).add(r.street);
  for (const a of areasWithout) areasWithPersons.delete(a);
  const secondaryWithheld = withholdDifferences(
    people,
    (p) => areaOf(villageOf(p.village_code, 'villages.csv')),
    areasWithPersons,
    k,
  );
  assertStreetFigures(
    street.rows,
    people,
    (p) => areaOf(villageOf(p.village_code, 'villages.csv')),
    k,
  );

  const tables: Record<string, PublishedRow[]> = {
    villages: data.villages.map((v) => ({
      street: v.street,
      village_code: v.village_code,
      village_name: v.village_name,
      shuangdao_round: v.shuangdao_round,
      is_poor_village: v.is_poor_village,
      household_detail: households.detail.get(v.village_code) ?? HOUSEHOLD_DETAIL.village,
    })),
    households: households.rows as unknown as PublishedRow[],
    village_people: people as unknown as PublishedRow[],
    street_people: street.rows as unknown as PublishedRow[],
    change_counts: changeCounts(changes) as unknown as PublishedRow[],
    street_changes: streetChanges(changes, areaOf) as unknown as PublishedRow[],
    change_reasons: reasons.rows as unknown as PublishedRow[],
    shortcomings: data.shortcomings.map((s) => {
      const v = villageOf(s.village_code, 'shortcomings.csv');
      return {
        street: v.street,
        village_code: v.village_code,
        village_name: v.village_name,
        shuangdao_round: v.shuangdao_round,
        dimension: s.dimension,
        mechanism_in_place: s.mechanism_in_place,
        shortcoming: s.shortcoming,
        proposed_project: s.proposed_project,
        estimated_investment_wan: s.estimated_investment_wan,
        in_project_library: s.in_project_library,
        responsible_unit: s.responsible_unit,
      };
    }),
    rectifications: data.rectifications.map((r) => ({
      issue_id: r.issue_id,
      source_level: r.source_level,
      source_type: r.source_type,
      found_date: r.found_date,
      street: r.street,
      village_code: r.village_code,
      village_name:
        r.village_code === null
          ? null
          : villageOf(r.village_code, 'rectifications.csv').village_name,
      category: r.category,
      description: r.description,
      measures: r.measures,
      responsible_unit: r.responsible_unit,
      deadline: r.deadline,
      status: r.status,
      completed_date: r.completed_date,
      // Dates are YYYY-MM-DD strings, so string order is date order.
      overdue:
        (r.status !== '已完成' && r.deadline < asOf) ||
        (r.completed_date !== null && r.completed_date > r.deadline),
    })),
    // Published as given (amounts exactly: public money); null when not provided gives an empty table.
    projects: (data.projects ?? []).map((p) => ({
      project_id: p.project_id,
      plan_year: p.plan_year,
      street: p.street,
      village_code: p.village_code,
      village_name:
        p.village_code === null ? null : villageOf(p.village_code, 'projects.csv').village_name,
      project_name: p.project_name,
      category: p.category,
      task: p.task,
      fund_source: p.fund_source,
      budget_wan: p.budget_wan,
      disbursed_wan: p.disbursed_wan,
      implementer: p.implementer,
      start_date: p.start_date,
      end_date: p.end_date,
      status: p.status,
      beneficiary_households: p.beneficiary_households,
      benefit_mechanism: p.benefit_mechanism,
      shortcoming_dimension: p.shortcoming_dimension,
      performance_goal: p.performance_goal,
    })),
    phases: data.campaign.phases.map((p) => ({ name: p.name, start: p.start, end: p.end })),
  };
  for (const t of PUBLISHED_TABLES) {
    const rows = tables[t.name];
    if (!rows) throw new Error(`privacy.ts does not produce published table ${t.name}`);
    sortRows(rows, t);
  }

  const bands = incomeBandLabels(data.campaign.income_bands);
  const registered = households.rows.length;
  const generalised = registered - households.levels.exact;
  const personsWithheld = primaryWithheld + secondaryWithheld;
  const aggregates = {
    village_persons_withheld: personsWithheld,
    village_persons_withheld_for_street: secondaryWithheld,
    street_cells: street.cells,
    reason_cells: reasons.cells,
  };
  return {
    tables,
    report: {
      k,
      quasi_identifiers: [...QUASI_IDENTIFIERS],
      sensitive_columns: [...SENSITIVE_COLUMNS],
      income_bands: bands,
      households: registered,
      levels: households.levels,
      for_diversity: households.forDiversity,
      borrowed: households.borrowed,
      borrowed_to: households.borrowedTo,
      villages: households.villages,
      villages_not_by_village: households.villagesNotByVillage,
      withheld_values: households.withheld,
      aggregates,
      never_published: neverPublished(k, bands),
      rules: [
        `户级数据：${registered} 个建档立卡户各一行，其中 ${generalised} 行做了泛化（${households.forDiversity} 行只因同组分类或收入段相同、或同有“三保障”缺口而泛化；${households.borrowed} 行借给别的组补足${lentText(households.borrowedTo)}），${households.villagesNotByVillage.length} 个村的户级数据并入街道或全区。`,
        `村级人数：${personsWithheld} 个村不公开人数（${primaryWithheld} 个村建档立卡户不足 ${k} 户；${secondaryWithheld} 个村是为了不让街道人数减去各村人数算出不足 ${k} 户的人数），只公开户数。`,
        `街道汇总：${street.cells.district_remainder} 户所在的村户级数据并入全区，在各街道户数人数表中计入“并入全区”（街道为空），不计入所在街道；${street.cells.by_status_only} 个街道（或并入全区的合计）某格不足 ${k} 户或某一建档状态只有一种分类，只按建档状态公开；${street.cells.persons_withheld} 格不足 ${k} 户，只公开户数。`,
        `变动原因类别：只按已结束的月份公开（${reasons.cells.periods ?? 0} 个月，其中 ${reasons.cells.frozen_periods ?? 0} 个月沿用以前发布的数字${reasons.cells.late_records ? `，之后补录的 ${reasons.cells.late_records} 条只计条数` : ''}）；按街道列出 ${reasons.cells.street} 类，并入其余街道合计 ${reasons.cells.district} 类，${reasons.cells.withheld} 组不公开。`,
      ],
    },
  };
}
