/**
 * The light and dark colour schemes (src/styles/global.css; chart colours are
 * CSS variables whose fallbacks in the markup are the light values): every
 * pair of text and background reads at WCAG AA (4.5:1) in both, and the chart
 * palettes keep their properties in the dark — categorical hues as far apart
 * for colour-blind readers as the light ones, sequential steps ordered.
 * axe checks the page's text in the browser (tests/e2e/darkMode.spec.ts) but
 * not text drawn in SVG, hence these.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  categoricalSwatch,
  sequentialSwatches,
  textOn,
} from '../../../src/render/charts/parts/palette.ts';
import { closestPair, contrast, lightness, type Vision } from './colorMath.ts';

const CSS = readFileSync('src/styles/global.css', 'utf8');

/** `--name: value` declarations in the first block opened by `opening`. */
function declarations(opening: string): Map<string, string> {
  const start = CSS.indexOf(opening);
  if (start < 0) throw new Error(`global.css has no "${opening}"`);
  const end = CSS.indexOf('}', start);
  return new Map(
    [...CSS.slice(start, end).matchAll(/(--[\w-]+):\s*(#[0-9a-f]{3,6})\s*;/gi)].map((m) => [
      m[1] ?? '',
      (m[2] ?? '').toLowerCase(),
    ]),
  );
}

const LIGHT = declarations('@theme {');
const DARK = declarations('@media screen and (prefers-color-scheme: dark) {');

/**
 * Every chart colour and its light value: each `var(--name, #hex)` and
 * `swatch('name', '#hex')` written in the code, and the palette's own.
 */
function chartColours(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (name: string, hex: string) =>
    out.set(name, (out.get(name) ?? new Set()).add(hex.toLowerCase()));
  const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) =>
    /\.(ts|astro)$/.test(f),
  );
  for (const f of files) {
    const code = readFileSync(path.join('src', f), 'utf8');
    for (const m of code.matchAll(/var\((--[\w-]+),\s*(#[0-9a-f]{6}|#[0-9a-f]{3})\)/gi))
      if (!m[1]?.startsWith('--color-')) add(m[1] ?? '', m[2] ?? '');
    for (const m of code.matchAll(/swatch\('([\w-]+)',\s*'(#[0-9a-f]{6})'\)/gi))
      add(`--${m[1]}`, m[2] ?? '');
  }
  const palette = [
    ...Array.from({ length: 8 }, (_, i) => categoricalSwatch(i)),
    ...sequentialSwatches(5),
  ];
  for (const { fill } of palette) {
    const m = /var\((--[\w-]+),\s*(#[0-9a-f]{6})\)/i.exec(fill);
    if (m) add(m[1] ?? '', m[2] ?? '');
  }
  return out;
}
const CHART = chartColours();
const lightOf = (name: string): string => [...(CHART.get(name) ?? [])][0] ?? '';

describe('page colours (Tailwind theme)', () => {
  // [text, background]: every pair the components put together.
  const PAIRS: [string, string][] = [
    ['ink', 'surface'],
    ['ink', 'paper'],
    ['ink', 'bad-bg'],
    ['muted', 'surface'],
    ['muted', 'paper'],
    ['accent', 'surface'],
    ['accent', 'paper'],
    ['good', 'surface'],
    ['on-accent', 'accent'],
    ['surface', 'ink'],
    ['ok-fg', 'ok-bg'],
    ['warn-fg', 'warn-bg'],
    ['info-fg', 'info-bg'],
    // The SQL editor's tokens (/explore/).
    ['code-keyword', 'surface'],
    ['code-string', 'surface'],
    ['code-number', 'surface'],
    ['code-type', 'surface'],
  ];
  for (const [scheme, values] of [
    ['light', LIGHT],
    ['dark', DARK],
  ] as const)
    it.each(PAIRS)(`${scheme}: %s on %s reads at 4.5:1 or more`, (fg, bg) => {
      const [a, b] = [values.get(`--color-${fg}`), values.get(`--color-${bg}`)];
      expect(a && b, `${scheme} --color-${fg} / --color-${bg}`).toBeTruthy();
      expect(contrast(a ?? '', b ?? '')).toBeGreaterThanOrEqual(4.5);
    });

  it('the dark scheme gives every theme colour a dark value, and the ground is dark', () => {
    const themed = [...LIGHT.keys()].filter((k) => k.startsWith('--color-'));
    expect(themed.filter((k) => !DARK.has(k))).toEqual([]);
    expect(lightness(DARK.get('--color-surface') ?? '')).toBeLessThan(10);
  });
});

describe('chart colours', () => {
  it('each variable has one light value wherever it is written', () => {
    const conflicting = [...CHART].filter(([, hexes]) => hexes.size > 1);
    expect(conflicting.map(([n, h]) => `${n}: ${[...h].join(' ')}`)).toEqual([]);
  });

  it('the dark scheme sets only variables the charts use', () => {
    const used = (name: string) => CHART.has(name) || CHART.has(name.replace(/-text$/, ''));
    const dead = [...DARK.keys()].filter((k) => !k.startsWith('--color-') && !used(k));
    expect(dead).toEqual([]);
  });

  // Lines, grid and background: no text is drawn on them.
  const NOT_FILLS = new Set(['--c-bg', '--c-grid', '--c-axis', '--c-muted']);
  const fills = [...CHART.keys()].filter((n) => !NOT_FILLS.has(n) && !n.endsWith('-text'));

  it.each(fills)('text on %s reads at 4.5:1 or more, light and dark', (name) => {
    const light = lightOf(name);
    // The text's fallback is chosen for the light fill (palette.ts swatch()).
    expect(contrast(textOn(light), light), `light ${light}`).toBeGreaterThanOrEqual(4.5);
    const dark = DARK.get(name) ?? light;
    const darkText = DARK.get(`${name}-text`) ?? textOn(light);
    expect(contrast(darkText, dark), `dark ${darkText} on ${dark}`).toBeGreaterThanOrEqual(4.5);
  });

  it('tick labels read (4.5:1) and axes show (3:1) on the chart ground, light and dark', () => {
    for (const values of [new Map<string, string>(), DARK]) {
      const get = (n: string) => values.get(n) ?? lightOf(n);
      expect(contrast(get('--c-muted'), get('--c-bg'))).toBeGreaterThanOrEqual(4.5);
      expect(contrast(get('--c-axis'), get('--c-bg'))).toBeGreaterThanOrEqual(3);
    }
    expect(DARK.get('--c-bg')).toBe(DARK.get('--color-surface'));
  });

  // CIEDE2000 between the closest two, with each dichromacy simulated: at least
  // three quarters of the light palette's, or 20 (far apart) where that is more.
  it('categorical hues stay as far apart in the dark for colour-blind readers', () => {
    const light = Array.from({ length: 8 }, (_, i) => lightOf(`--c${i + 1}`));
    const dark = light.map((c, i) => DARK.get(`--c${i + 1}`) ?? c);
    for (const vision of ['normal', 'protan', 'deutan', 'tritan'] satisfies Vision[])
      for (const n of [3, 4, 8]) {
        const [l, d] = [
          closestPair(light.slice(0, n), vision),
          closestPair(dark.slice(0, n), vision),
        ];
        expect(
          d,
          `${vision}, first ${n}: dark ${d.toFixed(1)} vs light ${l.toFixed(1)}`,
        ).toBeGreaterThanOrEqual(Math.min(0.75 * l, 20));
      }
    // Marks must show on the dark ground (WCAG 1.4.11: 3:1 for graphics).
    for (const c of dark)
      expect(contrast(c, DARK.get('--c-bg') ?? ''), c).toBeGreaterThanOrEqual(3);
  });

  it('sequential steps run away from the ground: light → dark on paper, dark → light on screen', () => {
    const names = sequentialSwatches(5).map((s) => /var\((--[\w-]+)/.exec(s.fill)?.[1] ?? '');
    const light = names.map((n) => lightness(lightOf(n)));
    const dark = names.map((n) => lightness(DARK.get(n) ?? ''));
    for (let i = 1; i < 5; i++) {
      expect(light[i - 1]! - light[i]!).toBeGreaterThan(8);
      expect(dark[i]! - dark[i - 1]!).toBeGreaterThan(8);
    }
  });
});
