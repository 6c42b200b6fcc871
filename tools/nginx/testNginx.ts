/**
 * `npm run test:nginx [-- playwright args]`: serves the built sites with Debian's
 * nginx and deploy/nginx.conf as written (only `listen` and `root` replaced) on
 * loopback — dist/ (NGINX_DIST) on port 4340 (NGINX_PORT), the alternative and hostile data
 * builds on the next two ports — and runs the end-to-end suite against it, with
 * tests/e2e/nginx.spec.ts checking headers, ranges, precompressed files, the CSP
 * and the published checksums. Installs nginx first when missing (ensureNginx.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureNginx, MODULES_ENABLED } from './ensureNginx.ts';

/** One site to serve: a port on 127.0.0.1 and a built folder. */
export interface NginxSite {
  port: number;
  root: string;
}

/**
 * deploy/nginx.conf for one site: its `listen` lines replaced by a loopback
 * port and its `root` by the folder. `serverOnly` drops what precedes the
 * `server {` block (the maps), which may appear only once per nginx.
 */
export function siteConfig(template: string, site: NginxSite, serverOnly = false): string {
  const start = template.search(/^server \{/m);
  if (start < 0) throw new Error('deploy/nginx.conf: no top-level `server {` block');
  let conf = serverOnly ? template.slice(start) : template;
  const replace = (pattern: RegExp, by: string) => {
    if (!pattern.test(conf)) throw new Error(`deploy/nginx.conf: expected ${pattern}`);
    conf = conf.replace(pattern, by);
  };
  replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${site.port};`);
  replace(/^\s*listen \[::\]:80;\n/m, '');
  replace(/^(\s*)root \S+;$/m, `$1root ${JSON.stringify(site.root)};`);
  return conf;
}

/** A whole nginx.conf around the sites, with every writable path under `prefix`. */
export function mainConfig(template: string, sites: readonly NginxSite[], prefix: string): string {
  const isRoot = process.getuid?.() === 0;
  return `
${isRoot ? 'user root;' : ''}
worker_processes 2;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
include ${MODULES_ENABLED}/*.conf;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  sendfile on;
  access_log ${prefix}/access.log;
  client_body_temp_path ${prefix}/tmp/body;
  proxy_temp_path ${prefix}/tmp/proxy;
  fastcgi_temp_path ${prefix}/tmp/fastcgi;
  uwsgi_temp_path ${prefix}/tmp/uwsgi;
  scgi_temp_path ${prefix}/tmp/scgi;
${sites.map((s, i) => siteConfig(template, s, i > 0)).join('\n')}
}
`;
}

async function waitForServer(url: string, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function main(): Promise<number> {
  const nginx = ensureNginx();
  if (!nginx) {
    console.error(
      '找不到 nginx（含 brotli_static 模块）：apt-get install nginx libnginx-mod-http-brotli-static',
    );
    return 1;
  }
  const dist = process.env.NGINX_DIST ?? 'dist';
  if (!existsSync(path.join(dist, 'index.html'))) {
    console.error(`${dist}/ 不存在：请先运行 npm run build。`);
    return 1;
  }
  // The suite also covers the other data sets (alt.spec.ts, hostile.spec.ts).
  for (const [dir, script] of [
    ['.build/alt-dist', 'tests/e2e/buildAlt.ts'],
    ['.build/hostile-dist', 'tests/e2e/buildHostile.ts'],
  ] as const) {
    if (existsSync(`${dir}/index.html`)) continue;
    if (spawnSync(process.execPath, [script], { stdio: 'inherit' }).status !== 0) return 1;
  }
  const port = Number(process.env.NGINX_PORT ?? 4340);
  const sites = [dist, '.build/alt-dist', '.build/hostile-dist'].map((d, i) => ({
    port: port + i,
    root: path.resolve(d),
  }));
  const prefix = mkdtempSync(path.join(tmpdir(), 'htk-nginx-'));
  mkdirSync(path.join(prefix, 'tmp'));
  const conf = path.join(prefix, 'nginx.conf');
  writeFileSync(conf, mainConfig(readFileSync('deploy/nginx.conf', 'utf8'), sites, prefix));
  // Default prefix (Debian: /usr/share/nginx), so the modules' relative load_module paths resolve.
  const args = ['-e', path.join(prefix, 'error.log'), '-c', conf];
  const check = spawnSync(nginx, ['-t', '-q', ...args], { stdio: 'inherit' });
  if (check.status !== 0) return 1;

  const server = spawn(nginx, [...args, '-g', 'daemon off;'], { stdio: 'inherit' });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  try {
    await waitForServer(`http://127.0.0.1:${port}/`);
    console.error(`nginx ${nginx} 已在 127.0.0.1:${port}–${port + 2} 上运行（deploy/nginx.conf）`);
    const [main, alt, hostile] = sites.map((s) => `http://127.0.0.1:${s.port}`);
    const run = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: {
        ...process.env,
        E2E_BASE_URL: main,
        E2E_ALT_BASE_URL: alt,
        E2E_HOSTILE_BASE_URL: hostile,
        E2E_NGINX: '1',
        E2E_DIST: sites[0]?.root,
      },
    });
    return run.status ?? 1;
  } finally {
    server.kill('SIGTERM');
    await exited;
    rmSync(prefix, { recursive: true, force: true });
  }
}

if (import.meta.main) main().then((code) => process.exit(code));
