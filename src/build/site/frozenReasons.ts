/**
 * The reason tallies a new publication must keep: those of the latest earlier
 * publication of the same campaign (region and title) recorded in
 * publications/. Its closed months are published again exactly as they were
 * (changeReasons), so two publications never differ inside a month either of
 * them had closed. Pure: the records come in.
 */
import type { Campaign } from '../../contract/input/campaign.ts';
import type { PublicationRecord } from '../../contract/publicationRecord.ts';
import type { ChangeReasonRow, FrozenReasons } from '../publish/changeTables.ts';

export function frozenReasonsFrom(
  records: readonly PublicationRecord[],
  campaign: Campaign,
): FrozenReasons | null {
  const earlier = records
    .filter(
      (r) =>
        r.region === campaign.region &&
        r.title === campaign.title &&
        r.as_of < campaign.as_of &&
        r.reason_tallies !== undefined,
    )
    .sort((a, b) => (a.as_of < b.as_of ? -1 : 1))
    .at(-1);
  if (!earlier?.reason_tallies) return null;
  return {
    as_of: earlier.as_of,
    // The record holds what change_reasons published: its labels are the published ones.
    rows: earlier.reason_tallies as ChangeReasonRow[],
  };
}
