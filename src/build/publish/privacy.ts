/**
 * Shapes the validated input into the published tables (src/contract/published.ts):
 * no 户编号, income only as a band, household rows k-anonymous by coarsening,
 * every table in an order that says nothing about the input order. Pure: no I/O.
 */
import type { Dataset } from '../../contract/input/datasets.ts';
import { PUBLISHED_TABLES } from '../../contract/published.ts';
import { incomeBandLabels } from '../../contract/incomeBands.ts';
import { QUASI_IDENTIFIERS, type PrivacyReport } from '../../contract/privacyReport.ts';
import { shapeHouseholds, type HouseholdRow } from './shapeHouseholds.ts';
import { sortRows } from './sortRows.ts';
import { villageLookup } from './villageLookup.ts';
import { villagePeople } from './villagePeople.ts';

/** One row of a published table, keyed by the table's column names. */
export type PublishedRow = Record<string, unknown>;

export interface Publication {
  /** Every table of PUBLISHED_TABLES, rows sorted by `sortRows`. */
  tables: Record<string, PublishedRow[]>;
  report: PrivacyReport;
}

function neverPublished(k: number, bands: string[]): string[] {
  return [
    '户编号：任何公开文件都不含户编号；户级数据行没有任何编号或键，变动记录也不含户编号。',
    `确切收入：人均可支配收入只按收入段公开（${bands.join('、')}）。`,
    '原始行序：各表按公开的列排序，顺序与原始数据无关。',
    `少见的户：村、家庭人口、户类型、劳动能力的组合不足 ${k} 户时，家庭人口合并为区间，必要时户类型、劳动能力和家庭人口留空；不删除任何户，各村户数、人数合计保持准确。`,
    '个人信息：含身份证号、手机号或银行卡号的数据不能通过校验，不会公开。',
  ];
}

/** Shapes a validated dataset into every published table, plus the privacy report. */
export function shapeForPublication(data: Dataset): Publication {
  const villageOf = villageLookup(data.villages);
  const { k } = data.campaign.privacy;
  const asOf = data.campaign.as_of;
  const households = shapeHouseholds(data.households, data.campaign, villageOf);

  // Where each household is, from its published row (same index until sorted below).
  const householdPlace = new Map<
    string,
    { street: string; village_code: string; village_name: string }
  >();
  data.households.forEach((h, i) =>
    householdPlace.set(h.household_id, households.rows[i] as HouseholdRow),
  );

  const tables: Record<string, PublishedRow[]> = {
    villages: data.villages.map((v) => ({
      street: v.street,
      village_code: v.village_code,
      village_name: v.village_name,
      shuangdao_round: v.shuangdao_round,
      is_poor_village: v.is_poor_village,
    })),
    households: households.rows as unknown as PublishedRow[],
    village_people: villagePeople(data.households, villageOf) as unknown as PublishedRow[],
    household_changes: data.household_changes.map((c) => {
      const place = householdPlace.get(c.household_id);
      if (place === undefined)
        throw new Error(
          'household_changes.csv：变动记录的户编号不在 households.csv 中（数据应先通过校验）',
        );
      return {
        street: place.street,
        village_code: place.village_code,
        village_name: place.village_name,
        date: c.date,
        change_type: c.change_type,
        persons_delta: c.persons_delta,
        reason: c.reason,
      };
    }),
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
  return {
    tables,
    report: {
      k,
      quasi_identifiers: QUASI_IDENTIFIERS,
      income_bands: bands,
      households: data.households.length,
      coarsened: households.coarsened,
      villages: households.villages,
      small_villages: households.small_villages,
      never_published: neverPublished(k, bands),
    },
  };
}
