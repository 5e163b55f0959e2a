/** npm run i18n:export: see src/authoring/cli.ts and docs/authoring.md. */
import { exportMain } from '../src/authoring/cli.ts';

process.exitCode = exportMain(process.argv.slice(2));
