import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  formatSummary,
  loadDataset,
  type LoadResult,
} from '../../../../src/build/validate/loadDataset.ts';
import { formatIssue, sortIssues } from '../../../../src/build/validate/issues.ts';
import { fixtureDir, VALID_DIR } from './fixtureDir.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

/** Loads the valid fixture set with a variant laid over it, shown as `data/…`. */
async function load(variant?: string, edit?: (dir: string) => Promise<void>): Promise<LoadResult> {
  const { dir, cleanup } = await fixtureDir(variant);
  cleanups.push(cleanup);
  await edit?.(dir);
  return loadDataset(dir, { displayDir: 'data' });
}

const lines = (r: LoadResult) => sortIssues(r.issues).map(formatIssue);
/** `file:line:column [code]` of each issue: where, without the wording. */
const places = (r: LoadResult) =>
  sortIssues(r.issues).map(
    (i) => `${[i.file, i.line, i.column].filter((p) => p !== undefined).join(':')} [${i.code}]`,
  );

describe('loadDataset on the valid fixture set', () => {
  it('passes and returns typed, normalised rows', async () => {
    const r = await loadDataset(VALID_DIR, { displayDir: 'tests/fixtures/valid' });
    expect(lines(r)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.data?.campaign.as_of).toBe('2018-07-20');
    expect(r.data?.villages).toHaveLength(7);
    expect(r.data?.households).toHaveLength(10);
    expect(r.data?.household_changes).toHaveLength(8);
    expect(r.data?.shortcomings).toHaveLength(8);
    expect(r.data?.rectifications).toHaveLength(5);
    expect(r.data?.projects).toHaveLength(5);
    expect(r.data?.projects?.[2]).toEqual({
      project_id: 'XM-2018-003',
      project_name: '遮浪街道贫困户危房改造',
      plan_year: 2018,
      street: '遮浪街道',
      village_code: null,
      category: '住房安全',
      task: '改造危房 3 户',
      fund_source: '省级财政',
      budget_wan: 12.5,
      disbursed_wan: 6.25,
      implementer: '区住房和城乡建设局',
      start_date: '2018-06-01',
      end_date: null,
      status: '在建',
      beneficiary_households: 3,
      benefit_mechanism: null,
      shortcoming_dimension: null,
      performance_goal: '住房安全有保障',
    });
    expect(r.data?.households[1]).toEqual({
      household_id: 'HWK-0002',
      village_code: '441502100201',
      household_size: 3,
      household_type: '低保户',
      labor_capacity: '无劳动能力',
      status: '在册',
      enrolled_year: 2016,
      income_per_capita: 3650.5,
      exit_category: '重点帮扶',
      education_secured: '是',
      medical_secured: '是',
      housing_secured: '是',
      measures: ['社会保障兜底'],
    });
    expect(r.stats).toEqual([
      { file: 'tests/fixtures/valid/villages.csv', rows: 7, encoding: 'UTF-8' },
      { file: 'tests/fixtures/valid/households.csv', rows: 10, encoding: 'UTF-8' },
      { file: 'tests/fixtures/valid/household_changes.csv', rows: 8, encoding: 'UTF-8' },
      { file: 'tests/fixtures/valid/shortcomings.csv', rows: 8, encoding: 'UTF-8' },
      { file: 'tests/fixtures/valid/rectifications.csv', rows: 5, encoding: 'UTF-8' },
      { file: 'tests/fixtures/valid/projects.csv', rows: 5, encoding: 'UTF-8' },
    ]);
  });

  it('passes without the optional projects.csv, gives null projects and says it was not provided', async () => {
    const r = await load(undefined, (dir) => rm(path.join(dir, 'projects.csv')));
    expect(lines(r)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.data?.projects).toBeNull();
    expect(r.data?.households).toHaveLength(10);
    expect(r.stats.at(-1)).toEqual({
      file: 'data/projects.csv',
      rows: 0,
      notProvided: { title: '扶贫资金项目' },
    });
    expect(formatSummary(r)).toContain(
      '  data/projects.csv：未提供（可选文件；本次发布没有扶贫资金项目数据）',
    );
  });

  it('tells a provided but empty projects.csv (no projects: []) from a missing one', async () => {
    const r = await load(undefined, async (dir) => {
      const file = path.join(dir, 'projects.csv');
      await writeFile(file, (await readFile(file, 'utf8')).split('\n')[0] + '\n');
    });
    expect(lines(r)).toEqual([]);
    expect(r.data?.projects).toEqual([]);
    expect(formatSummary(r)).toContain('  data/projects.csv：0 行（UTF-8）');
  });

  it('never modifies its input folder', async () => {
    const before = await snapshotFolder(VALID_DIR);
    await loadDataset(VALID_DIR);
    const { dir, cleanup } = await fixtureDir('violations');
    cleanups.push(cleanup);
    const beforeBad = await snapshotFolder(dir);
    expect((await loadDataset(dir)).ok).toBe(false);
    expect(await snapshotFolder(VALID_DIR)).toEqual(before);
    expect(await snapshotFolder(dir)).toEqual(beforeBad);
  });
});

