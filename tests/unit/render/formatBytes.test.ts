import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../src/render/formatBytes.ts';

describe('formatBytes', () => {
  it('shows small files in bytes', () => {
    expect(formatBytes(0)).toBe('0 字节');
    expect(formatBytes(1023)).toBe('1,023 字节');
  });
  it('uses binary multiples with one decimal below 10', () => {
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(20 * 1024)).toBe('20 KB');
    expect(formatBytes(3.25 * 1024 * 1024)).toBe('3.3 MB');
    expect(formatBytes(2 * 1024 ** 3)).toBe('2 GB');
  });
  it('moves to the next unit when rounding would reach 1,024', () => {
    expect(formatBytes(1024 * 1024 - 100)).toBe('1 MB');
  });
  it('never prints NaN', () => {
    expect(formatBytes(Number.NaN)).toBe('—');
    expect(formatBytes(-1)).toBe('—');
  });
});
