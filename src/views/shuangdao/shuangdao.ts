/**
 * The 双到村短板 page's figures (attachment 3), derived from named-query
 * results. Pure: the same functions serve the prerendered pages and the browser.
 */
import { DIMENSIONS } from '../../contract/enums.ts';
import { formatNumber, formatPercent, formatWanYuan } from '../../render/format.ts';
import type { Row } from '../../engine/engine.ts';
import type { HeatmapCell } from '../../render/charts/heatmapChart.ts';
import type { ShortcomingRow } from '../../queries/shuangdao.ts';
import { toNumber } from '../shared/numbers.ts';

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** Above this many 双到 villages the index page links to per-street pages instead of drawing every matrix. */
export const INLINE_MATRIX_VILLAGES = 60;

/** The page of one street's 双到 villages (matrix and shortcomings), without the base path. */
export function shuangdaoStreetPath(street: string): string {
  return `/shuangdao/${encodeURIComponent(street)}/`;
}

/** Per 领域, in the contract's order, zeros where the data has none. */
export interface DimensionRow {
  [key: string]: string | number;
  dimension: string;
  villages: number;
  with_gap: number;
  in_place: number;
  projects: number;
  in_library: number;
  not_in_library: number;
  investment_wan: number;
  projects_unpriced: number;
}

/** shortcomingsByDimension rows → one row per 领域 (all four, in order). */
export function buildDimensionRows(rows: readonly Row[]): DimensionRow[] {
  return DIMENSIONS.map((dimension) => {
    const r = rows.find((x) => x.dimension === dimension);
    const villages = toNumber(r?.villages);
    const withGap = toNumber(r?.villages_with_gap);
    const projects = toNumber(r?.projects);
    const inLibrary = toNumber(r?.in_library);
    return {
      dimension,
      villages,
      with_gap: withGap,
      in_place: Math.max(0, villages - withGap),
      projects,
      in_library: inLibrary,
      not_in_library: Math.max(0, projects - inLibrary),
      investment_wan: toNumber(r?.investment_wan),
      projects_unpriced: toNumber(r?.projects_unpriced),
    };
  });
}

/** "N 个村中，X 短板最多：k 个村未建立长效机制（p%）。" */
export function gapTakeaway(rows: readonly DimensionRow[]): string {
  const villages = Math.max(0, ...rows.map((r) => r.villages));
  if (villages === 0) return '没有“双到”村数据。';
  const worst = [...rows].sort((a, b) => b.with_gap - a.with_gap)[0];
  if (!worst || worst.with_gap === 0)
    return `${formatNumber(villages)} 个“双到”村在四个领域都已建立长效机制。`;
  const ties = rows.filter((r) => r.with_gap === worst.with_gap).map((r) => r.dimension);
  return `${formatNumber(villages)} 个“双到”村中，${ties.join('、')}短板最多：${formatNumber(worst.with_gap)} 个村未建立长效机制（${formatPercent(worst.with_gap / villages)}）。`;
}

/** "拟建项目 N 个，已纳入项目库 M 个（p%）；未纳入最多的是 X（k 个）。" */
export function projectTakeaway(rows: readonly DimensionRow[]): string {
  const projects = rows.reduce((s, r) => s + r.projects, 0);
  if (projects === 0) return '暂无拟建项目。';
  const inLibrary = rows.reduce((s, r) => s + r.in_library, 0);
  const head = `拟建项目 ${formatNumber(projects)} 个，已纳入项目库 ${formatNumber(inLibrary)} 个（${formatPercent(inLibrary / projects)}）`;
  const worst = [...rows].sort((a, b) => b.not_in_library - a.not_in_library)[0];
  return worst && worst.not_in_library > 0
    ? `${head}；未纳入最多的是${worst.dimension}（${formatNumber(worst.not_in_library)} 个）。`
    : `${head}，全部已纳入。`;
}

