import { describe, expect, it } from 'vitest';
import {
  PUBLISHED_TYPE_LABELS,
  freeTextColumns,
  inputDictionary,
  publishedDictionary,
} from '../../../../src/views/data/dataDictionary.ts';
import { DATASETS } from '../../../../src/contract/input/datasets.ts';
import { PUBLISHED_TABLES } from '../../../../src/contract/published.ts';

describe('inputDictionary', () => {
  const entries = inputDictionary(DATASETS);

  it('lists the six input files in contract order with where the plan asks for them', () => {
    expect(entries.map((e) => e.file)).toEqual([
      'villages.csv',
      'households.csv',
      'household_changes.csv',
      'shortcomings.csv',
      'rectifications.csv',
      'projects.csv',
    ]);
    for (const e of entries) expect(e.planRef).not.toBe('');
    expect(entries.find((e) => e.name === 'shortcomings')?.planRef).toBe('附件 3');
  });

  it('marks projects.csv, and only it, as an optional file', () => {
    expect(entries.filter((e) => e.optional).map((e) => e.file)).toEqual(['projects.csv']);
  });

  it('documents every column: header, key, rule and description all filled in', () => {
    for (const e of entries)
      for (const c of e.columns) {
        expect(c.header, `${e.file}:${c.key}`).not.toBe('');
        expect(c.rule, `${e.file}:${c.key}`).not.toBe('');
        expect(c.description, `${e.file}:${c.key}`).not.toBe('');
      }
  });

  it('says which columns are optional', () => {
    const villages = entries.find((e) => e.name === 'villages');
    expect(villages?.columns.find((c) => c.key === 'shuangdao_round')?.required).toBe(false);
    expect(villages?.columns.find((c) => c.key === 'village_code')?.required).toBe(true);
  });
});

describe('publishedDictionary', () => {
  const tables = publishedDictionary(PUBLISHED_TABLES);

  it('never documents a published 户编号 or exact income', () => {
    const names = tables.flatMap((t) => t.columns.map((c) => c.name));
    expect(names).not.toContain('household_id');
    expect(names).not.toContain('income_per_capita');
  });

  it('names every column type in words', () => {
    for (const t of tables)
      for (const c of t.columns) expect(c.typeLabel).toBe(PUBLISHED_TYPE_LABELS[c.type]);
    expect(Object.values(PUBLISHED_TYPE_LABELS).every((l) => l.length > 0)).toBe(true);
  });

  it('documents the projects table, its amounts as exact decimals', () => {
    const projects = tables.find((t) => t.name === 'projects');
    expect(projects?.download).toBe(true);
    expect(
      projects?.columns.filter((c) => c.type === 'decimal').map((c) => [c.label, c.typeLabel]),
    ).toEqual([
      ['计划资金（万元）', '金额（两位小数，精确）'],
      ['已拨付（万元）', '金额（两位小数，精确）'],
    ]);
  });

  it('keeps whether a table is downloadable', () => {
    expect(tables.find((t) => t.name === 'phases')?.download).toBe(false);
    expect(tables.find((t) => t.name === 'households')?.download).toBe(true);
  });
});

describe('freeTextColumns', () => {
  it('lists the published free-text columns per file, skipping files without any', () => {
    const byFile = new Map(
      freeTextColumns(DATASETS, PUBLISHED_TABLES).map((f) => [f.file, f.headers]),
    );
    // Change reasons are scanned but never published (only counted by category).
    expect(byFile.has('household_changes.csv')).toBe(false);
    expect(byFile.get('rectifications.csv')).toContain('问题描述');
    expect(byFile.has('households.csv')).toBe(false);
    expect(byFile.get('projects.csv')).toEqual([
      '项目名称',
      '建设任务',
      '实施单位',
      '带贫减贫机制',
      '绩效目标',
    ]);
    for (const headers of byFile.values()) expect(headers.length).toBeGreaterThan(0);
  });
});
