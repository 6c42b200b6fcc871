import { describe, expect, it } from 'vitest';
import {
  ENGINE_QUERY_MESSAGE,
  ENGINE_TIMEOUT_MESSAGE,
  ENGINE_UNAVAILABLE_MESSAGE,
  engineErrorMessage,
  engineProgressText,
  formatMegabytes,
} from '../../../src/client/engineStatus.ts';
import { EngineError } from '../../../src/engine/browser/errors.ts';

describe('engine status texts', () => {
  it('shows downloaded and total megabytes with one decimal', () => {
    expect(engineProgressText(3_240_000, 7_600_000)).toBe('正在加载查询引擎… 3.2 / 7.6 MB');
    expect(formatMegabytes(12_345_678, null)).toBe('12.3 MB');
    expect(engineProgressText(0, null)).toBe('正在加载查询引擎…');
  });

  it('picks the message by error kind; anything unknown means "unavailable"', () => {
    expect(engineErrorMessage(new EngineError('timeout', 'x'))).toBe(ENGINE_TIMEOUT_MESSAGE);
    expect(engineErrorMessage(new EngineError('query', 'x'))).toBe(ENGINE_QUERY_MESSAGE);
    expect(engineErrorMessage(new EngineError('unavailable', 'x'))).toBe(
      ENGINE_UNAVAILABLE_MESSAGE,
    );
    expect(engineErrorMessage(new TypeError('Failed to fetch'))).toBe(ENGINE_UNAVAILABLE_MESSAGE);
  });
});
