/**
 * Sorting rendered table cells (pure, for src/client/topic/topicPageTables.ts):
 * numbers by the raw value a numeric cell keeps in `data-v`, other cells by
 * their text in Chinese (pinyin) order; empty cells ("—") always last.
 */
export type SortDir = 'asc' | 'desc';

export interface CellValue {
  /** The raw number, when the cell has one (`data-v`). */
  v?: string;
  text: string;
}

const collator = new Intl.Collator('zh-CN', { numeric: true });
const MISSING = new Set(['', '—']);

export function compareCells(a: CellValue, b: CellValue, dir: SortDir): number {
  const na = a.v !== undefined && a.v !== '' ? Number(a.v) : NaN;
  const nb = b.v !== undefined && b.v !== '' ? Number(b.v) : NaN;
  const aMissing = Number.isNaN(na) && MISSING.has(a.text);
  const bMissing = Number.isNaN(nb) && MISSING.has(b.text);
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  const sign = dir === 'asc' ? 1 : -1;
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return sign * (na - nb);
  return sign * collator.compare(a.text, b.text);
}

/** Clicking a header: unsorted or descending → ascending; ascending → descending. */
export function nextSortDir(ariaSort: string | null): SortDir {
  return ariaSort === 'ascending' ? 'desc' : 'asc';
}
