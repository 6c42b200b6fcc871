/** Column description shared by prerendered tables and client-rendered ones. */
export interface TableColumn {
  key: string;
  label: string;
  /**
   * How to show the value; numbers are right-aligned. `wan`: an estimate in
   * 万元 (one decimal); `money`: an exact amount in 万元 (two decimals, to the yuan's hundred).
   */
  format?: 'number' | 'percent' | 'text' | 'date' | 'wan' | 'money';
}

export type TableRow = Record<string, string | number | boolean | null | undefined | string[]>;

/**
 * Columns of one format from their labels by key, in order:
 * `columns({ households: '户数', persons: '人数' }, 'number')`.
 */
export function columns(
  labels: Readonly<Record<string, string>>,
  format?: TableColumn['format'],
): TableColumn[] {
  return Object.entries(labels).map(([key, label]) =>
    format === undefined ? { key, label } : { key, label, format },
  );
}
