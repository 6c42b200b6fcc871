/**
 * `node tools/attack/attack.ts --data DIR --site DIR [--data DIR2 --site DIR2] [--json out.json]`
 *
 * The project's own privacy attack on built sites: see index.ts for the
 * attacker model. Prints the report; exits 1 when any check finds a problem,
 * 2 on bad arguments or unreadable input.
 */
import { writeFile } from 'node:fs/promises';
import { formatReport } from './formatReport.ts';
import { parseAttackArgs, ATTACK_USAGE } from './parseAttackArgs.ts';
import { runAttack } from './runAttack.ts';

if (import.meta.main) {
  let args;
  try {
    args = parseAttackArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${ATTACK_USAGE}`);
    process.exit(2);
  }
  if (args === null) {
    console.log(ATTACK_USAGE);
    process.exit(0);
  }
  try {
    const report = await runAttack(args.inputs, {
      k: args.k,
      examples: args.examples,
      log: (line) => console.error(line),
    });
    console.log(formatReport(report));
    if (args.json) await writeFile(args.json, `${JSON.stringify(report, null, 2)}\n`);
    process.exit(report.problems > 0 ? 1 : 0);
  } catch (error) {
    console.error(`攻击未能运行：${(error as Error).message}`);
    process.exit(2);
  }
}
