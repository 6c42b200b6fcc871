import { describe, expect, it } from 'vitest';
import { frozenReasonsFrom } from '../../../../src/build/site/frozenReasons.ts';
import type { Campaign } from '../../../../src/contract/input/campaign.ts';
import type { PublicationRecord } from '../../../../src/contract/publicationRecord.ts';

const campaign = { region: '红海湾', title: '回头看', as_of: '2018-08-10' } as Campaign;
const tally = (period: string) => ({
  period,
  street: null,
  change_type: '清退',
  reason_category: '不公开',
  records: 2,
});
const record = (as_of: string, over: Partial<PublicationRecord> = {}): PublicationRecord =>
  ({
    version: 1,
    as_of,
    region: '红海湾',
    title: '回头看',
    sample: false,
    figures: {} as PublicationRecord['figures'],
    reason_tallies: [tally(as_of.slice(0, 7))],
    files: [],
    ...over,
  }) as PublicationRecord;

describe('frozenReasonsFrom', () => {
  it('takes the latest earlier record of the same campaign', () => {
    const got = frozenReasonsFrom(
      [record('2018-07-13'), record('2018-07-20'), record('2018-08-10'), record('2018-09-01')],
      campaign,
    );
    expect(got?.as_of).toBe('2018-07-20');
  });

  it('ignores another campaign’s records and records made before the tallies were kept', () => {
    expect(
      frozenReasonsFrom(
        [
          record('2018-07-20', { region: '别处' }),
          record('2018-07-21', { title: '别的' }),
          record('2018-07-22', { reason_tallies: undefined }),
        ],
        campaign,
      ),
    ).toBeNull();
  });
});
