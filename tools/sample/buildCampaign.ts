import type { Campaign } from '../../src/contract/index.ts';
import type { Region } from './buildRegion.ts';

/** The seed plan's dates: the campaign runs 2018-06-05 … 2018-07-20. */
export const AS_OF = '2018-07-20';
export const PHASES = [
  { name: '动员部署', start: '2018-06-05', end: '2018-06-10' },
  { name: '组织实施', start: '2018-06-05', end: '2018-07-10' },
  { name: '抽查整改', start: '2018-07-11', end: '2018-07-14' },
  { name: '总结上报', start: '2018-07-15', end: '2018-07-18' },
] as const;
export const CAMPAIGN_START = PHASES[0].start;

/** campaign.json of a generated data set (always marked `sample`: every page says so). */
export function buildCampaign(region: Region): Campaign {
  return {
    region: region.region,
    title: region.title,
    as_of: AS_OF,
    poverty_line: { yuan: 4000, base_year: 2014 },
    income_bands: [4000, 6000, 8000, 10000],
    phases: PHASES.map((p) => ({ ...p })),
    privacy: { k: 3 },
    sample: true,
  };
}
