import { describe, expect, it } from 'vitest';
import { offSiteUrls } from '../../../bench/offSiteUrls.ts';

describe('offSiteUrls', () => {
  it('finds absolute and protocol-relative URLs in any attribute, footer links included', () => {
    const html =
      '<img src="https://cdn.example.com/a.png"><script src="//unpkg.com/x.js"></script>' +
      '<footer><a href="http://gov.example.cn/notice">通知</a></footer>' +
      '<img srcset="/a.png 1x, https://img.example.net/b.png 2x"><meta property="og:image" content="https://img.example.org/og.png">';
    expect(offSiteUrls(html).sort()).toEqual(
      [
        'https://cdn.example.com/a.png',
        '//unpkg.com/x.js',
        'http://gov.example.cn/notice',
        'https://img.example.net/b.png',
        'https://img.example.org/og.png',
      ].sort(),
    );
  });

  it("allows the site's own origin and relative URLs", () => {
    const html =
      '<link rel="canonical" href="https://site.example.cn/exit/"><a href="/villages/">村</a><img src="chart.svg">';
    expect(offSiteUrls(html, 'https://site.example.cn')).toEqual([]);
    expect(offSiteUrls(html)).toEqual(['https://site.example.cn/exit/']);
  });

  it('finds URLs in inline CSS and script, but not in CSS comments or XML namespaces', () => {
    const html =
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"></svg>' +
      '<style>/*! tailwindcss | MIT License | https://tailwindcss.com */ @font-face{src:url(https://fonts.gstatic.com/f.woff2)}</style>' +
      '<div style="background:url(\'//img.example.com/bg.png\')"></div>' +
      '<script type="module">fetch("https://api.example.com/q");e.setAttribute("xmlns","http://www.w3.org/2000/svg")</script>';
    expect(offSiteUrls(html).sort()).toEqual(
      [
        'https://fonts.gstatic.com/f.woff2',
        '//img.example.com/bg.png',
        'https://api.example.com/q',
      ].sort(),
    );
  });

  it('decodes entities before judging a URL', () => {
    expect(offSiteUrls('<a href="https&#58;//evil.example.com/">x</a>')).toEqual([
      'https://evil.example.com/',
    ]);
  });
});
