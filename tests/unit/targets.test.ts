/** The package targets: one list, read by the build, packaging, tracking and the content's limits. */
import { describe, expect, it } from 'vitest';
import { buildTarget, DEFAULT_TARGET, parseTarget, TARGET_IDS, TARGETS, targetOfScormVersion } from '../../src/targets/index.ts';
import { SCHEMA_SET_OF } from '../../src/packaging/package.ts';
import { course } from './engine/sample.ts';

describe('package targets', () => {
  it('parses a target or names the choices', () => {
    expect(parseTarget(undefined, 'TARGET')).toBe(DEFAULT_TARGET);
    expect(parseTarget('scorm12', 'TARGET')).toBe('scorm12');
    expect(() => parseTarget('scorm3', 'TARGET')).toThrow('TARGET is "scorm3"; it must be one of: scorm12, scorm2004');
    expect(() => parseTarget('toString', 'TARGET')).toThrow(/must be one of/);
  });

  it('every target has its schema set and its text limits, and maps to its SCORM version', () => {
    for (const t of TARGET_IDS) {
      expect(SCHEMA_SET_OF[t], t).toBeDefined();
      expect(course.settings.limits[t], t).toBeDefined();
      expect(targetOfScormVersion(TARGETS[t].scormVersion)).toBe(t);
    }
    expect(buildTarget()).toBe(DEFAULT_TARGET); // no build define in unit tests
  });
});
