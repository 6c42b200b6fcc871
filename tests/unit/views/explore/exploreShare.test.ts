import { describe, expect, it } from 'vitest';
import {
  SHARE_MAX_URL_BYTES,
  shareLink,
  shareTooLongMessage,
} from '../../../../src/views/explore/exploreShare.ts';

describe('shareLink', () => {
  it('puts a short query in the address, encoded', () => {
    expect(shareLink('SELECT 1', '/explore/')).toEqual({ ok: true, search: '?sql=SELECT%201' });
  });

  it('stays under half of nginx’s default 8 KB request line', () => {
    expect(SHARE_MAX_URL_BYTES).toBeLessThanOrEqual(8192 / 2);
  });

  it('counts a Chinese character as the 9 bytes it costs encoded', () => {
    const pathBytes = '/explore/?sql='.length;
    const fits = Math.floor((SHARE_MAX_URL_BYTES - pathBytes) / 9);
    expect(shareLink('街'.repeat(fits), '/explore/').ok).toBe(true);
    const over = shareLink('街'.repeat(fits + 1), '/explore/');
    expect(over).toEqual({ ok: false, bytes: pathBytes + 9 * (fits + 1) });
  });

  it('refuses the 20,000-character query that broke the link', () => {
    const sql = `SELECT ${Array.from({ length: 4000 }, (_, i) => `c${i}`).join(', ')} FROM t`;
    expect(sql.length).toBeGreaterThan(20_000);
    const link = shareLink(sql, '/explore/');
    expect(link.ok).toBe(false);
    expect(shareTooLongMessage(link.ok ? 0 : link.bytes)).toMatch(
      /^这条查询太长（链接约 [\d.]+ KB，超过 4\.0 KB），无法放进链接分享：可以复制 SQL 发给对方。$/,
    );
  });
});
