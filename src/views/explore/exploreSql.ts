/**
 * The SQL a visitor types on /explore/, checked and wrapped before DuckDB sees it.
 * Read-only is enforced in layers, each enough on its own for what it covers:
 * 1. here: one statement, and it must start like a query (friendly message);
 * 2. here: it runs as a subquery, `SELECT * FROM (…) AS t`, so DuckDB's own
 *    parser rejects anything that is not a query (ATTACH, COPY, SET, USE,
 *    CREATE, `WITH … INSERT` …) however it is disguised;
 * 3. the engine prepares it: "Cannot prepare multiple statements at once";
 * 4. the engine itself (src/engine/browser/browserEngine.ts): file attached READ_ONLY, external
 *    access off, configuration locked.
 */
import type { SqlQuery } from '../../queries/sql.ts';

/** Rows kept from a result (the CSV has them all); one more is fetched to tell "more". */
export const EXPLORE_MAX_ROWS = 100_000;
/** Rows shown in the page's table. */
export const EXPLORE_SHOWN_ROWS = 1_000;

/** First words of the statements that can run as a subquery and only read. */
const QUERY_STARTS = [
  'SELECT',
  'WITH',
  'FROM',
  'VALUES',
  'TABLE',
  'DESCRIBE',
  'SUMMARIZE',
  'SHOW',
  'PIVOT',
  'UNPIVOT',
];

export const SQL_EMPTY_MESSAGE = '请输入一条查询语句。';
export const SQL_MULTIPLE_MESSAGE = '一次只能运行一条语句：请删去分号后面的语句。';
export const SQL_NOT_QUERY_MESSAGE =
  '本页只运行查询语句（以 SELECT、WITH、FROM、VALUES、DESCRIBE、SUMMARIZE 或 SHOW 开头），不能修改数据、连接其他数据库、读取其他文件或更改设置。';

export type ExploreSqlCheck = { ok: true; sql: string } | { ok: false; message: string };

interface Scan {
  /** The first word (upper case) or "(" outside comments; "" when there is none. */
  first: string;
  /** Offsets of semicolons outside strings, identifiers and comments. */
  semicolons: number[];
  /** Offset of the last token that is not a semicolon, a comment or space (-1: none). */
  lastToken: number;
}

/**
 * Walks the text as DuckDB's lexer would for what matters here: '…' strings
 * (with '' inside), E'…' strings (backslash escapes), "…" identifiers,
 * $tag$…$tag$ strings, -- and nested /* *\/ comments.
 */
const DOLLAR_TAG = /\$[A-Za-z_]*\$/y;
const WORD = /[\p{L}\p{N}_$]+/uy;

/** The match of a sticky regex at `offset`, if any. */
function matchAt(re: RegExp, text: string, offset: number): string | undefined {
  re.lastIndex = offset;
  return re.exec(text)?.[0];
}

function scan(text: string): Scan {
  let first = '';
  const semicolons: number[] = [];
  let lastToken = -1;
  let i = 0;
  const n = text.length;
  const skipQuoted = (quote: string, backslash: boolean) => {
    i++;
    while (i < n) {
      const c = text[i];
      if (backslash && c === '\\') i += 2;
      else if (c === quote && text[i + 1] === quote) i += 2;
      else if (c === quote) {
        i++;
        return;
      } else i++;
    }
  };
  while (i < n) {
    const c = text[i] as string;
    const start = i;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '-' && text[i + 1] === '-') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      let depth = 0;
      while (i < n) {
        if (text[i] === '/' && text[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (text[i] === '*' && text[i + 1] === '/') {
          depth--;
          i += 2;
          if (depth === 0) break;
        } else i++;
      }
      continue;
    }
    if (c === ';') {
      semicolons.push(i);
      i++;
      continue;
    }
    lastToken = start;
    if (!first && /['"$]/.test(c)) first = c;
    if (c === "'") skipQuoted("'", false);
    else if ((c === 'E' || c === 'e') && text[i + 1] === "'") {
      if (!first) first = "'";
      i++;
      skipQuoted("'", true);
    } else if (c === '"') skipQuoted('"', false);
    else if (c === '$') {
      const tag = matchAt(DOLLAR_TAG, text, i);
      if (tag) {
        const end = text.indexOf(tag, i + tag.length);
        i = end < 0 ? n : end + tag.length;
      } else i++;
    } else if (/[\p{L}_]/u.test(c)) {
      const word = matchAt(WORD, text, i) ?? c;
      if (!first) first = word.toUpperCase();
      i += word.length;
    } else {
      if (!first) first = c;
      i++;
    }
  }
  return { first, semicolons, lastToken };
}

/**
 * Checks what the visitor typed: one statement that reads. On success `sql` is
 * the text without trailing semicolons (it is about to become a subquery).
 */
export function checkExploreSql(input: string): ExploreSqlCheck {
  const { first, semicolons, lastToken } = scan(input);
  if (!first) return { ok: false, message: SQL_EMPTY_MESSAGE };
  // Semicolons after the last token only end the statement; any other separates two.
  if (semicolons.some((s) => s < lastToken)) return { ok: false, message: SQL_MULTIPLE_MESSAGE };
  const cut = semicolons[0];
  if (first !== '(' && !QUERY_STARTS.includes(first)) {
    return { ok: false, message: `${SQL_NOT_QUERY_MESSAGE}你输入的语句以“${first}”开头。` };
  }
  const sql = (cut === undefined ? input : input.slice(0, cut)).trimEnd();
  return { ok: true, sql };
}

/** Lines DuckDB counts before the visitor's first line in the wrapped text. */
export const WRAPPED_LINE_OFFSET = 1;

/** The result's column names and DuckDB types, without running the query. */
export function describeQuery(sql: string): SqlQuery {
  // The newline before ")" ends a trailing -- comment.
  return { text: `DESCRIBE SELECT * FROM (\n${sql}\n) AS t`, params: [] };
}

/**
 * The query itself, at most `limit + 1` rows, columns renamed c0, c1, … in
 * order: names typed by the visitor ("1", "__proto__", two columns called
 * "street") would otherwise be unsafe or clash as object keys.
 */
export function resultQuery(sql: string, columnCount: number, limit = EXPLORE_MAX_ROWS): SqlQuery {
  const names = Array.from({ length: columnCount }, (_, i) => resultKey(i)).join(', ');
  return { text: `SELECT * FROM (\n${sql}\n) AS t(${names}) LIMIT ${limit + 1}`, params: [] };
}

/** The row key of the result's i-th column. */
export const resultKey = (i: number): string => `c${i}`;