async function snapshotFolder(dir: string) {
  const names = (await readdir(dir)).sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      const s = await stat(file);
      return {
        name,
        mtimeMs: s.mtimeMs,
        size: s.size,
        bytes: (await readFile(file)).toString('base64'),
      };
    }),
  );
}

describe('encodings and line endings', () => {
  it('reads Excel "CSV" (GB18030, CRLF) and "CSV UTF-8" (BOM, CRLF) and reports the encoding', async () => {
    const r = await load('excel-encodings');
    expect(lines(r)).toEqual([]);
    expect(r.stats.slice(0, 2)).toEqual([
      { file: 'data/villages.csv', rows: 7, encoding: 'UTF-8 BOM' },
      { file: 'data/households.csv', rows: 10, encoding: 'GB18030' },
    ]);
    expect(r.data?.villages[0]?.village_name).toBe('田墘村');
    expect(r.data?.households[0]?.household_type).toBe('一般贫困户');
  });

  it('rejects UTF-16 (with and without BOM) and bytes valid in neither UTF-8 nor GB18030, naming the file', async () => {
    const r = await load('bad-encodings');
    expect(places(r)).toEqual([
      'data/households.csv [encoding-error]',
      'data/rectifications.csv [encoding-error]',
      'data/shortcomings.csv [encoding-error]',
    ]);
    expect(r.issues.find((i) => i.file === 'data/households.csv')?.message).toContain('UTF-16');
    expect(r.ok).toBe(false);
    expect(r.data).toBeNull();
  });
});

describe('headers', () => {
  it('accepts English keys, any column order, padded headers, absent optional columns and empty trailing columns', async () => {
    const r = await load('headers-ok');
    expect(lines(r)).toEqual([]);
    expect(r.data?.households[0]?.measures).toEqual(['产业帮扶', '就业帮扶']);
    expect(r.data?.shortcomings[0]).toMatchObject({
      proposed_project: null,
      estimated_investment_wan: null,
    });
  });

  it('names the column as the file writes it (an English key stays English)', async () => {
    const r = await load('headers-ok', async (dir) => {
      const file = path.join(dir, 'villages.csv');
      const text = await readFile(file, 'utf8');
      await writeFile(
        file,
        text.replace('441502100203,西墩村,田墘街道,,否', '441502100203,西墩村,田墘街道,,不是'),
      );
    });
    expect(lines(r)).toEqual([
      'data/villages.csv:4:is_poor_village: 应为 是 / 否 之一，实际为 "不是" [constraint-error]',
    ]);
  });

  it('reports unknown, duplicate, missing and blank-with-data headers on line 1, and still scans the unknown column', async () => {
    const r = await load('headers-bad');
    expect(lines(r)).toEqual([
      'data/households.csv:1:身份证号: 不认识的列 "身份证号"（可能含个人信息，不能导入）；允许的列：户编号（household_id）、村代码（village_code）、家庭人口（household_size）、户类型（household_type）、劳动能力（labor_capacity）、建档状态（status）、纳入年份（enrolled_year）、人均可支配收入（income_per_capita）、脱贫成效分类（exit_category）、义务教育保障（education_secured）、基本医疗保障（medical_secured）、住房安全保障（housing_secured）、帮扶措施（measures） [extra-label]',
      'data/households.csv:1:village_code: 列 村代码（village_code）重复：B 列 "村代码" 与 N 列 "village_code" 是同一列，请删去一列 [duplicate-label]',
      'data/households.csv:1:劳动能力: 缺少必填列 劳动能力（labor_capacity） [missing-label]',
      'data/households.csv:1: O 列（第 15 列）没有表头，但有数据（如第 4 行）；请填写表头或删除该列 [blank-label]',
      'data/households.csv:2:身份证号: 疑似个人信息：18 位身份证号 441502********1238；导出数据不得含身份证号、手机号或银行卡号，请删除或改写 [personal-data]',
    ]);
  });
});

