/**
 * One-line takeaways for the village and street charts, from prepared rows.
 * Pure; numbers through src/render/format.ts.
 */
import { formatNumber, formatPercent } from '../../render/format.ts';
import type { ExitShare } from './villagePage.ts';

/** "40 户中，巩固提升最多（60.0%）；需重点帮扶 4 户。" */
export function exitTakeaway(exits: readonly ExitShare[]): string {
  const total = exits.reduce((s, e) => s + e.households, 0);
  if (total === 0) return '暂无建档立卡户。';
  const top = [...exits].sort((a, b) => b.households - a.households)[0];
  const focus = exits.find((e) => e.category === '重点帮扶')?.households ?? 0;
  return `${formatNumber(total)} 户中，${top?.category}最多（${formatPercent(top?.share ?? 0)}）；需重点帮扶 ${formatNumber(focus)} 户。`;
}

/** "用得最多的是教育帮扶（15 户，占 37.5%）。" */
export function measuresTakeaway(
  measures: readonly { measure: string; households: number }[],
  households: number,
): string {
  const top = measures[0];
  if (!top || households === 0) return '暂无在用的帮扶措施。';
  return `用得最多的是${top.measure}（${formatNumber(top.households)} 户，占 ${formatPercent(top.households / households)}）；一户可有多项措施。`;
}
