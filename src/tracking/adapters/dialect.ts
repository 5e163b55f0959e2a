/**
 * One SCORM version's way of saying what the tracker reports: which elements it reads at launch, and
 * which elements (in which order, in which format) carry the status, score, objectives, interactions,
 * location, suspend data, exit and session time. The tracker itself is the same for every version.
 */
import type { ScormConnection } from '../scorm-api/connection.ts';
import type { ScormVersion } from '../scorm-api/types.ts';
import type { TargetId } from '../../targets/index.ts';
import type { InteractionReport, Report } from '../report.ts';
import type { Logger } from '../log.ts';

/** A data-model element and the value to set, in the order they must be set. */
export type Write = readonly [element: string, value: string];

export type Mode = 'normal' | 'review' | 'browse';

/** What the LMS tells the SCO at launch. */
export interface LmsStart {
  /** `ab-initio`, `resume` or '' (1.2 and 2004 share the vocabulary). */
  entry: string;
  mode: Mode;
  learnerName?: string;
  language?: string;
  /** 0..1, when the LMS sets one. */
  masteryScore?: number;
  suspendData?: string;
  location?: string;
  interactionCount: number;
  /** Objective ids the LMS already holds, by index. */
  objectiveIds: string[];
  /** The status the LMS holds now, by element, so that nothing is ever reported lower than it was. */
  status: Record<string, string>;
  /** 2004: the completion threshold the LMS applies to progress_measure, if any. */
  completionThreshold?: number;
}

export interface Dialect {
  readonly version: ScormVersion;
  readonly target: TargetId;
  /** The spec's limit for cmi.suspend_data (4,096 in 1.2, 64,000 in 2004). */
  readonly suspendDataLimit: number;
  readonly interactionCount: string;
  readonly objectiveCount: string;
  readStart(connection: ScormConnection, logger: Logger): LmsStart;
  /** Set once at launch in normal mode: status `incomplete` if not yet attempted, exit `suspend`. */
  launchWrites(start: LmsStart): Write[];
  /** Objectives, score, status (score before status), location, suspend data and exit. */
  stateWrites(report: Report, objectiveIndex: (id: string) => number, start: LmsStart): Write[];
  /** An interaction at index n: id first. */
  interactionWrites(n: number, interaction: InteractionReport): Write[];
  /** Exit and session time, set right before Terminate. */
  exitWrites(finished: boolean, sessionMs: number): Write[];
  languageWrite(language: string): Write;
}

/** Reads an element that may legitimately have no value; undefined when it has none or cannot be read. */
export function readOptional(connection: ScormConnection, element: string): string | undefined {
  const r = connection.getValue(element);
  return r.ok ? r.value : undefined;
}

export function readCount(connection: ScormConnection, element: string): number {
  const n = Number.parseInt(readOptional(connection, element) ?? '', 10);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

export function readObjectiveIds(connection: ScormConnection, countElement: string): string[] {
  const count = Math.min(readCount(connection, countElement), 500);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(readOptional(connection, `cmi.objectives.${i}.id`) ?? '');
  return ids;
}

export function parseMode(value: string | undefined): Mode {
  return value === 'review' || value === 'browse' ? value : 'normal';
}

/** "Last, First" (how most LMSs send names) reads "First Last"; anything else is kept as it is. */
export function displayName(raw: string | undefined): string | undefined {
  const name = raw?.trim();
  if (!name) return undefined;
  const parts = name.split(',');
  if (parts.length === 2 && parts[0]!.trim() && parts[1]!.trim()) return `${parts[1]!.trim()} ${parts[0]!.trim()}`;
  return name;
}

/**
 * Text for a free-text response: line breaks become " ¶ " (the response grammars of both versions are
 * single-line in practice, and scorm-again rejects line breaks), and a leading "{" is spaced so an LMS
 * does not take it for a `{lang=…}` delimiter.
 */
export function responseText(text: string): string {
  const flat = text.replace(/\r\n|[\n\r\u2028\u2029]/g, ' ¶ ');
  return flat.startsWith('{') ? ` ${flat}` : flat;
}

/** Score as a percentage, which is what 1.2 LMSs compare with mastery_score and what every LMS shows. */
export const percent = (scaled: number): string => String(Math.round(scaled * 10000) / 100);
