/**
 * `npm run sample [-- options]`: regenerates the fictional sample data set in
 * data/ (byte-identical on every run), or a larger one elsewhere for tests and
 * benchmarks. See `npm run sample -- --help`.
 */
import { writeSample } from '../tools/sample/writeSample.ts';
import { parseSampleArgs, SAMPLE_USAGE } from '../tools/sample/parseSampleArgs.ts';

let args;
try {
  args = parseSampleArgs(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${SAMPLE_USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(SAMPLE_USAGE);
  process.exit(0);
}
const started = performance.now();
const { options, stats } = writeSample(args.options, args.out);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `已生成 ${args.out}/（preset ${options.preset}，seed ${options.seed}，${seconds} 秒）：` +
    `${stats.villages} 个村（双到村 ${stats.shuangdaoVillages}），${stats.households} 户 ${stats.persons} 人，` +
    `${stats.changes} 条变动，${stats.shortcomings} 条短板，${stats.rectifications} 条整改问题，${stats.projects} 个项目`,
);
