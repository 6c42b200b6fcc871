import type { Street } from './buildRegion.ts';

/** A 责任单位 from a suffix: `@` is the street's own office, anything else sits under 区 / the county. */
export function unitName(suffix: string, street: Street): string {
  return suffix === '@' ? street.office : `${street.unitPrefix}${suffix}`;
}
