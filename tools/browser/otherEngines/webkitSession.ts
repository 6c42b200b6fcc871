/**
 * WebKitGTK (the engine of every iPhone browser, in its Linux port) from
 * Debian packages only: `Xvfb` (xvfb), `WebKitWebDriver` (webkit2gtk-driver)
 * and the MiniBrowser of libwebkit2gtk-4.1, driven over the W3C WebDriver HTTP
 * protocol. Each session is a new MiniBrowser in automation mode, whose data
 * (cookies, caches, service workers) lasts as long as the session.
 *
 * Dark: MiniBrowser's `--dark-mode` (prefers-color-scheme: dark in the page).
 * Phone: MiniBrowser's window cannot be narrower than 447 px, so the page is
 * opened in a 375 × 812 iframe of an empty top page, and scripts run in it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { BrowserSession, EngineDriver, SessionOptions } from './browserSession.ts';

export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
/** W3C WebDriver's key for an element reference. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };
/** Just above MiniBrowser's narrowest window (447 px), tall enough for the frame. */
const PHONE_WINDOW = { width: 480, height: 900 };
const FRAME_ID = 'htk-phone';

/** A free TCP port on loopback (for WebKitWebDriver, which takes a port, not 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Starts Xvfb on a display it picks itself (`-displayfd`); resolves to `:N`. */
function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  const xvfb = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', '1400x1000x24', '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    xvfb.once('error', reject);
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
    xvfb.stdio[3]?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve({ display: `:${out.trim()}`, process: xvfb });
    });
  });
}

/** A WebDriver endpoint: one JSON request, its `value` back, its error thrown. */
function webDriver(base: string) {
  return async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as { value: T & { error?: string; message?: string } };
    if (!res.ok)
      throw new Error(
        `WebDriver ${method} ${path}: ${json.value.error} ${json.value.message ?? ''}`,
      );
    return json.value;
  };
}

type Call = ReturnType<typeof webDriver>;

/** The result of an async script: what it resolved to, or why it failed. */
type Settled<R> = { ok: R } | { error: string };

function openSession(call: Call, id: string, phone: boolean): BrowserSession {
  const s = `/session/${id}`;
  const frameRef = () =>
    call<Record<string, string>>('POST', `${s}/element`, {
      using: 'css selector',
      value: `#${FRAME_ID}`,
    });

  async function execute<R>(body: string, args: unknown[]): Promise<R> {
    // Every script as an async one, so promises are awaited and errors come back as text.
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => { ${body} }).then(
        (ok) => done({ ok: ok === undefined ? null : ok }),
        (e) => done({ error: String(e && e.stack || e) }));`;
    const r = await call<Settled<R>>('POST', `${s}/execute/async`, { script, args });
    if ('error' in r) throw new Error(`页面脚本出错：${r.error}`);
    return r.ok;
  }

  return {
    async goto(url) {
      if (!phone) {
        await call('POST', `${s}/url`, { url });
        return;
      }
      await call('POST', `${s}/frame`, { id: null });
      // The frame's load event, seen from the top page (the frame is another origin).
      await execute(
        `const [id, url] = arguments;
         const frame = document.getElementById(id);
         return new Promise((resolve) => { frame.onload = () => resolve(true); frame.src = url; });`,
        [FRAME_ID, url],
      );
      await call('POST', `${s}/frame`, { id: await frameRef() });
    },
    run(fn, ...args) {
      return execute(`return (${fn.toString()}).apply(null, arguments[0]);`, [args]);
    },
    async inject(source) {
      await call('POST', `${s}/execute/sync`, { script: `${source}\n;return true;`, args: [] });
    },
    async choose(selector, value) {
      const chosen = () =>
        execute<boolean>('return document.querySelector(arguments[0])?.value === arguments[1];', [
          selector,
          value,
        ]);
      // WebDriver's Element Click on an <option> selects it and fires input and change. Checked,
      // so a click that selected nothing (tried once more) is told apart from a page that did
      // not answer: twice in ~15 runs a page showed no change at all after this click.
      for (let attempt = 0; attempt < 2; attempt++) {
        const option = await call<Record<string, string>>('POST', `${s}/element`, {
          using: 'css selector',
          value: `${selector} option[value=${JSON.stringify(value)}]`,
        });
        await call('POST', `${s}/element/${option[ELEMENT]}/click`, {});
        if (await chosen()) return;
      }
      throw new Error(`WebDriver 未能选中 ${selector} 的 ${value}`);
    },
    async screenshot() {
      // The whole window, with the phone frame at its left: WebKitGTK 2.50's element
      // screenshot of the frame comes back with its top 50 px black.
      return Buffer.from(await call<string>('GET', `${s}/screenshot`), 'base64');
    },
    async close() {
      await call('DELETE', s).catch(() => {});
    },
  };
}

/** Starts Xvfb and WebKitWebDriver; each `open()` is a new MiniBrowser. */
export async function startWebKit(): Promise<EngineDriver> {
  const xvfb = await startXvfb();
  const port = await freePort();
  const driver = spawn('WebKitWebDriver', [`--port=${port}`], {
    env: { ...process.env, DISPLAY: xvfb.display },
    stdio: 'ignore',
  });
  const quit = async () => {
    for (const p of [driver, xvfb.process]) {
      if (p.exitCode !== null || p.signalCode !== null) continue;
      const exited = new Promise((r) => p.once('exit', r));
      p.kill('SIGTERM');
      await exited;
    }
  };
  const call = webDriver(`http://127.0.0.1:${port}`);
  try {
    const until = Date.now() + 15_000;
    for (;;) {
      const ready = await call<{ ready: boolean }>('GET', '/status').catch(() => undefined);
      if (ready?.ready) break;
      if (Date.now() > until) throw new Error('WebKitWebDriver 未能启动');
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (err) {
    await quit();
    throw err;
  }
  let version = '';
  return {
    name: 'webkit',
    get version() {
      return version;
    },
    async open({ scheme, phone }: SessionOptions) {
      const created = await call<{ sessionId: string; capabilities: { browserVersion: string } }>(
        'POST',
        '/session',
        {
          capabilities: {
            alwaysMatch: {
              'webkitgtk:browserOptions': {
                binary: MINIBROWSER,
                args: ['--automation', ...(scheme === 'dark' ? ['--dark-mode'] : [])],
              },
            },
          },
        },
      );
      version = `WebKitGTK ${created.capabilities.browserVersion}`;
      const s = `/session/${created.sessionId}`;
      await call('POST', `${s}/timeouts`, { script: 120_000, pageLoad: 60_000 });
      await call('POST', `${s}/window/rect`, phone ? PHONE_WINDOW : DESKTOP);
      if (phone) {
        await call('POST', `${s}/url`, { url: 'about:blank' });
        await call('POST', `${s}/execute/sync`, {
          script: `const f = document.createElement('iframe');
            f.id = arguments[0];
            f.style.cssText = 'border:0;display:block;width:${PHONE.width}px;height:${PHONE.height}px';
            document.body.style.margin = '0';
            document.body.append(f);`,
          args: [FRAME_ID],
        });
      }
      return openSession(call, created.sessionId, phone);
    },
    quit,
  };
}
