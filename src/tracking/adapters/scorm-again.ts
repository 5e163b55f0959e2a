/**
 * Loads scorm-again's runtime for one SCORM version, lazily (`import()`), so an LMS launch never
 * downloads it. The ESM builds export the classes by name while the bundled typings declare a default
 * export; this module bridges the two.
 */
import type { Scorm12API, Scorm2004API, Settings } from 'scorm-again';
import type { ScormVersion } from '../scorm-api/types';

export type ScormAgainApi = Scorm12API | Scorm2004API;
export type ScormAgainConstructor = new (settings?: Settings) => ScormAgainApi;

export async function loadScormAgain(version: ScormVersion): Promise<ScormAgainConstructor> {
  if (version === '1.2') {
    const mod = (await import('scorm-again/scorm12')) as unknown as { Scorm12API?: ScormAgainConstructor; default?: ScormAgainConstructor };
    const ctor = mod.Scorm12API ?? mod.default;
    if (!ctor) throw new Error('scorm-again/scorm12 has no Scorm12API export');
    return ctor;
  }
  const mod = (await import('scorm-again/scorm2004')) as unknown as { Scorm2004API?: ScormAgainConstructor; default?: ScormAgainConstructor };
  const ctor = mod.Scorm2004API ?? mod.default;
  if (!ctor) throw new Error('scorm-again/scorm2004 has no Scorm2004API export');
  return ctor;
}
