import { describe, expect, it } from 'vitest';
import { renderBlocking } from '../../../bench/renderBlocking.ts';

const page = (head: string, body = '') =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('renderBlocking', () => {
  it('finds external stylesheets and classic sync scripts in <head>', () => {
    expect(
      renderBlocking(
        page(
          '<link rel="stylesheet" href="/_astro/a.css"><script src="/legacy.js"></script><link rel=stylesheet href=/b.css media="screen">',
        ),
      ),
    ).toEqual(['stylesheet /_astro/a.css', 'script /legacy.js', 'stylesheet /b.css']);
  });

  it('does not count inline styles, module/async/defer scripts, print styles or preloads', () => {
    expect(
      renderBlocking(
        page(
          '<style>body{color:red}</style><script type="module" src="/m.js"></script><script async src="/a.js"></script>' +
            '<script defer src="/d.js"></script><link rel="stylesheet" href="/p.css" media="print">' +
            '<link rel="preload" href="/f.woff2" as="font"><script>var x = "<link rel=stylesheet href=/no.css>";</script>',
        ),
      ),
    ).toEqual([]);
  });

  it('counts @import inside an inline style but not one in a comment', () => {
    expect(
      renderBlocking(
        page('<style>/* @import "/old.css"; */@import url("/fonts.css");body{}</style>'),
      ),
    ).toEqual(['@import /fonts.css']);
  });

  it('ignores stylesheets and scripts in <body>', () => {
    expect(
      renderBlocking(
        page('', '<link rel="stylesheet" href="/late.css"><script src="/x.js"></script>'),
      ),
    ).toEqual([]);
  });
});
