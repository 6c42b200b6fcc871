/**
 * A minimal tag scanner for built HTML (the budget checks need tags and
 * attributes, not a DOM): yields each start tag with its attributes, and for
 * <script> and <style> the raw text inside, which is not scanned for tags.
 * Comments are skipped.
 */
export interface HtmlTag {
  name: string;
  attrs: Map<string, string>;
  /** Text inside <script>/<style>; '' otherwise. */
  text: string;
  /** Whether the tag starts before `</head>`. */
  inHead: boolean;
}

const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

export function htmlTags(html: string): HtmlTag[] {
  const tags: HtmlTag[] = [];
  const headEnd = html.search(/<\/head\s*>/i);
  const re = /<!--[\s\S]*?-->|<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    if (!m[1]) continue;
    const name = m[1].toLowerCase();
    const attrs = new Map<string, string>();
    for (const a of (m[2] ?? '').matchAll(ATTR)) {
      attrs.set((a[1] as string).toLowerCase(), decodeEntities(a[2] ?? a[3] ?? a[4] ?? ''));
    }
    let text = '';
    if (name === 'script' || name === 'style') {
      const close = html.toLowerCase().indexOf(`</${name}`, re.lastIndex);
      const end = close < 0 ? html.length : close;
      text = html.slice(re.lastIndex, end);
      re.lastIndex = end;
    }
    tags.push({ name, attrs, text, inHead: headEnd < 0 || m.index < headEnd });
  }
  return tags;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