describe('rows as Excel shows them', () => {
  it('reports ragged rows by line, keeps blank rows in the numbering, trims padding and ignores empty extra cells', async () => {
    const r = await load('ragged');
    expect(lines(r)).toEqual([
      'data/households.csv:5: 此行有 14 个单元格，比表头多 1 个；常见原因是单元格里有没加引号的英文逗号 [extra-cell]',
      'data/households.csv:6: 此行只有 10 个单元格，表头有 13 列；请补齐缺少的单元格 [missing-cell]',
    ]);
    expect(r.stats[1]).toEqual({ file: 'data/households.csv', rows: 10, encoding: 'UTF-8' });
  });

  it('counts a quoted multi-line cell as one row (Excel row 4 is file line 6)', async () => {
    const r = await load('multiline');
    expect(lines(r)).toEqual([
      'data/rectifications.csv:4:发现日期: 应为日期，如 2018-06-05（也接受 2018/6/5、2018.6.5、2018年6月5日），实际为 "2018-6-31" [type-error]',
    ]);
  });

  it('reports an unterminated quote at the row where it starts', async () => {
    const r = await load('unterminated');
    expect(places(r)).toEqual(['data/household_changes.csv:5 [source-error]']);
    expect(r.issues[0]?.message).toContain('双引号');
  });

  it('normalises Excel habits: 2018/6/5, 2018年6月5日, 1,234 and full-width digits', async () => {
    const r = await load('excel-habits');
    expect(lines(r)).toEqual([]);
    const h = r.data!.households;
    expect(h.map((x) => x.income_per_capita).slice(0, 3)).toEqual([9200, 3650.5, 6100]);
    expect(h[1]?.household_size).toBe(3);
    expect(h[3]?.measures).toEqual(['社会保障兜底', '医疗帮扶']);
    expect(r.data!.household_changes.map((c) => c.date).slice(0, 4)).toEqual([
      '2018-06-10',
      '2018-06-12',
      '2018-06-15',
      '2018-06-20',
    ]);
    expect(r.data!.shortcomings[2]?.estimated_investment_wan).toBe(1120.5);
    expect(
      r.data!.projects?.slice(0, 2).map((p) => [p.budget_wan, p.disbursed_wan, p.end_date]),
    ).toEqual([
      [1085.5, 40, null],
      [60, 60, '2017-09-30'],
    ]);
  });
});

