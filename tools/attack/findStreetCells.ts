/**
 * Attack 5 above the village: cells of a household aggregate that carry no
 * village key — a street's, or the district's (a blank street: households
 * counted only in the district total). A street is a crowd only while its
 * villages' figures do not single its cells out again:
 *  (a) a cell of one or two households that says more than its count (a
 *      persons sum, a 脱贫成效分类 …) is as small as a village cell: with the
 *      villages' counts by 建档状态 beside it, a neighbour can tell whose it is.
 *      A 建档状态 alone is a count (a village board posts those);
 *  (b) a street's cells minus what the village totals (an aggregate per village
 *      with a count and a persons sum, e.g. village_people) publish of the same
 *      households: what is left is the villages whose persons were withheld;
 *      one or two households left with a persons sum are a small cell again.
 *      The same for the district: every cell against every village. A street
 *      whose cells count fewer households than its villages (some counted only
 *      in the district total) is compared without the villages that make up
 *      the difference, when at most three do so in only one way.
 * Change tallies are attack 4's (street changes are exact by rule: a
 * neighbour knows the events and the sizes they change).
 */
import type { Aggregate } from './classifyTables.ts';
import { revealedColumns } from './revealedColumns.ts';
import { asNumber, asText, type Row } from './table.ts';
import type { TruthVillage } from './truth.ts';

export interface StreetCell {
  table: string;
  /** The street, or '全区' for a cell with a blank street. */
  area: string;
  households: number;
  /** What the cell says beyond its count. */
  reveals: string[];
  /** For (b): the village table subtracted and what was left. */
  difference: string | null;
}

const DISTRICT = '全区';
/** A grouping column this many values or fewer is tried as a filter (建档状态: 3). */
const MAX_FILTER_VALUES = 4;
/** At most this many villages are looked for to explain a street's missing households. */
const MAX_MISSING_VILLAGES = 3;

const isAboveVillage = (row: Row) => asText(row.village_code ?? null) === null;

/** (a): cells without a village key of 1…maxCount households that carry more than a count. */
function smallStreetCells(agg: Aggregate, maxCount: number): StreetCell[] {
  const out: StreetCell[] = [];
  for (const row of agg.table.rows) {
    if (!isAboveVillage(row)) continue;
    const n = asNumber(row[agg.count] ?? null);
    if (n === null || n < 1 || n > maxCount) continue;
    const reveals = revealedColumns(agg, row).filter((c) => c !== 'status');
    if (reveals.length === 0) continue;
    out.push({
      table: agg.table.name,
      area: asText(row.street ?? null) ?? DISTRICT,
      households: n,
      reveals,
      difference: null,
    });
  }
  return out;
}

/** A village total: households, and persons when published. */
interface VillageTotal {
  code: string;
  households: number;
  persons: number | null;
}

/** The filters to try on a street table so that it counts what the village table counts. */
function filters(agg: Aggregate): ((row: Row) => boolean)[] {
  const out: ((row: Row) => boolean)[] = [() => true];
  for (const g of agg.groups) {
    const values = [...new Set(agg.table.rows.map((r) => asText(r[g] ?? null)))];
    if (values.length > MAX_FILTER_VALUES) continue;
    for (let mask = 1; mask < 2 ** values.length - 1; mask++) {
      const keep = new Set(values.filter((_, i) => mask & (2 ** i)));
      out.push((row) => keep.has(asText(row[g] ?? null)));
    }
  }
  return out;
}

/** Households and persons (null when any is not published) of rows. */
function total(
  agg: Aggregate,
  rows: readonly Row[],
): { households: number; persons: number | null } {
  let households = 0;
  let persons: number | null = 0;
  for (const r of rows) {
    households += asNumber(r[agg.count] ?? null) ?? 0;
    const p = agg.persons === null ? null : asNumber(r[agg.persons] ?? null);
    persons = persons === null || p === null ? null : persons + p;
  }
  return { households, persons };
}

