import { describe, expect, it } from 'vitest';
import { looksLikePersonName, unitText } from '../../../src/contract/input/unitText.ts';

const schema = unitText();
const check = (v: string) => {
  const r = schema.safeParse(v);
  return r.success ? 'ok' : r.error.issues.map((i) => i.message).join('; ');
};

describe('unit names (实施单位)', () => {
  it('accepts units, including short ones and units named after a family or place', () => {
    for (const v of [
      '区扶贫办',
      '田墘街道办事处',
      '黄家村委会',
      '区住房和城乡建设局',
      '汕尾市红海湾开发区农业农村局',
      '林业局',
      '张村',
      '陈氏宗亲理事会',
      '中国电信汕尾分公司',
      '某某种养专业合作社',
      '区农业农村局、区财政局',
    ])
      expect(check(v), v).toBe('ok');
  });

  it('refuses a person, alone or beside the unit, and contact words, saying why', () => {
    expect(
      [
        '张建国',
        '王明',
        '区农业农村局（王明）',
        '区扶贫办 李四光',
        '区扶贫办（联系人：李明）',
        '某公司 负责人',
        '陈先生',
        '',
      ].map(check),
    ).toMatchInlineSnapshot(`
      [
        ""张建国" 像是个人姓名：应填写单位名称（如 区农业农村局、某某街道办事处、某某村委会），不能填写个人姓名",
        ""王明" 像是个人姓名：应填写单位名称（如 区农业农村局、某某街道办事处、某某村委会），不能填写个人姓名",
        ""王明" 像是个人姓名：应填写单位名称（如 区农业农村局、某某街道办事处、某某村委会），不能填写个人姓名",
        ""李四光" 像是个人姓名：应填写单位名称（如 区农业农村局、某某街道办事处、某某村委会），不能填写个人姓名",
        "只填单位名称，不要写"联系人"等个人信息，实际为 "区扶贫办（联系人：李明）"",
        "只填单位名称，不要写"负责人"等个人信息，实际为 "某公司 负责人"",
        "只填单位名称，不要写"先生"等个人信息，实际为 "陈先生"",
        "不能为空，应填写单位名称",
      ]
    `);
  });

  it('tells names by a common surname and an ending no unit has', () => {
    expect(looksLikePersonName('黄小明')).toBe(true);
    expect(looksLikePersonName('黄家村')).toBe(false);
    expect(looksLikePersonName('扶贫办')).toBe(false);
    expect(looksLikePersonName('欧阳明月')).toBe(false);
    expect(looksLikePersonName('Li Ming')).toBe(false);
  });
});
