/**
 * Small helpers for writing SVG markup as strings: escaping, rounded numbers,
 * attribute lists. Every piece of caller-supplied text goes through `escapeXml`.
 */

// Characters XML 1.0 forbids outright; an SVG file containing one fails to parse.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for element content and double- or single-quoted attributes. */
export function escapeXml(value: unknown): string {
  return String(value ?? '')
    .replace(INVALID_XML, '')
    .replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A coordinate rounded to 0.1 (stable snapshots, small markup); never NaN or -0. */
export function num(n: number): string {
  if (!Number.isFinite(n)) return '0';
  const r = Math.round(n * 10) / 10;
  return String(r === 0 ? 0 : r);
}

/**
 * ` name="value"` pairs; `undefined`, `null` and `false` values are left out,
 * numbers are rounded with `num`, everything else is escaped.
 */
export function attrs(
  values: Record<string, string | number | boolean | null | undefined>,
): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === false) continue;
    const v = value === true ? '' : typeof value === 'number' ? num(value) : escapeXml(value);
    out += ` ${name}="${v}"`;
  }
  return out;
}

/** An element with attributes and already-escaped inner markup. */
export function el(
  name: string,
  attributes: Record<string, string | number | boolean | null | undefined>,
  inner?: string,
): string {
  return inner === undefined
    ? `<${name}${attrs(attributes)}/>`
    : `<${name}${attrs(attributes)}>${inner}</${name}>`;
}

/** A `<title>` child: the tooltip and, inside a link, its accessible name. */
export function tooltip(text: string): string {
  return `<title>${escapeXml(text)}</title>`;
}
