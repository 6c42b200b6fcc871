/**
 * Finds nginx with the brotli_static module for the deployment test
 * (tools/nginx/testNginx.ts), or installs Debian's `nginx` and
 * `libnginx-mod-http-brotli-static` with apt-get when running as root.
 * Prints the nginx path; exits 1 with a clear message when it cannot be had.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** Where Debian's packages enable dynamic modules (load_module lines). */
export const MODULES_ENABLED = '/etc/nginx/modules-enabled';

/** The nginx binary: $NGINX_PATH, or the Debian one; null when absent. */
export function findNginx(): string | null {
  for (const c of [process.env.NGINX_PATH, '/usr/sbin/nginx']) if (c && existsSync(c)) return c;
  return null;
}

/** Whether Debian's brotli_static module is installed and enabled. */
export function hasBrotliStatic(): boolean {
  try {
    return readdirSync(MODULES_ENABLED).some((f) =>
      readFileSync(`${MODULES_ENABLED}/${f}`, 'utf8').includes('brotli_static'),
    );
  } catch {
    return false;
  }
}

/** nginx with brotli_static, installed if missing and possible; null otherwise. */
export function ensureNginx(): string | null {
  if (findNginx() && hasBrotliStatic()) return findNginx();
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.error('安装 nginx（apt-get install nginx libnginx-mod-http-brotli-static）…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync(
      'apt-get',
      [
        'install',
        '-y',
        '-qq',
        '--no-install-recommends',
        'nginx',
        'libnginx-mod-http-brotli-static',
      ],
      { stdio: 'inherit', env },
    );
  }
  return findNginx() && hasBrotliStatic() ? findNginx() : null;
}

if (import.meta.main) {
  const path = ensureNginx();
  if (!path) {
    console.error(
      '找不到带 brotli_static 模块的 nginx：请安装（Debian: apt-get install nginx libnginx-mod-http-brotli-static）或设置 NGINX_PATH。',
    );
    process.exit(1);
  }
  console.log(path);
}
