/**
 * A query result as a CSV file: every fetched row (not only the shown ones),
 * headers as the query named its columns, the site's CSV rules
 * (src/render/charts/chartDataCsv.ts: UTF-8 BOM for Excel, formula-neutralised cells).
 */
import { chartDataCsv, type CsvColumn } from '../../render/charts/chartDataCsv.ts';
import type { TableColumn, TableRow } from '../../render/html/table.ts';

// As in the site's downloads (src/build/publish/csvOut.ts, Node-only): lists with "；", yes/no as 是/否.
const LIST_SEPARATOR = '；';

function csvValue(v: TableRow[string]): string | number | null | undefined {
  if (Array.isArray(v)) return v.join(LIST_SEPARATOR);
  if (typeof v === 'boolean') return v ? '是' : '否';
  return v;
}

/** The CSV text of a result (RFC 4180, CRLF, BOM). */
export function resultCsv(columns: readonly TableColumn[], rows: readonly TableRow[]): string {
  const csvColumns: CsvColumn<TableRow>[] = columns.map((c) => ({
    header: c.label,
    value: (row) => csvValue(row[c.key]),
  }));
  return chartDataCsv(rows, csvColumns);
}

/** `查询结果-20180720-0930.csv`, local time. */
export function resultCsvName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}`;
  return `查询结果-${stamp}.csv`;
}