describe('rules, one fixture breaking each', () => {
  it('reports every per-file and cross-file violation at file:line:column', async () => {
    const r = await load('violations');
    expect(places(r)).toEqual([
      'data/household_changes.csv:3:变动人数 [row-constraint]',
      'data/household_changes.csv:4:户编号 [foreign-key]',
      'data/household_changes.csv:9:变动日期 [constraint-error]',
      'data/household_changes.csv:10:变动日期 [type-error]',
      'data/households.csv:2:人均可支配收入 [type-error]',
      'data/households.csv:3:家庭人口 [constraint-error]',
      'data/households.csv:4:户类型 [constraint-error]',
      'data/households.csv:6:建档状态 [foreign-key]',
      'data/households.csv:7:脱贫成效分类 [row-constraint]',
      'data/households.csv:8:纳入年份 [constraint-error]',
      'data/households.csv:9:村代码 [foreign-key]',
      'data/households.csv:11:帮扶措施 [constraint-error]',
      'data/households.csv:12:户编号 [unique-error]',
      'data/households.csv:13:建档状态 [foreign-key]',
      'data/rectifications.csv:2:完成日期 [row-constraint]',
      'data/rectifications.csv:3:街道 [foreign-key]',
      'data/rectifications.csv:4:村代码 [foreign-key]',
      'data/rectifications.csv:5:发现日期 [constraint-error]',
      'data/rectifications.csv:6:整改时限 [row-constraint]',
      'data/rectifications.csv:7:问题编号 [unique-error]',
      'data/shortcomings.csv:2:短板描述 [row-constraint]',
      'data/shortcomings.csv:9:领域 [unique-error]',
      'data/shortcomings.csv:10:村代码 [foreign-key]',
      'data/shortcomings.csv:11:估算投资（万元） [constraint-error]',
      'data/villages.csv:5:双到轮次 [foreign-key]',
      'data/villages.csv:9:村代码 [type-error]',
      'data/villages.csv:10:村名称 [unique-error]',
      'data/villages.csv:11:村代码 [unique-error]',
      'data/villages.csv:12:双到轮次 [constraint-error]',
    ]);
    expect(r.ok).toBe(false);
    expect(r.data).toBeNull();
  });

  it('explains each cross-file violation in words a staff member can act on', async () => {
    const r = await load('violations');
    const cross = lines(r).filter((l) => l.endsWith('[foreign-key]') || l.includes('晚于'));
    expect(cross).toEqual([
      'data/household_changes.csv:4:户编号: 户编号 HWK-0099 不在 households.csv 中 [foreign-key]',
      'data/household_changes.csv:9:变动日期: 变动日期 2018-07-21 晚于数据截止日期 2018-07-20（campaign.json 的 as_of） [constraint-error]',
      'data/households.csv:6:建档状态: 建档状态为 在册，但该户最近的状态变动是 household_changes.csv 第 7 行（2018-07-02 脱贫），应为 已脱贫 [foreign-key]',
      'data/households.csv:8:纳入年份: 纳入年份 2019 晚于数据截止日期 2018-07-20 所在年份 [constraint-error]',
      'data/households.csv:9:村代码: 村代码 441502100299 不在 villages.csv 中 [foreign-key]',
      'data/households.csv:13:建档状态: 建档状态为 清退，但 household_changes.csv 中没有该户的 清退 记录 [foreign-key]',
      'data/rectifications.csv:3:街道: 街道 "碣石镇" 不在 villages.csv 中；已有的街道：田墘街道、东洲街道、遮浪街道 [foreign-key]',
      'data/rectifications.csv:4:村代码: 村代码 441502101202（湖东村）属于 东洲街道，不属于 遮浪街道 [foreign-key]',
      'data/rectifications.csv:5:发现日期: 发现日期 2018-07-25 晚于数据截止日期 2018-07-20（campaign.json 的 as_of） [constraint-error]',
      'data/shortcomings.csv:10:村代码: 村代码 441502100202（金町村）不是"双到"村：villages.csv 中它的双到轮次为空 [foreign-key]',
      'data/villages.csv:5:双到轮次: "双到"村 441502101201（东洲村）在 shortcomings.csv 中缺少领域：基层党建（每个领域应各有一行） [foreign-key]',
    ]);
    expect(lines(r)).toContain(
      'data/households.csv:12:户编号: 户编号 HWK-0010 重复（第 11 行已有），应唯一 [unique-error]',
    );
    expect(lines(r)).toContain(
      'data/shortcomings.csv:9:领域: 村代码 + 领域 为 441502100201 / 产业发展 的行重复（第 4 行已有），应唯一 [unique-error]',
    );
  });

  it('finds personal data in free text and codes, masked, and leaves 12-digit codes alone', async () => {
    const r = await load('personal-data');
    expect(lines(r)).toEqual([
      'data/household_changes.csv:2:变动原因: 疑似个人信息：18 位身份证号 441502********1238；导出数据不得含身份证号、手机号或银行卡号，请删除或改写 [personal-data]',
      'data/household_changes.csv:3:变动原因: 疑似个人信息：手机号 138****5678；导出数据不得含身份证号、手机号或银行卡号，请删除或改写 [personal-data]',
      'data/household_changes.csv:4:变动原因: 疑似个人信息：手机号 139****5678；导出数据不得含身份证号、手机号或银行卡号，请删除或改写 [personal-data]',
      'data/household_changes.csv:5:变动原因: 疑似个人信息：银行卡号 6222***********8903；导出数据不得含身份证号、手机号或银行卡号，请删除或改写 [personal-data]',
      'data/household_changes.csv:6:变动原因: 疑似个人信息：15 位旧身份证号 441502*****1123；导出数据不得含身份证号、手机号或银行卡号，请删除或改写 [personal-data]',
      'data/households.csv:11:户编号: 疑似个人信息：手机号 138****5678；导出数据不得含身份证号、手机号或银行卡号，请删除或改写 [personal-data]',
    ]);
    const printed = lines(r).join('\n') + formatSummary(r);
    for (const full of ['441502198001011238', '13812345678', '13912345678', '6222020012345678903'])
      expect(printed).not.toContain(full);
  });
});

