/**
 * Row types of the place queries and small pure helpers shared by the village
 * list, village and street pages. Row types are `type` aliases (not interfaces)
 * so they satisfy the engine's `Row` index signature.
 */

/** One row of `villageList()`. */
export type VillageRow = {
  street: string;
  village_code: string;
  village_name: string;
  /** 双到轮次: '1' / '2', or null when the village was never a 双到 village. */
  shuangdao_round: string | null;
  /** 相对贫困村: 是 / 否. */
  is_poor_village: string;
  /** Households and persons not 清退. */
  households: number;
  persons: number;
};

/** One row of `streetList()`. */
export type StreetRow = { street: string; villages: number; shuangdao_villages: number };

/** Above this many villages /villages/ lists streets, and each street page its villages. */
export const FULL_LIST_MAX = 300;

/** A street and its villages, in the order given. */
export interface StreetGroup<T> {
  street: string;
  villages: T[];
}

/** Groups villages by street, streets in `streetOrder` (then any others as they come). */
export function groupVillagesByStreet<T extends { street: string }>(
  villages: readonly T[],
  streetOrder: readonly string[] = [],
): StreetGroup<T>[] {
  const groups = new Map<string, T[]>(streetOrder.map((s) => [s, []]));
  for (const v of villages) {
    const list = groups.get(v.street);
    if (list) list.push(v);
    else groups.set(v.street, [v]);
  }
  return [...groups].map(([street, list]) => ({ street, villages: list }));
}

/** Rows grouped by a key, each group in input order (null keys under ''). */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r) ?? '';
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** `'1'` → `“双到”第1轮`; null/empty → null. */
export function shuangdaoLabel(round: string | null | undefined): string | null {
  return round ? `“双到”第${round}轮` : null;
}

/**
 * Sort key of an income band as published (`<4000`, `4000–6000`, `≥10000`):
 * its lower bound, `<…` lowest; unreadable bands last.
 */
export function incomeBandLowerBound(band: string | null): number {
  if (!band) return Infinity;
  if (/^\s*[<＜]/.test(band)) return -Infinity;
  const m = /\d+(?:\.\d+)?/.exec(band);
  return m ? Number(m[0]) : Infinity;
}

/** Compares income bands by their lower bound (for `Array.prototype.sort`). */
export function compareIncomeBands(a: string | null, b: string | null): number {
  const d = incomeBandLowerBound(a) - incomeBandLowerBound(b);
  if (Number.isNaN(d) || d === 0) return String(a ?? '').localeCompare(String(b ?? ''));
  return d;
}

/**
 * The absolute address of a site path for printing (QR codes): resolved
 * against `site_url` the way Astro resolves canonical URLs; null without one.
 */
export function absoluteUrl(path: string, siteUrl: string | undefined): string | null {
  if (!siteUrl) return null;
  return new URL(path, siteUrl).href;
}
