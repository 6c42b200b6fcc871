import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CSP_HEADER,
  CSP_PAGE_DIRECTIVES,
  CSP_SCRIPT_RESOURCES,
  CSP_STYLE_ATTRIBUTE_HASHES,
  CSP_STYLE_ATTRIBUTE_VALUES,
  CSP_STYLE_RESOURCES,
} from '../../../../src/build/site/contentSecurityPolicy.ts';

const nginx = readFileSync('deploy/nginx.conf', 'utf8');
const names = (policy: string) => policy.split(';').map((d) => d.trim().split(/\s+/)[0]);

describe('Content-Security-Policy', () => {
  it('deploy/nginx.conf sends exactly CSP_HEADER', () => {
    const sent = /add_header Content-Security-Policy "([^"]+)" always;/.exec(nginx)?.[1];
    expect(sent).toBe(CSP_HEADER);
  });

  it('the header leaves scripts and styles to the per-page meta, and forbids framing', () => {
    // A hash-free script-src/style-src/default-src in the header would block the
    // inline code each page's meta allows by hash: browsers enforce both.
    expect(names(CSP_HEADER)).not.toContain('default-src');
    expect(names(CSP_HEADER)).not.toContain('script-src');
    expect(names(CSP_HEADER)).not.toContain('style-src');
    expect(CSP_HEADER).toContain("frame-ancestors 'none'");
    expect(CSP_HEADER).toContain("object-src 'none'");
  });

  it('the meta policy defaults to the site itself and lets WebAssembly compile, without unsafe-inline', () => {
    expect(CSP_PAGE_DIRECTIVES[0]).toBe("default-src 'self'");
    expect(CSP_SCRIPT_RESOURCES).toContain("'wasm-unsafe-eval'");
    expect([...CSP_PAGE_DIRECTIVES, ...CSP_SCRIPT_RESOURCES].join(' ')).not.toContain(
      'unsafe-inline',
    );
    // frame-ancestors is ignored in a <meta>: it belongs to the header only.
    expect(names(CSP_PAGE_DIRECTIVES.join(';'))).not.toContain('frame-ancestors');
  });

  it('allows style attributes only by the hash of their exact value', () => {
    const sha256 = (v: string) => `sha256-${createHash('sha256').update(v).digest('base64')}`;
    expect(CSP_STYLE_ATTRIBUTE_HASHES).toEqual(CSP_STYLE_ATTRIBUTE_VALUES.map(sha256));
    expect(CSP_STYLE_RESOURCES).toContain("'unsafe-hashes'");
    expect(CSP_STYLE_RESOURCES.join(' ')).not.toContain('unsafe-inline');
  });
});
