/**
 * Attack 7, across publications: the neighbour keeps every earlier publication.
 *
 * (b) Unstable generalisation. Rows carry no key, so a cautious attacker can
 *     only follow a household from one publication to the next by its own
 *     published quasi-identifiers. When nothing the neighbour knows of it
 *     changed but the forms its candidate rows are published in did (exact in
 *     one, a band in the other…), the two releases can be differenced.
 * (c) Differencing aggregate cells below street level. Between the two, the
 *     neighbour knows which households of a village had a status event. When
 *     one or two households entered (or left) a status and exactly one cell of
 *     that status grew (or shrank) by that many while the others stayed, the
 *     cell's other values (e.g. exit category) are theirs.
 * (d) Differencing change tallies at any level and period
 *     (differenceChangeTallies): the reason category of the events new in the
 *     later one, when all went into one. A problem: reason tallies are
 *     published by closed month, once (docs/privacy.md).
 */
import type { Analysis } from './analyseTables.ts';
import type { Aggregate } from './classifyTables.ts';
import { differenceChangeTallies } from './differenceChangeTallies.ts';
import { SENSITIVE_COLUMNS } from './findHomogeneity.ts';
import { AREA_COLUMNS, KNOWN_COLUMNS, asNumber, asText, type Row } from './table.ts';
import type { Truth, TruthHousehold } from './truth.ts';

export interface Publication {
  site: string;
  truth: Truth;
  analysis: Analysis;
}

export interface AcrossReport {
  before: string;
  after: string;
  /** Households in both whose known attributes and events did not change. */
  stableHouseholds: number;
  /**
   * Households of villages where nothing changed between the releases (same
   * households, same values) whose published form changed anyway: two releases
   * of an unchanged village must read the same, or intersecting them narrows
   * the candidates. A problem.
   */
  unstableGeneralisation: { count: number; examples: string[] };
  /**
   * The same, for households whose own facts did not change but whose village
   * did (a neighbour joined, exited or was removed): their group may re-form.
   * Reported, not counted as a problem: the publication's stated limit.
   */
  reformedInChangedVillages: { count: number; examples: string[] };
  differencing: { count: number; adverse: number; examples: string[] };
  /**
   * Change events new in the later one whose reason category (or other value
   * the neighbour does not know) the difference of the tallies gives away. A
   * problem: each event is one.
   */
  changeTallies: { events: number; cells: number; examples: string[] };
  problems: number;
}

const QUASI_COLUMNS = [
  'street',
  'village_code',
  'household_size',
  'household_type',
  'labor_capacity',
];

const knownKey = (h: TruthHousehold) =>
  JSON.stringify([h.village, h.size, h.type, h.labor, h.enrolledYear, h.events]);
/** Everything the input says of a household: a village whose households all keep it did not change. */
const fullKey = (h: TruthHousehold) => JSON.stringify([knownKey(h), h.hidden]);

/** Villages with the same households, each with the same values, in both releases. */
function unchangedVillages(before: readonly TruthHousehold[], after: readonly TruthHousehold[]) {
  const keys = (hs: readonly TruthHousehold[]) => {
    const out = new Map<string, string[]>();
    for (const h of hs) out.set(h.village, [...(out.get(h.village) ?? []), `${h.id}${fullKey(h)}`]);
    for (const list of out.values()) list.sort();
    return out;
  };
  const was = keys(before);
  const is = keys(after);
  return new Set(
    [...is]
      .filter(([v, list]) => JSON.stringify(was.get(v)) === JSON.stringify(list))
      .map(([v]) => v),
  );
}

/** The published quasi-identifier forms of a household's candidate rows. */
function forms(analysis: Analysis, table: string, household: number): string | null {
  const inf = analysis.inferences.find((i) => i.rows.table.name === table);
  if (!inf) return null;
  const columns = QUASI_COLUMNS.filter((c) => inf.rows.table.columns.includes(c));
  const set = new Set(
    (inf.final[household] ?? []).map((i) => {
      const row = inf.rows.table.rows[i] as Row;
      return columns.map((c) => asText(row[c] ?? null) ?? '（空）').join('|');
    }),
  );
  return [...set].sort().join(' 或 ');
}

/** Compares a publication with the next one. */
export function comparePublications(
  before: Publication,
  after: Publication,
  options: { k: number; examples?: number },
): AcrossReport {
  const examples = options.examples ?? 5;
  const indexBefore = new Map(before.truth.households.map((h, i) => [h.id, i]));
  const unstable: string[] = [];
  const reformed: string[] = [];
  const unchanged = unchangedVillages(before.truth.households, after.truth.households);
  let stable = 0;
  const tables = after.analysis.inferences
    .map((i) => i.rows.table.name)
    .filter((name) => before.analysis.inferences.some((i) => i.rows.table.name === name));
  after.truth.households.forEach((h, j) => {
    const i = indexBefore.get(h.id);
    if (i === undefined) return;
    const old = before.truth.households[i] as TruthHousehold;
    if (knownKey(old) !== knownKey(h)) return;
    stable++;
    for (const table of tables) {
      const was = forms(before.analysis, table, i);
      const is = forms(after.analysis, table, j);
      if (was !== is) {
        (unchanged.has(h.village) ? unstable : reformed).push(
          `${h.id}（${table}）：${was} → ${is}`,
        );
        break;
      }
    }
  });

  const differencing = differenceCells(before, after);
  const tallies = differenceChangeTallies(before, after);
  const count = unstable.length + differencing.length + tallies.reduce((n, t) => n + t.events, 0);
  return {
    before: before.site,
    after: after.site,
    stableHouseholds: stable,
    unstableGeneralisation: { count: unstable.length, examples: unstable.slice(0, examples) },
    reformedInChangedVillages: { count: reformed.length, examples: reformed.slice(0, examples) },
    differencing: {
      count: differencing.length,
      adverse: differencing.filter((d) => d.adverse).length,
      examples: differencing.slice(0, examples).map((d) => d.text),
    },
    changeTallies: {
      events: tallies.reduce((n, t) => n + t.events, 0),
      cells: tallies.length,
      examples: tallies.slice(0, examples).map((t) => t.text),
    },
    problems: count,
  };
}

