/**
 * `npm run templates`: writes the blank templates (header-only CSVs, UTF-8 with
 * BOM + CRLF, and an example campaign.json) generated from the schemas into
 * templates/ (committed, for staff) and public/templates/ (the site offers them
 * at /templates/). Run it after changing a schema; a unit test fails when the
 * committed files differ from what this would write.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { TEMPLATE_DIRS, buildDataTemplates } from '../../views/data/dataTemplates.ts';

/** Writes every template into each of `dirs` (relative to `root`); returns the paths written. */
export async function writeTemplates(
  root = process.cwd(),
  dirs: readonly string[] = TEMPLATE_DIRS,
): Promise<string[]> {
  const written: string[] = [];
  for (const dir of dirs) {
    await mkdir(path.join(root, dir), { recursive: true });
    for (const t of buildDataTemplates()) {
      const file = path.join(root, dir, t.file);
      await writeFile(file, t.content);
      written.push(path.relative(root, file));
    }
  }
  return written;
}
