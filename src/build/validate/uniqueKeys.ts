/** The data contract's uniqueness rules, checked while a file is read. */
interface UniqueRule {
  /** Column keys whose values together must be unique. */
  keys: readonly string[];
  /** Column the duplicate is reported on. */
  column: string;
}

const UNIQUE_RULES: Readonly<Record<string, readonly UniqueRule[]>> = {
  villages: [
    { keys: ['village_code'], column: 'village_code' },
    { keys: ['street', 'village_name'], column: 'village_name' },
  ],
  households: [{ keys: ['household_id'], column: 'household_id' }],
  shortcomings: [{ keys: ['village_code', 'dimension'], column: 'dimension' }],
  rectifications: [{ keys: ['issue_id'], column: 'issue_id' }],
  projects: [{ keys: ['project_id'], column: 'project_id' }],
};

/** First line of each key value. */
export type KeyLines = ReadonlyMap<string, number>;

/** A duplicate: the row's values repeat those of an earlier line. */
export interface Duplicate {
  keys: readonly string[];
  column: string;
  values: string[];
  firstLine: number;
}

/**
 * Tracks the unique keys of one dataset. `check` takes a row's parsed cells (a
 * key whose cell failed is null and skipped) and returns the rules it breaks.
 * `seen` maps each rule's column to the first line of every key value.
 */
export function createUniqueKeys(datasetName: string) {
  const rules = (UNIQUE_RULES[datasetName] ?? []).map((rule) => ({
    ...rule,
    seen: new Map<string, number>(),
  }));
  return {
    seen: Object.fromEntries(rules.map((r) => [r.column, r.seen as KeyLines])),
    check(cells: Readonly<Record<string, unknown>>, line: number): Duplicate[] {
      let duplicates: Duplicate[] | undefined;
      for (const rule of rules) {
        let key: string;
        if (rule.keys.length === 1) {
          const value = cells[rule.keys[0]!];
          if (value === undefined || value === null) continue;
          key = String(value);
        } else {
          const values = rule.keys.map((k) => cells[k]);
          if (values.some((v) => v === undefined || v === null)) continue;
          key = values.join('\u0000');
        }
        const firstLine = rule.seen.get(key);
        if (firstLine === undefined) rule.seen.set(key, line);
        else
          (duplicates ??= []).push({
            keys: rule.keys,
            column: rule.column,
            values: rule.keys.map((k) => String(cells[k])),
            firstLine,
          });
      }
      return duplicates ?? [];
    },
  };
}
