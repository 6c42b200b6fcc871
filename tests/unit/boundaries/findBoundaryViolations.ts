/**
 * The import rules of the layout (docs/architecture.md), as a check over
 * source text: which file imports what it must not.
 *
 * - Browser-side folders (client/, views/, render/, queries/, engine/browser/,
 *   contract/) run in visitors' browsers as well as at build time: they never
 *   import build/, engine/node.ts, `node:*` or @duckdb/node-api.
 * - render/ (pure strings) does not import views/ (page models are built on it).
 * - Astro files (pages/, layouts/, components/) load and lay out: from build/
 *   they import the publication reader only.
 */
import path from 'node:path';

/** Folders under src/ whose code also runs in the browser. */
export const BROWSER_SIDE = [
  'client',
  'views',
  'render',
  'queries',
  'engine/browser',
  'contract',
] as const;
/** Folders of Astro code that runs at build time only. */
export const ASTRO_SIDE = ['pages', 'layouts', 'components'] as const;
/** The one build/ module pages may import. */
export const PUBLICATION_READER = 'build/site/publication.ts';

export interface SourceFile {
  /** Path relative to src/, with forward slashes. */
  path: string;
  text: string;
}

export interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

/** Module specifiers of static and dynamic imports and re-exports. */
export function importSpecifiers(text: string): string[] {
  const out: string[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])([^'"]+)\1/g;
  for (const m of text.matchAll(re)) out.push(m[2] as string);
  return out;
}

const inside = (file: string, folders: readonly string[]) =>
  folders.some((f) => file === f || file.startsWith(`${f}/`));

/** Every import that breaks a rule, with the rule it breaks. */
export function findBoundaryViolations(files: readonly SourceFile[]): Violation[] {
  const out: Violation[] = [];
  for (const f of files) {
    const browser = inside(f.path, BROWSER_SIDE);
    const astro = inside(f.path, ASTRO_SIDE);
    if (!browser && !astro) continue;
    for (const spec of importSpecifiers(f.text)) {
      const bare = spec.split('?')[0] as string;
      const target = bare.startsWith('.')
        ? path.posix.normalize(path.posix.join(path.posix.dirname(f.path), bare))
        : null;
      if (browser) {
        if (bare.startsWith('node:') || bare === '@duckdb/node-api')
          out.push({
            file: f.path,
            specifier: spec,
            rule: 'browser code imports a Node-only module',
          });
        else if (target && (target.startsWith('build/') || target === 'engine/node.ts'))
          out.push({ file: f.path, specifier: spec, rule: 'browser code imports Node-only code' });
        else if (target?.startsWith('views/') && inside(f.path, ['render']))
          out.push({ file: f.path, specifier: spec, rule: 'render/ imports views/' });
      } else if (target?.startsWith('build/') && target !== PUBLICATION_READER)
        out.push({
          file: f.path,
          specifier: spec,
          rule: `pages import from build/ only ${PUBLICATION_READER}`,
        });
    }
  }
  return out;
}
