/**
 * Loads scorm-again's runtime for one SCORM version, lazily (`import()`), so an LMS launch never
 * downloads it. A build contains only its own version's runtime (`__PACKAGE_TARGET__` is a build-time
 * constant, so the other branch is dropped); unit tests (vitest's `test` mode) may ask for either.
 *
 * The ESM builds export the classes by name while the bundled typings declare a default export; this
 * module bridges the two.
 */
import type { Scorm12API, Scorm2004API, Settings } from 'scorm-again';
import type { ScormVersion } from '../scorm-api/types.ts';
import { buildTarget, TARGETS } from '../../targets/index.ts';

export type ScormAgainApi = Scorm12API | Scorm2004API;
export type ScormAgainConstructor = new (settings?: Settings) => ScormAgainApi;

type RuntimeModule = { Scorm12API?: ScormAgainConstructor; Scorm2004API?: ScormAgainConstructor; default?: ScormAgainConstructor };

function pick(mod: unknown, name: 'Scorm12API' | 'Scorm2004API'): ScormAgainConstructor {
  const m = mod as RuntimeModule;
  const ctor = m[name] ?? m.default;
  if (!ctor) throw new Error(`scorm-again has no ${name} export`);
  return ctor;
}

const load12 = async () => pick(await import('scorm-again/scorm12'), 'Scorm12API');
const load2004 = async () => pick(await import('scorm-again/scorm2004'), 'Scorm2004API');

export async function loadScormAgain(version: ScormVersion): Promise<ScormAgainConstructor> {
  // A production build carries its own version's runtime only (one chunk); the dev preview and the
  // tests may ask for either (the inspector switches versions).
  if (import.meta.env.PROD) return TARGETS[buildTarget()].scormVersion === '1.2' ? load12() : load2004();
  return version === '1.2' ? load12() : load2004();
}