/** The one way (if any) of picking at most MAX_MISSING_VILLAGES villages that hold `missing` households. */
function onlyWayToMiss(villages: readonly VillageTotal[], missing: number): Set<string> | null {
  const found: string[][] = [];
  const pick = (from: number, left: number, chosen: string[]) => {
    if (found.length > 1) return;
    if (left === 0 && chosen.length > 0) {
      found.push([...chosen]);
      return;
    }
    if (chosen.length === MAX_MISSING_VILLAGES) return;
    for (let i = from; i < villages.length; i++) {
      const v = villages[i] as VillageTotal;
      if (v.households === 0 || v.households > left) continue;
      pick(i + 1, left - v.households, [...chosen, v.code]);
    }
  };
  pick(0, missing, []);
  return found.length === 1 ? new Set(found[0]) : null;
}

/** (b): a street's (or the district's) cells minus the village totals of its villages. */
function differences(
  agg: Aggregate,
  village: Aggregate,
  streetOf: ReadonlyMap<string, string>,
  maxCount: number,
): StreetCell[] {
  const villages: VillageTotal[] = [];
  for (const r of village.table.rows) {
    const code = asText(r.village_code ?? null);
    const households = asNumber(r[village.count] ?? null);
    if (code === null || households === null) continue;
    const persons = village.persons === null ? null : asNumber(r[village.persons] ?? null);
    villages.push({ code, households, persons });
  }
  const all = villages.reduce((n, v) => n + v.households, 0);
  // The street table counts the same households as the village table (e.g. 在册 + 已脱贫 of a
  // table by 建档状态 against villages' 建档立卡 totals) when its district total is theirs.
  const keep = filters(agg).find((f) => total(agg, agg.table.rows.filter(f)).households === all);
  if (!keep) return [];
  const rows = agg.table.rows.filter(keep);
  const out: StreetCell[] = [];
  const check = (area: string, cells: readonly Row[], members: readonly VillageTotal[]) => {
    const t = total(agg, cells);
    if (t.persons === null) return;
    const withheld = members.filter((v) => v.persons === null && v.households > 0);
    const left = withheld.reduce((n, v) => n + v.households, 0);
    if (left < 1 || left > maxCount) return;
    const known = members.reduce((n, v) => n + (v.persons ?? 0), 0);
    out.push({
      table: agg.table.name,
      area,
      households: left,
      reveals: ['persons'],
      difference: `${agg.table.name} ${t.persons} 人 − ${village.table.name} 各村公开的 ${known} 人 = 村 ${withheld.map((v) => v.code).join('、')} 的 ${t.persons - known} 人`,
    });
  };

  check(DISTRICT, rows, villages);
  const streets = new Set(rows.filter(isAboveVillage).map((r) => asText(r.street ?? null)));
  for (const street of streets) {
    if (street === null) continue;
    const cells = rows.filter((r) => isAboveVillage(r) && asText(r.street ?? null) === street);
    const own = villages.filter((v) => streetOf.get(v.code) === street);
    const missing = own.reduce((n, v) => n + v.households, 0) - total(agg, cells).households;
    if (missing < 0) continue;
    if (missing === 0) {
      check(street, cells, own);
      continue;
    }
    const elsewhere = onlyWayToMiss(own, missing);
    if (elsewhere)
      check(
        street,
        cells,
        own.filter((v) => !elsewhere.has(v.code)),
      );
  }
  return out;
}

/**
 * Street- and district-level cells of the household aggregates that give one
 * or two households away, by themselves or against the village totals.
 */
export function findStreetCells(
  aggregates: readonly Aggregate[],
  villages: readonly TruthVillage[],
  maxCount: number,
): StreetCell[] {
  const streetOf = new Map(villages.map((v) => [v.code, v.street]));
  const households = aggregates.filter((a) => !a.changes);
  const aboveVillage = households.filter((a) => a.table.rows.some(isAboveVillage));
  const villageTotals = households.filter(
    (a) =>
      a.table.columns.includes('village_code') &&
      a.persons !== null &&
      a.groups.length === 0 &&
      !a.table.rows.some(isAboveVillage),
  );
  return aboveVillage.flatMap((agg) => [
    ...smallStreetCells(agg, maxCount),
    ...(agg.persons === null
      ? []
      : villageTotals.flatMap((v) => differences(agg, v, streetOf, maxCount))),
  ]);
}
