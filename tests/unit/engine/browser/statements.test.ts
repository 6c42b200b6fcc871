import { describe, expect, it } from 'vitest';
import {
  statementRunner,
  type PreparingConnection,
} from '../../../../src/engine/browser/statements.ts';

/** A fake connection: a statement answers with its text and parameters; texts starting "BAD" fail to prepare. */
function fakeConnection() {
  const log = { prepared: [] as string[], closed: [] as string[] };
  const conn: PreparingConnection<string> = {
    async prepare(text) {
      log.prepared.push(text);
      if (text.startsWith('BAD')) throw new Error(`Parser Error: ${text}`);
      return {
        query: async (...params) => `${text} ${JSON.stringify(params)}`,
        close: async () => void log.closed.push(text),
      };
    },
  };
  return { conn, log };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('statementRunner', () => {
  it('prepares each text once and binds new values to the kept statement', async () => {
    const { conn, log } = fakeConnection();
    const run = statementRunner(conn);
    expect(await run('SELECT ?', ['东洲街道'])).toBe('SELECT ? ["东洲街道"]');
    expect(await run('SELECT ?', ['遮浪街道'])).toBe('SELECT ? ["遮浪街道"]');
    expect(await run('SELECT 2', [])).toBe('SELECT 2 []');
    expect(log.prepared).toEqual(['SELECT ?', 'SELECT 2']);
  });

  it('shares one prepare between queries sent together', async () => {
    const { conn, log } = fakeConnection();
    const run = statementRunner(conn);
    const answers = await Promise.all([run('SELECT ?', [1]), run('SELECT ?', [2])]);
    expect(answers).toEqual(['SELECT ? [1]', 'SELECT ? [2]']);
    expect(log.prepared).toEqual(['SELECT ?']);
  });

  it('closes the least recently used statement beyond its size', async () => {
    const { conn, log } = fakeConnection();
    const run = statementRunner(conn, 2);
    await run('A', []);
    await run('B', []);
    await run('A', []); // A is now the most recently used
    await run('C', []); // B goes
    await settle();
    expect(log.closed).toEqual(['B']);
    await run('A', []);
    await run('B', []); // prepared again; C goes
    await settle();
    expect(log.prepared).toEqual(['A', 'B', 'C', 'B']);
    expect(log.closed).toEqual(['B', 'C']);
  });

  it('does not keep a text that failed to prepare', async () => {
    const { conn, log } = fakeConnection();
    const run = statementRunner(conn);
    await expect(run('BAD SQL', [])).rejects.toThrow('Parser Error: BAD SQL');
    await settle();
    await expect(run('BAD SQL', [])).rejects.toThrow('Parser Error');
    expect(log.prepared).toEqual(['BAD SQL', 'BAD SQL']);
  });
});