/** "估算投资合计 X，其中 Y 最多（Z，p%）；k 个项目未估算。" */
export function investmentTakeaway(rows: readonly DimensionRow[]): string {
  const total = rows.reduce((s, r) => s + r.investment_wan, 0);
  const unpriced = rows.reduce((s, r) => s + r.projects_unpriced, 0);
  const tail = unpriced > 0 ? `；另有 ${formatNumber(unpriced)} 个项目未填估算投资` : '';
  if (total <= 0) return `暂无估算投资${tail}。`;
  const top = [...rows].sort((a, b) => b.investment_wan - a.investment_wan)[0];
  return `估算投资合计 ${formatWanYuan(total)}，${top?.dimension}最多（${formatWanYuan(top?.investment_wan ?? 0)}，${formatPercent((top?.investment_wan ?? 0) / total)}）${tail}。`;
}

/** One street's line in the per-street summary. */
export interface StreetSummaryRow {
  [key: string]: string | number;
  street: string;
  /** All villages of the street. */
  all_villages: number;
  villages: number;
  round1: number;
  round2: number;
  with_gap: number;
  complete: number;
  gaps: number;
  projects: number;
  in_library: number;
  investment_wan: number;
}

/**
 * streetList rows (every street) + shuangdaoByStreet rows → one row per street
 * that has 双到 villages (in streetList order), and the names of those that have none.
 */
export function buildStreetSummary(
  streets: readonly Row[],
  byStreet: readonly Row[],
): { rows: StreetSummaryRow[]; withoutShuangdao: string[] } {
  const rows: StreetSummaryRow[] = [];
  const withoutShuangdao: string[] = [];
  const known = new Set(streets.map((s) => text(s.street)));
  const all = [
    ...streets.map((s) => ({ street: text(s.street), villages: toNumber(s.villages) })),
    // A street only in shortcomings would be a data error upstream; keep it visible anyway.
    ...byStreet
      .filter((b) => !known.has(text(b.street)))
      .map((b) => ({ street: text(b.street), villages: 0 })),
  ];
  for (const s of all) {
    const b = byStreet.find((x) => x.street === s.street);
    const villages = toNumber(b?.villages);
    if (villages === 0) {
      withoutShuangdao.push(s.street);
      continue;
    }
    const withGap = toNumber(b?.villages_with_gap);
    rows.push({
      street: s.street,
      all_villages: Math.max(s.villages, villages),
      villages,
      round1: toNumber(b?.round1),
      round2: toNumber(b?.round2),
      with_gap: withGap,
      complete: villages - withGap,
      gaps: toNumber(b?.gaps),
      projects: toNumber(b?.projects),
      in_library: toNumber(b?.in_library),
      investment_wan: toNumber(b?.investment_wan),
    });
  }
  return { rows, withoutShuangdao };
}

/** The whole region's figures: sums of the per-street rows (each village is in one street). */
export function shuangdaoTotals(rows: readonly StreetSummaryRow[]) {
  const sum = (k: keyof StreetSummaryRow) => rows.reduce((s, r) => s + toNumber(r[k]), 0);
  return {
    villages: sum('villages'),
    round1: sum('round1'),
    round2: sum('round2'),
    with_gap: sum('with_gap'),
    gaps: sum('gaps'),
    projects: sum('projects'),
    in_library: sum('in_library'),
    investment_wan: sum('investment_wan'),
  };
}

/** "k 个街道有“双到”村；X 有短板的村最多（m / n 个）。" */
export function streetTakeaway(
  rows: readonly StreetSummaryRow[],
  withoutShuangdao: readonly string[],
): string {
  if (rows.length === 0) return '没有任何街道有“双到”村。';
  const worst = [...rows].sort((a, b) => b.with_gap - a.with_gap || b.villages - a.villages)[0]!;
  const none =
    withoutShuangdao.length > 0
      ? `；${formatNumber(withoutShuangdao.length)} 个街道没有“双到”村`
      : '';
  if (worst.with_gap === 0)
    return `${formatNumber(rows.length)} 个街道有“双到”村，全部村四个领域都已建立长效机制${none}。`;
  return `${formatNumber(rows.length)} 个街道有“双到”村，${worst.street}有短板的村最多（${formatNumber(worst.with_gap)} / ${formatNumber(worst.villages)} 个）${none}。`;
}

