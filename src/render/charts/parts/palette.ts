/**
 * Chart colours. Every fill is a CSS variable with a fallback, so a page can
 * restyle charts (dark mode, print) without touching chart code; the fallbacks
 * work on their own. Text drawn on a fill gets its own variable and a fallback
 * chosen for contrast (WCAG ≥ 4.5:1) against that fill.
 */

/** A fill colour and the colour of text drawn on it, both as CSS values. */
export interface Swatch {
  fill: string;
  text: string;
}

/**
 * Okabe–Ito hues (safe for the common colour-vision deficiencies), ordered so
 * the first four differ clearly in lightness too (CIE L* 45, 71, 32, 90) and
 * still tell apart when printed in greyscale. Tol's "wine" stands in for
 * Okabe–Ito black, which would hide text drawn on it.
 */
const CATEGORICAL = [
  '#0072B2',
  '#E69F00',
  '#882255',
  '#F0E442',
  '#009E73',
  '#CC79A7',
  '#D55E00',
  '#56B4E9',
];

/** Five steps of ColorBrewer Blues, light to dark (L* 91, 80, 64, 46, 26): for ordered categories and counts. */
const SEQUENTIAL = ['#d9e8f5', '#a5cce4', '#5ba3cf', '#2271b4', '#083d7e'];

const DARK_TEXT = '#1a1a1a';
const LIGHT_TEXT = '#ffffff';

function luminance(hex: string): number {
  const channel = (i: number): number => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Dark or white text, whichever contrasts more with `hex` (`#rrggbb`). */
export function textOn(hex: string): string {
  const l = luminance(hex);
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? LIGHT_TEXT : DARK_TEXT;
}

/** A swatch drawn from CSS variable `--name` (text: `--name-text`) with fallback `hex`. */
export function swatch(name: string, hex: string): Swatch {
  return { fill: `var(--${name}, ${hex})`, text: `var(--${name}-text, ${textOn(hex)})` };
}

/** The i-th categorical colour (`--c1` … `--c8`), cycling after eight. */
export function categoricalSwatch(i: number): Swatch {
  const k = ((i % CATEGORICAL.length) + CATEGORICAL.length) % CATEGORICAL.length;
  return swatch(`c${k + 1}`, CATEGORICAL[k] ?? '#0072B2');
}

/**
 * `n` colours light → dark for ordered categories (`--s1` … `--s5`), spread over
 * the five steps so that neighbours differ as much as possible.
 */
export function sequentialSwatches(n: number): Swatch[] {
  const steps = SEQUENTIAL.length;
  return Array.from({ length: n }, (_, i) => {
    const k = n <= 1 ? steps - 2 : Math.round((i * (steps - 1)) / (n - 1));
    const step = Math.min(steps - 1, Math.max(0, k));
    return swatch(`s${step + 1}`, SEQUENTIAL[step] ?? '#2271b4');
  });
}

/** Which palette a multi-colour chart uses, or explicit CSS colours. */
export type ColorScheme = 'categorical' | 'sequential' | readonly string[];

/**
 * An explicit colour as a swatch, with readable text when it is given as
 * `#rrggbb`, or as `var(--name, #rrggbb)` — then the text is `--name-text`, so
 * a colour scheme that changes the fill can change its text too.
 */
export function colorSwatch(fill: string): Swatch {
  const named = /^var\(--([\w-]+),\s*(#[0-9a-f]{6})\)$/i.exec(fill);
  if (named) return { fill, text: swatch(named[1] ?? '', named[2] ?? '').text };
  return { fill, text: /^#[0-9a-f]{6}$/i.test(fill) ? textOn(fill) : 'currentColor' };
}

/** `n` swatches for `scheme` (explicit colours: see colorSwatch). */
export function schemeSwatches(scheme: ColorScheme, n: number): Swatch[] {
  if (scheme === 'categorical') return Array.from({ length: n }, (_, i) => categoricalSwatch(i));
  if (scheme === 'sequential') return sequentialSwatches(n);
  return Array.from({ length: n }, (_, i) =>
    colorSwatch(
      scheme.length > 0 ? (scheme[i % scheme.length] ?? '#0072B2') : categoricalSwatch(i).fill,
    ),
  );
}

/** Neutral colours for totals, gridlines and missing cells. */
export const NEUTRAL = {
  total: swatch('c-total', '#333333'),
  empty: swatch('c-empty', '#f2f2f2'),
  grid: 'var(--c-grid, #d9d9d9)',
  axis: 'var(--c-axis, #737373)',
  /** Secondary text (tick labels) — #595959 is 7:1 on white. */
  muted: 'var(--c-muted, #595959)',
} as const;
