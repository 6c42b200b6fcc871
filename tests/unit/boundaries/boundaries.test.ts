import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findBoundaryViolations,
  importSpecifiers,
  type SourceFile,
} from './findBoundaryViolations.ts';

const SRC = path.resolve(import.meta.dirname, '../../../src');

function sources(): SourceFile[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|js|astro)$/.test(f))
    .map((f) => ({
      path: f.split(path.sep).join('/'),
      text: readFileSync(path.join(SRC, f), 'utf8'),
    }));
}

describe('the layout’s import rules', () => {
  it('hold for every file under src/', () => {
    const files = sources();
    expect(files.length).toBeGreaterThan(100);
    expect(findBoundaryViolations(files)).toEqual([]);
  });
});

describe('findBoundaryViolations (the check itself)', () => {
  it('catches browser code importing build/, engine/node.ts, node:* or @duckdb/node-api, and render/ importing views/', () => {
    const found = findBoundaryViolations([
      {
        path: 'views/exit/x.ts',
        text: "import { publish } from '../../build/publish/publish.ts';",
      },
      { path: 'client/y.ts', text: "const m = await import('../engine/node.ts');" },
      { path: 'render/z.ts', text: "import { readFile } from 'node:fs/promises';" },
      { path: 'engine/browser/w.ts', text: "import { DuckDBInstance } from '@duckdb/node-api';" },
      { path: 'contract/v.ts', text: "export { x } from '../build/site/publication.ts';" },
      { path: 'render/html/u.ts', text: "import { y } from '../../views/exit/exit.ts';" },
    ]);
    expect(found.map((v) => v.file)).toEqual([
      'views/exit/x.ts',
      'client/y.ts',
      'render/z.ts',
      'engine/browser/w.ts',
      'contract/v.ts',
      'render/html/u.ts',
    ]);
  });

  it('lets pages import the publication reader and nothing else from build/', () => {
    const found = findBoundaryViolations([
      {
        path: 'pages/a.astro',
        text: "import { getPublication } from '../build/site/publication.ts';",
      },
      {
        path: 'pages/b/index.astro',
        text: "import { QUASI } from '../../build/publish/privacy.ts';",
      },
      { path: 'components/C.astro', text: "import type { R } from '../build/validate/issues.ts';" },
    ]);
    expect(found.map((v) => v.file)).toEqual(['pages/b/index.astro', 'components/C.astro']);
  });

  it('leaves Node-only folders alone and accepts browser-safe imports', () => {
    expect(
      findBoundaryViolations([
        { path: 'build/site/runBuild.ts', text: "import { rm } from 'node:fs/promises';" },
        { path: 'engine/node.ts', text: "import { DuckDBInstance } from '@duckdb/node-api';" },
        { path: 'views/exit/exitView.ts', text: "import { sql } from '../../queries/sql.ts';" },
        {
          path: 'engine/browser/bundles.ts',
          text: "import wasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';",
        },
      ]),
    ).toEqual([]);
  });

  it('reads static, dynamic and type imports and re-exports', () => {
    expect(
      importSpecifiers(
        "import a from './a.ts';\nimport type { B } from \"./b.ts\";\nexport { c } from './c.ts';\nawait import('./d.ts');\nimport './e.css';",
      ),
    ).toEqual(['./a.ts', './b.ts', './c.ts', './d.ts', './e.css']);
  });
});
