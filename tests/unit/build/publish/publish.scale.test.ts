/**
 * Province scale (700,000 households): run with `HTK_SCALE=1 npx vitest run
 * tests/unit/build/publish/publish.scale.test.ts`. Skipped by default: it takes tens
 * of seconds and most of a GB. Prints the timings; asserts only what must hold.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publish } from '../../../../src/build/publish/publish.ts';
import { PROVINCE, syntheticDataset } from './syntheticDataset.ts';

describe.skipIf(!process.env.HTK_SCALE)('publish at province scale', () => {
  it('publishes 700,000 households with every row and k-anonymity intact', async () => {
    const data = syntheticDataset(PROVINCE);
    const root = mkdtempSync(join(tmpdir(), 'htk-scale-'));
    const lines: string[] = [];
    try {
      const started = performance.now();
      const manifest = await publish(data, join(root, 'out'), { log: (l) => lines.push(l) });
      lines.push(
        `wall ${Math.round(performance.now() - started)} ms, max RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
      );
      console.log(lines.join('\n'));
      expect(manifest.rows.households).toBe(PROVINCE.households);
      expect(manifest.rows.household_changes).toBe(PROVINCE.changes);
      expect(manifest.privacy.households).toBe(PROVINCE.households);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 300_000);
});
