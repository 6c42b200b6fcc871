import { emitSample, type SampleFile, type SampleStats } from './emitSample.ts';
import { resolveSampleOptions, type SampleOptions } from './presets.ts';
import { stringSink } from './textSink.ts';

/** A generated data set held in memory: file name → exact text (BOM and CRLF included). */
export interface GeneratedSample {
  options: SampleOptions;
  files: Record<SampleFile, string>;
  stats: SampleStats;
}

/**
 * Generates a data set in memory. Pure: the same options always return the
 * same text. Options left out come from the preset (default: the 红海湾 sample).
 */
export function generateSample(partial: Partial<SampleOptions> = {}): GeneratedSample {
  const options = resolveSampleOptions(partial);
  const files = {} as Record<SampleFile, string>;
  const stats = emitSample(options, (file) => {
    const sink = stringSink();
    return { write: sink.write, close: () => void (files[file] = sink.text()) };
  });
  return { options, files, stats };
}
