import { describe, expect, it } from 'vitest';
import { absoluteUrl, shuangdaoLabel } from '../../../../src/views/places/villages.ts';

describe('shuangdaoLabel', () => {
  it('names the round, or nothing for villages that were never 双到', () => {
    expect(shuangdaoLabel('2')).toBe('“双到”第2轮');
    expect(shuangdaoLabel(null)).toBeNull();
    expect(shuangdaoLabel('')).toBeNull();
  });
});

describe('absoluteUrl', () => {
  it('resolves a site path against site_url', () => {
    expect(absoluteUrl('/villages/1/', 'https://a.example/')).toBe('https://a.example/villages/1/');
  });
  it('keeps percent-encoding of the path', () => {
    expect(absoluteUrl('/streets/%E7%94%B0/', 'https://a.example')).toBe(
      'https://a.example/streets/%E7%94%B0/',
    );
  });
  it('gives null without a site_url', () => {
    expect(absoluteUrl('/villages/1/', undefined)).toBeNull();
  });
});
