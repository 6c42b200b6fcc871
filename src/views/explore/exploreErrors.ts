/**
 * What the explore page says when a visitor's query fails: a short Chinese
 * headline for the kind of error, and DuckDB's own message (line numbers as the
 * visitor typed them) for those who read SQL errors.
 */
import {
  isDuckDbOutOfMemory,
  isEngineError,
  type EngineErrorKind,
} from '../../engine/browser/errors.ts';
import { WRAPPED_LINE_OFFSET } from './exploreSql.ts';

export interface ExploreErrorMessage {
  title: string;
  /** DuckDB's message, or nothing. */
  detail?: string;
}

/** DuckDB's error classes ("Parser Error: …") → what to tell the visitor. */
const DUCKDB_ERRORS: readonly [RegExp, string][] = [
  [/^Parser Error/, 'SQL 语法错误'],
  [/^Catalog Error/, '找不到表、列或函数：请对照下方“数据表”中的名称'],
  [/^Binder Error/, '列名、类型或分组有误'],
  [/^Conversion Error/, '类型转换失败'],
  [/^Permission Error/, '不允许访问：本页只能查询已发布的数据表，不能读取其他文件或网址'],
  [/^Out of Memory Error/, '内存不足：请缩小查询范围（例如加 WHERE 条件）'],
  [
    /Cannot prepare multiple statements/,
    '这条语句在 DuckDB 中要拆成多条执行（例如没写 IN (…) 的 PIVOT），本页不支持',
  ],
  [/^(Invalid Input Error: )?Values were not provided/, '本页不支持参数占位符（? 或 $1）'],
  [/^Not implemented Error/, 'DuckDB 不支持这种写法'],
];

/**
 * DuckDB echoes the wrapped text ("LINE 2: …" and a caret line): renumbered to
 * the visitor's lines, keeping the caret aligned; a position in the wrapper
 * (the query ended too early) is named instead of shown.
 */
export function visitorLines(
  message: string,
  lineCount: number,
  offset = WRAPPED_LINE_OFFSET,
): string {
  // A hint is said once, however many times DuckDB points into the wrapper.
  const said = new Set<string>();
  const once = (hint: string) => (said.has(hint) ? '' : (said.add(hint), hint));
  return message
    .replace(/LINE (\d+):[^\n]*(\n *\^)?/g, (whole, n: string) => {
      const line = Number(n) - offset;
      if (line < 1) return once('（出错位置在语句开头）');
      if (line > lineCount) return once('（出错位置在语句末尾：语句可能不完整）');
      const prefix = `LINE ${n}:`;
      return `LINE ${line}:`.padEnd(prefix.length) + whole.slice(prefix.length);
    })
    .replace(/\n{3,}/g, '\n\n');
}

const OFFLINE_HINT = '可以到“数据与方法”页下载数据文件，用 Excel 或 DuckDB 自行分析。';

/** The engine's failures other than the SQL's own, named for what the visitor can do. */
const EXPLORE_ENGINE_ERRORS: Partial<Record<EngineErrorKind, string>> = {
  unsupported: `此浏览器不支持在网页中运行查询（需要 WebAssembly）。${OFFLINE_HINT}`,
  network: '下载失败：网络或服务器暂时有问题，已重试几次仍未成功。网络恢复后请再运行一次。',
  missing: '下载失败：网站上暂时找不到数据文件。请稍后再试。',
  republished: '数据已更新：本页打开后网站发布了新数据。刷新页面即可查询新数据（查询语句会保留）。',
  cancelled: '查询已停止。',
  unavailable: `查询引擎出错，已停止运行。请刷新页面再试，或${OFFLINE_HINT.slice(2)}`,
};

export interface ExploreErrorContext {
  /** The engine's per-query timeout, for the message. */
  timeoutMs: number;
  /** The SQL as checked (src/views/explore/exploreSql.ts), to renumber DuckDB's lines. */
  sql: string;
}

/** The message for an error the engine rejected a query with. */
export function exploreErrorMessage(
  err: unknown,
  { timeoutMs, sql }: ExploreErrorContext,
): ExploreErrorMessage {
  if (isEngineError(err) && err.kind === 'timeout') {
    return {
      title: `查询超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，已停止。请缩小范围（例如加 WHERE 条件或 LIMIT）后再试。`,
    };
  }
  if (isEngineError(err) && err.kind !== 'query') {
    const title = EXPLORE_ENGINE_ERRORS[err.kind];
    if (title) return { title };
  }
  const full = err instanceof Error ? err.message : String(err);
  // DuckDB's memory advice goes on about SET memory_limit, threads, temp_directory:
  // settings this page refuses, so only its first line is shown.
  const message = isDuckDbOutOfMemory(full) ? (full.split('\n')[0] ?? full) : full;
  const title = DUCKDB_ERRORS.find(([re]) => re.test(message))?.[1] ?? '查询出错';
  const lineCount = sql.split('\n').length;
  return { title, detail: visitorLines(message, lineCount).trim().slice(0, 2000) };
}
