/**
 * The package targets: the one place that says which kinds of package the product builds and what each
 * one is. The build (vite.config.ts, `TARGET`), packaging, tracking, the content's text limits and the
 * dev preview all read this list, so a new target is added here first, then given its manifest builder
 * and its tracking adapter.
 */

export interface TargetInfo {
  /** The id: the `TARGET` of a build, the key of `limits` in course.yaml, the zip's suffix. */
  readonly id: string;
  /** For people: "SCORM 1.2". */
  readonly label: string;
  /** The SCORM run-time API version a build looks for. */
  readonly scormVersion: '1.2' | '2004';
  /** The spec's limit for the saved state (cmi.suspend_data), in characters. */
  readonly suspendDataLimit: number;
}

export const TARGETS = {
  scorm12: { id: 'scorm12', label: 'SCORM 1.2', scormVersion: '1.2', suspendDataLimit: 4096 },
  scorm2004: { id: 'scorm2004', label: 'SCORM 2004 4th Edition', scormVersion: '2004', suspendDataLimit: 64000 },
} as const satisfies Record<string, TargetInfo>;

export type TargetId = keyof typeof TARGETS;

/** Every target, in the order packages are built. */
export const TARGET_IDS = Object.keys(TARGETS) as TargetId[];

/** The SCORM run-time version of the SCORM targets. */
export type ScormVersion = (typeof TARGETS)[TargetId]['scormVersion'];

/** The target that builds when none is named. */
export const DEFAULT_TARGET: TargetId = 'scorm2004';

export function isTargetId(value: unknown): value is TargetId {
  return typeof value === 'string' && Object.hasOwn(TARGETS, value);
}

/** Reads a target id from the environment or a URL; anything else is an error naming the choices. */
export function parseTarget(value: string | undefined, where: string): TargetId {
  if (value === undefined || value === '') return DEFAULT_TARGET;
  if (isTargetId(value)) return value;
  throw new Error(`${where} is "${value}"; it must be one of: ${TARGET_IDS.join(', ')}`);
}

/** The target of a SCORM run-time version. */
export function targetOfScormVersion(version: ScormVersion): TargetId {
  return TARGET_IDS.find((t) => TARGETS[t].scormVersion === version)!;
}

/**
 * The target this build was made for, fixed at build time by vite.config.ts (`__PACKAGE_TARGET__`).
 * Code that runs without the define (scripts, unit tests) gets the default.
 */
export function buildTarget(): TargetId {
  try {
    return typeof __PACKAGE_TARGET__ !== 'undefined' && isTargetId(__PACKAGE_TARGET__) ? __PACKAGE_TARGET__ : DEFAULT_TARGET;
  } catch {
    return DEFAULT_TARGET;
  }
}
