import { describe, expect, it } from 'vitest';
import { measureProcess, treeRss } from '../../../bench/measureProcess.ts';

const onLinux = process.platform === 'linux';

describe.runIf(onLinux)('measureProcess', () => {
  it('sees memory held by a grandchild process, and the wall time', async () => {
    // The parent does nothing; its child holds ~300 MB for 600 ms.
    const child = `const b = Buffer.alloc(300 * 2 ** 20, 1); setTimeout(() => console.log(b[0]), 600);`;
    const parent = `require('node:child_process').spawnSync(process.execPath, ['-e', ${JSON.stringify(child)}], { stdio: 'inherit' });`;
    const m = await measureProcess(process.execPath, ['-e', parent]);
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
