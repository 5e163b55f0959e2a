/** Builds the sample course like tests/browser/support/build.ts, with the course plugin's load() limited to its own ids. */
import { resolve } from 'node:path';
import { build, mergeConfig, loadConfigFromFile } from 'vite';
const repo = '/work/main';
const [name, courseRoot, version] = process.argv.slice(2);
process.env.COURSE_ROOT = courseRoot; process.env.SCORM_VERSION = version; process.env.OUT_DIR = resolve(repo, '.cache/builds', name);
const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, resolve(repo, 'vite.config.ts'), repo);
const config = loaded!.config;
for (const p of (config.plugins ?? []).flat() as any[]) {
  if (p && p.name === 'course-content') {
    const load = p.load;
    p.load = function (id: string) { if (!id.startsWith('\0virtual:')) return undefined; return load.call(this, id); };
  }
}
await build({ ...config, configFile: false, root: repo, logLevel: 'warn' });
console.log('built', process.env.OUT_DIR);
