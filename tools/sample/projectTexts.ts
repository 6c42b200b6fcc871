import type { PROJECT_CATEGORIES } from '../../src/contract/index.ts';
import type { Rng } from './rng.ts';

type Category = (typeof PROJECT_CATEGORIES)[number];

/** Where a project is: one village, a whole street, or the whole district. */
export type ProjectScope = 'village' | 'street' | 'district';

/**
 * One kind of project: how it is named after its place, its 建设任务, its size
 * in 万元, who carries it out, how poor households benefit and its goal.
 * `unit` is a suffix after 区 / the county, `@` the street's own office, `村`
 * the village's committee, `社` a cooperative of the village.
 */
export interface ProjectKind {
  name: string;
  task: (rng: Rng) => string;
  wan: (rng: Rng) => number;
  unit: readonly string[];
  mechanism: readonly string[];
  goal: (rng: Rng) => string;
  /** Share of its village's (street's, district's) 建档立卡 households it reaches. */
  reach: readonly [number, number];
}

const oneDecimal = (x: number) => Math.round(x * 10) / 10;
const between = (low: number, high: number) => (rng: Rng) =>
  oneDecimal(low + rng.next() * (high - low));
const fixed = (text: string) => () => text;

/**
 * Projects the 扶贫资金 of a district pays for, by 项目类型 and scope, in the
 * words of a 项目库 or 公告公示 table. Sizes follow what such projects cost in
 * rural Guangdong around 2018 (a kilometre of village road ≈ 60–80 万元).
 */
export const PROJECT_KINDS: Readonly<
  Record<ProjectScope, Partial<Record<Category, readonly ProjectKind[]>>>
