import { describe, expect, it } from 'vitest';
import {
  SQL_EMPTY_MESSAGE,
  SQL_MULTIPLE_MESSAGE,
  checkExploreSql,
  describeQuery,
  resultQuery,
} from '../../../../src/views/explore/exploreSql.ts';

const accepted = (sql: string) => {
  const r = checkExploreSql(sql);
  if (!r.ok) throw new Error(`rejected: ${sql}: ${r.message}`);
  return r.sql;
};
const rejection = (sql: string) => {
  const r = checkExploreSql(sql);
  return r.ok ? undefined : r.message;
};

describe('checkExploreSql', () => {
  it('accepts one query, whatever it starts with among the reading statements', () => {
    for (const sql of [
      'SELECT 1',
      'select * from villages',
      'WITH x AS (SELECT 1) SELECT * FROM x',
      'FROM villages',
      'VALUES (1), (2)',
      'DESCRIBE households',
      'SUMMARIZE households',
      'SHOW TABLES',
      '(SELECT 1) UNION (SELECT 2)',
      '-- 注释\n/* 块 /* 嵌套 */ 注释 */ SELECT 1',
    ]) {
      expect(accepted(sql)).toBe(sql);
    }
  });

  it('drops trailing semicolons and comments after them, keeps the query text as typed', () => {
    expect(accepted('SELECT 1;')).toBe('SELECT 1');
    expect(accepted('SELECT 1 ;; -- 完\n  ')).toBe('SELECT 1');
    expect(accepted('SELECT 1 -- 无分号')).toBe('SELECT 1 -- 无分号');
  });

  it('ignores semicolons inside strings, quoted names, dollar strings and comments', () => {
    for (const sql of [
      "SELECT 'a;b'",
      "SELECT 'it''s; fine'",
      "SELECT E'\\'; DROP'",
      'SELECT 1 AS "a;b"',
      'SELECT $$;$$, $t$ ; $t$',
      'SELECT 1 -- ; ATTACH\n',
      'SELECT /* ; */ 1',
    ]) {
      expect(accepted(sql)).toBe(sql.trimEnd());
    }
  });

  it('refuses a second statement, even after a comment', () => {
    expect(rejection('SELECT 1; SELECT 2')).toBe(SQL_MULTIPLE_MESSAGE);
    expect(rejection("SELECT 1; ATTACH 'x'")).toBe(SQL_MULTIPLE_MESSAGE);
    expect(rejection('SELECT 1; /* x */ DETACH htk')).toBe(SQL_MULTIPLE_MESSAGE);
  });

  it('refuses statements that are not queries and names the first word', () => {
    for (const [sql, word] of [
      ["ATTACH 'http://example.com/x.duckdb' AS x", 'ATTACH'],
      ["COPY households TO 'x.csv'", 'COPY'],
      ['INSTALL httpfs', 'INSTALL'],
      ['load httpfs', 'LOAD'],
      ['SET enable_external_access = true', 'SET'],
      ['PRAGMA version', 'PRAGMA'],
      ['CREATE TABLE t AS SELECT 1', 'CREATE'],
      ["EXPORT DATABASE 'x'", 'EXPORT'],
      ['/* SELECT */ DETACH htk', 'DETACH'],
      ['USE memory', 'USE'],
      ["'SELECT'", "'"],
    ]) {
      const message = rejection(sql as string);
      expect(message, sql).toContain('本页只运行查询语句');
      expect(message, sql).toContain(`“${word}”`);
    }
  });

  it('asks for a statement when there is only space or comments', () => {
    expect(rejection('')).toBe(SQL_EMPTY_MESSAGE);
    expect(rejection('  -- 只有注释\n/* 注释 */ ;')).toBe(SQL_EMPTY_MESSAGE);
  });
});

describe('the wrapped queries', () => {
  it('put the visitor SQL on lines of its own inside a subquery', () => {
    expect(describeQuery('SELECT 1 -- c').text).toBe(
      'DESCRIBE SELECT * FROM (\nSELECT 1 -- c\n) AS t',
    );
    expect(resultQuery('FROM villages', 3, 10)).toEqual({
      text: 'SELECT * FROM (\nFROM villages\n) AS t(c0, c1, c2) LIMIT 11',
      params: [],
    });
  });
});
