import { formatNumber } from './format.ts';

const UNITS = ['KB', 'MB', 'GB'] as const;

/**
 * A file size for people: `512` → `512 字节`, `1536` → `1.5 KB`, `3_250_000` → `3.1 MB`.
 * Binary multiples (1 KB = 1024 字节), as file managers on Windows show them,
 * so the size matches what staff see after downloading.
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${formatNumber(bytes, 0)} 字节`;
  let value = bytes / 1024;
  let unit = 0;
  // Compare the rounded value: 1023.6 KB must print as "1 MB", not "1,024 KB".
  while (Math.round(value) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${formatNumber(value, value < 10 ? 1 : 0)} ${UNITS[unit]}`;
}
