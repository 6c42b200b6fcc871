import type { TablesReport } from './tablesReport.ts';

/** How many signs that the attacker model does not fit the publication. */
export function modelMismatchCount(r: TablesReport): number {
  const m = r.modelMismatch;
  return (
    m.householdsWithoutRow +
    m.rowsWithoutHousehold +
    m.unassignableVillages.length +
    m.impossibleCells.length +
    m.wrongDisclosures +
    m.recordsWithoutHousehold +
    m.unreadableValues.length
  );
}

/** The checks that found something, with their counts (a safe publication has none). */
export function tableProblems(r: TablesReport): { check: string; count: number }[] {
  const checks: [string, number][] = [
    ['少于 k 个候选行的户', r.singlingOut.belowK.count],
    ['被唯一识别的户', r.singlingOut.singledOut.count],
    // Sizes narrowed by the neighbour's own knowledge alone (matching) tell them nothing new;
    // they count only through the candidates they remove (the first check). Sizes an
    // aggregate gives back are what a publication leaks.
    ['区间被汇总表还原为确切人数的行', r.refinement.exactByAggregates],
    ['敏感值被同质组披露的户', r.homogeneity.households.count],
    ['可关联到少于 k 户的变动记录', r.changeRecords.belowK],
    ['少于 k 户却带有更多信息的变动汇总格', r.changeRecords.smallCells.count],
    ['一两户却带有更多信息的汇总格', r.smallCells.cells.count],
    ['一两户却带有更多信息的街道或全区汇总格（含减去各村数字后）', r.smallCells.streetCells.count],
    ['公开数据中的户编号', r.identifiers.householdIds.count],
    ['公开数据中的个人信息', r.identifiers.personalData.count],
    ['户级数据中的确切收入', r.identifiers.exactIncomes.count],
    ['攻击模型与公开数据不符', modelMismatchCount(r)],
  ];
  return checks.filter(([, n]) => n > 0).map(([check, count]) => ({ check, count }));
}
