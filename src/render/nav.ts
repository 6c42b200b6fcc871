/** The site's sections, in navigation order. */
export const SECTIONS = [
  { href: '/', label: '总览' },
  { href: '/registration/', label: '建档立卡' },
  { href: '/exit/', label: '脱贫成效' },
  { href: '/shuangdao/', label: '双到村' },
  { href: '/rectification/', label: '问题整改' },
  { href: '/projects/', label: '资金项目' },
  { href: '/villages/', label: '村居' },
  { href: '/updates/', label: '更新记录' },
  { href: '/explore/', label: '查询' },
  { href: '/data/', label: '数据与方法' },
] as const;

/** A site-internal link, respecting the configured base path. */
export function url(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}${path}`;
}

/** The page address of a village, and of a street. */
export const villageHref = (code: string) => url(`/villages/${code}/`);
export const streetHref = (street: string) => url(`/streets/${encodeURIComponent(street)}/`);
