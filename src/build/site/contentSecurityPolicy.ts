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

/** Sources for styles besides the per-page hashes of the inlined stylesheet. */
export const CSP_STYLE_RESOURCES = ["'self'"] as const;

/** The header value nginx sends (deploy/nginx.conf must say exactly this). */
export const CSP_HEADER = [...CSP_SHARED_DIRECTIVES, "frame-ancestors 'none'"].join('; ');
