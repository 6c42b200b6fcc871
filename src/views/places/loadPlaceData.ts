/**
 * Build time: runs the grouped place queries once per build (memoised per
 * engine) and slices them into village and street pages.
 * 2,300 village pages then cost ~12 queries in total, not ~10 each.
 */
import type { Engine } from '../../engine/engine.ts';
import { exitCategoryByArea, registrationByArea } from '../../queries/households.ts';
import { streetList, villageList, type StreetRow, type VillageRow } from '../../queries/places.ts';
import { shuangdaoMatrix } from '../../queries/shuangdao.ts';
import {
  projectItems,
  shortcomingCoverage,
  type ProjectItem,
  type ShortcomingCoverageRow,
} from '../../queries/projects.ts';
import {
  changeCountsByVillage,
  incomeBandsByVillage,
  measuresByVillage,
  rectificationsByPlace,
  securityGapsByVillage,
} from '../../queries/villagePage.ts';
import { buildStreetPages, type StreetPage } from './streetPage.ts';
import {
  buildVillagePages,
  type ChangeCountRow,
  type ExitAreaRow,
  type GapRow,
  type IncomeRow,
  type MeasureRow,
  type RectificationRow,
  type RegistrationRow,
  type ShortcomingRow,
  type VillagePage,
} from './villagePage.ts';

export interface PlaceData {
  villages: VillageRow[];
  streets: StreetRow[];
  villagePages: VillagePage[];
  streetPages: StreetPage[];
}

const memo = new WeakMap<Engine, Promise<PlaceData>>();

/** Villages, streets and every village/street page's data (queried once per engine, i.e. per build). */
export function loadPlaceData(engine: Engine): Promise<PlaceData> {
  let data = memo.get(engine);
  if (!data) memo.set(engine, (data = queryPlaceData(engine)));
  return data;
}

async function queryPlaceData(engine: Engine): Promise<PlaceData> {
  // One connection: run the queries one after another.
  const villages = await engine.query<VillageRow>(villageList());
  const streets = await engine.query<StreetRow>(streetList());
  const villageRegistration = await engine.query<RegistrationRow>(
    registrationByArea({}, 'village'),
  );
  const streetRegistration = await engine.query<RegistrationRow>(registrationByArea({}, 'street'));
  const exits = await engine.query<ExitAreaRow>(exitCategoryByArea({}, 'village'));
  const shortcomings = await engine.query<ShortcomingRow>(shuangdaoMatrix({}));
  const rectifications = await engine.query<RectificationRow>(rectificationsByPlace());
  // Every project once, by 项目编号 (an empty table when projects.csv was not given).
  const projects = await engine.query<ProjectItem>(projectItems({}, null));
  const coverage = await engine.query<ShortcomingCoverageRow>(shortcomingCoverage({}));
  const villagePages = buildVillagePages({
    villages,
    registration: villageRegistration,
    exits,
    gaps: await engine.query<GapRow>(securityGapsByVillage()),
    measures: await engine.query<MeasureRow>(measuresByVillage()),
    incomes: await engine.query<IncomeRow>(incomeBandsByVillage()),
    changes: await engine.query<ChangeCountRow>(changeCountsByVillage()),
    shortcomings,
    rectifications,
    projects,
    coverage,
  });
  const streetPages = buildStreetPages({
    streets,
    villages,
    streetRegistration,
    villageRegistration,
    exits,
    shortcomings,
    rectifications,
    projects,
    coverage,
  });
  return { villages, streets, villagePages, streetPages };
}
