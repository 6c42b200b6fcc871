/**
 * Finds a Chromium for the end-to-end tests, or installs one:
 * $CHROMIUM_PATH → /usr/bin/chromium → Playwright's own download (where the
 * network allows it) → Debian's `chromium` via apt-get (when running as root).
 * Prints the path; exits 1 with a clear message when none can be had.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  return null;
}

function run(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  return r.status === 0;
}

function playwrightChromium(): string | null {
  const r = spawnSync(
    process.execPath,
    ['-e', "console.log(require('playwright-core').chromium.executablePath())"],
    {
      encoding: 'utf8',
    },
  );
  const p = r.stdout?.trim();
  return p && existsSync(p) ? p : null;
}

function ensure(): string | null {
  const found = findChromium() ?? playwrightChromium();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.error('安装 Debian chromium（apt-get install chromium fonts-noto-cjk）…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], {
      stdio: 'inherit',
      env,
    });
    const p = findChromium();
    if (p) return p;
  }
  console.error('尝试 Playwright 自带的浏览器下载（npx playwright install chromium）…');
  if (run('npx', ['playwright', 'install', 'chromium'])) return playwrightChromium();
  return null;
}

if (import.meta.main) {
  const path = ensure();
  if (!path) {
    console.error(
      '找不到 Chromium：请安装 chromium（Debian: apt-get install chromium）或设置 CHROMIUM_PATH。',
    );
    process.exit(1);
  }
  console.log(path);
}
