import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureProcess, treeRss } from '../../../bench/measureProcess.ts';

const onLinux = process.platform === 'linux';

describe.runIf(onLinux)('measureProcess', () => {
  it('sees memory held by a grandchild process, and the wall time', async () => {
    // The parent does nothing; its child holds ~300 MB until the sampler has seen it
    // (then the test writes the release file): no race with the 50 ms sampling, however
    // busy the machine.
    const release = path.join(mkdtempSync(path.join(tmpdir(), 'htk-measure-')), 'release');
    const child = `const fs = require('node:fs'); const b = Buffer.alloc(300 * 2 ** 20, 1);
      const t0 = Date.now();
      const wait = () => (fs.existsSync(${JSON.stringify(release)}) && Date.now() - t0 > 600 ? console.log(b[0]) : setTimeout(wait, 20));
      wait();`;
    const parent = `require('node:child_process').spawnSync(process.execPath, ['-e', ${JSON.stringify(child)}], { stdio: 'inherit' });`;
    const m = await measureProcess(process.execPath, ['-e', parent], {}, (bytes) => {
      if (bytes > 300 * 2 ** 20) writeFileSync(release, '');
    });
    expect(m.ok).toBe(true);
    expect(m.seconds).toBeGreaterThan(0.6);
    expect(m.peakMb).toBeGreaterThan(300);
    expect(m.treeMb).toBeGreaterThan(300);
  });

  it('reports a failing command as not ok, with its stderr', async () => {
    const m = await measureProcess(process.execPath, [
      '-e',
      'console.error("boom"); process.exit(3)',
    ]);
    expect(m.ok).toBe(false);
    expect(m.tail).toContain('boom');
  });

  it('counts this process in its own tree', () => {
    expect(treeRss(process.pid)).toBeGreaterThan(10 * 2 ** 20);
  });
});
