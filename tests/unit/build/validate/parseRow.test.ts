import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASETS } from '../../../../src/contract/input/datasets.ts';
import { createRowParser } from '../../../../src/build/validate/parseRow.ts';
import { decodeBytes } from '../../../../src/build/validate/decode.ts';
import { parseCsv } from '../../../../src/build/validate/parseCsv.ts';
import { resolveHeaders } from '../../../../src/build/validate/headers.ts';
import { FIXTURES } from './fixtureDir.ts';

/** Every fixture CSV that decodes and has a usable header, with the dataset it belongs to. */
function fixtureTables() {
  const folders = [
    path.join(FIXTURES, 'valid'),
    ...readdirSync(path.join(FIXTURES, 'variants')).map((v) => path.join(FIXTURES, 'variants', v)),
  ];
  const tables = [];
  for (const folder of folders)
    for (const dataset of DATASETS) {
      const file = path.join(folder, dataset.file);
      if (!existsSync(file)) continue;
      const decoded = decodeBytes(readFileSync(file));
      if (!decoded.ok) continue;
      const records: string[][] = [];
      parseCsv(decoded.text, (cells) => records.push([...cells]));
      const header = resolveHeaders(dataset.columns, records.shift() ?? []);
      if (header.usable)
        tables.push({ name: path.relative(FIXTURES, file), dataset, header, records });
    }
  return tables;
}

describe('createRowParser (the fast path) agrees with rowSchema.safeParse', () => {
  const tables = fixtureTables();

  it('covers the fixtures, including rows that break cell and row rules', () => {
    expect(tables.length).toBeGreaterThan(15);
  });

  it.each(tables.map((t) => [t.name, t] as const))('%s', (_name, { dataset, header, records }) => {
    // A small cache so that cached and uncached paths both run.
    const parse = createRowParser(dataset, header.index, 3);
    for (const cells of [...records, ...records]) {
      const record = Object.fromEntries(
        dataset.columns.map((c) => [
          c.key,
          (header.index[c.key] ?? -1) < 0 ? '' : (cells[header.index[c.key]!] ?? ''),
        ]),
      );
      const expected = dataset.rowSchema.safeParse(record);
      const actual = parse(cells);
      if (expected.success) expect(actual).toEqual({ ok: true, value: expected.data });
      else {
        expect(actual.ok).toBe(false);
        const issues = expected.error.issues.map((i) => ({
          key: String(i.path[0]),
          code: (i as { params?: { code?: string } }).params?.code,
          message: i.message,
        }));
        expect(!actual.ok && actual.issues).toEqual(issues);
      }
    }
  });
});
