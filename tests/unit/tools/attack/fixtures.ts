/** Small hand-made truths and tables for the attack's unit tests. */
import type { Row, Table, Value } from '../../../../tools/attack/table.ts';
import {
  knownStatuses,
  type KnownEvent,
  type SizeChange,
  type Truth,
  type TruthHousehold,
  type TruthVillage,
} from '../../../../tools/attack/truth.ts';

export const VILLAGES: TruthVillage[] = [
  { code: '991502001001', name: '甲村', street: '田墘街道' },
  { code: '991502001002', name: '乙村', street: '田墘街道' },
  { code: '991502002001', name: '丙村', street: '东洲街道' },
];
export const [A, B, C] = VILLAGES.map((v) => v.code) as [string, string, string];

export interface HouseholdSpec {
  id: string;
  village?: string;
  size?: number;
  type?: string;
  labor?: string;
  enrolledYear?: number;
  events?: KnownEvent[];
  sizeChanges?: SizeChange[];
  status?: string;
  exit_category?: string | null;
  income?: number;
  education_secured?: string;
  medical_secured?: string;
  housing_secured?: string;
}

/** A household of village A (一般贫困户, 有劳动能力, 3 people, 2016, 在册) unless told otherwise. */
export function household(spec: HouseholdSpec): TruthHousehold {
  const village = spec.village ?? A;
  const events = spec.events ?? [];
  const status =
    spec.status ?? (knownStatuses(events).length === 1 ? knownStatuses(events)[0]! : '在册');
  return {
    id: spec.id,
    village,
    street: VILLAGES.find((v) => v.code === village)?.street ?? '',
    size: spec.size ?? 3,
    type: spec.type ?? '一般贫困户',
    labor: spec.labor ?? '有劳动能力',
    enrolledYear: spec.enrolledYear ?? 2016,
    events,
    sizeChanges: spec.sizeChanges ?? [],
    knownStatuses: knownStatuses(events),
    hidden: {
      status,
      exit_category:
        spec.exit_category !== undefined
          ? spec.exit_category
          : status === '清退'
            ? null
            : '巩固提升',
      income: spec.income ?? 5000,
      income_band: '',
      education_secured: spec.education_secured ?? '是',
      medical_secured: spec.medical_secured ?? '是',
      housing_secured: spec.housing_secured ?? '是',
    },
  };
}

export function truthOf(households: TruthHousehold[], asOf = '2018-07-20'): Truth {
  return { asOf, k: 3, povertyLine: 4000, households, villages: VILLAGES };
}

/** A table whose columns are every key used by its rows, in order of appearance. */
export function table(name: string, rows: Record<string, Value>[]): Table {
  const columns: string[] = [];
  for (const r of rows) for (const c of Object.keys(r)) if (!columns.includes(c)) columns.push(c);
  return { name, columns, rows: rows as Row[] };
}

const place = (village: string) => {
  const v = VILLAGES.find((x) => x.code === village)!;
  return { street: v.street, village_code: v.code, village_name: v.name };
};

/** A published household row for a truth household: exact unless `over` coarsens it. */
export function publishedRow(
  h: TruthHousehold,
  over: Partial<Record<string, Value>> = {},
): Record<string, Value> {
  return {
    ...place(h.village),
    household_size: String(h.size),
    household_type: h.type,
    labor_capacity: h.labor,
    status: h.hidden.status,
    enrolled_year: h.enrolledYear,
    income_band: h.hidden.income < 4000 ? '<4000' : h.hidden.income < 6000 ? '4000–6000' : '≥6000',
    exit_category: h.hidden.exit_category,
    education_secured: h.hidden.education_secured,
    medical_secured: h.hidden.medical_secured,
    housing_secured: h.hidden.housing_secured,
    ...over,
  } as Record<string, Value>;
}

/** village_people rows (village × status × exit category) for truth households. */
export function villagePeople(households: readonly TruthHousehold[]): Record<string, Value>[] {
  const cells = new Map<string, Record<string, Value>>();
  for (const h of households) {
    const key = `${h.village}|${h.hidden.status}|${h.hidden.exit_category}`;
    const cell =
      cells.get(key) ??
      ({
        ...place(h.village),
        status: h.hidden.status,
        exit_category: h.hidden.exit_category,
        households: 0,
        persons: 0,
      } as Record<string, Value>);
    cell.households = (cell.households as number) + 1;
    cell.persons = (cell.persons as number) + h.size;
    cells.set(key, cell);
  }
  return [...cells.values()];
}
