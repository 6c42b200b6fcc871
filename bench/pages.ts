/**
 * The pages the browser sections measure: the overview, one topic page and
 * one village page (the first village in code order, so runs are comparable).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

export interface BenchPage {
  name: string;
  path: string;
}

export function benchPages(site: string): BenchPage[] {
  const village = readdirSync(path.join(site, 'villages'))
    .filter((d) => /^\d{12}$/.test(d))
    .sort()[0];
  if (!village) throw new Error(`no village page in ${site}/villages/`);
  return [
    { name: 'overview', path: '/' },
    { name: 'rectification', path: '/rectification/' },
    { name: 'village', path: `/villages/${village}/` },
  ];
}
