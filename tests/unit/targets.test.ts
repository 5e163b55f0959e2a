/** The package targets: one list, read by the build, packaging, tracking and the content's limits. */
import { describe, expect, it } from 'vitest';
import { buildTarget, DEFAULT_TARGET, isCmi5, parseTarget, TARGET_IDS, TARGETS, targetOfScormVersion } from '../../src/targets/index.ts';
import { controlFileOf, SCHEMA_SET_OF } from '../../src/packaging/package.ts';
import { course } from './engine/sample.ts';

describe('package targets', () => {
  it('parses a target or names the choices', () => {
    expect(parseTarget(undefined, 'TARGET')).toBe(DEFAULT_TARGET);
    expect(parseTarget('scorm12', 'TARGET')).toBe('scorm12');
    expect(parseTarget('cmi5', 'TARGET')).toBe('cmi5');
    expect(() => parseTarget('scorm3', 'TARGET')).toThrow('TARGET is "scorm3"; it must be one of: scorm12, scorm2004, cmi5');
    expect(() => parseTarget('toString', 'TARGET')).toThrow(/must be one of/);
  });

  it('every SCORM target has its schema set and maps to its SCORM version; cmi5 has cmi5.xml; every target has text limits', () => {
    for (const t of TARGET_IDS) {
      expect(course.settings.limits[t], t).toBeDefined();
      if (isCmi5(t)) {
        expect(SCHEMA_SET_OF[t], t).toBeUndefined();
        expect(controlFileOf(t)).toBe('cmi5.xml');
        // Opened without cmi5 launch parameters, a cmi5 build runs standalone on the SCORM 2004 runtime.
        expect(targetOfScormVersion(TARGETS[t].scormVersion)).toBe('scorm2004');
      } else {
        expect(SCHEMA_SET_OF[t], t).toBeDefined();
        expect(controlFileOf(t)).toBe('imsmanifest.xml');
        expect(targetOfScormVersion(TARGETS[t].scormVersion)).toBe(t);
      }
    }
    // The sample course gives no cmi5 limits: cmi5 follows SCORM 2004's.
    expect(course.settings.limits.cmi5).toEqual(course.settings.limits.scorm2004);
    expect(buildTarget()).toBe(DEFAULT_TARGET); // no build define in unit tests
  });
});
