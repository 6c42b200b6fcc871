/**
 * Benchmark section `build`: the whole `node cli/build.ts` (validate →
 * publish → Astro prerender → swap) at 45, 500 and 2,300 villages, wall time and
 * peak memory of the process tree (measureProcess.ts), and the growth in
 * seconds per village between scales, to show the build is about linear.
 * Targets at 2,300 villages: ≤ 120 s, ≤ 2 GB.
 */
import { fmt, median, type Section } from './lib.ts';
import { measureProcess, type Measured } from './measureProcess.ts';
import { dataDir, type Scale } from './scales.ts';
import { siteBuilt, siteDir } from './sites.ts';

const TARGET_SECONDS = 120;
const TARGET_MB = 2048;

export async function benchBuild(scales: Scale[], repeats: number): Promise<Section> {
  const rows: Section['rows'] = [];
  const json: Record<string, unknown> = {};
  const failures: string[] = [];
  let previous: { villages: number; seconds: number } | undefined;
  for (const scale of scales) {
    const data = dataDir(scale);
    const runs: Measured[] = [];
    for (let i = 0; i < repeats; i++) {
      console.error(`build ${scale.name}: run ${i + 1}/${repeats}`);
      const run = await measureProcess(process.execPath, ['cli/build.ts'], {
        DATA_DIR: data,
        OUT_DIR: siteDir(scale),
      });
      if (!run.ok) throw new Error(`build of ${scale.name} failed:\n${run.tail}`);
      runs.push(run);
    }
    siteBuilt(scale);
    const seconds = median(runs.map((r) => r.seconds));
    const peakMb = median(runs.map((r) => r.peakMb));
    const growth = previous
      ? (seconds - previous.seconds) / (scale.villages - previous.villages)
      : undefined;
    previous = { villages: scale.villages, seconds };
    const isProvince = scale.villages >= 2300;
    const verdict = isProvince
      ? `${seconds <= TARGET_SECONDS ? '✓' : '✗'} time, ${peakMb <= TARGET_MB ? '✓' : '✗'} memory`
      : '';
    if (isProvince && seconds > TARGET_SECONDS)
      failures.push(
        `build at ${scale.villages} villages took ${fmt(seconds)} s (target ≤ ${TARGET_SECONDS} s)`,
      );
    if (isProvince && peakMb > TARGET_MB)
      failures.push(
        `build at ${scale.villages} villages peaked at ${fmt(peakMb, 0)} MB (target ≤ ${TARGET_MB} MB)`,
      );
    json[scale.name] = {
      scale,
      seconds,
      peakMb,
      secondsPerVillage: seconds / scale.villages,
      growthSecondsPerVillage: growth,
      runs: runs.map(({ seconds: s, peakMb: p, treeMb, processMb }) => ({
        seconds: s,
        peakMb: p,
        treeMb,
        processMb,
      })),
    };
    rows.push([
      scale.villages.toLocaleString('en-US'),
      scale.households.toLocaleString('en-US'),
      fmt(seconds, 1),
      fmt((seconds / scale.villages) * 1000, 1),
      growth === undefined ? '—' : fmt(growth * 1000, 1),
      fmt(peakMb, 0),
      verdict,
    ]);
  }
  return {
    title: 'Build: `node cli/build.ts` (validate → publish → prerender → swap)',
    header: [
      'villages',
      'households',
      'wall s (median)',
      'ms / village',
      'growth ms / village',
      'peak MB',
      'target',
    ],
    rows,
    notes: [
      `median of ${repeats} runs, each a fresh process; peak = max(process-tree RSS sampled every 50 ms, largest process max RSS).`,
      'growth = extra seconds per extra village since the previous row: about constant when the build is linear.',
      `Targets at 2,300 villages: ≤ ${TARGET_SECONDS} s, peak memory ≤ 2 GB.`,
    ],
    failures,
    json,
  };
}
