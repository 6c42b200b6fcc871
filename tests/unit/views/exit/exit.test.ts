import { describe, expect, it } from 'vitest';
import {
  HIDDEN_LABEL,
  HIDDEN_SHORT,
  exitAreaTakeaway,
  exitByArea,
  exitShareRows,
  exitTotals,
  measureRows,
  measureTakeaway,
  securityTakeaway,
  typeMatrix,
  typeTakeaway,
} from '../../../../src/views/exit/exit.ts';
import { securityRows } from '../../../../src/views/shared/securityRows.ts';

describe('exitTotals', () => {
  it('gives every category in plan order, with shares, and 0 for a missing one', () => {
    const t = exitTotals([
      { exit_category: '重点帮扶', households: 1 },
      { exit_category: '巩固提升', households: 3 },
    ]);
    expect(t.map((r) => r.category)).toEqual(['巩固提升', '加大帮扶', '重点帮扶']);
    expect(t.map((r) => r.households)).toEqual([3, 0, 1]);
    expect(t[0]?.share).toBeCloseTo(0.75);
  });
});

describe('exitByArea', () => {
  const rows = [
    { key: 'S1', name: '甲街道', street: '甲街道', exit_category: '巩固提升', households: 6 },
    { key: 'S1', name: '甲街道', street: '甲街道', exit_category: '重点帮扶', households: 2 },
    { key: 'S2', name: '乙街道', street: '乙街道', exit_category: '重点帮扶', households: 3 },
    { key: 'S2', name: '乙街道', street: '乙街道', exit_category: '加大帮扶', households: 1 },
  ];

  it('pivots areas × categories to one row per area with totals and the 重点帮扶 share', () => {
    const out = exitByArea(rows);
    expect(out.map((r) => r.key)).toEqual(['S1', 'S2']);
    expect(out[0]).toMatchObject({ 巩固提升: 6, 加大帮扶: 0, 重点帮扶: 2, total: 8 });
    expect(out[0]?.focus_share).toBeCloseTo(0.25);
    expect(out[1]?.focus_share).toBeCloseTo(0.75);
  });

  it('names the area where 重点帮扶 weighs most', () => {
    expect(exitAreaTakeaway(exitByArea(rows), '街道')).toBe(
      '需重点帮扶 5 户（41.7%）；占比最高的街道是乙街道（75%，3 户）。',
    );
    expect(exitAreaTakeaway([], '街道')).toBe('暂无建档立卡户。');
  });
});

describe('securityRows', () => {
  const gaps = { households: 200, education_gap: 2, medical_gap: 4, housing_gap: 10, any_gap: 14 };

  it('lists the three guarantees and "any", with shares of all households', () => {
    const rows = securityRows(gaps);
    expect(rows.map((r) => r.gap)).toEqual(['义务教育', '基本医疗', '住房安全', '任一项']);
    expect(rows[2]?.share).toBeCloseTo(0.05);
    expect(rows[3]?.households).toBe(14);
  });

  it('names the largest gap', () => {
    expect(securityTakeaway(gaps)).toBe(
      '14 户（7%）至少一项"三保障"未落实；缺口最多的是住房安全（10 户）。',
    );
  });

  it('says when every guarantee is met, and when there are no households', () => {
    expect(
      securityTakeaway({
        households: 5,
        education_gap: 0,
        medical_gap: 0,
        housing_gap: 0,
        any_gap: 0,
      }),
    ).toContain('全部 5 户');
    expect(securityTakeaway(undefined)).toBe('暂无建档立卡户。');
  });
});

describe('measures', () => {
  it('gives shares of households and names the most used measure', () => {
    const rows = measureRows(
      [
        { measure: '就业帮扶', households: 30 },
        { measure: '产业帮扶', households: 50 },
      ],
      100,
    );
    expect(rows[1]).toEqual({ measure: '产业帮扶', households: 50, share: 0.5 });
    expect(measureTakeaway(rows, 100)).toBe(
      '最常用的是产业帮扶，50 户在用（50%）；平均每户 0.8 项措施。',
    );
    expect(measureTakeaway([], 0)).toBe('暂无帮扶措施数据。');
  });
});

describe('typeMatrix', () => {
  const rows = [
    { household_type: HIDDEN_LABEL, labor_capacity: HIDDEN_LABEL, households: 4 },
    { household_type: '特困供养户', labor_capacity: '无劳动能力', households: 3 },
    { household_type: '一般贫困户', labor_capacity: '有劳动能力', households: 10 },
    { household_type: '一般贫困户', labor_capacity: '无劳动能力', households: 2 },
  ];

  it('orders types and capacities as in the contract, blanked values last and shown short', () => {
    const m = typeMatrix(rows);
    expect(m.rows).toEqual(['一般贫困户', '特困供养户', HIDDEN_SHORT]);
    expect(m.columns).toEqual(['有劳动能力', '无劳动能力', HIDDEN_SHORT]);
    expect(m.cells).toHaveLength(9);
    expect(m.cells.find((c) => c.row === '特困供养户' && c.column === '有劳动能力')?.value).toBe(0);
    expect(m.table[0]).toEqual({
      household_type: '一般贫困户',
      有劳动能力: 10,
      无劳动能力: 2,
      [HIDDEN_SHORT]: 0,
      total: 12,
    });
    expect(m.hidden).toBe(4);
    expect(m.total).toBe(19);
  });

  it('states the share without labour capacity among those published, and what is hidden', () => {
    expect(typeTakeaway(rows)).toBe(
      '公开劳动能力的 15 户中 33.3% 无劳动能力；另有 4 户为保护隐私未公开劳动能力。',
    );
    expect(typeTakeaway([])).toBe('暂无建档立卡户。');
  });
});

describe('exitShareRows', () => {
  it('gives each category as a share of its area, shares summing to 1', () => {
    const [row] = exitShareRows(
      exitByArea([
        { key: 'S', name: '甲', street: '甲', exit_category: '巩固提升', households: 3 },
        { key: 'S', name: '甲', street: '甲', exit_category: '重点帮扶', households: 1 },
      ]),
    );
    expect(row).toEqual({
      key: 'S',
      name: '甲',
      total: 4,
      巩固提升: 0.75,
      加大帮扶: 0,
      重点帮扶: 0.25,
    });
  });
});
