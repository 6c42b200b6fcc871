import type { DIMENSIONS } from '../../src/contract/index.ts';
import type { Rng } from './rng.ts';

type Dimension = (typeof DIMENSIONS)[number];

/** A proposed project: its wording and an estimate in 万元 (null: no money of its own). */
export type ProjectDraw = (rng: Rng) => { text: string; wan: number | null };

/** One shortcoming with the project that answers it and the unit responsible. */
export interface ShortcomingItem {
  gap: string;
  project: ProjectDraw;
  /** Suffix after 区 / the county; `@` is the street's own office. */
  unit: string;
}

const oneDecimal = (x: number) => Math.round(x * 10) / 10;
/** A fixed project with an estimate drawn from [low, high) 万元. */
const fixed =
  (text: string, low: number, high: number): ProjectDraw =>
  (rng) => ({ text, wan: oneDecimal(low + rng.next() * (high - low)) });

/**
 * The plan's section 二(四): what holds back a former 双到 village in each
 * field, the project a village proposes for its 2018—2020 library, and the
 * unit that answers for it. `mechanism` is the share of villages where the
 * field already has a 长效机制; `minor` are remarks written even then.
 */
export const SHORTCOMING_TEXTS: Readonly<
  Record<
    Dimension,
    { mechanism: number; items: readonly ShortcomingItem[]; minor: readonly string[] }
  >
> = {
  基础设施: {
    mechanism: 0.45,
    items: [
      {
        gap: '部分自然村村道未硬底化，雨季出行不便',
        project: (rng) => {
          const km = oneDecimal(0.5 + rng.next() * 3);
          return { text: `村道硬底化 ${km} 公里`, wan: oneDecimal(km * (55 + rng.next() * 30)) };
        },
        unit: '交通运输局',
      },
      {
        gap: '饮水工程管网老化，供水不稳定',
        project: (rng) => ({
          text: `饮水工程管网改造 ${rng.int(1, 3)} 处`,
          wan: oneDecimal(15 + rng.next() * 45),
        }),
        unit: '水务局',
      },
      {
        gap: '村内排水沟渠淤塞，雨季容易积水',
        project: (rng) => {
          const m = rng.int(3, 15) * 100;
          return {
            text: `排水沟渠清淤改造 ${m} 米`,
            wan: oneDecimal((m / 100) * (3 + rng.next() * 3)),
          };
        },
        unit: '住房和城乡建设局',
      },
      {
        gap: '村内主干道缺少路灯，夜间出行不安全',
        project: (rng) => {
          const n = rng.int(3, 12) * 10;
          return {
            text: `安装太阳能路灯 ${n} 盏`,
            wan: oneDecimal(n * (0.25 + rng.next() * 0.15)),
          };
        },
        unit: '住房和城乡建设局',
      },
      {
        gap: '农田灌溉渠年久失修，灌溉保障率低',
        project: (rng) => {
          const km = oneDecimal(0.8 + rng.next() * 2.5);
          return { text: `修复灌溉渠 ${km} 公里`, wan: oneDecimal(km * (20 + rng.next() * 20)) };
        },
        unit: '农业农村局',
      },
    ],
    minor: ['已建立村道管护制度，管护经费仍需落实', '设施由村民理事会管护，运行正常'],
  },
  公共服务设施: {
    mechanism: 0.55,
    items: [
      {
        gap: '村卫生站设备简陋，缺少常用诊疗设备',
        project: fixed('村卫生站标准化建设 1 间', 20, 40),
        unit: '卫生健康局',
      },
      {
        gap: '文化活动室面积小，设施不全',
        project: fixed('新建文化活动室 1 间', 25, 60),
        unit: '文化广电旅游体育局',
      },
      {
        gap: '缺少公共厕所，人居环境较差',
        project: (rng) => {
          const n = rng.int(1, 3);
          return { text: `新建公共厕所 ${n} 座`, wan: oneDecimal(n * (8 + rng.next() * 7)) };
        },
        unit: '住房和城乡建设局',
      },
      {
        gap: '村级综合服务站功能不全，群众办事不便',
        project: fixed('建设农村综合服务站 1 个', 30, 60),
        unit: '@',
      },
      {
        gap: '缺少文体活动场地',
        project: (rng) => {
          const m2 = rng.int(6, 20) * 100;
          return {
            text: `建设文体广场 ${m2} 平方米`,
            wan: oneDecimal((m2 / 100) * (4 + rng.next() * 3)),
          };
        },
        unit: '文化广电旅游体育局',
      },
      {
        gap: '村小学校舍陈旧，部分教室存在安全隐患',
        project: fixed('村小学校舍维修改造', 40, 90),
        unit: '教育局',
      },
    ],
    minor: ['卫生站已配备乡村医生，服务正常', '文化室定期开放，管理制度已上墙'],
  },
  产业发展: {
    mechanism: 0.4,
    items: [
      {
        gap: '村集体经济收入主要靠物业出租，来源单一',
        project: fixed('建设村集体物业 1 处', 80, 200),
        unit: '农业农村局',
      },
      {
        gap: '扶贫产业项目规模小，带动贫困户能力弱',
        project: fixed('发展特色种养项目 1 个', 20, 80),
        unit: '农业农村局',
      },
      {
        gap: '缺少稳定的主导产业',
        project: (rng) => {
          const mu = rng.int(2, 8) * 10;
          return {
            text: `建设标准化鱼塘 ${mu} 亩`,
            wan: oneDecimal(mu * (0.8 + rng.next() * 0.6)),
          };
        },
        unit: '农业农村局',
      },
      {
        gap: '农产品缺少稳定的销售渠道',
        project: fixed('建设农产品冷链仓储 1 处', 60, 150),
        unit: '经济发展局',
      },
      {
        gap: '产业项目收益分配机制不健全',
        project: fixed('入股分布式光伏发电项目', 30, 80),
        unit: '扶贫办',
      },
      {
        gap: '乡村旅游资源未开发利用',
        project: fixed('发展乡村旅游民宿项目', 50, 150),
        unit: '经济发展局',
      },
    ],
    minor: ['合作社运营正常，分红机制已建立', '光伏项目收益稳定，按月分配'],
  },
  基层党建: {
    mechanism: 0.65,
    items: [
      {
        gap: '村"两委"干部年龄偏大，后备力量不足',
        project: (rng) => ({ text: `培养村级后备干部 ${rng.int(2, 5)} 名`, wan: null }),
        unit: '委组织部',
      },
      {
        gap: '党员活动阵地面积小，设施陈旧',
        project: fixed('村党群服务中心升级改造', 15, 40),
        unit: '委组织部',
      },
      {
        gap: '"三会一课"制度落实不够规范',
        project: fixed('规范化建设党员活动室 1 间', 5, 15),
        unit: '@',
      },
      {
        gap: '村党组织带领群众发展的作用发挥不充分',
        project: (rng) => ({ text: `选派驻村第一书记 ${rng.int(1, 2)} 名`, wan: null }),
        unit: '委组织部',
      },
    ],
    minor: ['"三会一课"按时开展，台账齐全', '驻村第一书记在岗履职，制度健全'],
  },
};
