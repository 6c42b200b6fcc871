import { describe, expect, it } from 'vitest';
import {
  ENGINE_DATA_DOWNLOAD_MESSAGE,
  ENGINE_OFFLINE_MESSAGE,
  ENGINE_FILES_DOWNLOAD_MESSAGE,
  ENGINE_REPUBLISHED_MESSAGE,
  ENGINE_UNSUPPORTED_MESSAGE,
  ENGINE_QUERY_MESSAGE,
  ENGINE_TIMEOUT_MESSAGE,
  ENGINE_UNAVAILABLE_MESSAGE,
  engineErrorMessage,
  engineFailedText,
  engineProgressText,
  engineWaitingText,
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

describe('named failures', () => {
  it('a failed download is named as such, never blamed on the browser', () => {
    const data = engineErrorMessage(new EngineError('network', 'x', { file: 'data' }));
    const engine = engineErrorMessage(new EngineError('network', 'x', { file: 'engine' }));
    expect(data).toBe(ENGINE_DATA_DOWNLOAD_MESSAGE);
    expect(engine).toBe(ENGINE_FILES_DOWNLOAD_MESSAGE);
    expect(engineErrorMessage(new EngineError('missing', 'x', { file: 'data' }))).toBe(data);
    for (const m of [data, engine]) expect(m).not.toContain('浏览器');
    expect(engineErrorMessage(new EngineError('unsupported', 'x'))).toBe(
      ENGINE_UNSUPPORTED_MESSAGE,
    );
    expect(engineErrorMessage(new EngineError('republished', 'x'))).toBe(
      ENGINE_REPUBLISHED_MESSAGE,
    );
  });
});

describe('offline', () => {
  it('a start that failed while the browser is offline says 需要联网, whatever failed', () => {
    for (const err of [
      new EngineError('network', 'x', { file: 'data' }),
      new EngineError('network', 'x', { file: 'engine' }),
      new EngineError('unavailable', 'x'),
      new TypeError('Failed to fetch dynamically imported module'),
    ])
      expect(engineErrorMessage(err, false)).toBe(ENGINE_OFFLINE_MESSAGE);
    expect(ENGINE_OFFLINE_MESSAGE).toMatch(/^需要联网/);
  });

  it('a query the engine rejected is still named as such offline', () => {
    expect(engineErrorMessage(new EngineError('query', 'x'), false)).toBe(ENGINE_QUERY_MESSAGE);
    expect(engineErrorMessage(new EngineError('timeout', 'x'), false)).toBe(ENGINE_TIMEOUT_MESSAGE);
  });

  it('what failed is named, and that the form went back to what is shown', () => {
    expect(engineFailedText('已筛选：户类型 低保户')).toBe(
      '未能显示：已筛选：户类型 低保户（筛选和地址已恢复为下面显示的结果）',
    );
  });

  it('what waits for the engine is named', () => {
    expect(engineWaitingText('已筛选：街道 甲；户类型 低保户')).toBe(
      '等待查询引擎：已筛选：街道 甲；户类型 低保户（加载完成后显示，下面仍是之前的结果）',
    );
  });
});
