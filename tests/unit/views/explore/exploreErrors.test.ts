import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../../src/engine/browser/errors.ts';
import { exploreErrorMessage, visitorLines } from '../../../../src/views/explore/exploreErrors.ts';

const ctx = { timeoutMs: 15_000, sql: 'SELECT *\nFORM villages' };

describe('exploreErrorMessage', () => {
  it('names the kind of SQL error and keeps DuckDB’s message with the visitor’s line numbers', () => {
    const duck = 'Parser Error: syntax error at or near "FORM"\n\nLINE 3: FORM villages\n        ^';
    const m = exploreErrorMessage(new EngineError('query', duck), ctx);
    expect(m.title).toBe('SQL 语法错误');
    expect(m.detail).toBe(
      'Parser Error: syntax error at or near "FORM"\n\nLINE 2: FORM villages\n        ^',
    );
  });

  it('says where the query ended too early instead of echoing the wrapper', () => {
    const duck = 'Parser Error: syntax error at or near ")"\n\nLINE 4: ) AS t\n        ^';
    expect(exploreErrorMessage(new EngineError('query', duck), ctx).detail).toBe(
      'Parser Error: syntax error at or near ")"\n\n（出错位置在语句末尾：语句可能不完整）',
    );
  });

  it('says a hint once, however often DuckDB points past the end', () => {
    const duck =
      'Parser Error: syntax error at or near "AS"\n\nLINE 4: ) AS t\n          ^\n\nLINE 4: ) AS t\n          ^';
    expect(exploreErrorMessage(new EngineError('query', duck), ctx).detail).toBe(
      'Parser Error: syntax error at or near "AS"\n\n（出错位置在语句末尾：语句可能不完整）',
    );
  });

  it('names a failed download and a newer publication, not the browser', () => {
    const title = (e: EngineError) => exploreErrorMessage(e, ctx).title;
    expect(title(new EngineError('network', 'x', { file: 'data' }))).toMatch(/^下载失败/);
    expect(title(new EngineError('republished', 'x'))).toMatch(/^数据已更新/);
    expect(title(new EngineError('unsupported', 'x'))).toMatch(/^此浏览器不支持/);
    expect(title(new EngineError('cancelled', 'x'))).toBe('查询已停止。');
  });

  it('explains blocked file access, missing tables and multi-statement rewrites', () => {
    const title = (msg: string) => exploreErrorMessage(new EngineError('query', msg), ctx).title;
    expect(title('Permission Error: Cannot access file "http://x/y.csv"')).toContain('不允许访问');
    expect(title('Catalog Error: Table with name foo does not exist!')).toContain('找不到表');
    expect(title('Invalid Input Error: Cannot prepare multiple statements at once!')).toContain(
      'PIVOT',
    );
    expect(title('Something new')).toBe('查询出错');
  });

  it('says to narrow a query past the memory limit, without DuckDB’s advice to change settings', () => {
    const duck =
      'Out of Memory Error: could not allocate block of size 256.0 KiB (953.5 MiB/953.6 MiB used)\n' +
      'Database is launched in in-memory mode and no temporary directory is specified.\n\n' +
      "Possible solutions:\n* Increasing the memory limit (SET memory_limit='...GB')";
    expect(exploreErrorMessage(new EngineError('query', duck), ctx)).toEqual({
      title: '内存不足：请缩小查询范围（例如加 WHERE 条件）',
      detail:
        'Out of Memory Error: could not allocate block of size 256.0 KiB (953.5 MiB/953.6 MiB used)',
    });
  });

  it('gives the timeout in seconds and no DuckDB detail', () => {
    const m = exploreErrorMessage(new EngineError('timeout', 'query did not finish'), ctx);
    expect(m.title).toContain('超过 15 秒');
    expect(m.detail).toBeUndefined();
  });

  it('points to the downloads when the engine cannot run', () => {
    const m = exploreErrorMessage(new EngineError('unavailable', 'no wasm'), ctx);
    expect(m.title).toContain('下载数据文件');
  });
});

describe('visitorLines', () => {
  it('keeps the caret under the same character when the number gets shorter', () => {
    const out = visitorLines('LINE 10: abc\n           ^', 20);
    expect(out).toBe('LINE 9:  abc\n           ^');
    expect(out.split('\n')[0]?.indexOf('c')).toBe(11);
  });
});
