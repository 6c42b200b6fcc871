/** Small pure helpers shared by the village list, village and street pages. */

/** Above this many villages /villages/ lists streets, and each street page its villages. */
export const FULL_LIST_MAX = 300;

/** `'1'` → `“双到”第1轮`; null/empty → null. */
export function shuangdaoLabel(round: string | null | undefined): string | null {
  return round ? `“双到”第${round}轮` : null;
}

/**
 * The absolute address of a site path for printing (QR codes): resolved
 * against `site_url` the way Astro resolves canonical URLs; null without one.
 */
export function absoluteUrl(path: string, siteUrl: string | undefined): string | null {
  if (!siteUrl) return null;
  return new URL(path, siteUrl).href;
}
