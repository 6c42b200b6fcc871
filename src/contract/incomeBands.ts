/**
 * Income is published only as a band (campaign.json `income_bands`), never exact.
 * Bands include their lower bound: with bounds [4000, 6000], 4000 falls in "4000–6000".
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
