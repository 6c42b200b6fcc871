import { expect } from 'vitest';

/**
 * Checks that `svg` is well-formed markup (every tag closed in order, attribute
 * values quoted, no stray `<` or `&`): what a broken escape would break.
 */
export function expectWellFormed(svg: string): void {
  const stack: string[] = [];
  const token =
    /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|#39|#\d+);)/g;
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = token.exec(svg)) !== null) {
    if (m[2] === undefined)
      throw new Error(`stray "${m[0]}" at ${m.index}: …${svg.slice(m.index - 40, m.index + 40)}…`);
    last = m.index + m[0].length;
    if (m[1] === '/') {
      const open = stack.pop();
      if (open !== m[2]) throw new Error(`</${m[2]}> closes <${open}> at ${m.index}`);
    } else if (m[4] !== '/') stack.push(m[2]);
  }
  expect(stack, 'unclosed elements').toEqual([]);
  expect(last).toBe(svg.length);
}

/** What every chart output must satisfy, whatever its input. */
export function expectValidChart(svg: string, title: string): void {
  expectWellFormed(svg);
  expect(svg).not.toMatch(/NaN|undefined|Infinity|\[object/);
  expect(svg.startsWith('<svg ')).toBe(true);
  expect(svg).toMatch(/ width="100%"/);
  expect(svg).toMatch(/ viewBox="0 0 \d+(\.\d)? \d+(\.\d)?"/);
  const id = /<svg [^>]*\bid="([^"]+)"/.exec(svg)?.[1];
  expect(id).toBeTruthy();
  expect(svg).toMatch(/ role="(img|group)"/);
  const labelledBy = /aria-labelledby="([^"]+)"/.exec(svg)?.[1] ?? '';
  expect(labelledBy.split(' ')).toContain(`${id}-title`);
  const titleText = new RegExp(`<title id="${id}-title">([^<]*)</title>`).exec(svg)?.[1];
  expect(titleText).toBe(escape(title));
  const desc = new RegExp(`<desc id="${id}-desc">([^<]+)</desc>`).exec(svg)?.[1] ?? '';
  expect(desc.length).toBeGreaterThan(3);
  // No inline styles: the site's CSP blocks them.
  expect(svg).not.toMatch(/ style=|<style/);
}

function escape(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export const HOSTILE = `<script>alert(1)</script> "q" & 'a'`;

/** A hostile label must appear only escaped. */
export function expectEscaped(svg: string): void {
  expect(svg).not.toContain('<script');
  expect(svg).toContain('&lt;script&gt;');
  expect(svg).toContain('&quot;q&quot; &amp; &#39;a&#39;');
}

/** Attribute values of every element matching `selector` (tag plus a required attribute fragment). */
export function elements(svg: string, tag: string, contains = ''): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const re = new RegExp(`<${tag}\\b([^>]*)>`, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(svg)) !== null) {
    const attrs = m[1] ?? '';
    if (contains && !attrs.includes(contains)) continue;
    const rec: Record<string, string> = {};
    for (const a of attrs.matchAll(/([\w:-]+)="([^"]*)"/g)) rec[a[1]!] = a[2]!;
    out.push(rec);
  }
  return out;
}

/** Text content of `<text>` elements (tags inside stripped). */
export function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>(.*?)<\/text>/g)].map((m) =>
    (m[1] ?? '').replace(/<[^>]+>/g, ''),
  );
}
