/**
 * One SCORM version's way of saying what the tracker reports: which elements it reads at launch, and
 * which elements (in which order, in which format) carry the status, score, objectives, interactions,
 * location, suspend data, exit and session time. The tracker itself is the same for every version.
 */
import type { ScormConnection } from '../scorm-api/connection.ts';
import type { ScormVersion } from '../scorm-api/types.ts';
import type { TargetId } from '../../targets/index.ts';
import type { InteractionReport, ObjectiveReport, Report } from '../report.ts';
import type { Logger } from '../log.ts';
import type { RecordedResult } from './recorded.ts';

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
  /** `cmi.interactions._count`; undefined when it could not be read. */
  interactionCount?: number;
  /** Objective ids the LMS already holds, by index; undefined when they could not be read. */
  objectiveIds?: string[];
  /** What the LMS holds of the elements that must never go down (status, score), as read. */
  status: Record<string, string>;
  /**
   * Elements whose value could not be read (the read failed, which is not the same as empty): nothing
   * is written over them until they have been read.
   */
  unknown: string[];
  /** 2004: the completion threshold the LMS applies to progress_measure, if any. */
  completionThreshold?: number;
}

/** What the LMS holds of an element: its value, or undefined when that is not known (a failed read). */
export type Held = (element: string) => string | undefined;

export interface Dialect {
  readonly version: ScormVersion;
  readonly target: TargetId;
  /** The spec's limit for cmi.suspend_data (4,096 in 1.2, 64,000 in 2004). */
  readonly suspendDataLimit: number;
  readonly interactionCount: string;
  readonly objectiveCount: string;
  readonly suspendData: string;
  readonly location: string;
  readStart(connection: ScormConnection, logger: Logger): LmsStart;
  /** The result the LMS holds, from the status elements read at launch (`LmsStart.status`). */
  recorded(status: Record<string, string>): RecordedResult;
  /**
   * For elements whose value must never go down (statuses, scores, progress): the value's rank.
   * Undefined for every other element, and for a value with no rank (then it is compared as is).
   */
  rank(element: string, value: string): number | undefined;
  /** Set once at launch in normal mode: status `incomplete` if not yet attempted, exit `suspend`. */
  launchWrites(held: Held): Write[];
  /** One objective at index n: id first. */
  objectiveWrites(n: number, objective: ObjectiveReport): Write[];
  /** Score, status (score before status), location, suspend data and exit. */
  stateWrites(report: Report, held: Held, start: LmsStart): Write[];
  /** An interaction at index n: id first. */
  interactionWrites(n: number, interaction: InteractionReport): Write[];
  /** Exit and session time, set before Commit at the end of a visit. */
  exitWrites(finished: boolean, sessionMs: number): Write[];
  languageWrite(language: string): Write;
}

/** A launch read: the value, '' when the element has none, or unknown when the read failed. */
export type Read = { known: true; value: string } | { known: false };

/** How often a failed read is tried again at launch (a failed read is unknown, never empty). */
const READ_TRIES = 3;

export function readValue(connection: ScormConnection, element: string): Read {
  for (let i = 0; i < READ_TRIES && !connection.lost; i++) {
    const r = connection.getValue(element);
    if (r.ok) return { known: true, value: r.value };
    if (connection.isNotSet(r)) return { known: true, value: '' };
  }
  return { known: false };
}

/** Reads launch data, noting which elements could not be read. */
export class LaunchReader {
  readonly unknown: string[] = [];
  constructor(private readonly connection: ScormConnection) {}

  /** The value ('' when it has none); undefined when the read failed (noted as unknown). */
  read(element: string): string | undefined {
    const r = readValue(this.connection, element);
    if (r.known) return r.value;
    this.unknown.push(element);
    return undefined;
  }

  /** An optional element: undefined when it has no value or cannot be read. */
  optional(element: string): string | undefined {
    const r = readValue(this.connection, element);
    return r.known && r.value !== '' ? r.value : undefined;
  }

  count(element: string): number | undefined {
    const v = this.read(element);
    if (v === undefined) return undefined;
    const n = Number.parseInt(v, 10);
    return Number.isInteger(n) && n >= 0 ? n : 0;
  }

  objectiveIds(countElement: string): string[] | undefined {
    return readObjectiveIds(this.connection, countElement);
  }
}

/** The objective ids the LMS holds, by index; undefined when any of them cannot be read. */
export function readObjectiveIds(connection: ScormConnection, countElement: string): string[] | undefined {
  const count = readValue(connection, countElement);
  if (!count.known) return undefined;
  const n = Math.min(Math.max(0, Number.parseInt(count.value, 10) || 0), 500);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = readValue(connection, `cmi.objectives.${i}.id`);
    if (!id.known) return undefined;
    ids.push(id.value);
  }
  return ids;
}

/** A rank for a numeric value ('' ranks lowest). */
export const numericRank = (value: string): number => {
  const n = Number.parseFloat(value);
  return Number.isFinite(n) ? n : -Infinity;
};

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
