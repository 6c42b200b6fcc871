import { z } from 'zod';
import { parseDate } from './cells.ts';

const isoDate = z
  .string()
  .refine((s) => parseDate(s) === s, { message: '应为 YYYY-MM-DD 格式的日期，如 2018-06-05' });

/** One phase of the campaign (phases may overlap). */
export const PhaseSchema = z
  .object({
    name: z.string().min(1).describe('阶段名称'),
    start: isoDate.describe('开始日期'),
    end: isoDate.describe('结束日期'),
  })
  .refine((p) => p.start <= p.end, { message: '结束日期不能早于开始日期', path: ['end'] });

/** campaign.json — the publication's settings. */
export const CampaignSchema = z
  .object({
    region: z.string().min(1).describe('地区名称（市、区）'),
    title: z.string().min(1).describe('网站标题'),
    as_of: isoDate.describe('数据截止日期'),
    poverty_line: z
      .object({
        yuan: z.number().positive().describe('年人均可支配收入标准（元）'),
        base_year: z.number().int().describe('不变价基年'),
      })
      .describe('贫困线'),
    income_bands: z
      .array(z.number().positive())
      .min(1)
      .refine((a) => a.every((v, i) => i === 0 || v > (a[i - 1] ?? 0)), {
        message: '应为递增的数字',
      })
      .describe('公开的收入段上限（元）'),
    phases: z.array(PhaseSchema).min(1).describe('工作阶段'),
    privacy: z
      .object({ k: z.number().int().min(1).default(3).describe('公开户级数据的最小分组人数') })
      .default({ k: 3 }),
    site_url: z.url().optional().describe('网站发布地址（用于二维码与规范链接）'),
    sample: z.boolean().default(false).describe('是否为虚构的示例数据'),
  })
  .strict();
export type Campaign = z.output<typeof CampaignSchema>;
