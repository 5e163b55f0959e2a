/** npm run validate: see src/authoring/cli.ts and docs/authoring.md. */
import { validateMain } from '../src/authoring/cli.ts';

process.exitCode = validateMain(process.argv.slice(2));
