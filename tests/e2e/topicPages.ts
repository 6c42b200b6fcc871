/** The topic pages: a filter form, named queries rerun in the browser, the address as state. */
export const TOPIC_PAGES = [
  '/registration/',
  '/exit/',
  '/shuangdao/',
  '/rectification/',
  '/projects/',
] as const;
