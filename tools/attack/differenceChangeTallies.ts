/**
 * Attack 7(d), across publications: tallies of change events by a value the
 * neighbour does not know (the reason category) at any level — village,
 * street or the district's roll-up — and, when the table has one, in any
 * period (a month, a week). Between two publications the neighbour knows
 * which events are new (the village posts them, with their dates): when all
 * the new tallies of an area, type and period went into one value, those
 * events' value is known — for one event, its reason. A new event is one the
 * later data holds and the earlier did not, whatever its date: a record that
 * arrived late for an already published month counts too.
 *
 * A problem (counted): a publication must not change a tally in a way that
 * pins events — the reason tallies of docs/privacy.md are published by closed
 * month, once. Cautious like the rest: an area whose roll-up changed
 * membership between the two, or whose older tallies changed, is skipped.
 */
import { UNCATEGORISED_REASON } from '../../src/contract/enums.ts';
import { LATE_REASON, WITHHELD_REASON } from '../../src/build/publish/changeTables.ts';
import type { Aggregate } from './classifyTables.ts';
import type { Publication } from './comparePublications.ts';
import { KNOWN_EVENT_TYPES } from './linkChangeRecords.ts';
import { AREA_COLUMNS, KNOWN_COLUMNS, TIME_COLUMNS, asNumber, asText, type Row } from './table.ts';
import type { KnownEvent, TruthHousehold } from './truth.ts';

export interface PinnedTally {
  table: string;
  /** Village code, street, or '' for the district's roll-up. */
  area: string;
  changeType: string;
  /** The period of the cell ('' for a table without one). */
  period: string;
  /** The new events of the cell, all with this value. */
  events: number;
  value: string;
  text: string;
}

/** Values that tell nothing about an event. */
const BLANK = new Set([WITHHELD_REASON, UNCATEGORISED_REASON, LATE_REASON]);

type Area = { kind: 'village' | 'street' | 'district'; key: string };

function areaOf(row: Row): Area {
  const village = asText(row.village_code ?? null);
  if (village !== null) return { kind: 'village', key: village };
  const street = asText(row.street ?? null);
  if (street !== null) return { kind: 'street', key: street };
  return { kind: 'district', key: '' };
}

/** Whether an event's date falls in a period value: a date, a month or year prefix, or a week from its Monday. */
function inPeriod(date: string, column: string | null, value: string): boolean {
  if (column === null) return true;
  if (column === 'week' || column === 'week_start') {
    const start = Date.parse(`${value}T00:00:00Z`);
    const at = Date.parse(`${date}T00:00:00Z`);
    return at >= start && at < start + 7 * 86_400_000;
  }
  return date.startsWith(value);
}

interface Tallies {
  /** `kind|key|type|period` → told value (JSON) → count. */
  cells: Map<string, Map<string, number>>;
  /** Per `type|period`, the streets and villages with rows of their own (outside the roll-up). */
  own: Map<string, Set<string>>;
}

function tallies(agg: Aggregate, told: readonly string[], time: string | null): Tallies {
  const cells = new Map<string, Map<string, number>>();
  const own = new Map<string, Set<string>>();
  for (const row of agg.table.rows) {
    const type = asText(row.change_type ?? null);
    const n = asNumber(row[agg.count] ?? null);
    if (type === null || n === null) continue;
    const period = time === null ? '' : (asText(row[time] ?? null) ?? '');
    const area = areaOf(row);
    if (area.kind !== 'district') {
      const set = own.get(`${type}|${period}`) ?? new Set<string>();
      set.add(`${area.kind}|${area.key}`);
      own.set(`${type}|${period}`, set);
    }
    const key = `${area.kind}|${area.key}|${type}|${period}`;
    let byValue = cells.get(key);
    if (!byValue) cells.set(key, (byValue = new Map()));
    const value = JSON.stringify(told.map((c) => asText(row[c] ?? null)));
    byValue.set(value, (byValue.get(value) ?? 0) + n);
  }
  return { cells, own };
}

