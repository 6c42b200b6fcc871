import { DIMENSIONS, shortcomingsDataset } from '../../src/contract/index.ts';
import type { VillageRecord } from './buildVillages.ts';
import { csvRow } from './csvRow.ts';
import type { Rng } from './rng.ts';
import { SHORTCOMING_TEXTS } from './shortcomingTexts.ts';
import type { TextSink } from './textSink.ts';
import { unitName } from './unitName.ts';

const COLUMNS = shortcomingsDataset.columns.map((c) => c.key);

/** A written shortcoming row, as the project generator needs it. */
export interface ShortcomingRecord {
  village: VillageRecord;
  dimension: (typeof DIMENSIONS)[number];
  mechanismInPlace: boolean;
  inProjectLibrary: boolean;
  /** The proposed project (拟建项目) and its estimate in 万元, if any. */
  project: { text: string; wan: number | null } | null;
}

/**
 * Writes exactly one row per 双到 village and 领域 (the plan's attachment 3)
 * and returns them.
 */
export function writeShortcomings(
  villages: readonly VillageRecord[],
  rng: Rng,
  sink: TextSink,
): ShortcomingRecord[] {
  const records: ShortcomingRecord[] = [];
  for (const village of villages) {
    if (village.round === null) continue;
    for (const dimension of DIMENSIONS) {
      const t = SHORTCOMING_TEXTS[dimension];
      const inPlace = rng.chance(t.mechanism);
      const item = rng.pick(t.items);
      // Without a mechanism there is always a concrete gap and usually a project; with one, now and then a remark or project.
      const shortcoming = inPlace ? (rng.chance(0.3) ? rng.pick(t.minor) : '') : item.gap;
      const project = rng.chance(inPlace ? 0.15 : 0.85) ? item.project(rng) : null;
      const estimated = project?.wan != null && rng.chance(0.8) ? project.wan : null;
      const inLibrary = project !== null && rng.chance(0.8);
      const row: Record<string, string | number> = {
        village_code: village.code,
        dimension,
        mechanism_in_place: inPlace ? '是' : '否',
        shortcoming,
        proposed_project: project?.text ?? '',
        estimated_investment_wan: estimated ?? '',
        in_project_library: inLibrary ? '是' : '否',
        responsible_unit: unitName(item.unit, village.street),
      };
      sink.write(csvRow(COLUMNS.map((c) => row[c] ?? '')));
      records.push({
        village,
        dimension,
        mechanismInPlace: inPlace,
        inProjectLibrary: inLibrary,
        project: project ? { text: project.text, wan: estimated ?? project.wan } : null,
      });
    }
  }
  return records;
}
