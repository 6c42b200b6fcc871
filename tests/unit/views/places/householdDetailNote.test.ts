import { describe, expect, it } from 'vitest';
import {
  notListedNote,
  streetDetailNote,
  villageDetailNote,
} from '../../../../src/views/places/householdDetailNote.ts';

const village = {
  village_name: '丙村',
  street: '东洲街道',
  household_detail: '并入全区',
  households: 2,
  streetOnly: 0,
  districtOnly: 2,
};

describe('villageDetailNote', () => {
  it('says a village published 并入全区 has households, counted only in the district, and why', () => {
    const note = villageDetailNote(village, 3)!;
    expect(note).toContain('本村 2 户建档立卡户的户级数据并入全区公开');
    expect(note).toContain('不足 3 户');
    expect(note).toContain('不计入东洲街道的户数人数');
    expect(note).toContain('并入全区的村');
  });

  it('says a village published 并入街道 is counted in its street', () => {
    const note = villageDetailNote({ ...village, household_detail: '并入街道' }, 3)!;
    expect(note).toContain('并入东洲街道公开');
    expect(note).toContain('计入东洲街道的数字');
  });

  it('says how many rows a village lent, and to which group', () => {
    const note = villageDetailNote(
      {
        ...village,
        village_name: '甲村',
        street: '田墘街道',
        household_detail: '按村公开',
        households: 12,
        districtOnly: 1,
      },
      3,
    )!;
    expect(note).toContain('本村 12 户建档立卡户中，1 户借给全区的组');
    expect(note).toContain('只含其余 11 户');
  });

  it('says nothing for a village whose rows are all its own, or without households', () => {
    expect(
      villageDetailNote({ ...village, household_detail: '按村公开', districtOnly: 0 }, 3),
    ).toBeNull();
    expect(villageDetailNote({ ...village, households: 0 }, 3)).toBeNull();
  });
});

describe('streetDetailNote and notListedNote', () => {
  it('names the villages of a street counted only in the district', () => {
    expect(
      streetDetailNote('东洲街道', [
        { village_name: '丙村', household_detail: '并入全区', households: 2 },
        { village_name: '丁村', household_detail: '按村公开', households: 9 },
      ]),
    ).toContain('丙村的 2 户建档立卡户');
    expect(
      streetDetailNote('东洲街道', [
        { village_name: '丁村', household_detail: '并入街道', households: 2 },
      ]),
    ).toBeNull();
  });

  it('lists the villages a per-village table lists in part or not at all', () => {
    const note = notListedNote([
      { village_name: '丙村', household_detail: '并入全区', households: 2, listed: 0 },
      { village_name: '甲村', household_detail: '按村公开', households: 12, listed: 11 },
    ]);
    expect(note).toContain('丙村 2 户的户级数据并入全区，不按村列出');
    expect(note).toContain('甲村 12 户中 1 户借给街道或全区的组补足户数，只列 11 户');
    expect(notListedNote([])).toBeNull();
  });
});
