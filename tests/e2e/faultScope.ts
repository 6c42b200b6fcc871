/**
 * Network faults for one test, injected by the site's server (tools/serve/faults.ts:
 * the suite's main server runs with `--faults`). The scope cookie goes into the
 * test's browser context, so the page and its workers (the DuckDB worker's range
 * reads included) meet the faults and no other test does.
 *
 *   const faults = await faultScope(page.context(), baseURL);
 *   test.skip(!faults, 'the server does not inject faults (nginx)');
 *   await faults.set([{ path: '\\.duckdb$', fault: 503, times: 2 }]);
 *   … // the page retries, names the failure, recovers
 *   expect((await faults.report()).rules[0]?.failed).toBe(2);
 */
import { randomUUID } from 'node:crypto';
import type { BrowserContext } from '@playwright/test';
import {
  FAULT_CONTROL_PATH,
  FAULT_SCOPE_COOKIE,
  type FaultReport,
  type FaultRule,
} from '../../tools/serve/faults.ts';

export type { FaultReport, FaultRule };

export interface FaultScope {
  /** Replaces the scope's rules (and empties its request log). */
  set(rules: FaultRule[]): Promise<void>;
  /** No more faults (the log is emptied too). */
  clear(): Promise<void>;
  /** The rules with how many requests each failed, and every request seen in the scope. */
  report(): Promise<FaultReport>;
}

/** A fresh scope for `context`, or undefined when the server at `baseURL` injects no faults. */
export async function faultScope(
  context: BrowserContext,
  baseURL: string,
): Promise<FaultScope | undefined> {
  const id = randomUUID();
  const control = new URL(`${FAULT_CONTROL_PATH}${id}`, baseURL).href;
  const probe = await fetch(control).catch(() => undefined);
  if (!probe?.ok) return undefined;
  await context.addCookies([{ name: FAULT_SCOPE_COOKIE, value: id, url: baseURL }]);
  const call = async (method: string, body?: unknown) => {
    const res = await fetch(control, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${control}: ${res.status} ${await res.text()}`);
    return res;
  };
  return {
    set: async (rules) => void (await call('PUT', { rules })),
    clear: async () => void (await call('DELETE')),
    report: async () => (await (await call('GET')).json()) as FaultReport,
  };
}
