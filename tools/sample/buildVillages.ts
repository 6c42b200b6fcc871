import { allocate } from './allocate.ts';
import type { Region, Street } from './buildRegion.ts';
import type { Rng } from './rng.ts';
import {
  FIRST_SYLLABLES,
  FIXED_VILLAGE_NAME,
  SECOND_SYLLABLES,
  syllableName,
} from './syllables.ts';

/** One village (村) or community (社区) as the generator holds it. */
export interface VillageRecord {
  code: string;
  name: string;
  street: Street;
  community: boolean;
  round: '1' | '2' | null;
  poor: boolean;
  /** Relative number of households. */
  weight: number;
}

/** Share of a street's villages that are urban 社区 (never 双到). */
const COMMUNITY_SHARE = 0.1;
/** Share of villages that are 相对贫困村, mostly outside the former 双到 villages. */
const POOR_SHARE = 0.13;

/**
 * The villages of a region: names unique within each street (across the
 * region when it is small), 12-digit codes
 * (社区 001…, 村 201…, as real division codes number them), exactly
 * round(share × villages) 双到 villages, some 相对贫困村.
 */
export function buildVillages(region: Region, count: number, rng: Rng): VillageRecord[] {
  const perStreet = allocate(
    count,
    region.streets.map((s) => s.weight),
    1,
  );
  const namePool = [...Array(FIRST_SYLLABLES.length * SECOND_SYLLABLES.length).keys()];
  // A small region gets names unique across all its streets (easier to search); a province only within each.
  const shared = count <= namePool.length ? rng.shuffle(namePool) : null;
  let offset = 0;
  const villages: VillageRecord[] = [];
  region.streets.forEach((street, si) => {
    const n = perStreet[si] ?? 0;
    const communities = n >= 6 ? Math.max(1, Math.round(n * COMMUNITY_SHARE)) : 0;
    if (communities > 99 || n - communities > 799)
      throw new Error(`${street.name} 的村太多（${n}）：村代码只有三位序号`);
    const order = shared ?? rng.shuffle(namePool);
    const first = shared ? offset : 0;
    offset += n;
    for (let i = 0; i < n; i++) {
      const community = i < communities;
      const serial = community ? i + 1 : 201 + i - communities;
      const fixed =
        si === Math.min(1, region.streets.length - 1) &&
        i === communities + Math.min(2, n - communities - 1);
      villages.push({
        code: `${street.code}${String(serial).padStart(3, '0')}`,
        name: fixed
          ? FIXED_VILLAGE_NAME
          : `${syllableName(order, first + i)}${community ? '社区' : '村'}`,
        street,
        community,
        round: null,
        poor: false,
        weight: community ? 0.35 : 0.7 + 0.6 * rng.next(),
      });
    }
  });

  const rural = villages.filter((v) => !v.community);
  const eligible = rng.shuffle(rural.filter((v) => v.street.shuangdao));
  const shuangdao = Math.min(eligible.length, Math.round(region.shuangdaoShare * count));
  eligible.slice(0, shuangdao).forEach((v, i) => {
    v.round = i < Math.round(shuangdao * 0.48) ? '1' : '2';
    v.weight *= 1.25;
  });
  const poor = Math.round(POOR_SHARE * count);
  const others = rng.shuffle(rural.filter((v) => v.round === null));
  const former = rng.shuffle(rural.filter((v) => v.round !== null));
  const fromOthers = Math.min(others.length, Math.round(poor * 0.8));
  [...others.slice(0, fromOthers), ...former.slice(0, poor - fromOthers)].forEach((v) => {
    v.poor = true;
    v.weight *= 1.6;
  });
  return villages;
}
