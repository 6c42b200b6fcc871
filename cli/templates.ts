/** `npm run templates`: writes the blank templates (src/build/site/writeTemplates.ts). */
import { writeTemplates } from '../src/build/site/writeTemplates.ts';

if (import.meta.main) {
  const written = await writeTemplates();
  console.log(`已生成模板：\n${written.map((f) => `  ${f}`).join('\n')}`);
}
