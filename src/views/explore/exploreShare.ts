/**
 * Sharing a query by its address (/explore/?sql=…), within what servers take.
 * nginx refuses a request line over 8 KB by default (`large_client_header_buffers
 * 4 8k`: "414 Request-URI Too Large"), the project's own server (Node) answers
 * 431 past 16 KB of headers, and in-app browsers add their own parameters when
 * a link is passed on. Percent-encoding costs 3 bytes per byte: a Chinese
 * character is 9. So the address keeps a query only while path and query
 * string stay within half of nginx's default.
 */

/** Most bytes of path + query string a shared link may have. */
export const SHARE_MAX_URL_BYTES = 4096;

export type ShareLink =
  | { ok: true; search: string }
  | { ok: false; /** Bytes the address would have had. */ bytes: number };

/** The query string that shares `sql` on `pathname`, or why it cannot. */
export function shareLink(sql: string, pathname: string): ShareLink {
  const search = `?sql=${encodeURIComponent(sql)}`;
  // encodeURIComponent leaves only ASCII: its length is its size in bytes.
  const bytes = encodeURI(pathname).length + search.length;
  return bytes <= SHARE_MAX_URL_BYTES ? { ok: true, search } : { ok: false, bytes };
}

/** What the page says when a query is too long for a link (its size in KB, one decimal). */
export function shareTooLongMessage(bytes: number): string {
  const kb = (n: number) => (n / 1024).toFixed(1);
  return `这条查询太长（链接约 ${kb(bytes)} KB，超过 ${kb(SHARE_MAX_URL_BYTES)} KB），无法放进链接分享：可以复制 SQL 发给对方。`;
}
