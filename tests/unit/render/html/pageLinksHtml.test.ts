import { describe, expect, it } from 'vitest';
import { pageWindow } from '../../../../src/render/html/pageLinksHtml.ts';

describe('pageWindow', () => {
  it('shows every page when there are few', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
  });

  it('keeps first, last and neighbours of the current page, with gaps between', () => {
    expect(pageWindow(1, 400)).toEqual([1, 2, null, 400]);
    expect(pageWindow(200, 400)).toEqual([1, null, 199, 200, 201, null, 400]);
    expect(pageWindow(400, 400)).toEqual([1, null, 399, 400]);
  });

  it('shows a single skipped page rather than a gap', () => {
    expect(pageWindow(4, 10)).toEqual([1, 2, 3, 4, 5, null, 10]);
    expect(pageWindow(7, 10)).toEqual([1, null, 6, 7, 8, 9, 10]);
  });
});
