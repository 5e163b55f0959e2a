/**
 * The SCORM version this build reports to, fixed at build time by vite.config.ts (`__SCORM_VERSION__`,
 * from SCORM_VERSION). Read through this module so that code running without the define (scripts,
 * other tools) still works, and tests can pass a version to openSession instead.
 */
import type { ScormVersion } from './scorm-api/types';

export function buildScormVersion(): ScormVersion {
  try {
    return typeof __SCORM_VERSION__ !== 'undefined' && __SCORM_VERSION__ === '1.2' ? '1.2' : '2004';
  } catch {
    return '2004';
  }
}
