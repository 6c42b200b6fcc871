/**
 * Income is published only as a band (campaign.json `income_bands`), never exact.
 * Bands include their lower bound: with bounds [4000, 6000], 4000 falls in "4000–6000".
 * The one owner of the band format: written here at publish time, read back
 * here by the pages (the poverty line against the bands, band order).
 */

/** The band labels for ascending upper bounds, e.g. ["<4000", "4000–6000", "≥6000"]. */
export function incomeBandLabels(bounds: readonly number[]): string[] {
  if (bounds.length === 0) throw new Error('income_bands must not be empty');
  const labels = [`<${bounds[0]}`];
  for (let i = 1; i < bounds.length; i++) labels.push(`${bounds[i - 1]}–${bounds[i]}`);
  labels.push(`≥${bounds[bounds.length - 1]}`);
  return labels;
}

/** Returns a function income → band label (labels computed once: it runs per household). */
export function incomeBand(bounds: readonly number[]): (income: number) => string {
  const labels = incomeBandLabels(bounds);
  return (income) => {
    let i = 0;
    while (i < bounds.length && income >= (bounds[i] as number)) i++;
    return labels[i] as string;
  };
}

/**
 * A published band's bounds: "<4000" → [−∞, 4000), "4000–6000", "≥10000" →
 * [10000, ∞); null for a label that is not a band.
 */
export function parseIncomeBand(label: string): { lo: number; hi: number } | null {
  const t = label.trim();
  let m = /^[<＜]\s*(\d+(?:\.\d+)?)$/.exec(t);
  if (m) return { lo: -Infinity, hi: Number(m[1]) };
  m = /^(\d+(?:\.\d+)?)\s*[–—-]\s*(\d+(?:\.\d+)?)$/.exec(t);
  if (m) return { lo: Number(m[1]), hi: Number(m[2]) };
  m = /^(?:≥|>=)\s*(\d+(?:\.\d+)?)$/.exec(t);
  if (m) return { lo: Number(m[1]), hi: Infinity };
  return null;
}

/** A band's lower bound for sorting: `<…` lowest; no band (or not a band) last. */
function lowerBound(label: string | null): number {
  return label === null ? Infinity : (parseIncomeBand(label)?.lo ?? Infinity);
}

/** Distinct band labels from lowest to highest; labels that are not bands go last, in input order. */
export function orderIncomeBands(labels: readonly string[]): string[] {
  return [...new Set(labels)]
    .map((l, i) => ({ l, i, lo: lowerBound(l) }))
    .sort((a, b) => a.lo - b.lo || (a.lo === Infinity ? a.i - b.i : 0))
    .map((x) => x.l);
}

/** Compares bands by their lower bound, then by text (for `Array.prototype.sort`). */
export function compareIncomeBands(a: string | null, b: string | null): number {
  const d = lowerBound(a) - lowerBound(b);
  if (Number.isNaN(d) || d === 0) return String(a ?? '').localeCompare(String(b ?? ''));
  return d;
}
