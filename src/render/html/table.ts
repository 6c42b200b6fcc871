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