/** One row of shortcomings, as shuangdaoMatrix returns it. */
export type { ShortcomingRow };

/** One 双到 village of a street, with how many 领域 lack a long-term mechanism. */
export interface MatrixVillage {
  code: string;
  name: string;
  /** Row label in the matrix (the name; the code's tail is added when two share a name). */
  label: string;
  round: string | null;
  gaps: number;
}

/** A street's matrix, its villages and its shortcomings. */
export interface StreetMatrix {
  street: string;
  villages: MatrixVillage[];
  cells: HeatmapCell[];
  /** Rows worth listing: a missing mechanism, a described shortcoming or a proposed project. */
  shortcomings: ShortcomingRow[];
  gaps: number;
  investment_wan: number;
}

const isListed = (r: ShortcomingRow) =>
  r.mechanism_in_place === '否' || text(r.shortcoming) !== '' || text(r.proposed_project) !== '';

/** shuangdaoMatrix rows → one StreetMatrix per street, in the rows' order. */
export function groupMatrixByStreet(rows: readonly ShortcomingRow[]): StreetMatrix[] {
  const streets = new Map<string, StreetMatrix>();
  const villagesOf = new Map<string, Map<string, MatrixVillage>>();
  for (const r of rows) {
    let s = streets.get(r.street);
    if (!s) {
      s = {
        street: r.street,
        villages: [],
        cells: [],
        shortcomings: [],
        gaps: 0,
        investment_wan: 0,
      };
      streets.set(r.street, s);
      villagesOf.set(r.street, new Map());
    }
    const byCode = villagesOf.get(r.street)!;
    let v = byCode.get(r.village_code);
    if (!v) {
      v = {
        code: r.village_code,
        name: r.village_name,
        label: r.village_name,
        round: r.shuangdao_round,
        gaps: 0,
      };
      byCode.set(r.village_code, v);
      s.villages.push(v);
    }
    if (r.mechanism_in_place === '否') {
      v.gaps++;
      s.gaps++;
    }
    s.investment_wan += toNumber(r.estimated_investment_wan);
    if (isListed(r)) s.shortcomings.push(r);
  }
  for (const s of streets.values()) {
    // Names are unique within a street by contract; if not, the code's tail keeps rows apart.
    const counts = new Map<string, number>();
    for (const v of s.villages) counts.set(v.name, (counts.get(v.name) ?? 0) + 1);
    for (const v of s.villages)
      if ((counts.get(v.name) ?? 0) > 1) v.label = `${v.name}（${v.code.slice(-3)}）`;
    const labelOf = new Map(s.villages.map((v) => [v.code, v.label]));
    s.cells = rows
      .filter((r) => r.street === s.street)
      .map((r) => ({
        row: labelOf.get(r.village_code) ?? r.village_name,
        column: r.dimension,
        value: r.mechanism_in_place,
      }));
  }
  return [...streets.values()];
}

/** "N 个“双到”村中 m 个四个领域都已建立长效机制；X 短板最多（k 个领域）。" */
export function matrixTakeaway(s: StreetMatrix): string {
  const total = s.villages.length;
  if (total === 0) return '本街道没有“双到”村。';
  const complete = s.villages.filter((v) => v.gaps === 0).length;
  const most = Math.max(...s.villages.map((v) => v.gaps));
  if (most === 0) return `${formatNumber(total)} 个“双到”村四个领域都已建立长效机制。`;
  const head =
    complete === 0
      ? `${formatNumber(total)} 个“双到”村都有领域未建立长效机制`
      : `${formatNumber(total)} 个“双到”村中，${formatNumber(complete)} 个四个领域都已建立长效机制`;
  const worst = s.villages.filter((v) => v.gaps === most).map((v) => v.label);
  const names =
    worst.length > 3
      ? `${worst.slice(0, 3).join('、')}等 ${formatNumber(worst.length)} 个村`
      : worst.join('、');
  return `${head}；${names}短板最多（${formatNumber(most)} 个领域未建立）。`;
}
