import { describe, expect, it } from 'vitest';
import { escapeHtml, renderTableHtml } from '../../../../src/render/html/tableHtml.ts';
import type { TableColumn } from '../../../../src/render/html/table.ts';

const columns: TableColumn[] = [
  { key: 'name', label: '名称' },
  { key: 'n', label: '户数', format: 'number' },
  { key: 'share', label: '占比', format: 'percent' },
  { key: 'date', label: '日期', format: 'date' },
];

/**
 * Element names in the HTML, the way a browser tokenizes it: quoted attribute
 * values are opaque (a `<` inside href="…" is text). No DOM in vitest's node env.
 */
function tags(html: string): string[] {
  const outsideAttributes = html.replace(/"[^"]*"/g, '""');
  return [...outsideAttributes.matchAll(/<([a-z]+)[\s>]/gi)].map((m) => m[1]!.toLowerCase());
}

describe('renderTableHtml', () => {
  it('renders the DataTable structure with formatted numbers and raw data-v', () => {
    const html = renderTableHtml(
      columns,
      [{ name: '甲村', n: 1234, share: 0.125, date: '2018-07-20' }],
      {
        caption: '表',
      },
    );
    expect(
      html.startsWith(
        '<div class="scroll-x" role="region" aria-label="表" tabindex="0"><table><caption',
      ),
    ).toBe(true);
    expect(html).toContain('<th scope="col" class="num">户数</th>');
    expect(html).toContain('<th scope="col">名称</th>');
    expect(html).toContain('<td class="num" data-v="1234">1,234</td>');
    expect(html).toContain('<td class="num" data-v="0.125">12.5%</td>');
    expect(html).toContain('<td>2018年7月20日</td>');
  });

  it('shows missing values as — without data-v', () => {
    const html = renderTableHtml(columns, [{ name: '', n: null, share: undefined }]);
    expect(html).toContain('<td>—</td><td class="num">—</td><td class="num">—</td><td>—</td>');
    expect(html).not.toContain('data-v');
    expect(html).not.toContain('<caption');
  });

  it('keeps hostile text inert in cells, captions, labels and links', () => {
    const evil = '<img src=x onerror=alert(1)>"\'&';
    const html = renderTableHtml(
      [{ key: 'name', label: evil }],
      [{ name: evil }, { name: ['<b>', 'x'] }],
      { caption: evil, links: { name: () => '/x/?a="><script>alert(1)</script>&b' } },
    );
    // Only the structural tags we emit: no img, script or b element sneaks in.
    expect(new Set(tags(html))).toEqual(
      new Set(['div', 'table', 'caption', 'thead', 'tr', 'th', 'tbody', 'td', 'a']),
    );
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;');
    expect(html).toContain('href="/x/?a=&quot;><script>');
    expect(html).toContain('&lt;b&gt;、x');
  });

  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&#39;f');
  });
});
