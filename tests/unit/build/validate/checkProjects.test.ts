/**
 * projects.csv against the other files (src/build/validate/checkProjects.ts and
 * the as_of rules in crossCheck.ts), on small files written out here.
 */
import { describe, expect, it } from 'vitest';
import { crossCheck, type CrossCheckInput } from '../../../../src/build/validate/crossCheck.ts';
import { validateFile } from '../../../../src/build/validate/validateFile.ts';
import { formatIssue } from '../../../../src/build/validate/issues.ts';
import type { DatasetDef } from '../../../../src/contract/input/defineDataset.ts';
import { villagesDataset } from '../../../../src/contract/input/villages.ts';
import { householdsDataset } from '../../../../src/contract/input/households.ts';
import { shortcomingsDataset } from '../../../../src/contract/input/shortcomings.ts';
import { projectsDataset } from '../../../../src/contract/input/projects.ts';

const header = (d: DatasetDef) => d.columns.map((c) => c.header).join(',');

// 田墘村 (双到) 2 registered + 1 清退, 金町村 1: 田墘街道 3; 东洲村 (双到) 1; 遮浪村 only 清退: 0. All: 4.
const VILLAGES = [
  '441502100201,田墘村,田墘街道,1,是',
  '441502100202,金町村,田墘街道,,否',
  '441502101201,东洲村,东洲街道,2,是',
  '441502102201,遮浪村,遮浪街道,,否',
];
const household = (id: string, village: string, status: string) =>
  `${id},${village},3,一般贫困户,有劳动能力,${status},2016,5000,${status === '清退' ? '' : '加大帮扶'},是,是,是,`;
const HOUSEHOLDS = [
  household('A1', '441502100201', '在册'),
  household('A2', '441502100201', '已脱贫'),
  household('A3', '441502100201', '清退'),
  household('B1', '441502100202', '在册'),
  household('C1', '441502101201', '在册'),
  household('D1', '441502102201', '清退'),
];
// 田墘村 has only its 基础设施 row; 东洲村 all four.
const SHORTCOMINGS = [
  '441502100201,基础设施,否,村道未硬底化,,,是,田墘街道办事处',
  ...['基础设施', '公共服务设施', '产业发展', '基层党建'].map(
    (d) => `441502101201,${d},是,,,,否,东洲街道办事处`,
  ),
];

let serial = 0;

/** A projects.csv row (with a new 项目编号): a village project of 田墘村 unless changed. */
function project(cells: Partial<Record<string, string>> = {}): string {
  serial += 1;
  const row: Record<string, string> = {
    project_id: `XM-${serial}`,
    project_name: '村道硬底化',
    plan_year: '2018',
    street: '田墘街道',
    village_code: '441502100201',
    category: '基础设施',
    task: '硬底化村道 1 公里',
    fund_source: '区级财政',
    budget_wan: '50',
    disbursed_wan: '10',
    implementer: '田墘街道办事处',
    start_date: '2018-05-01',
    end_date: '',
    status: '在建',
    beneficiary_households: '2',
    benefit_mechanism: '',
    shortcoming_dimension: '',
    performance_goal: '',
    ...cells,
  };
  return projectsDataset.columns.map((c) => row[c.key]).join(',');
}

interface Files {
  projects: string[];
  households?: string[] | null;
  shortcomings?: string[] | null;
  asOf?: string | null;
}

/** The projects.csv issues of a cross-check, compiler-style. */
function check({
  projects,
  households = HOUSEHOLDS,
  shortcomings = SHORTCOMINGS,
  asOf = '2018-07-20',
}: Files) {
  const file = (d: DatasetDef, rows: string[]) => {
    const path = `data/${d.file}`;
    return { ...validateFile(d, [header(d), ...rows].join('\n'), path), file: path };
  };
  const input = {
    asOf,
    villages: file(villagesDataset, VILLAGES),
    ...(households ? { households: file(householdsDataset, households) } : {}),
    ...(shortcomings ? { shortcomings: file(shortcomingsDataset, shortcomings) } : {}),
    projects: file(projectsDataset, projects),
  } as CrossCheckInput;
  return crossCheck(input)
    .filter((i) => i.file === 'data/projects.csv')
    .map(formatIssue);
}

describe('projects: street and village', () => {
  it('accepts a village project, a street-wide one (村代码 empty) and a district-wide one (both empty)', () => {
    expect(
      check({
        projects: [
          project(),
          project({ village_code: '', beneficiary_households: '3' }),
          project({ street: '', village_code: '', beneficiary_households: '4' }),
        ],
      }),
    ).toEqual([]);
  });

  it('refuses a street not in villages.csv (pointing district-wide projects to empty cells), an unknown village, a village of another street', () => {
    expect(
      check({
        projects: [
          project({ street: '全区', village_code: '' }),
          project({ village_code: '441502100299' }),
          project({ street: '东洲街道' }),
        ],
      }),
    ).toMatchInlineSnapshot(`
      [
        "data/projects.csv:2:街道: 街道 "全区" 不在 villages.csv 中；已有的街道：田墘街道、东洲街道、遮浪街道；全区项目请把街道和村代码都留空 [foreign-key]",
        "data/projects.csv:3:村代码: 村代码 441502100299 不在 villages.csv 中 [foreign-key]",
        "data/projects.csv:4:村代码: 村代码 441502100201（田墘村）属于 田墘街道，不属于 东洲街道 [foreign-key]",
      ]
    `);
  });
});

