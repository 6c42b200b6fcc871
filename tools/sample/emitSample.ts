import {
  householdChangesDataset,
  householdsDataset,
  projectsDataset,
  rectificationsDataset,
  shortcomingsDataset,
  villagesDataset,
  type DatasetDef,
} from '../../src/contract/index.ts';
import { allocate } from './allocate.ts';
import { buildCampaign } from './buildCampaign.ts';
import { buildRegion } from './buildRegion.ts';
import { buildVillages, type VillageRecord } from './buildVillages.ts';
import { createCalendar } from './calendar.ts';
import { createChangeLog } from './changeLog.ts';
import { CSV_BOM, csvRow } from './csvRow.ts';
import { planChanges } from './planChanges.ts';
import type { SampleOptions } from './presets.ts';
import { deriveRng } from './rng.ts';
import type { TextSink } from './textSink.ts';
import { writeHouseholds } from './writeHouseholds.ts';
import { writeProjects, type Registered } from './writeProjects.ts';
import { writeRectifications } from './writeRectifications.ts';
import { writeShortcomings } from './writeShortcomings.ts';

/** The files of a data set, in the order they are written. */
export const SAMPLE_FILES = [
  'villages.csv',
  'households.csv',
  'household_changes.csv',
  'shortcomings.csv',
  'rectifications.csv',
  'projects.csv',
  'campaign.json',
] as const;
export type SampleFile = (typeof SAMPLE_FILES)[number];

/** What was generated (rows per file, persons). */
export interface SampleStats {
  villages: number;
  shuangdaoVillages: number;
  households: number;
  persons: number;
  changes: number;
  shortcomings: number;
  rectifications: number;
  projects: number;
}

/** The canonical Chinese header row, straight from the schema, after the BOM Excel writes. */
function header(dataset: DatasetDef): string {
  return CSV_BOM + csvRow(dataset.columns.map((c) => c.header));
}

/** Fewest households a village gets when there are enough to go round (the privacy k). */
const MIN_HOUSEHOLDS_PER_VILLAGE = 3;

/**
 * Generates one data set into the sinks `open` hands out, one file at a time.
 * Each part draws from its own seeded stream, so the same options always give
 * the same bytes, and e.g. more rectifications leave the households unchanged.
 */
export function emitSample(
  options: SampleOptions,
  open: (file: SampleFile) => TextSink,
): SampleStats {
  const { seed } = options;
  const region = buildRegion(options, deriveRng(seed, 'region'));
  const villages = buildVillages(region, options.villages, deriveRng(seed, 'villages'));

  let sink = open('villages.csv');
  sink.write(header(villagesDataset));
  const villageColumns = villagesDataset.columns.map((c) => c.key);
  for (const v of villages) {
    const row: Record<string, string> = {
      village_code: v.code,
      village_name: v.name,
      street: v.street.name,
      shuangdao_round: v.round ?? '',
      is_poor_village: v.poor ? '是' : '否',
    };
    sink.write(csvRow(villageColumns.map((c) => row[c] ?? '')));
  }
  sink.close();

  const householdRng = deriveRng(seed, 'households');
  const perVillage = allocate(
    options.households,
    villages.map((v) => v.weight),
    MIN_HOUSEHOLDS_PER_VILLAGE,
  );
  const plan = planChanges(options.households, options.changes);
  const log = createChangeLog(options.changes);
  const width = Math.max(6, String(options.households).length);
  const householdId = (index: number) => `HH-${String(index + 1).padStart(width, '0')}`;
  sink = open('households.csv');
  sink.write(header(householdsDataset));
  const { persons, registered } = writeHouseholds(
    villages,
    perVillage,
    plan,
    createCalendar(),
    householdId,
    householdRng,
    sink,
    log,
  );
  sink.close();

  sink = open('household_changes.csv');
  sink.write(header(householdChangesDataset));
  log.write(
    sink,
    householdId,
    householdChangesDataset.columns.map((c) => c.key),
  );
  sink.close();

  sink = open('shortcomings.csv');
  sink.write(header(shortcomingsDataset));
  const shortcomings = writeShortcomings(villages, deriveRng(seed, 'shortcomings'), sink);
  sink.close();

  sink = open('rectifications.csv');
  sink.write(header(rectificationsDataset));
  const rectifications = writeRectifications(
    villages,
    options.rectifications,
    deriveRng(seed, 'rectifications'),
    sink,
  );
  sink.close();

  // Its own stream, drawn last: the five other files are the same with or without projects.
  sink = open('projects.csv');
  sink.write(header(projectsDataset));
  const projects = writeProjects(
    villages,
    shortcomings,
    registeredBy(villages, registered),
    options.projects,
    deriveRng(seed, 'projects'),
    sink,
  );
  sink.close();

  sink = open('campaign.json');
  sink.write(`${JSON.stringify(buildCampaign(region), null, 2)}\n`);
  sink.close();

  return {
    villages: villages.length,
    shuangdaoVillages: villages.filter((v) => v.round !== null).length,
    households: options.households,
    persons,
    changes: log.length,
    shortcomings: shortcomings.length,
    rectifications,
    projects,
  };
}

/** 建档立卡 households by village code, by street and in all, from the counts by village index. */
function registeredBy(villages: readonly VillageRecord[], counts: readonly number[]): Registered {
  const byVillage = new Map<string, number>();
  const byStreet = new Map<string, number>();
  let all = 0;
  villages.forEach((v, i) => {
    const n = counts[i] ?? 0;
    byVillage.set(v.code, n);
    byStreet.set(v.street.name, (byStreet.get(v.street.name) ?? 0) + n);
    all += n;
  });
  return { byVillage, byStreet, all };
}
