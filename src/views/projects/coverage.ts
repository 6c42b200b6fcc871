/**
 * The 双到 villages' 领域 against the projects answering them (attachment 3 ×
 * projects.csv): the village × 领域 matrix of COVERAGE_STATES, its takeaway,
 * and a per-street summary for when there are too many villages to draw.
 * Pure.
 */
import type { ShortcomingCoverageRow } from '../../queries/projects.ts';
import type { HeatmapCell } from '../../render/charts/heatmapChart.ts';
import { formatNumber } from '../../render/format.ts';
import { groupBy } from '../shared/byStreet.ts';
import { COVERAGE_STATES, coverageOf, type CoverageState } from './projectFindings.ts';

/**
 * The matrix's colours: the finding (a shortcoming no project answers) in the
 * warning orange of the 双到 matrix's 否, a shortcoming answered in its blue,
 * a project where no shortcoming was in a pale blue, nothing in grey.
 */
export const COVERAGE_COLORS: Readonly<Record<CoverageState, string>> = {
  缺项目: 'var(--c-no, #E69F00)',
  补短板: 'var(--c-yes, #0072B2)',
  有项目: 'var(--c-doing, #9ecae9)',
  无短板: 'var(--c-na, #f2f2f2)',
};

/** Above this many villages the matrix gives way to a summary per street (choose a street to see it). */
export const MATRIX_VILLAGES_MAX = 60;

/** A village of the matrix: its row label and code. */
export interface MatrixRow {
  label: string;
  code: string;
}

/**
 * shortcomingCoverage rows → one matrix row per village (in the rows' order),
 * labelled by name — with the street added where two villages share a name —
 * and one cell per village × 领域.
 */
export function coverageMatrix(rows: readonly ShortcomingCoverageRow[]): {
  rows: MatrixRow[];
  cells: HeatmapCell[];
} {
  const villages = [...groupBy(rows, (r) => r.village_code).values()].map((g) => g[0]!);
  const names = groupBy(villages, (v) => v.village_name);
  const labelOf = new Map(
    villages.map((v) => [
      v.village_code,
      (names.get(v.village_name)?.length ?? 0) > 1
        ? `${v.village_name}（${v.street}）`
        : v.village_name,
    ]),
  );
  return {
    rows: villages.map((v) => ({ label: labelOf.get(v.village_code) ?? '', code: v.village_code })),
    cells: rows.map((r) => ({
      row: labelOf.get(r.village_code) ?? r.village_name,
      column: r.dimension,
      value: coverageOf(r),
    })),
  };
}

/** Cells of each state. */
export type CoverageCounts = Record<CoverageState, number> & { villages: number };

export function coverageCounts(rows: readonly ShortcomingCoverageRow[]): CoverageCounts {
  const out = Object.fromEntries(COVERAGE_STATES.map((s) => [s, 0])) as CoverageCounts;
  for (const r of rows) out[coverageOf(r)]++;
  out.villages = new Set(rows.map((r) => r.village_code)).size;
  return out;
}

/** "27 个“双到”村有 50 项短板（未建立长效机制）：21 项有对应项目，29 项缺项目；另有 12 个已建立长效机制的领域也有项目。" */
export function coverageTakeaway(rows: readonly ShortcomingCoverageRow[]): string {
  const c = coverageCounts(rows);
  if (c.villages === 0) return '没有符合条件的“双到”村。';
  const gaps = c.缺项目 + c.补短板;
  const extra =
    c.有项目 > 0 ? `；另有 ${formatNumber(c.有项目)} 个已建立长效机制的领域也有项目` : '';
  if (gaps === 0) return `${formatNumber(c.villages)} 个“双到”村四个领域都已建立长效机制${extra}。`;
  return `${formatNumber(c.villages)} 个“双到”村有 ${formatNumber(gaps)} 项短板（未建立长效机制）：${formatNumber(c.补短板)} 项有对应项目，${formatNumber(c.缺项目)} 项缺项目${extra}。`;
}

/** One street's cells by state (the summary shown instead of a matrix too large to draw). */
export type CoverageStreetRow = { street: string } & CoverageCounts;

export function coverageByStreet(rows: readonly ShortcomingCoverageRow[]): CoverageStreetRow[] {
  return [...groupBy(rows, (r) => r.street)].map(([street, list]) => ({
    street,
    ...coverageCounts(list),
  }));
}
