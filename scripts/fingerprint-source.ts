/**
 * npm run fingerprint [-- <source folder>]: writes content/source-fingerprint.json, the hashes of every
 * run of eight words in the course's source text (default ../shared/source/, beside the repository), so
 * the content test can prove no sentence is copied without the source being in the repository.
 * Run it again when the source changes; without the source at hand it says so and changes nothing.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeFingerprint } from '../src/authoring/fingerprint.ts';

const repo = resolve(import.meta.dirname, '..');
const folder = resolve(process.argv[2] ?? join(repo, '../shared/source'));
const out = join(repo, 'content/source-fingerprint.json');

if (!existsSync(folder)) {
  console.error(`No source folder at ${folder}: the committed fingerprint stays as it is.`);
  process.exit(1);
}
const files = readdirSync(folder)
  .filter((f) => /\.(txt|md)$/.test(f))
  .sort();
const fingerprint = makeFingerprint(files.map((file) => ({ file, text: readFileSync(join(folder, file), 'utf8') })));
writeFileSync(out, JSON.stringify(fingerprint, null, 2) + '\n');
console.log(`Wrote ${out}: ${fingerprint.runs.length} runs of ${fingerprint.runLength} words from ${files.length} file(s).`);
