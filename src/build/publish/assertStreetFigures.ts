/**
 * An independent check of street_people against village_people, on the
 * published values only (like assertProtected for the household rows): fails
 * loudly when a street or the district remainder publishes more than a count
 * of fewer than k households, a 建档状态 whose category is told by homogeneity,
 * persons that minus its villages' give one to k − 1 households' persons back,
 * or household counts that differ from its villages' (the tables must agree).
 */
import type { StreetPeopleRow } from './streetPeople.ts';
import type { VillagePeopleRow } from './villagePeople.ts';

const STATUS_COUNT = {
  在册: 'households_active',
  已脱贫: 'households_exited',
  清退: 'households_removed',
} as const;

export function assertStreetFigures(
  street: readonly StreetPeopleRow[],
  villages: readonly VillagePeopleRow[],
  areaOf: (v: VillagePeopleRow) => string | null,
  k: number,
): void {
  const fail = (area: string | null, what: string) => {
    throw new Error(`街道汇总保护检查失败：${area ?? '并入全区'} ${what}`);
  };
  const areas = new Set<string | null>([...street.map((r) => r.street), ...villages.map(areaOf)]);
  for (const area of areas) {
    const rows = street.filter((r) => r.street === area);
    const own = villages.filter((v) => areaOf(v) === area);
    for (const [status, column] of Object.entries(STATUS_COUNT)) {
      const published = rows
        .filter((r) => r.status === status)
        .reduce((n, r) => n + r.households, 0);
      const counted = own.reduce((n, v) => n + v[column], 0);
      if (published !== counted)
        fail(area, `${status} ${published} 户，与各村合计 ${counted} 户不符`);
    }
    if (k <= 1) continue;
    const registered = rows.filter((r) => r.status !== '清退');
    for (const r of rows)
      if (r.households < k && (r.persons !== null || r.exit_category !== null))
        fail(
          area,
          `${r.status}${r.exit_category ?? ''} 只有 ${r.households} 户，却公开了人数或分类`,
        );
    const byCategory = registered.filter((r) => r.exit_category !== null);
    if (byCategory.length > 0 && byCategory.length !== registered.length)
      fail(area, '部分建档状态按分类公开、部分不按分类');
    for (const status of ['在册', '已脱贫'])
      if (byCategory.length > 0 && byCategory.filter((r) => r.status === status).length === 1)
        fail(area, `${status} 只有一种脱贫成效分类`);
    if (registered.length === 0 || registered.some((r) => r.persons === null)) continue;
    const hidden = own.reduce((n, v) => n + (v.persons === null ? v.households : 0), 0);
    if (hidden > 0 && hidden < k)
      fail(area, `公开人数，而不公开人数的村合计只有 ${hidden} 户（减去各村人数即得）`);
  }
}
