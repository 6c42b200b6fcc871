import type { PublishedTable } from '../../contract/published.ts';

type Row = Record<string, unknown>;

/** Compares two published values: nulls last (as DuckDB's default ORDER BY), lists item by item. */
export function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const c = compareValues(a[i], b[i]);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return a ? 1 : -1;
  return (a as string | number) < (b as string | number) ? -1 : 1;
}

/** Its `sortBy` columns, then every other column: a total order on distinct rows. */
export function orderColumns(table: PublishedTable): string[] {
  for (const name of table.sortBy)
    if (!table.columns.some((c) => c.name === name))
      throw new Error(`${table.name}.sortBy names unknown column ${name}`);
  const rest = table.columns.filter((c) => !table.sortBy.includes(c.name)).map((c) => c.name);
  return [...table.sortBy, ...rest];
}

/** Numbers a column's distinct values in order of appearance; lists through a trie (no key strings). */
class Distinct {
  readonly values: unknown[] = [];
  private readonly ids = new Map<unknown, number>();
  private readonly lists = new Map<unknown, { id?: number; next: Map<unknown, unknown> }>();

  id(v: unknown): number {
    if (Array.isArray(v)) return this.listId(v);
    let id = this.ids.get(v);
    if (id === undefined) {
      this.ids.set(v, (id = this.values.length));
      this.values.push(v);
    }
    return id;
  }

  private listId(v: unknown[]): number {
    let node = { next: this.lists } as { id?: number; next: Map<unknown, unknown> };
    for (const item of v) {
      let child = node.next.get(item) as typeof node | undefined;
      if (!child) node.next.set(item, (child = { next: new Map() }));
      node = child;
    }
    if (node.id === undefined) {
      node.id = this.values.length;
      this.values.push(v);
    }
    return node.id;
  }

  /** Rank (in sorted order) of each id. */
  ranks(): Uint32Array {
    const order = this.values
      .map((_, id) => id)
      .sort((a, b) => compareValues(this.values[a], this.values[b]));
    const rank = new Uint32Array(order.length);
    order.forEach((id, r) => (rank[id] = r));
    return rank;
  }
}

/**
 * Sorts rows in place by the table's order (see `orderColumns`) and returns
 * them, so the published order never depends on the input order.
 *
 * Why not `rows.sort(comparator)`: comparing 700,000 objects column by column
 * took over 2 s. Instead each column's distinct values are ranked once (one
 * pass over the rows) and the ranks packed, most significant first, into as
 * few doubles per row as stay below 2^53; the sort then compares numbers.
 */
export function sortRows<T extends Row>(rows: T[], table: PublishedTable): T[] {
  const n = rows.length;
  if (n < 2) return rows;
  const names = orderColumns(table);
  const distinct = names.map(() => new Distinct());
  const ids = names.map(() => new Uint32Array(n));
  for (let i = 0; i < n; i++) {
    const row = rows[i] as Row;
    for (let c = 0; c < names.length; c++)
      (ids[c] as Uint32Array)[i] = (distinct[c] as Distinct).id(row[names[c] as string]);
  }

  const words: Float64Array[] = [];
  let word: Float64Array | null = null;
  let span = 1;
  names.forEach((_, c) => {
    const cardinality = (distinct[c] as Distinct).values.length;
    if (cardinality === 1) return;
    const rank = (distinct[c] as Distinct).ranks();
    const id = ids[c] as Uint32Array;
    if (!word || span * cardinality > Number.MAX_SAFE_INTEGER) {
      word = new Float64Array(n);
      words.push(word);
      span = 1;
    }
    span *= cardinality;
    for (let i = 0; i < n; i++)
      word[i] = (word[i] as number) * cardinality + (rank[id[i] as number] as number);
  });

  const index: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) index[i] = i;
  index.sort((a, b) => {
    for (let j = 0; j < words.length; j++) {
      const w = words[j] as Float64Array;
      const d = (w[a] as number) - (w[b] as number);
      if (d !== 0) return d;
    }
    return 0;
  });
  const sorted = rows.slice();
  for (let i = 0; i < n; i++) rows[i] = sorted[index[i] as number] as T;
  return rows;
}
