/**
 * Attack 4, individual change records: a row with a change type and a date but
 * no count is one household's event. The neighbour knows who in the village
 * had which status-changing event (新增纳入, 清退, 脱贫, 返贫) and when, and
 * their household's size then: a record with village, type, date and persons
 * (新增纳入: + size, 清退: − size) points at the households that fit it, and
 * its free-text reason becomes theirs. Population changes (人口增加, 人口减少)
 * are not events the model gives the neighbour: any household of the place fits.
 */
import { asNumber, asText, type Row, type Table } from './table.ts';
import { sizesOn, type Truth, type TruthHousehold } from './truth.ts';

/** Change types the neighbour knows the households of. */
export const KNOWN_EVENT_TYPES: ReadonlySet<string> = new Set(['新增纳入', '清退', '脱贫', '返贫']);

/** Change types whose persons equal the household size (sign aside). */
const SIZED_EVENTS: ReadonlySet<string> = new Set(['新增纳入', '清退']);

export interface LinkedRecord {
  table: string;
  /** Row index in the table. */
  row: number;
  changeType: string;
  date: string | null;
  place: string;
  /** Households (indices into truth.households) the record fits. */
  candidates: number[];
  /** How many it fits when the neighbour does not use the date. */
  candidatesWithoutDate: number;
  reason: string | null;
}

function dateMatches(published: string | null, date: string): boolean {
  if (published === null) return true;
  if (/^\d{4}-\d{2}-\d{2}$/.test(published)) return published === date;
  if (/^\d{4}-\d{2}$/.test(published) || /^\d{4}$/.test(published))
    return date.startsWith(published);
  return true;
}

/** Whether household `h` could have the event the record describes. */
export function fitsRecord(
  h: TruthHousehold,
  type: string,
  date: string | null,
  persons: number | null,
  useDate: boolean,
): boolean {
  if (!KNOWN_EVENT_TYPES.has(type)) return true;
  return h.events.some(
    (e) =>
      e.type === type &&
      (!useDate || dateMatches(date, e.date)) &&
      (persons === null ||
        !SIZED_EVENTS.has(type) ||
        sizesOn(h, e.date).includes(Math.abs(persons))),
  );
}

/** Links every record of a change-record table to the households it fits. */
export function linkChangeRecords(table: Table, truth: Truth): LinkedRecord[] {
  const byVillage = new Map<string, number[]>();
  const byStreet = new Map<string, number[]>();
  const all = truth.households.map((_, i) => i);
  truth.households.forEach((h, i) => {
    for (const [map, key] of [
      [byVillage, h.village],
      [byStreet, h.street],
    ] as const) {
      const list = map.get(key);
      if (list) list.push(i);
      else map.set(key, [i]);
    }
  });
  const codeOfName = new Map(truth.villages.map((v) => [`${v.street}|${v.name}`, v.code]));
  const timeColumn = table.columns.includes('date') ? 'date' : null;
  return table.rows.map((row: Row, i) => {
    const street = asText(row.street ?? null);
    const named = asText(row.village_name ?? null);
    const village =
      asText(row.village_code ?? null) ??
      (named !== null && street !== null ? (codeOfName.get(`${street}|${named}`) ?? null) : null);
    const pool =
      village !== null
        ? (byVillage.get(village) ?? [])
        : street !== null
          ? (byStreet.get(street) ?? [])
          : all;
    const type = asText(row.change_type ?? null) ?? '';
    const date = timeColumn ? asText(row[timeColumn] ?? null) : null;
    const persons = asNumber(row.persons_delta ?? null);
    const fits = (useDate: boolean) =>
      pool.filter((h) =>
        fitsRecord(truth.households[h] as TruthHousehold, type, date, persons, useDate),
      );
    return {
      table: table.name,
      row: i,
      changeType: type,
      date,
      place: village ?? street ?? '全部',
      candidates: fits(true),
      candidatesWithoutDate: fits(false).length,
      reason: asText(row.reason ?? null),
    };
  });
}
