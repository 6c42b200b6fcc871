import type { IssueCode } from '../../contract/input/cells.ts';
import { STATUS_BY_CHANGE } from '../../contract/enums.ts';
import type { Household } from '../../contract/input/households.ts';
import type { HouseholdChange } from '../../contract/input/householdChanges.ts';
import type { CheckedFile } from './crossCheck.ts';

/**
 * A household's latest status-changing record (by 变动日期; on the same day the
 * later row wins) must agree with its 建档状态, and a 清退 household needs one.
 */
export function checkStatuses(
  households: CheckedFile<Household>,
  changes: CheckedFile<HouseholdChange>,
  report: (i: number, key: string, code: IssueCode, message: string) => void,
): void {
  const latest = new Map<string, number>();
  changes.rows.forEach((c, i) => {
    if (STATUS_BY_CHANGE[c.change_type] === undefined) return;
    const before = latest.get(c.household_id);
    if (before === undefined || changes.rows[before]!.date <= c.date) latest.set(c.household_id, i);
  });
  const uncertain = changes.failedKeys.get('household_id')!;
  const changesName = changes.file.slice(changes.file.lastIndexOf('/') + 1);
  households.rows.forEach((h, i) => {
    if (uncertain.has(h.household_id)) return;
    const j = latest.get(h.household_id);
    if (j === undefined) {
      if (h.status === '清退')
        report(
          i,
          'status',
          'foreign-key',
          `建档状态为 清退，但 ${changesName} 中没有该户的 清退 记录`,
        );
      return;
    }
    const c = changes.rows[j]!;
    const expected = STATUS_BY_CHANGE[c.change_type];
    if (expected !== h.status)
      report(
        i,
        'status',
        'foreign-key',
        `建档状态为 ${h.status}，但该户最近的状态变动是 ${changesName} 第 ${changes.lines[j]} 行（${c.date} ${c.change_type}），应为 ${expected}`,
      );
  });
}
