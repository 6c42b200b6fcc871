/**
 * The hostile data set: the sample data with markup, attribute breakers, Excel
 * formulas, a 5,000-character word and line breaks written into every free-text
 * and name column a page, chart or download shows. Used by buildHostile.ts (to
 * write it) and hostile.spec.ts (to know what to look for). Everything stays
 * valid per the data contract: names non-empty and unique within their street.
 */

/** A 5,000-character string without any space or break opportunity but its ends. */
export const LONG_WORD = `超长${'ABCDEFGHIJ'.repeat(499)}尾`;

/** The hostile strings, each one a way text could turn into markup, script or formula. */
export const HOSTILE = {
  script: '<script>alert(1)</script>',
  attribute: '" onmouseover="alert(2)',
  formula: '=HYPERLINK("http://x","y")',
  long: LONG_WORD,
  newline: '第一行\n第二行',
  image: "'><img src=x onerror=alert(3)>",
  svg: '</text><svg onload=alert(4)><text>',
  entity: '&lt;b&gt;不应变粗&lt;/b&gt; & AT&T',
} as const;

export type HostileKey = keyof typeof HOSTILE;

/**
 * Street names: one per sample street (three). A street name is also the page
 * address /streets/<name>/, so the contract keeps `/ \ ? # %` and more than 60
 * characters out of it (src/contract/input/cells.ts pathName); within that, anything goes.
 */
export const HOSTILE_STREETS = [
  '"><b onmouseover="alert(5)">街道',
  `<style>*{display:none}${'W'.repeat(34)}街道`,
  '=1+1 & <i>街道',
] as const;

/** One CSV file as rows of header → cell, with its header order. */
export interface CsvTable {
  fields: string[];
  rows: Record<string, string>[];
}

/** What the injection wrote where, so a test can look for it. */
export interface HostilePlan {
  /** village code → hostile name. */
  villages: Record<string, string>;
  /** original street → hostile street. */
  streets: Record<string, string>;
}

const KEYS = Object.keys(HOSTILE) as HostileKey[];
const cycle = (i: number): string => HOSTILE[KEYS[i % KEYS.length] as HostileKey];

/**
 * Rewrites the sample tables in place: every hostile string becomes a village
 * name (villages chosen among those with 双到 shortcomings and rectification
 * items, so they reach charts and lists), streets are renamed everywhere, and
 * the first rows of each free-text column get the hostile strings in turn.
 */
export function injectHostile(tables: Record<string, CsvTable>): HostilePlan {
  const villages = tables['villages.csv'] as CsvTable;
  const shortcomings = tables['shortcomings.csv'] as CsvTable;
  const rectifications = tables['rectifications.csv'] as CsvTable;
  const changes = tables['household_changes.csv'] as CsvTable;
  const projects = tables['projects.csv'] as CsvTable;

  const rectified = new Set(rectifications.rows.map((r) => r['村代码']));
  const withShortcomings = new Set(shortcomings.rows.map((r) => r['村代码']));
  const preferred = [
    ...villages.rows.filter((v) => withShortcomings.has(v['村代码']) && rectified.has(v['村代码'])),
    ...villages.rows.filter(
      (v) => !(withShortcomings.has(v['村代码']) && rectified.has(v['村代码'])),
    ),
  ];
  const plan: HostilePlan = { villages: {}, streets: {} };
  KEYS.forEach((key, i) => {
    const v = preferred[i];
    if (!v) throw new Error('sample has too few villages for the hostile names');
    v['村名称'] = HOSTILE[key];
    plan.villages[v['村代码'] as string] = HOSTILE[key];
  });

  const streets = [...new Set(villages.rows.map((v) => v['街道'] as string))];
  streets.forEach((s, i) => {
    plan.streets[s] = HOSTILE_STREETS[i % HOSTILE_STREETS.length] as string;
  });
  // A district-wide project has no street: it stays empty.
  for (const row of [...villages.rows, ...rectifications.rows, ...projects.rows])
    row['街道'] = plan.streets[row['街道'] as string] ?? (row['街道'] as string);

  const spray = (table: CsvTable, column: string, offset = 0) =>
    table.rows.slice(0, KEYS.length).forEach((row, i) => (row[column] = cycle(i + offset)));
  spray(rectifications, '问题描述');
  spray(rectifications, '整改措施', 1);
  spray(rectifications, '责任单位', 2);
  spray(changes, '变动原因');
  // 短板描述 is required only when 长效机制 is 否; writing it elsewhere is allowed too.
  spray(shortcomings, '短板描述');
  spray(shortcomings, '拟建项目', 1);
  spray(shortcomings, '责任单位', 2);
  spray(projects, '建设任务');
  spray(projects, '实施单位', 1);
  spray(projects, '带贫减贫机制', 2);
  spray(projects, '绩效目标', 3);
  // 项目名称 is at most 100 characters: every hostile string but the long word.
  projects.rows
    .slice(0, KEYS.length)
    .forEach((row, i) => (row['项目名称'] = KEYS[i] === 'long' ? HOSTILE.script : cycle(i)));
  return plan;
}
