/**
 * The 三保障 gaps of a group of households as table and chart rows: the exit
 * page's chart and every village page's table read them the same way.
 */
import type { Row } from '../../engine/engine.ts';
import { SECURITY_GUARANTEES } from '../../contract/enums.ts';
import { share, toNumber } from './numbers.ts';

/**
 * Counts as the queries give them (`households`, `<key>_gap` per guarantee,
 * `any_gap`) → one row per guarantee and one for "any", with the `gap` filter's value.
 */
export function securityRows(
  gaps: Row | undefined,
): { gap: string; label: string; households: number; share: number }[] {
  const total = toNumber(gaps?.households);
  return [
    ...SECURITY_GUARANTEES.map((g) => ({
      gap: g.name as string,
      label: `${g.name}未保障`,
      households: toNumber(gaps?.[`${g.key}_gap`]),
    })),
    { gap: '任一项', label: '任一项未保障', households: toNumber(gaps?.any_gap) },
  ].map((r) => ({ ...r, share: share(r.households, total) }));
}
