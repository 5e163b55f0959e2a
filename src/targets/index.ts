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
  /** How the package is launched and tracked: a SCORM run-time API, or cmi5 (xAPI statements and state). */
  readonly standard: 'scorm' | 'cmi5';
  /**
   * The SCORM run-time API version a build looks for. A cmi5 build uses it only when it is opened without
   * cmi5 launch parameters (the dev preview, a file opened directly): it then hosts that runtime in the page
   * with browser storage, as a SCORM build does when it finds no LMS.
   */
  readonly scormVersion: '1.2' | '2004';
  /** The limit for the saved state, in characters (cmi.suspend_data; none for a State API document). */
  readonly suspendDataLimit: number;
  /**
   * A target whose text limits this one uses when course.yaml gives none for it, so that adding a target
   * does not force every course file to change. Targets without it must have their limits in course.yaml.
   */
  readonly limitsFrom?: string;
}

export const TARGETS = {
  scorm12: { id: 'scorm12', label: 'SCORM 1.2', standard: 'scorm', scormVersion: '1.2', suspendDataLimit: 4096 },
  scorm2004: { id: 'scorm2004', label: 'SCORM 2004 4th Edition', standard: 'scorm', scormVersion: '2004', suspendDataLimit: 64000 },
  // The State API keeps a JSON document of any size (the spec sets no limit); the texts' own limits bound it.
  // Its texts may be as long as SCORM 2004's, the roomiest SCORM target, unless the course says otherwise.
  cmi5: {
    id: 'cmi5',
    label: 'cmi5 (xAPI)',
    standard: 'cmi5',
    scormVersion: '2004',
    suspendDataLimit: Number.POSITIVE_INFINITY,
    limitsFrom: 'scorm2004',
  },
} as const satisfies Record<string, TargetInfo>;

export type TargetId = keyof typeof TARGETS;

/** Every target, in the order packages are built. */
export const TARGET_IDS = Object.keys(TARGETS) as TargetId[];

/** The SCORM run-time version of the SCORM targets. */
export type ScormVersion = (typeof TARGETS)[TargetId]['scormVersion'];

/** Whether a build of this target is a cmi5 package (launched with cmi5 parameters, tracked over xAPI). */
export function isCmi5(target: TargetId): boolean {
  return TARGETS[target].standard === 'cmi5';
}

/** Whose limits in course.yaml a target's texts follow: its own, or those of its `limitsFrom` target. */
export function limitsSource(target: TargetId, given: ReadonlySet<string>): TargetId {
  const info: TargetInfo = TARGETS[target];
  if (given.has(target) || !info.limitsFrom) return target;
  return info.limitsFrom as TargetId;
}

/** The targets whose limits course.yaml must give (those without a `limitsFrom`). */
export const TARGETS_NEEDING_LIMITS = TARGET_IDS.filter((t) => !(TARGETS[t] as TargetInfo).limitsFrom);

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

/** The SCORM target of a SCORM run-time version. */
export function targetOfScormVersion(version: ScormVersion): TargetId {
  return TARGET_IDS.find((t) => TARGETS[t].standard === 'scorm' && TARGETS[t].scormVersion === version)!;
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
