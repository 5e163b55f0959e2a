/** npm run i18n:import: see src/authoring/cli.ts and docs/authoring.md. */
import { importMain } from '../src/authoring/cli.ts';

process.exitCode = importMain(process.argv.slice(2));
