import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { emitSample, type SampleStats } from './emitSample.ts';
import { resolveSampleOptions, type SampleOptions } from './presets.ts';
import { fileSink } from './textSink.ts';

/**
 * Generates a data set straight into `dir`, streaming each file (memory stays
 * flat at province scale). Files other than the data files (README.md) are left alone.
 */
export function writeSample(
  partial: Partial<SampleOptions>,
  dir: string,
): { options: SampleOptions; stats: SampleStats } {
  const options = resolveSampleOptions(partial);
  mkdirSync(dir, { recursive: true });
  const stats = emitSample(options, (file) => fileSink(join(dir, file)));
  return { options, stats };
}
