/**
 * Everything one street page shows, built from the same grouped results as
 * the village pages (plus the street-level registration). Pure.
 */
import { EXIT_CATEGORIES } from '../../contract/enums.ts';
import type { StreetRow, VillageRow } from '../../queries/places.ts';
import { groupBy } from '../shared/byStreet.ts';
import type { ProjectItem, ShortcomingCoverageRow } from '../../queries/projects.ts';
import { indexPlaceProjects, type StreetProjects } from './placeProjects.ts';
import {
  toExitShares,
  toRectificationTotals,
  toRegistration,
  type ExitAreaRow,
  type ExitShare,
  type RectificationRow,
  type RectificationTotals,
  type Registration,
  type RegistrationRow,
  type ShortcomingRow,
} from './villagePage.ts';

/** A village as listed on its street's page. */
export type StreetVillage = VillageRow & {
  households_added: number;
  households_removed: number;
  households_exited: number;
  /** Rectification items not yet done, and those of them overdue. */
  rect_open: number;
  rect_overdue_open: number;
} & Record<(typeof EXIT_CATEGORIES)[number], number>;

export interface StreetPage {
  street: string;
  villages: StreetVillage[];
  registration: Registration;
  exits: ExitShare[];
  /** 双到 villages × 领域 rows (empty when the street has none). */
  shortcomings: ShortcomingRow[];
  /** Names of the street's 双到 villages, in village order. */
  shuangdaoVillages: VillageRow[];
  rectTotals: RectificationTotals;
  /** Items about the whole street (no village). */
  streetWide: RectificationRow[];
  /** Items of the street's villages, in reading order (overdue open first). */
  villageItems: RectificationRow[];
  projects: StreetProjects;
}

export interface StreetPageInput {
  streets: readonly StreetRow[];
  villages: readonly VillageRow[];
  /** `registrationByArea({}, 'street')` and `(…, 'village')`. */
  streetRegistration: readonly RegistrationRow[];
  villageRegistration: readonly RegistrationRow[];
  /** `exitCategoryByArea({}, 'village')`. */
  exits: readonly ExitAreaRow[];
  shortcomings: readonly ShortcomingRow[];
  rectifications: readonly RectificationRow[];
  /** Every project (projectItems) and the 双到 coverage, as for the village pages. */
  projects: readonly ProjectItem[];
  coverage: readonly ShortcomingCoverageRow[];
}

const isOpen = (r: RectificationRow) => r.status !== '已完成';

/** Reading order: overdue open items, then open ones, then done; each by deadline. */
function byUrgency(a: RectificationRow, b: RectificationRow): number {
  const rank = (r: RectificationRow) => (r.overdue && isOpen(r) ? 0 : isOpen(r) ? 1 : 2);
  return (
    rank(a) - rank(b) ||
    a.deadline.localeCompare(b.deadline) ||
    a.issue_id.localeCompare(b.issue_id)
  );
}

/** One page per street, in the order of `input.streets`. */
export function buildStreetPages(input: StreetPageInput): StreetPage[] {
  const villagesByStreet = groupBy(input.villages, (v) => v.street);
  const streetRegistration = new Map(input.streetRegistration.map((r) => [r.key, r]));
  const villageRegistration = new Map(input.villageRegistration.map((r) => [r.key, r]));
  const exitsByVillage = groupBy(input.exits, (r) => r.key);
  const shortcomings = groupBy(input.shortcomings, (r) => r.street);
  const rectByStreet = groupBy(input.rectifications, (r) => r.street);
  const projects = indexPlaceProjects(input.projects, input.coverage);

  return input.streets.map(({ street }) => {
    const villages = villagesByStreet.get(street) ?? [];
    const items = rectByStreet.get(street) ?? [];
    const itemsByVillage = groupBy(items, (r) => r.village_code);
    const exitRows = villages.flatMap((v) => exitsByVillage.get(v.village_code) ?? []);
    return {
      street,
      villages: villages.map((v) => {
        const reg = toRegistration(villageRegistration.get(v.village_code));
        const own = itemsByVillage.get(v.village_code) ?? [];
        const exits = toExitShares(exitsByVillage.get(v.village_code) ?? []);
        return {
          ...v,
          households_added: reg.households.added,
          households_removed: reg.households.removed,
          households_exited: reg.households.exited,
          rect_open: own.filter(isOpen).length,
          rect_overdue_open: own.filter((r) => isOpen(r) && r.overdue).length,
          ...(Object.fromEntries(exits.map((e) => [e.category, e.households])) as Record<
            (typeof EXIT_CATEGORIES)[number],
            number
          >),
        };
      }),
      registration: toRegistration(streetRegistration.get(street)),
      exits: toExitShares(exitRows),
      shortcomings: shortcomings.get(street) ?? [],
      shuangdaoVillages: villages.filter((v) => v.shuangdao_round),
      rectTotals: toRectificationTotals(items),
      streetWide: (itemsByVillage.get('') ?? []).slice().sort(byUrgency),
      villageItems: items.filter((r) => r.village_code).sort(byUrgency),
      projects: projects.street(street, villages),
    };
  });
}
