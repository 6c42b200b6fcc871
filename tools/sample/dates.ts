/** Date arithmetic on `YYYY-MM-DD` strings in UTC: no time zone, no clock. */
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date. */
export function toDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** The ISO date of a day number. */
export function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromDay(toDay(iso) + days);
}
