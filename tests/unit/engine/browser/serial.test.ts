import { describe, expect, it } from 'vitest';
import { serial } from '../../../../src/engine/browser/serial.ts';

describe('serial', () => {
  it('runs tasks one at a time, in call order, past failures', async () => {
    const queue = serial();
    const log: string[] = [];
    let release: () => void = () => {};
    const first = queue(async () => {
      log.push('first starts');
      await new Promise<void>((resolve) => (release = resolve));
      log.push('first ends');
      throw new Error('first failed');
    });
    const second = queue(async () => {
      log.push('second runs');
      return 2;
    });
    await Promise.resolve();
    expect(log).toEqual(['first starts']);
    release();
    await expect(first).rejects.toThrow('first failed');
    expect(await second).toBe(2);
    expect(log).toEqual(['first starts', 'first ends', 'second runs']);
  });
});
