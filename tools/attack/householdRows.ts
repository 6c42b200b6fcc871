/**
 * A household-level table read as the facts the attacker can match: each row's
 * place, household size range, type, labour capacity, enrolment year and
 * status. The size range narrows as the attack infers more (refineSizes,
 * inferCandidates); everything else stays as published.
 */
import { parseRange, parseSize, MAX_SIZE, MIN_SIZE } from './ranges.ts';
import { asText, type Table } from './table.ts';
import type { TruthVillage } from './truth.ts';

export interface HouseholdRows {
  table: Table;
  /** Village code of each row; null when blank (then any village of its street). */
  village: (string | null)[];
  /** Street of each row; null when unknown (then any street). */
  street: (string | null)[];
  /** Household size range of each row (inclusive); narrowed by inference. */
  lo: Int32Array;
  hi: Int32Array;
  /** Whether the published size was a single number. */
  publishedExact: Uint8Array;
  type: (string | null)[];
  labor: (string | null)[];
  /** Enrolment year range of each row (a year, a band, or blank: any year). */
  enrolledLo: Int32Array;
  enrolledHi: Int32Array;
  status: (string | null)[];
  /** Published sizes or years the attack could not read (treated as unknown). */
  unreadable: string[];
}

/** Reads a household-level table; villages resolve a row's street, or a village name without code. */
export function readHouseholdRows(table: Table, villages: readonly TruthVillage[]): HouseholdRows {
  const streetOfCode = new Map(villages.map((v) => [v.code, v.street]));
  const codeOfName = new Map(villages.map((v) => [`${v.street}|${v.name}`, v.code]));
  const n = table.rows.length;
  const out: HouseholdRows = {
    table,
    village: [],
    street: [],
    lo: new Int32Array(n),
    hi: new Int32Array(n),
    publishedExact: new Uint8Array(n),
    type: [],
    labor: [],
    enrolledLo: new Int32Array(n),
    enrolledHi: new Int32Array(n),
    status: [],
    unreadable: [],
  };
  const has = (c: string) => table.columns.includes(c);
  table.rows.forEach((row, i) => {
    const named = asText(row.village_name ?? null);
    let street = asText(row.street ?? null);
    let village = asText(row.village_code ?? null);
    if (village === null && named !== null && street !== null)
      village = codeOfName.get(`${street}|${named}`) ?? null;
    if (village !== null) street ??= streetOfCode.get(village) ?? null;
    out.village.push(village);
    out.street.push(street);
    const size = has('household_size') ? parseSize(row.household_size ?? null) : null;
    if (has('household_size') && size === null)
      out.unreadable.push(`household_size=${String(row.household_size)}`);
    out.lo[i] = size?.lo ?? MIN_SIZE;
    out.hi[i] = size?.hi ?? MAX_SIZE;
    out.publishedExact[i] = size !== null && size.lo === size.hi ? 1 : 0;
    out.type.push(asText(row.household_type ?? null));
    out.labor.push(asText(row.labor_capacity ?? null));
    const year = has('enrolled_year') ? parseRange(row.enrolled_year ?? null, 0, 9999) : null;
    if (has('enrolled_year') && year === null)
      out.unreadable.push(`enrolled_year=${String(row.enrolled_year)}`);
    out.enrolledLo[i] = year?.lo ?? 0;
    out.enrolledHi[i] = year?.hi ?? 9999;
    out.status.push(asText(row.status ?? null));
  });
  return out;
}
