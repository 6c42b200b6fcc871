/** `npm run validate [-- DIR]`: the checks are in src/build/validate/runValidate.ts. */
import { runValidate } from '../src/build/validate/runValidate.ts';

if (import.meta.main) {
  process.exitCode = await runValidate({ args: process.argv.slice(2), env: process.env });
}
