import type { Household } from '../../contract/input/households.ts';
import type { Project } from '../../contract/input/projects.ts';
import type { Shortcoming } from '../../contract/input/shortcomings.ts';
import type { Village } from '../../contract/input/villages.ts';
import type { CheckedFile } from './crossCheck.ts';
import { baseName, type Report, type VillageRefs } from './villageRefs.ts';

/** What the project checks need to know about the other files. */
export interface ProjectContext {
  refs: VillageRefs;
  households?: CheckedFile<Household>;
  shortcomings?: CheckedFile<Shortcoming>;
}

/**
 * projects.csv against the other files: its street and village exist and agree;
 * 受益贫困户数 is at most the 建档立卡 households (在册 + 已脱贫) of the project's
 * village, street, or of all villages for a district-wide project; a 对应短板 is
 * given only for a 双到 village that has that shortcoming row. Counts that rows
 * failing in households.csv would change are not checked (unknown, not wrong).
 */
export function checkProjects(
  projects: CheckedFile<Project>,
  ctx: ProjectContext,
  report: Report,
): void {
  const { refs, households, shortcomings } = ctx;
  const { villages, villageByCode, villagesName } = refs;
  const registered = households?.readable
    ? registeredHouseholds(households, villageByCode, villages)
    : null;
  const dimensionsOf = new Map<string, Set<string>>();
  for (const s of shortcomings?.rows ?? [])
    dimensionsOf.set(
      s.village_code,
      (dimensionsOf.get(s.village_code) ?? new Set()).add(s.dimension),
    );

  projects.rows.forEach((p, i) => {
    if (p.street !== null)
      refs.checkStreet(report, i, p.street, '；全区项目请把街道和村代码都留空');
    const village =
      p.village_code === null ? undefined : refs.checkVillage(report, i, p.village_code, p.street);

    if (registered && households) {
      const limit = registered.limitFor(p, village);
      if (limit && p.beneficiary_households > limit.households)
        report(
          i,
          'beneficiary_households',
          'foreign-key',
          `受益贫困户数 ${p.beneficiary_households} 多于${limit.where}的建档立卡户数 ${limit.households}（${baseName(households.file)} 中${limit.which}在册、已脱贫的户）`,
        );
    }

    if (p.shortcoming_dimension !== null && village) {
      const name = `村代码 ${village.village_code}（${village.village_name}）`;
      if (village.shuangdao_round === null)
        report(
          i,
          'shortcoming_dimension',
          'foreign-key',
          `对应短板为 ${p.shortcoming_dimension}，但${name}不是"双到"村（${villagesName} 中它的双到轮次为空）；非"双到"村的项目请留空`,
        );
      else if (
        shortcomings?.readable &&
        !shortcomings.failedKeys.get('village_code')!.has(village.village_code) &&
        !dimensionsOf.get(village.village_code)?.has(p.shortcoming_dimension)
      )
        report(
          i,
          'shortcoming_dimension',
          'foreign-key',
          `对应短板为 ${p.shortcoming_dimension}，但 ${baseName(shortcomings.file)} 中没有${name}该领域的行`,
        );
    }
  });
}

/** The household count a project's beneficiaries are held to, and how to name it. */
interface Limit {
  households: number;
  /** The place, as the message names it: 该村（田墘村）, 田墘街道, 全区. */
  where: string;
  /** Which households of households.csv were counted: 该街道各村, 全部. */
  which: string;
}

/**
 * 建档立卡 households (在册 + 已脱贫) by village, by street and in all; `limitFor`
 * gives the one a project is held to, or null when rows that failed in
 * households.csv (or villages.csv, for a street) leave it unknown.
 */
function registeredHouseholds(
  households: CheckedFile<Household>,
  villageByCode: ReadonlyMap<string, Village>,
  villages: CheckedFile<Village> | undefined,
) {
  const byVillage = new Map<string, number>();
  for (const h of households.rows)
    if (h.status !== '清退')
      byVillage.set(h.village_code, (byVillage.get(h.village_code) ?? 0) + 1);
  const byStreet = new Map<string, number>();
  for (const [code, n] of byVillage) {
    const street = villageByCode.get(code)?.street;
    if (street !== undefined) byStreet.set(street, (byStreet.get(street) ?? 0) + n);
  }
  let all = 0;
  for (const n of byVillage.values()) all += n;

  const failedVillages = households.failedKeys.get('village_code')!;
  // A village row that failed may be where some of a street's households live.
  const uncertainStreets = new Set<string>(villages?.failedKeys.get('street') ?? []);
  const knownStreets = new Set([...villageByCode.values()].map((v) => v.street));
  // Any failed row leaves the total unknown; one in an unknown village, every street's.
  const uncertainAll = households.rows.length < households.rowCount;
  let unplaced = false;
  for (const code of failedVillages) {
    const street = villageByCode.get(code)?.street;
    if (street === undefined) unplaced = true;
    else uncertainStreets.add(street);
  }
  const streetCertain = (street: string) => !unplaced && !uncertainStreets.has(street);

  return {
    limitFor(p: Project, village: Village | undefined): Limit | null {
      if (p.village_code !== null) {
        if (!village || failedVillages.has(p.village_code)) return null;
        return {
          households: byVillage.get(p.village_code) ?? 0,
          where: `该村（${village.village_name}）`,
          which: '',
        };
      }
      if (p.street !== null) {
        if (!knownStreets.has(p.street) || !streetCertain(p.street)) return null;
        return {
          households: byStreet.get(p.street) ?? 0,
          where: ` ${p.street} `,
          which: '该街道各村',
        };
      }
      if (uncertainAll) return null;
      return { households: all, where: '全区', which: '全部' };
    },
  };
}
