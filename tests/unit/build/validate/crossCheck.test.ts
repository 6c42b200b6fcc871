import { describe, expect, it } from 'vitest';
import { crossCheck, type CrossCheckInput } from '../../../../src/build/validate/crossCheck.ts';
import { validateFile } from '../../../../src/build/validate/validateFile.ts';
import { formatIssue } from '../../../../src/build/validate/issues.ts';
import { villagesDataset } from '../../../../src/contract/input/villages.ts';
import { householdsDataset } from '../../../../src/contract/input/households.ts';
import { householdChangesDataset } from '../../../../src/contract/input/householdChanges.ts';
import { rectificationsDataset } from '../../../../src/contract/input/rectifications.ts';

const VILLAGES = '村代码,村名称,街道,双到轮次,相对贫困村\n441502100201,田墘村,田墘街道,,是\n';
const HOUSEHOLD_HEADER =
  '户编号,村代码,家庭人口,户类型,劳动能力,建档状态,纳入年份,人均可支配收入,脱贫成效分类,义务教育保障,基本医疗保障,住房安全保障,帮扶措施\n';
const household = (id: string, status: string) =>
  `${id},441502100201,3,一般贫困户,有劳动能力,${status},2016,5000,${status === '清退' ? '' : '加大帮扶'},是,是,是,产业帮扶\n`;

function check(households: string, changes: string): string[] {
  const file = <D extends Parameters<typeof validateFile>[0]>(dataset: D, text: string) => {
    const result = validateFile(dataset, text, `data/${dataset.file}`);
    expect(result.issues).toEqual([]);
    return { ...result, file: `data/${dataset.file}` };
  };
  const input = {
    asOf: '2018-07-20',
    villages: file(villagesDataset, VILLAGES),
    households: file(householdsDataset, HOUSEHOLD_HEADER + households),
    household_changes: file(
      householdChangesDataset,
      '变动日期,户编号,变动类型,变动人数,变动原因\n' + changes,
    ),
  } as CrossCheckInput;
  return crossCheck(input).map(formatIssue);
}

describe('household status against its latest status-changing record', () => {
  it('takes the latest by date, whatever the file order; other change types do not count', () => {
    expect(
      check(
        household('A', '在册'),
        ['2018-07-05,A,返贫,0,', '2018-06-10,A,脱贫,0,', '2018-07-10,A,人口增加,1,'].join('\n'),
      ),
    ).toEqual([]);
  });

  it('on the same day, the later row wins', () => {
    expect(check(household('A', '已脱贫'), '2018-06-10,A,返贫,0,\n2018-06-10,A,脱贫,0,\n')).toEqual(
      [],
    );
    expect(check(household('A', '已脱贫'), '2018-06-10,A,脱贫,0,\n2018-06-10,A,返贫,0,\n')).toEqual(
      [
        'data/households.csv:2:建档状态: 建档状态为 已脱贫，但该户最近的状态变动是 household_changes.csv 第 3 行（2018-06-10 返贫），应为 在册 [foreign-key]',
      ],
    );
  });

  it('maps 清退 → 清退, 脱贫 → 已脱贫, 新增纳入 and 返贫 → 在册', () => {
    const households =
      household('A', '清退') +
      household('B', '已脱贫') +
      household('C', '在册') +
      household('D', '在册');
    const changes =
      '2018-06-10,A,清退,-3,\n2018-06-10,B,脱贫,0,\n2018-06-10,C,新增纳入,3,\n2018-06-10,D,返贫,0,\n';
    expect(check(households, changes)).toEqual([]);
  });

  it('requires a record for a 清退 household; other households may have none', () => {
    expect(
      check(household('A', '清退') + household('B', '在册') + household('C', '已脱贫'), ''),
    ).toEqual([
      'data/households.csv:2:建档状态: 建档状态为 清退，但 household_changes.csv 中没有该户的 清退 记录 [foreign-key]',
    ]);
  });
});

describe('references to rows that failed their own file', () => {
  it('are not reported a second time as missing', () => {
    const households = validateFile(
      householdsDataset,
      HOUSEHOLD_HEADER +
        'A,441502100201,0,一般贫困户,有劳动能力,在册,2016,5000,加大帮扶,是,是,是,\n',
      'data/households.csv',
    );
    expect(households.issues.map((i) => i.code)).toEqual(['constraint-error']);
    const changes = validateFile(
      householdChangesDataset,
      '变动日期,户编号,变动类型,变动人数,变动原因\n2018-06-10,A,脱贫,0,\n2018-06-10,B,脱贫,0,\n',
      'data/household_changes.csv',
    );
    const issues = crossCheck({
      asOf: '2018-07-20',
      households: { ...households, file: 'data/households.csv' },
      household_changes: { ...changes, file: 'data/household_changes.csv' },
    });
    expect(issues.map(formatIssue)).toEqual([
      'data/household_changes.csv:3:户编号: 户编号 B 不在 households.csv 中 [foreign-key]',
    ]);
  });
});

describe('rectifications against villages.csv and as_of', () => {
  it('checks the street, the village of that street, and dates not after as_of', () => {
    const villages = validateFile(
      villagesDataset,
      VILLAGES + '441502101201,东洲村,东洲街道,2,是\n',
      'data/villages.csv',
    );
    const text = [
      '问题编号,来源层级,问题来源,发现日期,街道,村代码,问题类别,问题描述,整改措施,责任单位,整改时限,整改状态,完成日期',
      'A,市,督查,2018-06-08,田墘街道,441502100201,其他,问题,,,2018-06-30,已完成,2018-07-21',
      'B,市,督查,2018-07-21,田墘街道,,其他,问题,,,2018-07-30,整改中,',
      'C,市,督查,2018-06-08,东洲街道,441502100201,其他,问题,,,2018-06-30,整改中,',
      'D,市,督查,2018-06-08,红海街道,,其他,问题,,,2018-06-30,整改中,',
      'E,市,督查,2018-06-08,东洲街道,441502101299,其他,问题,,,2018-07-30,整改中,',
    ].join('\n');
    const rectifications = validateFile(rectificationsDataset, text, 'data/rectifications.csv');
    expect(rectifications.issues).toEqual([]);
    const issues = crossCheck({
      asOf: '2018-07-20',
      villages: { ...villages, file: 'data/villages.csv' },
      rectifications: { ...rectifications, file: 'data/rectifications.csv' },
    });
    expect(issues.map(formatIssue).sort()).toEqual([
      'data/rectifications.csv:2:完成日期: 完成日期 2018-07-21 晚于数据截止日期 2018-07-20（campaign.json 的 as_of） [constraint-error]',
      'data/rectifications.csv:3:发现日期: 发现日期 2018-07-21 晚于数据截止日期 2018-07-20（campaign.json 的 as_of） [constraint-error]',
      'data/rectifications.csv:4:村代码: 村代码 441502100201（田墘村）属于 田墘街道，不属于 东洲街道 [foreign-key]',
      'data/rectifications.csv:5:街道: 街道 "红海街道" 不在 villages.csv 中；已有的街道：田墘街道、东洲街道 [foreign-key]',
      'data/rectifications.csv:6:村代码: 村代码 441502101299 不在 villages.csv 中 [foreign-key]',
    ]);
  });

  it('skips date checks when campaign.json is unusable', () => {
    const changes = validateFile(
      householdChangesDataset,
      '变动日期,户编号,变动类型,变动人数,变动原因\n2099-01-01,A,人口增加,1,\n',
      'x.csv',
    );
    expect(crossCheck({ asOf: null, household_changes: { ...changes, file: 'x.csv' } })).toEqual(
      [],
    );
  });
});
