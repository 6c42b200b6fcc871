/**
 * The line above a query result: how many rows, how long it took, and what
 * was left out (the page shows the first rows only; the fetch stops at a cap).
 */
import { formatNumber } from '../../render/format.ts';

export interface ResultSummaryInput {
  /** Rows kept (at most the cap). */
  rows: number;
  /** Whether the query had more rows than the cap. */
  truncated: boolean;
  /** Rows the page's table shows at most. */
  shownLimit: number;
  /** The cap on rows fetched. */
  maxRows: number;
  /** Query time in milliseconds (engine start not included). */
  ms: number;
}

export interface ResultSummary {
  /** `共 1,234 行 · 用时 0.05 秒` */
  summary: string;
  /** What is not shown or not fetched; empty when nothing is left out. */
  note: string;
}

export function resultSummary({
  rows,
  truncated,
  shownLimit,
  maxRows,
  ms,
}: ResultSummaryInput): ResultSummary {
  const time = `用时 ${formatNumber(ms / 1000, 2)} 秒`;
  const count = truncated ? `超过 ${formatNumber(maxRows)} 行` : `共 ${formatNumber(rows)} 行`;
  const notes: string[] = [];
  if (truncated) {
    notes.push(
      `只取了前 ${formatNumber(maxRows)} 行（CSV 同样如此），要全部结果请加条件缩小范围或使用汇总。`,
    );
  }
  if (rows > shownLimit) {
    notes.push(
      `下表显示前 ${formatNumber(shownLimit)} 行；排序作用于全部 ${formatNumber(rows)} 行，CSV 下载也包含全部 ${formatNumber(rows)} 行。`,
    );
  }
  return { summary: `${count} · ${time}`, note: notes.join('') };
}