interface Pinned {
  text: string;
  adverse: boolean;
}

/** Status of a household as the neighbour knows it ('' when not known exactly). */
const statusOf = (h: TruthHousehold | undefined) =>
  h && h.knownStatuses.length === 1 ? (h.knownStatuses[0] as string) : '';

/** Attack 7(c) on every aggregate published in both with a village key. */
function differenceCells(before: Publication, after: Publication): Pinned[] {
  const out: Pinned[] = [];
  const was = new Map(before.truth.households.map((h) => [h.id, h]));
  const is = new Map(after.truth.households.map((h) => [h.id, h]));
  const movedBetween = (id: string) => {
    const b = is.get(id);
    const a = was.get(id);
    if (!a || !b) return true;
    return b.events.some((e) => e.date > before.truth.asOf);
  };
  const ids = new Set([...was.keys(), ...is.keys()]);
  for (const agg of after.analysis.classified.aggregates) {
    const old = before.analysis.classified.aggregates.find((a) => a.table.name === agg.table.name);
    if (!old || agg.changes || !agg.table.columns.includes('village_code')) continue;
    const hasStatus = agg.groups.includes('status');
    const others = agg.groups.filter((g) => g !== 'status');
    const told = others.filter((g) => !KNOWN_COLUMNS.has(g) && !AREA_COLUMNS.has(g));
    if (told.length === 0) continue;
    const cellsBefore = cellCounts(old, others);
    const cellsAfter = cellCounts(agg, others);
    for (const key of new Set([...cellsBefore.keys(), ...cellsAfter.keys()])) {
      const [village, status] = key.split('\u0002') as [string, string];
      const beforeCells = cellsBefore.get(key) ?? new Map<string, number>();
      const afterCells = cellsAfter.get(key) ?? new Map<string, number>();
      const into: string[] = [];
      const outOf: string[] = [];
      for (const id of ids) {
        if (!movedBetween(id)) continue;
        const a = was.get(id);
        const b = is.get(id);
        const inBefore = a?.village === village && (!hasStatus || statusOf(a) === status);
        const inAfter = b?.village === village && (!hasStatus || statusOf(b) === status);
        if (inAfter && !inBefore) into.push(id);
        if (inBefore && !inAfter) outOf.push(id);
      }
      const movers = into.length > 0 ? into : outOf;
      if (movers.length < 1 || movers.length > 2 || (into.length > 0 && outOf.length > 0)) continue;
      const sign = into.length > 0 ? 1 : -1;
      const changed: [string, number][] = [];
      for (const cell of new Set([...afterCells.keys(), ...beforeCells.keys()])) {
        const delta = (afterCells.get(cell) ?? 0) - (beforeCells.get(cell) ?? 0);
        if (delta !== 0) changed.push([cell, delta]);
      }
      const only = changed[0];
      if (changed.length !== 1 || !only || only[1] !== sign * movers.length) continue;
      const values = JSON.parse(only[0]) as (string | null)[];
      const pinned = told.map((g) => [g, values[others.indexOf(g)] ?? null] as const);
      // A blank value (清退 has no exit category) tells nothing the event did not.
      if (pinned.every(([, v]) => v === null)) continue;
      const adverse = pinned.some(([g, v]) => {
        const s = SENSITIVE_COLUMNS.find((c) => c.column === g);
        return v !== null && s !== undefined && s.adverse(v, after.truth.povertyLine);
      });
      out.push({
        adverse,
        text: `${agg.table.name} 村 ${village}${hasStatus ? ` ${status}` : ''}：${sign > 0 ? '+' : '−'}${movers.length} 户（${movers.join('、')}，${sign > 0 ? '之后' : '之前'}）${pinned.map(([g, v]) => `${g}=${v ?? '（空）'}`).join('，')}`,
      });
    }
  }
  return out;
}

/** Household counts by (village, status) then by the other grouping values (JSON). */
function cellCounts(agg: Aggregate, others: readonly string[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const row of agg.table.rows) {
    const village = asText(row.village_code ?? null);
    const n = asNumber(row[agg.count] ?? null);
    if (village === null || n === null) continue;
    const key = `${village}\u0002${asText(row.status ?? null) ?? ''}`;
    let cells = out.get(key);
    if (!cells) out.set(key, (cells = new Map()));
    const cell = JSON.stringify(others.map((g) => asText(row[g] ?? null)));
    cells.set(cell, (cells.get(cell) ?? 0) + n);
  }
  return out;
}
