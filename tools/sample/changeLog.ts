import { CHANGE_TYPES } from '../../src/contract/index.ts';
import { CHANGE_REASON_CATEGORY, CHANGE_REASONS } from './changeReasons.ts';
import { csvRow } from './csvRow.ts';
import { fromDay } from './dates.ts';
import type { TextSink } from './textSink.ts';

type ChangeType = (typeof CHANGE_TYPES)[number];

/**
 * The change records, held as typed arrays (a few bytes each) rather than
 * objects, so 300,000 of them cost a few MB; written sorted by date.
 */
export interface ChangeLog {
  readonly length: number;
  push(household: number, day: number, type: ChangeType, delta: number, reason: number): void;
  /**
   * Writes one CSV row per record, by date then household (a counting sort on
   * the day keeps the households' order within a day). `columns` maps the
   * schema's column keys to cells.
   */
  write(sink: TextSink, householdId: (index: number) => string, columns: readonly string[]): void;
}

export function createChangeLog(capacity: number): ChangeLog {
  let size = 0;
  let household = new Uint32Array(Math.max(16, capacity));
  let day = new Int32Array(household.length);
  let type = new Uint8Array(household.length);
  let delta = new Int8Array(household.length);
  let reason = new Uint8Array(household.length);
  const grow = () => {
    const n = household.length * 2;
    const copy = <A extends Uint32Array | Int32Array | Uint8Array | Int8Array>(a: A, b: A): A => {
      b.set(a);
      return b;
    };
    household = copy(household, new Uint32Array(n));
    day = copy(day, new Int32Array(n));
    type = copy(type, new Uint8Array(n));
    delta = copy(delta, new Int8Array(n));
    reason = copy(reason, new Uint8Array(n));
  };
  return {
    get length() {
      return size;
    },
    push(h, d, t, dl, r) {
      if (size === household.length) grow();
      household[size] = h;
      day[size] = d;
      type[size] = CHANGE_TYPES.indexOf(t);
      delta[size] = dl;
      reason[size] = r;
      size++;
    },
    write(sink, householdId, columns) {
      if (size === 0) return;
      let min = Infinity;
      let max = -Infinity;
      for (let i = 0; i < size; i++) {
        min = Math.min(min, day[i]!);
        max = Math.max(max, day[i]!);
      }
      const start = new Uint32Array(max - min + 2);
      for (let i = 0; i < size; i++) start[day[i]! - min + 1]!++;
      for (let k = 1; k < start.length; k++) start[k]! += start[k - 1]!;
      const order = new Uint32Array(size);
      for (let i = 0; i < size; i++) order[start[day[i]! - min]!++] = i;
      const dates = new Map<number, string>();
      for (const i of order) {
        const d = day[i]!;
        let date = dates.get(d);
        if (date === undefined) dates.set(d, (date = fromDay(d)));
        const t = CHANGE_TYPES[type[i]!]!;
        const row: Record<string, string | number> = {
          date,
          household_id: householdId(household[i]!),
          change_type: t,
          persons_delta: delta[i]!,
          reason: CHANGE_REASONS[t][reason[i]!]!,
          reason_category: CHANGE_REASON_CATEGORY[t][reason[i]!]!,
        };
        sink.write(csvRow(columns.map((c) => row[c] ?? '')));
      }
    },
  };
}
