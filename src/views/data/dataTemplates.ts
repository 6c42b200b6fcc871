/**
 * Blank templates for staff (空白模板): one CSV per dataset with just the
 * canonical Chinese header row, and an example campaign.json — generated from
 * the schemas (`npm run templates`), so they can't drift from what the
 * validator accepts. Pure: the site lists them from the same function.
 */
import { CampaignSchema, type Campaign } from '../../contract/input/campaign.ts';
import { DATASETS } from '../../contract/input/datasets.ts';
import type { DatasetDef } from '../../contract/input/defineDataset.ts';

/** One template file. */
export interface DataTemplate {
  /** File name, as it must be named in data/. */
  file: string;
  title: string;
  /** What to fill in, one line. */
  description: string;
  /** Canonical headers (CSV templates), in column order. */
  headers: string[];
  content: string;
}

/** Where the script writes them: committed for staff, and public/ so the site offers them at /templates/. */
export const TEMPLATE_DIRS = ['templates', 'public/templates'] as const;

/** A CSV cell, quoted only when it must be (RFC 4180). */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A header-only CSV: UTF-8 with a BOM and CRLF, which Excel on Chinese Windows
 * opens as UTF-8 (without the BOM it would read the header as GBK mojibake).
 */
export function csvTemplate(dataset: Pick<DatasetDef, 'columns'>): string {
  return `\uFEFF${dataset.columns.map((c) => csvCell(c.header)).join(',')}\r\n`;
}

/**
 * The example campaign.json: the seed plan's dates and standards. `sample` is
 * false and there is no `site_url`: staff add the address the site is published at.
 */
export const CAMPAIGN_EXAMPLE = {
  region: '汕尾市红海湾开发区',
  title: '精准扶贫“回头看”公开进展',
  as_of: '2018-07-20',
  poverty_line: { yuan: 4000, base_year: 2014 },
  income_bands: [4000, 6000, 8000, 10000],
  phases: [
    { name: '动员部署', start: '2018-06-05', end: '2018-06-10' },
    { name: '组织实施', start: '2018-06-05', end: '2018-07-10' },
    { name: '抽查整改', start: '2018-07-11', end: '2018-07-14' },
    { name: '总结上报', start: '2018-07-15', end: '2018-07-18' },
  ],
  privacy: { k: 3 },
  sample: false,
} satisfies Campaign;

/**
 * JSON indented by two, with arrays of numbers on one line — as Prettier writes
 * it, so the committed file passes `prettier --check` and equals the generated one.
 */
function formatJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(
    /\[\n\s+(-?[\d.]+(?:,\n\s+-?[\d.]+)*)\n\s+\]/g,
    (_, items: string) => `[${items.split(/,\n\s+/).join(', ')}]`,
  );
  return `${text}\n`;
}

/** Every template: the CSVs in dependency order, then campaign.json. */
export function buildDataTemplates(
  datasets: readonly Pick<DatasetDef, 'file' | 'title' | 'planRef' | 'optional' | 'columns'>[] = DATASETS,
): DataTemplate[] {
  const csv = datasets.map((d) => ({
    file: d.file,
    title: d.title,
    description: `对应方案${d.planRef}；${d.optional ? '可选文件（没有时可不放）；' : ''}${d.columns.length} 列，只有表头行，从第 2 行起每行填一条。`,
    headers: d.columns.map((c) => c.header),
    content: csvTemplate(d),
  }));
  // Parse to be sure the example is valid; write what was written above, keys in that order.
  CampaignSchema.parse(CAMPAIGN_EXAMPLE);
  const campaign: DataTemplate = {
    file: 'campaign.json',
    title: '发布设置（示例）',
    description: '地区、标题、数据截止日期、贫困线、收入段、工作阶段等；按本地区情况修改。',
    headers: [],
    content: formatJson(CAMPAIGN_EXAMPLE),
  };
  return [...csv, campaign];
}
