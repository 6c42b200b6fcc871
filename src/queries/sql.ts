/**
 * A tiny SQL builder: tagged templates whose interpolations become bound `?`
 * parameters, never text. The same query objects run on @duckdb/node-api at
 * build time and on DuckDB-WASM in the browser.
 */
export type SqlParam = string | number | boolean | null;

export interface SqlQuery {
  readonly text: string;
  readonly params: readonly SqlParam[];
}

const FRAGMENT = Symbol('sql-fragment');
interface Fragment extends SqlQuery {
  readonly [FRAGMENT]: true;
}

function fragment(text: string, params: readonly SqlParam[]): Fragment {
  return { text, params, [FRAGMENT]: true };
}

function isFragment(v: unknown): v is Fragment {
  return typeof v === 'object' && v !== null && FRAGMENT in v;
}

/** `sql\`SELECT … WHERE street = ${street}\`` → `{ text: 'SELECT … WHERE street = ?', params: [street] }`. */
export function sql(strings: TemplateStringsArray, ...values: (SqlParam | SqlQuery)[]): Fragment {
  let text = strings[0] ?? '';
  const params: SqlParam[] = [];
  values.forEach((v, i) => {
    if (isFragment(v)) {
      text += v.text;
      params.push(...v.params);
    } else {
      text += '?';
      params.push(v as SqlParam);
    }
    text += strings[i + 1] ?? '';
  });
  return fragment(text, params);
}

/** Joins fragments with a separator (e.g. ' AND '). */
export function joinSql(parts: readonly SqlQuery[], separator: string): Fragment {
  return fragment(
    parts.map((p) => p.text).join(separator),
    parts.flatMap((p) => p.params),
  );
}

/**
 * An identifier from a fixed list written in our own code (a column name),
 * never from user input: throws unless it is a plain snake_case name.
 */
export function ident(name: string): Fragment {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not an identifier: ${name}`);
  return fragment(`"${name}"`, []);
}

/** `IN (?, ?, …)` for a list of values; `FALSE` for an empty list. */
export function inList(column: SqlQuery, values: readonly SqlParam[]): Fragment {
  if (values.length === 0) return fragment('FALSE', []);
  return fragment(`${column.text} IN (${values.map(() => '?').join(', ')})`, [
    ...column.params,
    ...values,
  ]);
}

/** Renders a query with its parameters inlined, for display and logs only (never executed). */
export function showSql(q: SqlQuery): string {
  let i = 0;
  return q.text.replace(/\?/g, () => {
    const v = q.params[i++];
    return typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v);
  });
}