describe('projects: 受益贫困户数 against the 建档立卡 households (在册 + 已脱贫)', () => {
  it('allows exactly as many as the village, street or district has; 清退 households do not count', () => {
    expect(
      check({
        projects: [
          project({ beneficiary_households: '2' }),
          project({ village_code: '', beneficiary_households: '3' }),
          project({ street: '', village_code: '', beneficiary_households: '4' }),
          project({
            street: '遮浪街道',
            village_code: '441502102201',
            beneficiary_households: '0',
          }),
        ],
      }),
    ).toEqual([]);
  });

  it('refuses one more, at each level, and any for a village or street with none', () => {
    expect(
      check({
        projects: [
          project({ beneficiary_households: '3' }),
          project({ village_code: '', beneficiary_households: '4' }),
          project({ street: '', village_code: '', beneficiary_households: '5' }),
          project({
            street: '遮浪街道',
            village_code: '441502102201',
            beneficiary_households: '1',
          }),
          project({ street: '遮浪街道', village_code: '', beneficiary_households: '1' }),
        ],
      }),
    ).toMatchInlineSnapshot(`
      [
        "data/projects.csv:2:受益贫困户数: 受益贫困户数 3 多于该村（田墘村）的建档立卡户数 2（households.csv 中在册、已脱贫的户） [foreign-key]",
        "data/projects.csv:3:受益贫困户数: 受益贫困户数 4 多于 田墘街道 的建档立卡户数 3（households.csv 中该街道各村在册、已脱贫的户） [foreign-key]",
        "data/projects.csv:4:受益贫困户数: 受益贫困户数 5 多于全区的建档立卡户数 4（households.csv 中全部在册、已脱贫的户） [foreign-key]",
        "data/projects.csv:5:受益贫困户数: 受益贫困户数 1 多于该村（遮浪村）的建档立卡户数 0（households.csv 中在册、已脱贫的户） [foreign-key]",
        "data/projects.csv:6:受益贫困户数: 受益贫困户数 1 多于 遮浪街道 的建档立卡户数 0（households.csv 中该街道各村在册、已脱贫的户） [foreign-key]",
      ]
    `);
  });

  it('does not check counts that failing households.csv rows leave unknown', () => {
    const broken = [...HOUSEHOLDS, household('A4', '441502100201', '在册').replace(',3,', ',0,')];
    expect(
      check({
        households: broken,
        projects: [
          project({ beneficiary_households: '9' }),
          project({ village_code: '', beneficiary_households: '9' }),
          project({ street: '', village_code: '', beneficiary_households: '9' }),
          // Another street is still known: 东洲街道 has 1.
          project({ street: '东洲街道', village_code: '', beneficiary_households: '2' }),
        ],
      }),
    ).toEqual([
      'data/projects.csv:5:受益贫困户数: 受益贫困户数 2 多于 东洲街道 的建档立卡户数 1（households.csv 中该街道各村在册、已脱贫的户） [foreign-key]',
    ]);
    expect(
      check({ households: null, projects: [project({ beneficiary_households: '99' })] }),
    ).toEqual([]);
  });
});

describe('projects: 对应短板', () => {
  it('accepts the dimension of a 双到 village that has that shortcoming row', () => {
    expect(check({ projects: [project({ shortcoming_dimension: '基础设施' })] })).toEqual([]);
  });

  it('refuses it for a village that is not 双到, or when shortcomings.csv has no such row', () => {
    expect(
      check({
        projects: [
          project({
            village_code: '441502100202',
            shortcoming_dimension: '基础设施',
            beneficiary_households: '1',
          }),
          project({ shortcoming_dimension: '产业发展' }),
        ],
      }),
    ).toMatchInlineSnapshot(`
      [
        "data/projects.csv:2:对应短板: 对应短板为 基础设施，但村代码 441502100202（金町村）不是"双到"村（villages.csv 中它的双到轮次为空）；非"双到"村的项目请留空 [foreign-key]",
        "data/projects.csv:3:对应短板: 对应短板为 产业发展，但 shortcomings.csv 中没有村代码 441502100201（田墘村）该领域的行 [foreign-key]",
      ]
    `);
  });

  it('checks only the 双到 round when shortcomings.csv is not there to compare', () => {
    expect(
      check({ shortcomings: null, projects: [project({ shortcoming_dimension: '产业发展' })] }),
    ).toEqual([]);
  });
});

describe('projects: plan year and dates against as_of', () => {
  it('allows plans up to two years after as_of and dates up to as_of itself', () => {
    expect(
      check({
        projects: [
          project({ plan_year: '2020', start_date: '2018-07-20' }),
          project({ status: '已完工', start_date: '2018-05-01', end_date: '2018-07-20' }),
        ],
      }),
    ).toEqual([]);
  });

  it('refuses a later plan year, start or end date', () => {
    expect(
      check({
        projects: [
          project({ plan_year: '2021' }),
          project({ start_date: '2018-07-21' }),
          project({ status: '已验收', start_date: '2018-07-21', end_date: '2018-08-01' }),
        ],
      }),
    ).toMatchInlineSnapshot(`
      [
        "data/projects.csv:2:计划年度: 计划年度 2021 超出范围：最晚为数据截止日期 2018-07-20 所在年份后两年，即 2020 [constraint-error]",
        "data/projects.csv:3:开工日期: 开工日期 2018-07-21 晚于数据截止日期 2018-07-20（campaign.json 的 as_of） [constraint-error]",
        "data/projects.csv:4:开工日期: 开工日期 2018-07-21 晚于数据截止日期 2018-07-20（campaign.json 的 as_of） [constraint-error]",
        "data/projects.csv:4:完工日期: 完工日期 2018-08-01 晚于数据截止日期 2018-07-20（campaign.json 的 as_of） [constraint-error]",
      ]
    `);
  });

  it('skips them when campaign.json is unusable', () => {
    expect(
      check({ asOf: null, projects: [project({ plan_year: '2030', start_date: '2019-01-01' })] }),
    ).toEqual([]);
  });
});
