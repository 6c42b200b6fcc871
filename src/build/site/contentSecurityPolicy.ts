/**
 * The site's Content-Security-Policy, in one place for its two carriers:
 *
 * - each page's `<meta http-equiv="content-security-policy">`, written by Astro
 *   (`security.csp` in astro.config.mjs) with the hashes of that page's inline
 *   scripts and styles — hashes differ per page, so only Astro can write them;
 * - the `Content-Security-Policy` header nginx sends with every response
 *   (deploy/nginx.conf): the page-independent directives, plus the ones a meta
 *   policy cannot carry (`frame-ancestors`).
 *
 * Browsers enforce both: a request must pass each. The header therefore leaves
 * out `default-src`, `script-src` and `style-src` (hash-free, they would block
 * the very inline code the meta allows by hash); it also makes it the policy of
 * the DuckDB worker, whose script is a separate response: no `script-src`, so
 * its WebAssembly compiles, and `connect-src 'self'` keeps it on the site.
 */

/** Fetch and navigation limits that are the same on every page and response. */
export const CSP_SHARED_DIRECTIVES = [
  // The browser engine reads the database and its wasm by fetch/range requests.
  "connect-src 'self'",
  // blob: the PNG chart download draws the chart's SVG through an <img>.
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // DuckDB-WASM runs in a same-origin worker (a hashed /_astro/ file).
  "worker-src 'self'",
  "manifest-src 'self'",
  "media-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** Directives of the meta policy besides script-src/style-src (which Astro adds, with hashes). */
export const CSP_PAGE_DIRECTIVES = ["default-src 'self'", ...CSP_SHARED_DIRECTIVES] as const;

/** Sources for scripts besides the per-page hashes: WebAssembly needs 'wasm-unsafe-eval'. */
export const CSP_SCRIPT_RESOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

/**
 * Sources for styles besides the per-page hashes of the inlined stylesheet.
 * `'unsafe-hashes'` lets a style *attribute* through when its value's hash is
 * listed (CSP_STYLE_ATTRIBUTE_HASHES) — and only then: still no 'unsafe-inline'.
 */
export const CSP_STYLE_RESOURCES = ["'self'", "'unsafe-hashes'"] as const;

/** The one style attribute value the site sets from code it does not own. */
export const CSP_STYLE_ATTRIBUTE_VALUES = ['tab-size: 4'] as const;

/**
 * Hashes of CSP_STYLE_ATTRIBUTE_VALUES (a unit test recomputes them). CodeMirror,
 * the explore page's editor (src/client/explore/sqlEditor.ts), always sets
 * `style="tab-size: 4"` on its content element with setAttribute: without this
 * the policy blocks it ("Applying inline style violates … style-src-attr",
 * measured in Chromium 156) — a console error on every visit and 8-column tabs.
 * Its other styles go through a constructable stylesheet, which style-src does
 * not govern. Browsers without 'unsafe-hashes' (Firefox before 116) block the
 * attribute: tabs are 8 columns wide there, nothing else changes.
 */
export const CSP_STYLE_ATTRIBUTE_HASHES = [
  'sha256-qokx773Tl626SVTuhxQSccr23ixTSkbnBXWRqLjyuIg=',
] as const;

/** The header value nginx sends (deploy/nginx.conf must say exactly this). */
export const CSP_HEADER = [...CSP_SHARED_DIRECTIVES, "frame-ancestors 'none'"].join('; ');