/** Whether household `h` is counted in `area`, given which areas have rows of their own. */
function inArea(h: TruthHousehold, area: Area, own: ReadonlySet<string>): boolean {
  if (area.kind === 'village') return h.village === area.key;
  if (area.kind === 'street') return h.street === area.key && !own.has(`village|${h.village}`);
  return !own.has(`village|${h.village}`) && !own.has(`street|${h.street}`);
}

const sameSet = (a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined) =>
  (a?.size ?? 0) === (b?.size ?? 0) && [...(a ?? [])].every((x) => b?.has(x));

const eventKey = (h: TruthHousehold, e: KnownEvent) => `${h.id}|${e.type}|${e.date}`;

/** Events whose value two releases' change tallies give away together. */
export function differenceChangeTallies(before: Publication, after: Publication): PinnedTally[] {
  const out: PinnedTally[] = [];
  const seen = new Set(before.truth.households.flatMap((h) => h.events.map((e) => eventKey(h, e))));
  for (const agg of after.analysis.classified.aggregates) {
    const old = before.analysis.classified.aggregates.find((a) => a.table.name === agg.table.name);
    if (!old || !agg.changes) continue;
    const told = agg.groups.filter(
      (g) =>
        g !== 'change_type' &&
        !KNOWN_COLUMNS.has(g) &&
        !AREA_COLUMNS.has(g) &&
        !TIME_COLUMNS.has(g) &&
        old.groups.includes(g),
    );
    const time = agg.groups.find((g) => TIME_COLUMNS.has(g)) ?? null;
    if (told.length === 0 || (time !== null && !old.groups.includes(time))) continue;
    const was = tallies(old, told, time);
    const is = tallies(agg, told, time);
    for (const [key, cells] of is.cells) {
      const [kind, areaKey, type, period] = key.split('|') as [
        Area['kind'],
        string,
        string,
        string,
      ];
      if (!KNOWN_EVENT_TYPES.has(type)) continue;
      // The roll-up (or a street beside its villages) must hold the same places in both.
      const slot = `${type}|${period}`;
      if (!sameSet(was.own.get(slot), is.own.get(slot))) continue;
      const area: Area = { kind, key: areaKey };
      const own = is.own.get(slot) ?? new Set<string>();
      const events = after.truth.households.flatMap((h) =>
        inArea(h, area, own)
          ? h.events
              .filter(
                (e) =>
                  e.type === type && !seen.has(eventKey(h, e)) && inPeriod(e.date, time, period),
              )
              .map((e) => ({ id: h.id, date: e.date }))
          : [],
      );
      if (events.length === 0) continue;
      const oldCells = was.cells.get(key) ?? new Map<string, number>();
      const grew: [string, number][] = [];
      let shrank = false;
      for (const value of new Set([...cells.keys(), ...oldCells.keys()])) {
        const delta = (cells.get(value) ?? 0) - (oldCells.get(value) ?? 0);
        if (delta > 0) grew.push([value, delta]);
        if (delta < 0) shrank = true;
      }
      const only = grew[0];
      if (shrank || grew.length !== 1 || !only || only[1] !== events.length) continue;
      const values = JSON.parse(only[0]) as (string | null)[];
      if (values.every((v) => v === null || BLANK.has(v))) continue;
      const value = values.map((v) => v ?? '（空）').join('、');
      const place = area.kind === 'district' ? '其余街道合计' : areaKey;
      out.push({
        table: agg.table.name,
        area: areaKey,
        changeType: type,
        period,
        events: events.length,
        value,
        text: `${agg.table.name} ${place}${period ? ` ${period}` : ''} ${type}：新增 ${events.length} 条（${events.map((e) => `${e.id} ${e.date}`).join('、')}）全部为 ${told.join('、')}=${value}`,
      });
    }
  }
  return out;
}
