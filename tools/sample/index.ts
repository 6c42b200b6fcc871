export { generateSample, type GeneratedSample } from './generateSample.ts';
export { writeSample } from './writeSample.ts';
export { emitSample, SAMPLE_FILES, type SampleFile, type SampleStats } from './emitSample.ts';
export { PRESETS, resolveSampleOptions, type PresetName, type SampleOptions } from './presets.ts';
export { parseSampleArgs, SAMPLE_USAGE, type SampleArgs } from './parseSampleArgs.ts';
export { createRng, deriveRng, type Rng } from './rng.ts';
