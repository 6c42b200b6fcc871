import type { Village } from '../../contract/input/villages.ts';

/** Finds a village by code; `what` names the file asking, for the error. */
export type VillageOf = (code: string, what: string) => Village;

/**
 * A lookup that throws on an unknown code: validation has already checked
 * every reference, so a miss here is a bug, not a data problem.
 */
export function villageLookup(villages: readonly Village[]): VillageOf {
  const byCode = new Map<string, Village>();
  for (const v of villages) byCode.set(v.village_code, v);
  return (code, what) => {
    const v = byCode.get(code);
    if (!v) throw new Error(`${what}：村代码 ${code} 不在 villages.csv 中（数据应先通过校验）`);
    return v;
  };
}
