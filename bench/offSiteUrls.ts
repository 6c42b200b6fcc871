/**
 * Every reference in a page to a host other than the site's own: absolute
 * (`https://…`) or protocol-relative (`//…`) URLs in any attribute (src, href,
 * srcset, action, poster, content of meta tags…), in CSS `url()`/`@import`
 * of inline styles, and in inline scripts' string literals. Strict on purpose:
 * a link to another site in the footer counts too. XML namespaces (`xmlns`) are
 * names, not requests (so are namespace URIs in scripts), and CSS comments (licence banners) are skipped.
 */
import { htmlTags } from './htmlTags.ts';

/** XML namespace names: identifiers that look like URLs but are never fetched. */
const NAMESPACES = new Set([
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/1998/Math/MathML',
  'http://www.w3.org/XML/1998/namespace',
  'http://www.w3.org/2000/xmlns/',
]);
const ABSOLUTE = /^\s*(?:https?:)?\/\//i;
const IN_TEXT = /(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s'"`)<]*/gi;

/**
 * `ownOrigin`: the site's origin (e.g. from `<link rel=canonical>`), whose
 * absolute URLs are allowed; undefined allows none.
 */
export function offSiteUrls(html: string, ownOrigin?: string): string[] {
  const found = new Set<string>();
  const check = (url: string) => {
    const u = url.trim();
    if (NAMESPACES.has(u)) return;
    let origin: string;
    try {
      origin = new URL(u.startsWith('//') ? `https:${u}` : u).origin;
    } catch {
      found.add(u);
      return;
    }
    if (origin !== ownOrigin) found.add(u);
  };
  for (const tag of htmlTags(html)) {
    for (const [name, value] of tag.attrs) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      const values =
        name === 'srcset' || name === 'imagesrcset'
          ? value.split(',').map((v) => v.trim().split(/\s+/)[0] ?? '')
          : [value];
      for (const v of values) if (ABSOLUTE.test(v)) check(v);
      if (name === 'style')
        for (const m of value.matchAll(/url\(\s*['"]?([^'")]+)/g))
          if (ABSOLUTE.test(m[1] as string)) check(m[1] as string);
    }
    if (tag.name === 'style') {
      const css = tag.text.replace(/\/\*[\s\S]*?\*\//g, '');
      for (const m of css.matchAll(/(?:url\(|@import)\s*['"]?([^'")\s;]+)/g))
        if (ABSOLUTE.test(m[1] as string)) check(m[1] as string);
    }
    if (tag.name === 'script') for (const m of tag.text.matchAll(IN_TEXT)) check(m[0]);
  }
  return [...found];
}
