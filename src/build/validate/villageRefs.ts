/** The villages and streets of villages.csv, and the checks of other files' references to them. */
import type { IssueCode } from '../../contract/input/cells.ts';
import type { Village } from '../../contract/input/villages.ts';
import type { CheckedFile } from './crossCheck.ts';

/** Reports an issue on row `i` of one file, at column `key`. */
export type Report = (i: number, key: string, code: IssueCode, message: string) => void;

/** What another file's 街道 and 村代码 are checked against. */
export interface VillageRefs {
  villages?: CheckedFile<Village>;
  /** villages.csv as its issues name it. */
  villagesName: string;
  /** First row of each 村代码 in villages.csv. */
  villageByCode: ReadonlyMap<string, Village>;
  /** Reports a 村代码 not in villages.csv or, given its row's `street`, of another street; gives its village. */
  checkVillage(
    report: Report,
    i: number,
    code: string,
    street?: string | null,
  ): Village | undefined;
  /** Reports a 街道 not in villages.csv (`hint` is added to the message). */
  checkStreet(report: Report, i: number, street: string, hint?: string): void;
}

export function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

/** The references of villages.csv (absent: every village and street is taken as known). */
export function villageRefs(villages: CheckedFile<Village> | undefined): VillageRefs {
  const villageByCode = new Map<string, Village>();
  // The first row wins: a repeated 村代码 is already reported as unique-error.
  for (const v of villages?.rows ?? [])
    if (!villageByCode.has(v.village_code)) villageByCode.set(v.village_code, v);
  // False only when villages.csv is readable and neither has nor failed on the code.
  const villageKnown = (code: string) =>
    villages === undefined ||
    !villages.readable ||
    villageByCode.has(code) ||
    villages.failedKeys.get('village_code')!.has(code);
  const villagesName = villages ? baseName(villages.file) : 'villages.csv';
  // Streets of villages.csv, including those of rows that failed.
  const streets = new Set(villages?.rows.map((v) => v.street));
  for (const s of villages?.failedKeys.get('street') ?? []) streets.add(s);
  return {
    villages,
    villagesName,
    villageByCode,
    checkVillage(report, i, code, street) {
      const village = villageByCode.get(code);
      if (!villageKnown(code))
        report(i, 'village_code', 'foreign-key', `村代码 ${code} 不在 ${villagesName} 中`);
      else if (street !== undefined && village && village.street !== street)
        report(
          i,
          'village_code',
          'foreign-key',
          `村代码 ${code}（${village.village_name}）属于 ${village.street}，不属于 ${street}`,
        );
      return village;
    },
    checkStreet(report, i, street, hint = '') {
      if (villages?.readable && !streets.has(street))
        report(
          i,
          'street',
          'foreign-key',
          `街道 "${street}" 不在 ${villagesName} 中；已有的街道：${[...streets].slice(0, 12).join('、')}${hint}`,
        );
    },
  };
}