> = {
  village: {
    产业发展: [
      {
        name: '光伏发电扶贫项目',
        task: (rng) => `建设分布式光伏电站 ${rng.int(5, 30) * 10} 千瓦`,
        wan: between(30, 120),
        unit: ['村', '扶贫办'],
        mechanism: ['资产收益分红', '发电收益按月分配到户'],
        goal: (rng) => `年发电收益约 ${rng.int(4, 15)} 万元，按比例分配给贫困户`,
        reach: [0.5, 1],
      },
      {
        name: '特色种养产业项目',
        task: (rng) =>
          `发展${rng.pick(['番薯', '茶叶', '蔬菜', '百香果', '黑山羊', '土鸡'])}种养 ${rng.int(2, 20) * 10} 亩（头、羽）`,
        wan: between(10, 60),
        unit: ['社', '农业农村局'],
        mechanism: ['产业带动', '入股分红', '务工就业'],
        goal: (rng) => `带动贫困户年人均增收 ${rng.int(5, 20) * 100} 元`,
        reach: [0.2, 0.7],
      },
      {
        name: '水产养殖基地',
        task: (rng) => `建设标准化养殖池塘 ${rng.int(2, 8) * 10} 亩`,
        wan: between(40, 150),
        unit: ['社', '农业农村局'],
        mechanism: ['入股分红', '务工就业'],
        goal: (rng) => `年产值 ${rng.int(50, 300)} 万元，贫困户按股分红`,
        reach: [0.3, 0.8],
      },
      {
        name: '村集体物业项目',
        task: fixed('购置（建设）村集体物业 1 处并出租'),
        wan: between(80, 260),
        unit: ['村'],
        mechanism: ['资产收益分红'],
        goal: (rng) => `村集体年收入增加 ${rng.int(5, 20)} 万元`,
        reach: [0.5, 1],
      },
    ],
    基础设施: [
      {
        name: '村道硬底化工程',
        task: (rng) =>
          `硬底化村道 ${oneDecimal(0.5 + rng.next() * 3)} 公里，宽 ${rng.pick(['3.5', '4', '4.5'])} 米`,
        wan: between(35, 220),
        unit: ['村', '交通运输局'],
        mechanism: ['务工就业', '改善生产生活条件'],
        goal: fixed('自然村通硬底化道路'),
        reach: [0.6, 1],
      },
      {
        name: '饮水安全工程',
        task: (rng) => `改造供水管网 ${oneDecimal(1 + rng.next() * 5)} 公里`,
        wan: between(15, 80),
        unit: ['水务局'],
        mechanism: ['改善生产生活条件'],
        goal: fixed('农村饮水安全达标'),
        reach: [0.7, 1],
      },
      {
        name: '农田水利设施修复',
        task: (rng) => `修复灌溉渠 ${oneDecimal(0.8 + rng.next() * 3)} 公里`,
        wan: between(20, 90),
        unit: ['农业农村局', '水务局'],
        mechanism: ['务工就业', '改善生产条件'],
        goal: (rng) => `改善灌溉面积 ${rng.int(1, 8) * 100} 亩`,
        reach: [0.4, 0.9],
      },
      {
        name: '太阳能路灯安装工程',
        task: (rng) => `安装太阳能路灯 ${rng.int(3, 15) * 10} 盏`,
        wan: between(8, 40),
        unit: ['村', '住房和城乡建设局'],
        mechanism: ['改善生产生活条件'],
        goal: fixed('主干道夜间照明全覆盖'),
        reach: [0.6, 1],
      },
    ],
    公共服务设施: [
      {
        name: '村卫生站标准化建设',
        task: fixed('村卫生站改造并配置基本诊疗设备'),
        wan: between(15, 45),
        unit: ['卫生健康局'],
        mechanism: ['改善公共服务'],
        goal: fixed('村卫生站达到标准化建设要求'),
        reach: [0.8, 1],
      },
      {
        name: '文化活动室建设',
        task: fixed('新建文化活动室 1 间并配置设备'),
        wan: between(20, 60),
        unit: ['文化广电旅游体育局', '村'],
        mechanism: [],
        goal: fixed('满足村民文体活动需要'),
        reach: [0.6, 1],
      },
      {
        name: '人居环境整治项目',
        task: (rng) => `新建公共厕所 ${rng.int(1, 3)} 座，清理垃圾死角`,
        wan: between(10, 45),
        unit: ['住房和城乡建设局', '村'],
        mechanism: ['务工就业'],
        goal: fixed('村容村貌明显改善'),
        reach: [0.5, 1],
      },
    ],
    基层党建: [
      {
        name: '党群服务中心升级改造',
        task: fixed('党群服务中心升级改造，规范党员活动室'),
        wan: between(8, 35),
        unit: ['委组织部', '@'],
        mechanism: [],
        goal: fixed('村级组织活动场所规范化'),
        reach: [0.3, 1],
      },
    ],
    住房安全: [
      {
        name: '贫困户危房改造',
        task: (rng) => `改造建档立卡贫困户危房 ${rng.int(1, 6)} 户`,
        wan: between(2, 25),
        unit: ['住房和城乡建设局', '@'],
        mechanism: ['危房改造补助直接到户'],
        goal: fixed('贫困户住房安全有保障'),
        reach: [0.02, 0.15],
      },
    ],
    教育: [
      {
        name: '贫困学生助学补助',
        task: fixed('发放建档立卡贫困家庭学生生活补助'),
        wan: between(1, 8),
        unit: ['教育局'],
        mechanism: ['补助直接发放到户'],
        goal: fixed('贫困家庭学生无因贫失学辍学'),
        reach: [0.1, 0.3],
      },
    ],
    医疗: [
      {
        name: '贫困人口医疗救助',
        task: fixed('资助贫困人口参加城乡居民医疗保险并给予大病救助'),
        wan: between(2, 10),
        unit: ['医疗保障局', '卫生健康局'],
        mechanism: ['医疗救助', '参保补贴'],
        goal: fixed('贫困人口基本医疗有保障'),
        reach: [0.5, 1],
      },
    ],
    就业: [
      {
        name: '就业技能培训',
        task: (rng) =>
          `开展${rng.pick(['电工', '厨师', '家政', '电商', '种养技术'])}技能培训 ${rng.int(2, 6)} 期`,
        wan: between(2, 12),
        unit: ['人力资源和社会保障局'],
        mechanism: ['技能培训', '务工就业'],
        goal: (rng) => `培训后就业率达到 ${rng.int(6, 9) * 10}%`,
        reach: [0.1, 0.5],
      },
    ],
    其他: [
      {
        name: '扶贫车间建设',
        task: fixed('改建扶贫车间 1 处，引进来料加工'),
        wan: between(15, 60),
        unit: ['@', '经济发展局'],
        mechanism: ['务工就业'],
        goal: (rng) => `吸纳贫困劳动力就业 ${rng.int(5, 30)} 人`,
        reach: [0.1, 0.4],
      },
    ],
  },
  street: {
    住房安全: [
      {
        name: '贫困户危房改造',
        task: (rng) => `改造辖区建档立卡贫困户危房 ${rng.int(5, 30)} 户`,
        wan: between(20, 120),
        unit: ['@', '住房和城乡建设局'],
        mechanism: ['危房改造补助直接到户'],
        goal: fixed('辖区贫困户住房安全有保障'),
        reach: [0.01, 0.05],
      },
    ],
    就业: [
      {
        name: '贫困劳动力就业培训',
        task: (rng) =>
          `开展贫困劳动力技能培训 ${rng.int(3, 10)} 期，组织招聘会 ${rng.int(1, 4)} 场`,
        wan: between(5, 30),
        unit: ['@', '人力资源和社会保障局'],
        mechanism: ['技能培训', '务工就业'],
        goal: (rng) => `转移就业贫困劳动力 ${rng.int(20, 150)} 人`,
        reach: [0.05, 0.2],
      },
      {
        name: '公益性岗位开发',
        task: (rng) => `开发保洁、护林等公益性岗位 ${rng.int(10, 60)} 个`,
        wan: between(10, 50),
        unit: ['@'],
        mechanism: ['公益性岗位'],
        goal: fixed('无法外出务工的贫困劳动力就近就业'),
        reach: [0.02, 0.1],
      },
    ],
    产业发展: [
      {
        name: '产业扶贫奖补',
        task: fixed('对发展种养产业的贫困户按规模给予奖补'),
        wan: between(20, 150),
        unit: ['@', '农业农村局'],
        mechanism: ['产业奖补到户'],
        goal: (rng) => `带动贫困户年人均增收 ${rng.int(5, 15) * 100} 元`,
        reach: [0.1, 0.4],
      },
      {
        name: '扶贫产业园建设',
        task: fixed('建设扶贫产业园，配套道路、冷库等设施'),
        wan: between(150, 600),
        unit: ['@', '农业农村局'],
        mechanism: ['入股分红', '务工就业', '产业带动'],
        goal: (rng) => `园区年产值 ${rng.int(3, 20) * 100} 万元`,
        reach: [0.1, 0.3],
      },
    ],
    基础设施: [
      {
        name: '农村道路提升工程',
        task: (rng) => `提升改造镇村道路 ${oneDecimal(3 + rng.next() * 12)} 公里`,
        wan: between(200, 900),
        unit: ['交通运输局'],
        mechanism: ['务工就业', '改善生产生活条件'],
        goal: fixed('辖区村道通达率达到 100%'),
        reach: [0.3, 0.8],
      },
    ],
    教育: [
      {
        name: '贫困学生教育资助',
        task: fixed('资助辖区建档立卡贫困家庭学生'),
        wan: between(5, 40),
        unit: ['@', '教育局'],
        mechanism: ['补助直接发放到户'],
        goal: fixed('贫困家庭学生应助尽助'),
        reach: [0.05, 0.25],
      },
    ],
  },
  district: {
    教育: [
      {
        name: '建档立卡贫困家庭学生生活补助',
        task: fixed('按学段发放建档立卡贫困家庭学生生活费补助'),
        wan: between(40, 300),
        unit: ['教育局'],
        mechanism: ['补助直接发放到户'],
        goal: fixed('贫困家庭学生无因贫失学辍学'),
        reach: [0.1, 0.3],
      },
    ],
    医疗: [
      {
        name: '贫困人口基本医疗保险资助',
        task: fixed('全额资助建档立卡贫困人口参加城乡居民基本医疗保险'),
        wan: between(50, 400),
        unit: ['医疗保障局'],
        mechanism: ['参保补贴'],
        goal: fixed('贫困人口参保率 100%'),
        reach: [0.8, 1],
      },
      {
        name: '贫困人口大病救助',
        task: fixed('对贫困人口住院自付费用给予二次救助'),
        wan: between(30, 200),
        unit: ['医疗保障局', '民政局'],
        mechanism: ['医疗救助'],
        goal: fixed('贫困人口住院自付比例控制在 10% 以内'),
        reach: [0.05, 0.2],
      },
    ],
    就业: [
      {
        name: '贫困劳动力外出务工交通补贴',
        task: fixed('对稳定就业的贫困劳动力发放交通补贴'),
        wan: between(10, 80),
        unit: ['人力资源和社会保障局'],
        mechanism: ['务工就业补贴到户'],
        goal: fixed('贫困劳动力稳定就业'),
        reach: [0.05, 0.2],
      },
    ],
    住房安全: [
      {
        name: '农村危房改造',
        task: (rng) => `完成建档立卡贫困户等四类重点对象危房改造 ${rng.int(30, 200)} 户`,
        wan: between(150, 800),
        unit: ['住房和城乡建设局'],
        mechanism: ['危房改造补助直接到户'],
        goal: fixed('四类重点对象住房安全有保障'),
        reach: [0.01, 0.05],
      },
    ],
    产业发展: [
      {
        name: '扶贫小额信贷贴息',
        task: fixed('对贫困户发展生产的扶贫小额信贷给予贴息'),
        wan: between(20, 150),
        unit: ['扶贫办', '财政局'],
        mechanism: ['贴息到户', '产业带动'],
        goal: fixed('有贷款需求的贫困户应贷尽贷'),
        reach: [0.02, 0.1],
      },
    ],
  },
};

/** Weight of each 项目类型 by scope (kinds listed above only). */
export const CATEGORY_WEIGHTS: Readonly<Record<ProjectScope, Partial<Record<Category, number>>>> = {
  village: {
    产业发展: 26,
    基础设施: 30,
    公共服务设施: 12,
    基层党建: 5,
    住房安全: 12,
    教育: 4,
    医疗: 3,
    就业: 5,
    其他: 3,
  },
  street: { 住房安全: 25, 就业: 25, 产业发展: 25, 基础设施: 12, 教育: 13 },
  district: { 教育: 30, 医疗: 35, 就业: 15, 住房安全: 10, 产业发展: 10 },
};
