/**
 * `node tools/attack/snapshot.ts --data DIR --as-of YYYY-MM-DD --out DIR`
 *
 * Writes a copy of a data folder as it stood on an earlier date (see
 * earlierSnapshot.ts), validated like any data folder: the earlier
 * publication of a pair the attack compares. Exits 1 when the result does not
 * validate (a bug here, not in the data), 2 on bad arguments or invalid input.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CAMPAIGN_FILE, formatSummary, loadDataset } from '../../src/build/validate/loadDataset.ts';
import { parseDate } from '../../src/contract/input/cells.ts';
import { earlierSnapshot } from './earlierSnapshot.ts';
import { writeDataset } from './writeDataset.ts';

export const SNAPSHOT_USAGE = `用法 usage: node tools/attack/snapshot.ts --data DIR --as-of YYYY-MM-DD --out DIR
  --data DIR     数据文件夹（须通过校验）
  --as-of DATE   较早的数据截止日期（早于该文件夹的 as_of）
  --out DIR      写入的文件夹（其中的数据文件会被替换）`;

/** campaign.json with only as_of changed, keys and layout as they were. */
export function campaignAsOf(json: string, date: string): string {
  const campaign = JSON.parse(json) as Record<string, unknown>;
  return `${JSON.stringify({ ...campaign, as_of: date }, null, 2)}\n`;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      'as-of': { type: 'string' },
      out: { type: 'string' },
    },
  });
  const date = values['as-of'];
  if (!values.data || !values.out || !date || parseDate(date) !== date) {
    console.error(SNAPSHOT_USAGE);
    process.exit(2);
  }
  const loaded = await loadDataset(values.data);
  if (!loaded.ok || !loaded.data) {
    console.error(`${values.data}：数据未通过校验\n${formatSummary(loaded)}`);
    process.exit(2);
  }
  if (!(date < loaded.data.campaign.as_of)) {
    console.error(
      `--as-of ${date} 应早于 ${values.data} 的数据截止日期 ${loaded.data.campaign.as_of}`,
    );
    process.exit(2);
  }
  const earlier = earlierSnapshot(loaded.data, date);
  const campaign = await readFile(path.join(values.data, CAMPAIGN_FILE), 'utf8');
  await writeDataset(earlier, values.out, campaignAsOf(campaign, date));
  const check = await loadDataset(values.out);
  if (!check.ok) {
    console.error(`${values.out}：写出的数据未通过校验\n${formatSummary(check)}`);
    process.exit(1);
  }
  console.log(
    `已写入 ${values.out}/（截至 ${date}）：${earlier.households.length} 户（原 ${loaded.data.households.length}），` +
      `${earlier.household_changes.length} 条变动（原 ${loaded.data.household_changes.length}）`,
  );
}
