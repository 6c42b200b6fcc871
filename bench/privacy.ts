/**
 * Benchmark section `privacy`: what the disclosure rules (docs/privacy.md)
 * cost in utility, at sample and province scale, beside the last recorded
 * publication (the latest publications/*.json, which `npm run publish` writes
 * with the same summary): household rows generalised at each level, only for
 * diversity, lent to another group; villages whose rows are not published by
 * village; values withheld; and the figures no longer published exactly —
 * village persons withheld, street figures published by 建档状态 only or
 * without persons, households counted only in the district remainder, reason
 * tallies rolled up or withheld and tallied only by closed month, change
 * records published only as counts, villages whose change persons are only
 * in their street's totals. Nothing is timed.
 */
import path from 'node:path';
import type { PublicationPrivacy } from '../src/contract/publicationRecord.ts';
import { publicationsDir, readPublicationRecords } from '../src/build/site/publicationHistory.ts';
import { runJson, type Section } from './lib.ts';
import { dataDir, type Scale } from './scales.ts';

interface Run {
  summary: PublicationPrivacy;
  households: number;
  villages: number;
}

/** A count, and its share of `of` when given; — for a figure the summary predates. */
function cell(n: number | undefined, of?: number): string {
  if (n === undefined) return '—';
  const count = n.toLocaleString('en-US');
  if (of === undefined || of === 0) return count;
  return `${count} (${((n / of) * 100).toFixed(1)} %)`;
}

/** The rows of the table: a label and how to read the figure from a summary. */
const FIGURES: {
  label: string;
  value: (p: PublicationPrivacy) => [number | undefined, number?];
}[] = [
  { label: 'household rows (建档立卡 households)', value: (p) => [p.household_rows] },
  {
    label: 'rows exact (size band, type, labour capacity shown)',
    value: (p) => [p.rows_by_level.exact, p.household_rows],
  },
  {
    label: 'rows generalised ① type, labour capacity blanked',
    value: (p) => [p.rows_by_level.type_labor_blanked, p.household_rows],
  },
  {
    label: 'rows generalised ② size band blanked too (village only)',
    value: (p) => [p.rows_by_level.size_blanked, p.household_rows],
  },
  {
    label: 'rows generalised ③ street only',
    value: (p) => [p.rows_by_level.street_only, p.household_rows],
  },
  {
    label: 'rows generalised ④ district only',
    value: (p) => [p.rows_by_level.district_only, p.household_rows],
  },
  {
    label: 'rows generalised only for diversity',
    value: (p) => [p.rows_for_diversity, p.household_rows],
  },
  { label: 'rows lent to another group', value: (p) => [p.rows_lent, p.household_rows] },
  {
    label: 'villages whose rows are not published by village',
    value: (p) => [p.villages_not_by_village],
  },
  { label: 'sensitive values withheld', value: (p) => [p.values_withheld] },
  {
    label: 'villages whose persons are withheld (< k households, or for their street)',
    value: (p) => [p.village_persons_withheld],
  },
  {
    label: '… of them only so their street gives no small remainder',
    value: (p) => [p.village_persons_withheld_for_street],
  },
  {
    label: 'streets (or the district remainder) published by 建档状态 only',
    value: (p) => [p.street_areas_by_status_only],
  },
  {
    label: 'street cells whose persons are withheld (< k households)',
    value: (p) => [p.street_cells_persons_withheld],
  },
  {
    label: 'households counted only in the district remainder (并入全区)',
    value: (p) => [p.district_remainder_households, p.household_rows],
  },
  {
    label: 'reason categories shown by street',
    value: (p) => [p.reason_categories.street],
  },
  {
    label: 'reason categories rolled up to the other streets',
    value: (p) => [p.reason_categories.district],
  },
  {
    label: 'reason tallies withheld (too few records)',
    value: (p) => [p.reason_categories.withheld],
  },
  {
    label: 'closed months with reason tallies (open month not tallied)',
    value: (p) => [p.reason_periods],
  },
  {
    label: '… kept as an earlier publication published them',
    value: (p) => [p.reason_periods_kept],
  },
  {
    label: 'records that arrived for a published month (counted, category withheld)',
    value: (p) => [p.reason_records_late],
  },
  {
    label: 'change records published only as counts',
    value: (p) => [p.change_records_counted],
  },
  {
    label: 'villages whose change persons are only in street totals',
    value: (p) => [p.villages_with_changes],
  },
];

export async function benchPrivacy(scales: Scale[]): Promise<Section> {
  const runs = new Map<string, Run>();
  const failures: string[] = [];
  for (const scale of scales) {
    console.error(`privacy ${scale.name}: publish`);
    const run = runJson<Run>('bench/privacyRun.ts', [
      dataDir(scale),
      path.resolve('.build/bench/privacy-publish'),
    ]);
    const p = run.summary;
    const levels = Object.values(p.rows_by_level).reduce((a, n) => a + n, 0);
    if (levels !== p.household_rows)
      failures.push(
        `privacy ${scale.name}: rows by level add up to ${levels}, not the ${p.household_rows} household rows`,
      );
    runs.set(scale.name, run);
  }
  const records = await readPublicationRecords(publicationsDir());
  const last = records.at(-1);
  const previous = last?.privacy;
  const lastName = last ? `publications/${last.as_of}.json` : 'no publication recorded';

  const header = [
    'figure',
    ...scales.flatMap((s) =>
      s.name === 'sample' ? ['sample', `previous publication (${lastName})`] : [s.name],
    ),
  ];
  const rows = FIGURES.map((f) => [
    f.label,
    ...scales.flatMap((s) => {
      const run = runs.get(s.name) as Run;
      const now = cell(...f.value(run.summary));
      if (s.name !== 'sample') return [now];
      return [now, previous ? cell(...f.value(previous)) : '—'];
    }),
  ]);
  const scaleText = scales
    .map((s) => {
      const run = runs.get(s.name) as Run;
      return `${s.name}: ${run.villages.toLocaleString('en-US')} villages, ${run.households.toLocaleString('en-US')} households (清退 included; they are counted, never rows)`;
    })
    .join('; ');
  return {
    title: 'Privacy: what the disclosure rules cost (docs/privacy.md)',
    header,
    rows,
    notes: [
      `${scaleText}. k from each data set's campaign.json.`,
      `Previous publication = the latest record in publications/ (${lastName}), written by \`npm run publish\` with the same summary; — when it predates the summary. Only the sample's data is published, so only it has a previous publication.`,
      'Shares are of the household rows. Levels count each row once, at the level it ended at; "only for diversity" and "lent" are rows among the generalised ones.',
      'Not exact any more compared with the publication before issue #12: every change record (now counts per village × week × type, persons per street, reasons as category tallies by street or district and only for calendar months closed before the as-of date), the persons of villages with fewer than k households (and of villages withheld so the persons of their street leave no small remainder), street figures of fewer than k households (by 建档状态 only, persons withheld) and of villages published 并入全区 (counted in the district remainder, not their street), 建档状态 and 纳入年份 in the household rows (status counts per village are exact in village_people), and 清退 households as rows.',
    ],
    failures,
    json: {
      scales: Object.fromEntries(runs),
      previous: last ? { record: lastName, privacy: previous ?? null } : null,
    },
  };
}
