/**
 * One query run for many filter states at once, exactly as each state would
 * run it alone.
 *
 * The states' queries come from the page's own spec, one per state. Those with
 * the same SQL text differ only in their bound parameters (the chosen street,
 * village or value). Each parameter that varies becomes a column of a VALUES
 * list, one row per state, and the query runs once per row as a LATERAL
 * subquery — DuckDB plans it once and answers 2,300 villages in one pass:
 *
 *   SELECT __b.__state, __q.*
 *   FROM (VALUES (0, 'a'), (1, 'b')) __b(__state, __p0),
 *        LATERAL (<the query, its varying ? replaced by __b.__p0> ORDER BY …) __q
 *   ORDER BY __b.__state, …
 *
 * Nothing is rewritten but parameter markers, and only those whose values
 * differ between the states; a query whose text and parameters are the same
 * for every state runs once. A trailing ORDER BY/LIMIT is kept inside the
 * subquery (limits apply per state) and repeated outside on its output columns
 * (the order of each state's rows): so that last ORDER BY names output
 * columns, qualified or not (`ORDER BY s.street, households DESC`).
 */
import type { Engine, Row } from '../../engine/engine.ts';
import type { SqlParam, SqlQuery } from '../../queries/sql.ts';

interface Split {
  /** The text cut at each parameter marker: parts.length === markers + 1. */
  parts: string[];
  /** Offset in `text` of the trailing top-level ORDER BY, or -1. */
  orderAt: number;
}

/** Cuts `text` at its `?` markers and finds its trailing top-level ORDER BY (quotes and comments skipped). */
export function splitSql(text: string): Split {
  const parts: string[] = [];
  let from = 0;
  let depth = 0;
  let orderAt = -1;
  const upper = text.toUpperCase();
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      const end = text.indexOf(ch, i + 1);
      i = end < 0 ? text.length : end;
    } else if (ch === '-' && text[i + 1] === '-') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '?') {
      parts.push(text.slice(from, i));
      from = i + 1;
    } else if (depth === 0 && upper.startsWith('ORDER BY', i) && /\W/.test(text[i - 1] ?? ' '))
      orderAt = i;
  }
  parts.push(text.slice(from));
  return { parts, orderAt };
}

/**
 * The ORDER BY's list (without LIMIT/OFFSET), for repeating outside on the
 * subquery's output `__q`: each plain column, qualified or not (`s.street`,
 * `street`), becomes `__q.<column>` — the output column of that name.
 */
function orderList(clause: string): string {
  const m = /\b(LIMIT|OFFSET)\b/i.exec(clause);
  const list = (m ? clause.slice(0, m.index) : clause).replace(/^ORDER BY/i, '').trim();
  return list
    .split(',')
    .map((item) =>
      item.trim().replace(/^(?:[a-z_][a-z0-9_]*\.)?("[^"]+"|[a-z_][a-z0-9_]*)(?=\s|$)/i, '__q.$1'),
    )
    .join(', ');
}

/**
 * Runs `queries[i]` for every state i and returns each one's rows, in order.
 * States without the query (undefined) get undefined.
 */
export async function batchQuery(
  engine: Engine,
  queries: readonly (SqlQuery | undefined)[],
): Promise<(Row[] | undefined)[]> {
  const out: (Row[] | undefined)[] = queries.map(() => undefined);
  const byText = new Map<string, number[]>();
  queries.forEach((q, i) => {
    if (!q) return;
    const group = byText.get(q.text) ?? [];
    group.push(i);
    byText.set(q.text, group);
  });
  for (const [text, members] of byText) {
    const params = members.map((i) => (queries[i] as SqlQuery).params);
    const first = params[0] as readonly SqlParam[];
    const varying = first
      .map((_, p) => p)
      .filter((p) => params.some((ps) => !Object.is(ps[p], first[p])));
    if (varying.length === 0) {
      // Same text, same parameters: one answer for all of them.
      const rows = await engine.query({ text, params: first });
      for (const i of members) out[i] = rows;
      continue;
    }
    let rows: Row[];
    try {
      rows = await engine.query(lateral(text, first, varying, params));
    } catch (err) {
      throw new Error(
        `batchQuery: ${(err as Error).message}\n` +
          "(a named query's last ORDER BY must name output columns, qualified or not: it is repeated outside the LATERAL join)\n" +
          text,
        { cause: err },
      );
    }
    for (const i of members) out[i] = [];
    for (const row of rows) {
      const { __state, ...rest } = row;
      (out[members[Number(__state)] as number] as Row[]).push(rest);
    }
  }
  return out;
}

/** The LATERAL form of `text` for the states' parameter lists (see the module comment). */
function lateral(
  text: string,
  first: readonly SqlParam[],
  varying: readonly number[],
  all: readonly (readonly SqlParam[])[],
): SqlQuery {
  const { parts, orderAt } = splitSql(text);
  if (parts.length !== first.length + 1)
    throw new Error(`batchQuery: ${parts.length - 1} markers for ${first.length} parameters`);
  const column = new Map(varying.map((p, c) => [p, `__b.__p${c}`]));
  // Rebuild the text: varying markers become columns, the others stay bound —
  // except numbers after the ORDER BY (LIMIT/OFFSET), written in: a LATERAL
  // subquery's limit must be a constant.
  let inner = parts[0] as string;
  let at = inner.length;
  const bound: SqlParam[] = [];
  first.forEach((value, p) => {
    const col = column.get(p);
    const tail = orderAt >= 0 && at > orderAt;
    if (tail && (col || typeof value !== 'number' || !Number.isFinite(value)))
      throw new Error('batchQuery: only constant numbers may follow ORDER BY');
    if (col) inner += col;
    else if (tail) inner += String(value);
    else {
      inner += '?';
      bound.push(value);
    }
    inner += parts[p + 1] as string;
    at += 1 + (parts[p + 1] as string).length;
  });
  const order = orderAt < 0 ? '' : orderList(text.slice(orderAt));
  const valueRows = all.map(() => `(?, ${varying.map(() => '?').join(', ')})`).join(', ');
  const valueParams = all.flatMap((ps, state) => [state, ...varying.map((p) => ps[p] ?? null)]);
  const columns = ['__state', ...varying.map((_, c) => `__p${c}`)].join(', ');
  return {
    text:
      `SELECT __b.__state, __q.* FROM (VALUES ${valueRows}) __b(${columns}), ` +
      `LATERAL (${inner}) __q ORDER BY __b.__state${order ? `, ${order}` : ''}`,
    params: [...valueParams, ...bound],
  };
}
