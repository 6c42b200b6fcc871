/** Column description shared by prerendered tables and client-rendered ones. */
export interface TableColumn {
  key: string;
  label: string;
  /** How to show the value; numbers are right-aligned. */
  format?: 'number' | 'percent' | 'text' | 'date' | 'wan';
}

export type TableRow = Record<string, string | number | boolean | null | undefined | string[]>;
