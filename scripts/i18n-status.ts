/** npm run i18n:status: see src/authoring/cli.ts and docs/authoring.md. */
import { statusMain } from '../src/authoring/cli.ts';

process.exitCode = statusMain(process.argv.slice(2));
