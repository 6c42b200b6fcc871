/**
 * What in a page's <head> blocks the first render on a request: external
 * stylesheets (unless media="print" or disabled), classic scripts with a src
 * and neither async nor defer, and @import inside inline styles. Module scripts
 * are deferred by the browser, and inline styles and scripts cost no request.
 */
import { htmlTags } from './htmlTags.ts';

/** One line per blocking resource, e.g. `stylesheet /_astro/index.css`; [] when none. */
export function renderBlocking(html: string): string[] {
  const found: string[] = [];
  for (const tag of htmlTags(html)) {
    if (!tag.inHead) continue;
    const a = tag.attrs;
    const rel = (a.get('rel') ?? '').toLowerCase().split(/\s+/);
    if (tag.name === 'link' && rel.includes('stylesheet') && a.has('href')) {
      const media = (a.get('media') ?? 'all').trim().toLowerCase();
      if (!a.has('disabled') && media !== 'print') found.push(`stylesheet ${a.get('href')}`);
    }
    if (tag.name === 'script' && a.has('src')) {
      const type = (a.get('type') ?? '').toLowerCase();
      if (type !== 'module' && !a.has('async') && !a.has('defer'))
        found.push(`script ${a.get('src')}`);
    }
    if (tag.name === 'style') {
      for (const m of tag.text
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .matchAll(/@import\s+(?:url\()?\s*['"]?([^'")\s;]+)/g))
        found.push(`@import ${m[1]}`);
    }
  }
  return found;
}