describe('projects.csv rules, one line breaking each', () => {
  it('reports money written with a unit or too precisely, row contradictions, references and counts', async () => {
    const r = await load('projects-violations');
    expect(r.ok).toBe(false);
    expect(lines(r)).toMatchInlineSnapshot(`
      [
        "data/projects.csv:2:计划资金（万元）: 金额以万元为单位填写纯数字："12.5万" 应写作 12.5 [type-error]",
        "data/projects.csv:3:计划资金（万元）: 金额以万元为单位填写纯数字："125,000元" 即 12.5 万元，应写作 12.5 [type-error]",
        "data/projects.csv:4:村代码: 村代码 441502100201（田墘村）属于 田墘街道，不属于 东洲街道 [foreign-key]",
        "data/projects.csv:5:受益贫困户数: 受益贫困户数 3 多于该村（田墘村）的建档立卡户数 2（households.csv 中在册、已脱贫的户） [foreign-key]",
        "data/projects.csv:6:对应短板: 对应短板为 基础设施，但村代码 441502100202（金町村）不是"双到"村（villages.csv 中它的双到轮次为空）；非"双到"村的项目请留空 [foreign-key]",
        "data/projects.csv:7:完工日期: 完工日期 2017-09-30 早于开工日期 2017-10-01 [row-constraint]",
        "data/projects.csv:8:已拨付（万元）: 已拨付 85.5 万元多于计划资金 85 万元 [row-constraint]",
        "data/projects.csv:9:计划资金（万元）: 金额（万元）最多两位小数（精确到百元），实际为 85.125 [constraint-error]",
        "data/projects.csv:10:计划年度: 计划年度 2021 超出范围：最晚为数据截止日期 2018-07-20 所在年份后两年，即 2020 [constraint-error]",
        "data/projects.csv:11:受益贫困户数: 受益贫困户数 4 多于 遮浪街道 的建档立卡户数 3（households.csv 中该街道各村在册、已脱贫的户） [foreign-key]",
        "data/projects.csv:12:受益贫困户数: 受益贫困户数 10 多于全区的建档立卡户数 9（households.csv 中全部在册、已脱贫的户） [foreign-key]",
        "data/projects.csv:13:街道: 街道 "全区" 不在 villages.csv 中；已有的街道：田墘街道、东洲街道、遮浪街道；全区项目请把街道和村代码都留空 [foreign-key]",
        "data/projects.csv:14:街道: 填写了村代码时街道不能为空（全区项目街道和村代码都留空） [row-constraint]",
        "data/projects.csv:15:对应短板: 对应短板只用于某个"双到"村的项目；街道项目请留空 [row-constraint]",
        "data/projects.csv:16:完工日期: 项目状态为 已验收 时必须填写完工日期 [row-constraint]",
        "data/projects.csv:17:完工日期: 项目状态为 在建 时完工日期应留空，实际为 2018-07-01 [row-constraint]",
        "data/projects.csv:18:开工日期: 开工日期 2018-07-21 晚于数据截止日期 2018-07-20（campaign.json 的 as_of） [constraint-error]",
        "data/projects.csv:19:实施单位: "张建国" 像是个人姓名：应填写单位名称（如 区农业农村局、某某街道办事处、某某村委会），不能填写个人姓名 [personal-data]",
        "data/projects.csv:20:实施单位: 只填单位名称，不要写"联系人"等个人信息，实际为 "区扶贫办（联系人：李明）" [personal-data]",
        "data/projects.csv:21:项目名称: 不能超过 100 个字，实际为 102 个字 [constraint-error]",
        "data/projects.csv:22:项目编号: 项目编号 XM-2018-001 重复（第 2 行已有），应唯一 [unique-error]",
        "data/projects.csv:23:已拨付（万元）: 不能为空，应为金额（万元）；没有时填 0 [constraint-error]",
      ]
    `);
  });
});

