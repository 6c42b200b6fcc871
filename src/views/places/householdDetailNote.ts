/**
 * What a place page says when its household rows are not all published with
 * it (docs/privacy.md): a village whose rows went up to its street or the
 * district (并入街道 / 并入全区), a village that lent rows to complete its
 * street's or the district's group, and a street some of whose villages'
 * households are counted only in the district total. Without it the page
 * would read "暂无建档立卡户" for a village with households. Pure.
 */
import { HOUSEHOLD_DETAIL, DISTRICT_REMAINDER } from '../../contract/privacyReport.ts';
import { formatNumber } from '../../render/format.ts';

export interface VillageDetail {
  village_name: string;
  street: string;
  /** villages.household_detail: 按村公开 / 并入街道 / 并入全区. */
  household_detail: string;
  /** 建档立卡 households now (village_people, exact). */
  households: number;
  /**
   * Its rows published only under the street / the district (privacy report
   * `villages`): for a village published by village, the rows it lent.
   */
  streetOnly: number;
  districtOnly: number;
}

const WHAT = '脱贫成效分类、“三保障”、帮扶措施和收入分布';

/** The note for a village page, or null when all its rows are published with it. */
export function villageDetailNote(v: VillageDetail, k: number): string | null {
  const n = formatNumber(v.households);
  if (v.households === 0) return null;
  if (v.household_detail === HOUSEHOLD_DETAIL.district)
    return (
      `本村 ${n} 户建档立卡户的户级数据并入全区公开：本村户数不足 ${k} 户或各户情况都相同，在村里、在${v.street}里都无法保护，按村公开会让邻居认出某户（隐私保护）。` +
      `所以本页的${WHAT}不含本村的户；这些户只计入全区合计，不计入${v.street}的户数人数（单列为“${DISTRICT_REMAINDER}”）。本村的户数仍精确公开（见上）。`
    );
  if (v.household_detail === HOUSEHOLD_DETAIL.street)
    return (
      `本村 ${n} 户建档立卡户的户级数据并入${v.street}公开：本村户数不足 ${k} 户或各户情况都相同，按村公开会让邻居认出某户（隐私保护）。` +
      `所以本页的${WHAT}不含本村的户，这些户计入${v.street}的数字。本村的户数仍精确公开（见上）。`
    );
  const lent = v.streetOnly + v.districtOnly;
  if (lent === 0) return null;
  const where = [
    v.streetOnly > 0 ? `${formatNumber(v.streetOnly)} 户借给${v.street}的组` : '',
    v.districtOnly > 0 ? `${formatNumber(v.districtOnly)} 户借给全区的组` : '',
  ]
    .filter(Boolean)
    .join('、');
  return (
    `本村 ${n} 户建档立卡户中，${where}补足户数（那一组的户数不够，隐私保护），它们的户级数据只公开到${v.districtOnly > 0 ? '全区' : '街道'}。` +
    `所以本页的${WHAT}只含其余 ${formatNumber(v.households - lent)} 户；本村和${v.street}的户数人数仍包括全部 ${n} 户。`
  );
}

/** What a village page's charts say when none of its rows is published with it. */
export const ROWS_ELSEWHERE = '本村的户级数据不按村公开，见上面的说明。';

/** The note for a street page when some of its villages' households are in no street's figures. */
export function streetDetailNote(
  street: string,
  villages: readonly { village_name: string; household_detail: string; households: number }[],
): string | null {
  const out = villages.filter(
    (v) => v.household_detail === HOUSEHOLD_DETAIL.district && v.households > 0,
  );
  if (out.length === 0) return null;
  const households = out.reduce((s, v) => s + v.households, 0);
  return (
    `${out.map((v) => v.village_name).join('、')}的 ${formatNumber(households)} 户建档立卡户，户级数据并入全区公开（户数太少，在村里、街道里都无法保护），` +
    `所以不计入本街道的户数人数和分类，只计入全区合计（单列为“${DISTRICT_REMAINDER}”）；各村的户数见下表。`
  );
}

/**
 * The note under a per-village table of the household rows: which villages
 * list fewer rows than they have 建档立卡 households, and why.
 */
export function notListedNote(
  villages: readonly {
    village_name: string;
    household_detail: string;
    households: number;
    listed: number;
  }[],
): string | null {
  if (villages.length === 0) return null;
  const parts = villages.map((v) =>
    v.household_detail === HOUSEHOLD_DETAIL.village
      ? `${v.village_name} ${formatNumber(v.households)} 户中 ${formatNumber(v.households - v.listed)} 户借给街道或全区的组补足户数，只列 ${formatNumber(v.listed)} 户`
      : `${v.village_name} ${formatNumber(v.households)} 户的户级数据${v.household_detail}，不按村列出`,
  );
  return `为保护隐私，表中各村只计按村公开的户级数据：${parts.join('；')}（计入街道或全区的数字，见“数据”页的隐私处理报告）。`;
}
