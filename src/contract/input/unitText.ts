/**
 * A unit's name (实施单位): required text that must name an organisation, never
 * a person. The personal-data scan already refuses ID, phone and card numbers
 * in every cell; a unit column is where a person's name or contact also tends
 * to slip in (`区扶贫办（联系人：张三）`, a contractor's own name), so this
 * column refuses two things more:
 * - words that only introduce a person or a contact (联系人, 负责人, 电话 …);
 * - a name that reads like a person's: two or three Han characters starting
 *   with a common surname and not ending like a unit (局, 办, 村, 公司 …),
 *   alone or beside the unit (`区农业农村局（王明）`).
 * A heuristic: it cannot know every name, and a real unit of that shape is
 * written out in full instead (`陈氏` → `陈氏宗亲理事会`).
 */
import { z } from 'zod';
import { fail, shown } from './cells.ts';

/** Words that introduce a person or a way to reach one, never part of a unit's name. */
const PERSON_MARKERS = /联系人|负责人|经办人|项目经理|电话|手机|微信|先生|女士|同志/;

/** The hundred commonest Chinese surnames: together most of the population. */
const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
);

/** Last characters of unit names: 局 办 委 会 … 公司 (司), 中心 (心), 街道 (道), 村, 镇. */
const UNIT_ENDINGS = new Set(
  '局办委会府处站所院校园司社部队厂场行心村镇乡道区县市省组室科厅馆段团店署营台库',
);

/** Splits a cell at spaces, brackets and punctuation: `区农业农村局（王明）` → 区农业农村局, 王明. */
const SEPARATORS = /[\s\u3000（）()【】[\]、，,；;：:/·.-]+/;

/** Whether a token reads like a person's name (see the module comment). */
export function looksLikePersonName(token: string): boolean {
  return (
    /^\p{Script=Han}{2,3}$/u.test(token) &&
    SURNAMES.has(token[0]!) &&
    !UNIT_ENDINGS.has(token.at(-1)!)
  );
}

/** Required text naming a unit, not a person (see the module comment). */
export const unitText = () =>
  z.string().transform((v, ctx) => {
    if (v === '') return fail(ctx, 'constraint-error', '不能为空，应填写单位名称');
    const marker = PERSON_MARKERS.exec(v);
    if (marker)
      return fail(
        ctx,
        'personal-data',
        `只填单位名称，不要写"${marker[0]}"等个人信息，实际为 ${shown(v)}`,
      );
    const name = v.split(SEPARATORS).find(looksLikePersonName);
    if (name)
      return fail(
        ctx,
        'personal-data',
        `"${name}" 像是个人姓名：应填写单位名称（如 区农业农村局、某某街道办事处、某某村委会），不能填写个人姓名`,
      );
    return v;
  });