describe('campaign.json', () => {
  it('reports a JSON syntax error with its line', async () => {
    const r = await load('campaign-syntax');
    expect(places(r)).toEqual(['data/campaign.json:5 [source-error]']);
    expect(r.issues[0]?.message).toMatch(/^不是有效的 JSON：/);
  });

  it('reports schema errors by key', async () => {
    const r = await load('campaign-invalid');
    expect(lines(r)).toEqual([
      'data/campaign.json:title: 缺少此项（必填） [type-error]',
      'data/campaign.json:as_of: 应为 YYYY-MM-DD 格式的日期，如 2018-06-05 [constraint-error]',
      'data/campaign.json:income_bands: 应为递增的数字 [constraint-error]',
    ]);
  });
});

describe('campaign.json personal data', () => {
  it('scans its text too', async () => {
    const r = await load(undefined, async (dir) => {
      const file = path.join(dir, 'campaign.json');
      const json = JSON.parse(await readFile(file, 'utf8'));
      json.phases[1].name = '组织实施（联系人 13812345678）';
      await writeFile(file, JSON.stringify(json));
    });
    expect(lines(r)).toEqual([
      'data/campaign.json:phases.1.name: 疑似个人信息：手机号 138****5678；导出数据不得含身份证号、手机号或银行卡号，请删除或改写 [personal-data]',
    ]);
    expect(r.data).toBeNull();
  });
});

describe('files in the folder', () => {
  it('warns about extra files without failing, ignoring dotfiles and README', async () => {
    const r = await load('extra-files');
    expect(lines(r)).toEqual([
      'data/households_old.csv: 警告 warning: 数据文件夹中多余的文件：不会被读取，也不会发布 [extra-file]',
    ]);
    expect(r.ok).toBe(true);
    expect(r.data).not.toBeNull();
  });

  it('reports a missing file and does not cross-check against it', async () => {
    const r = await load(undefined, (dir) => rm(path.join(dir, 'villages.csv')));
    expect(lines(r)).toEqual([
      'data/villages.csv: 缺少文件 villages.csv（村（居）名录） [missing-file]',
    ]);
  });

  it('reports a missing folder', async () => {
    const r = await loadDataset('/nonexistent/htk-data', { displayDir: 'nowhere' });
    expect(places(r)).toEqual(['nowhere [missing-file]']);
  });

  it('reports an empty file', async () => {
    const r = await load(undefined, (dir) => writeFile(path.join(dir, 'rectifications.csv'), ''));
    expect(places(r)).toEqual(['data/rectifications.csv [source-error]']);
  });
});

describe('formatSummary', () => {
  it('lists rows per file with encoding, then errors grouped by code with a fix hint', async () => {
    const r = await load('violations');
    const summary = formatSummary(r);
    expect(summary).toContain('  data/households.csv：12 行（UTF-8）');
    expect(summary).toContain('结果：未通过，发现 29 个错误；有错误时不发布任何内容。');
    expect(summary).toContain('  格式不对 [type-error] × 3：日期请写成 2018-06-05');
    expect(summary).toContain('  文件之间不一致 [foreign-key] × 8：');
    expect(summary).toContain('  重复 [unique-error] × 5：');
  });

  it('says the data can be published when there are only warnings', async () => {
    expect(formatSummary(await load('extra-files'))).toContain(
      '结果：通过（1 个警告），可以发布。',
    );
  });
});
