import { PRESETS, PROVINCE_LAYOUT_ABOVE, type SampleOptions } from './presets.ts';
import type { Rng } from './rng.ts';
import { COUNTY_NAMES, FIRST_SYLLABLES, SECOND_SYLLABLES, syllableName } from './syllables.ts';

/** A street (街道) or town (镇) with everything the generator needs to know about it. */
export interface Street {
  name: string;
  /** First nine digits of its villages' 村代码. */
  code: string;
  /** Its own office, a 责任单位 (田墘街道办事处, 青禾镇人民政府). */
  office: string;
  /** Prefix of the units above it (区 → 区扶贫办; 岚溪县 → 岚溪县扶贫办). */
  unitPrefix: string;
  /** Relative share of the villages. */
  weight: number;
  /** Whether its villages can have been 双到 villages. */
  shuangdao: boolean;
}

/** The region a data set describes. */
export interface Region {
  region: string;
  title: string;
  streets: Street[];
  shuangdaoShare: number;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const officeOf = (name: string) => (name.endsWith('街道') ? `${name}办事处` : `${name}人民政府`);

/**
 * The preset's streets, or — past PROVINCE_LAYOUT_ABOVE villages — a
 * fictional province of about 20 counties with about five towns each, about
 * 23 villages a town (the size of the 2,300-village benchmark).
 */
export function buildRegion(options: SampleOptions, rng: Rng): Region {
  const preset = PRESETS[options.preset];
  if (options.villages <= PROVINCE_LAYOUT_ABOVE) {
    return {
      region: preset.region,
      title: preset.title,
      shuangdaoShare: preset.shuangdaoShare,
      streets: preset.streets.map((s, i) => ({
        ...s,
        code: `${preset.codePrefix}${pad(i + 1, 3)}`,
        office: officeOf(s.name),
        unitPrefix: preset.unitPrefix,
      })),
    };
  }
  const streetCount = Math.max(5, Math.round(options.villages / 23));
  const countyCount = Math.min(COUNTY_NAMES.length, Math.max(1, Math.round(streetCount / 5)));
  const names = [...Array(FIRST_SYLLABLES.length * SECOND_SYLLABLES.length).keys()];
  const streets: Street[] = [];
  for (let c = 0; c < countyCount; c++) {
    const county = COUNTY_NAMES[c] as string;
    const towns = Math.floor(streetCount / countyCount) + (c < streetCount % countyCount ? 1 : 0);
    const order = rng.shuffle(names);
    for (let t = 0; t < towns; t++) {
      // Each county seat is a 街道; the other towns are 镇 (division codes 001… and 101…).
      const isStreet = t === 0;
      const name = `${county}${syllableName(order, t)}${isStreet ? '街道' : '镇'}`;
      streets.push({
        name,
        code: `99${pad(1 + Math.floor(c / 5), 2)}${pad(1 + (c % 5), 2)}${isStreet ? '001' : pad(100 + t, 3)}`,
        office: officeOf(name),
        unitPrefix: county,
        weight: 0.7 + 0.6 * rng.next(),
        shuangdao: true,
      });
    }
  }
  return {
    region: '示例省（虚构）',
    title: '全省精准扶贫"回头看"公开进展（规模测试数据）',
    shuangdaoShare: preset.shuangdaoShare,
    streets,
  };
}
