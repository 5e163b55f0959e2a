/**
 * SCORM 2004 4th edition: completion and success are separate, with a progress_measure that agrees with
 * completion (and stays below the LMS's completion_threshold while incomplete, since an LMS that has
 * one decides completion from progress_measure); scores are scaled 0..1 with raw/min/max as a
 * percentage; suspend data is at most 64,000 characters.
 */
import { TARGETS } from '../../targets/index.ts';
import { optional } from './shared.ts';
import { clamp, finite, type RecordedResult } from './recorded.ts';
import { cut, decimal, duration2004, timestamp2004 } from '../cmi/format.ts';
import type { InteractionReport } from '../report.ts';
import {
  displayName,
  LaunchReader,
  numericRank,
  parseMode,
  percent,
  responseText,
  type Dialect,
  type LmsStart,
  type Write,
} from './dialect.ts';

const COMPLETION = 'cmi.completion_status';
const SUCCESS = 'cmi.success_status';
const COMPLETION_RANK: Record<string, number> = { '': 0, unknown: 0, 'not attempted': 0, incomplete: 1, completed: 2 };
const SUCCESS_RANK: Record<string, number> = { '': 0, unknown: 0, failed: 1, passed: 2 };
const NUMERIC = new Set(['cmi.score.scaled', 'cmi.score.raw', 'cmi.progress_measure']);
const OBJECTIVE_COMPLETION = /^cmi\.objectives\.\d+\.completion_status$/;
const OBJECTIVE_NUMERIC = /^cmi\.objectives\.\d+\.(score\.scaled|score\.raw|progress_measure)$/;

/** The learner_response of a long-fill-in holds at most 4,000 characters (RTE 4.1.1.8 SPM). */
const LONG_FILL_IN_MAX = 4000;

export const scorm2004: Dialect = {
  version: '2004',
  target: 'scorm2004',
  suspendDataLimit: TARGETS.scorm2004.suspendDataLimit,
  interactionCount: 'cmi.interactions._count',
  objectiveCount: 'cmi.objectives._count',

  suspendData: 'cmi.suspend_data',
  location: 'cmi.location',

  recorded(status) {
    // Success (passed/failed) says more than completion; 'unknown' is no word at all.
    const out: RecordedResult = {};
    const success = status['cmi.success_status'];
    const completion = status['cmi.completion_status'];
    const word = success && success !== 'unknown' ? success : completion && completion !== 'unknown' ? completion : undefined;
    if (word) out.status = word;
    const scaled = finite(status['cmi.score.scaled']);
    const raw = finite(status['cmi.score.raw']);
    if (scaled !== undefined) out.score = clamp(scaled);
    else if (raw !== undefined) out.score = clamp(raw / 100);
    return out;
  },

  readStart(connection, logger): LmsStart {
    const r = new LaunchReader(connection);
    const entry = r.read('cmi.entry') ?? '';
    const mode = parseMode(r.optional('cmi.mode'));
    const passing = Number.parseFloat(r.optional('cmi.scaled_passing_score') ?? '');
    const threshold = Number.parseFloat(r.optional('cmi.completion_threshold') ?? '');
    const language = r.optional('cmi.learner_preference.language')?.trim();
    // ab-initio is a new attempt, which has no suspend data or location: don't ask (the LMS would answer 403).
    const restore = entry !== 'ab-initio';
    const suspend = restore ? r.read('cmi.suspend_data') : '';
    const location = restore ? r.read('cmi.location') : '';
    if (!restore) logger.debug('entry is ab-initio: a new attempt, nothing to restore');
    const status: Record<string, string> = {};
    for (const e of [COMPLETION, SUCCESS, 'cmi.score.scaled', 'cmi.score.raw', 'cmi.progress_measure']) {
      const v = r.read(e);
      if (v !== undefined) status[e] = v;
    }
    const interactionCount = r.count('cmi.interactions._count');
    const objectiveIds = r.objectiveIds('cmi.objectives._count');
    return {
      entry,
      mode,
      ...optional('learnerName', displayName(r.optional('cmi.learner_name'))),
      ...optional('language', language || undefined),
      ...optional('masteryScore', Number.isFinite(passing) && passing >= 0 && passing <= 1 ? passing : undefined),
      ...optional('completionThreshold', Number.isFinite(threshold) && threshold > 0 && threshold <= 1 ? threshold : undefined),
      ...optional('suspendData', suspend || undefined),
      ...optional('location', location || undefined),
      ...optional('interactionCount', interactionCount),
      ...optional('objectiveIds', objectiveIds),
      status,
      unknown: r.unknown,
    };
  },

  rank(element, value) {
    if (element === COMPLETION || OBJECTIVE_COMPLETION.test(element)) return COMPLETION_RANK[value] ?? 0;
    if (element === SUCCESS) return SUCCESS_RANK[value] ?? 0;
    if (NUMERIC.has(element) || OBJECTIVE_NUMERIC.test(element)) return numericRank(value);
    return undefined;
  },

  launchWrites(held) {
    const w: Write[] = [];
    const completion = held(COMPLETION);
    if (completion !== undefined && (COMPLETION_RANK[completion] ?? 0) === 0) w.push([COMPLETION, 'incomplete']);
    w.push(['cmi.exit', 'suspend']);
    return w;
  },

  objectiveWrites(n, o) {
    const p = `cmi.objectives.${n}`;
    const w: Write[] = [[`${p}.id`, o.id]];
    if (o.score)
      w.push(
        [`${p}.score.scaled`, decimal(o.score.scaled)],
        [`${p}.score.raw`, percent(o.score.scaled)],
        [`${p}.score.min`, '0'],
        [`${p}.score.max`, '100'],
      );
    w.push([
      `${p}.completion_status`,
      o.status === 'completed' ? 'completed' : o.status === 'in-progress' ? 'incomplete' : 'not attempted',
    ]);
    w.push([`${p}.progress_measure`, decimal(o.progress)]);
    return w;
  },

  stateWrites(report, held, start) {
    const w: Write[] = [];
    if (report.score)
      w.push(
        ['cmi.score.scaled', decimal(report.score.scaled)],
        ['cmi.score.raw', percent(report.score.scaled)],
        ['cmi.score.min', '0'],
        ['cmi.score.max', '100'],
      );

    // Never report less than the LMS holds (a lost or older snapshot must not undo a completion); the
    // transport also skips any value ranked below the held one.
    const heldCompletion = COMPLETION_RANK[held(COMPLETION) ?? ''] ?? 0;
    const completed = report.completion === 'completed' || heldCompletion === 2;
    const threshold = start.completionThreshold;
    const progress = completed ? 1 : Math.min(report.progress, threshold !== undefined ? Math.max(0, threshold - 0.0001) : 0.9999);
    w.push(['cmi.progress_measure', decimal(progress)]);
    w.push([COMPLETION, completed ? 'completed' : 'incomplete']);
    if (report.success !== 'unknown') w.push([SUCCESS, report.success]);

    w.push(['cmi.location', cut(report.location, 1000)]);
    w.push(['cmi.suspend_data', report.suspendData]);
    w.push(['cmi.exit', report.finished ? 'normal' : 'suspend']);
    return w;
  },

  interactionWrites(n, i: InteractionReport) {
    const p = `cmi.interactions.${n}`;
    const w: Write[] = [
      [`${p}.id`, i.id],
      [`${p}.type`, i.kind === 'answer' ? i.cmi.type : 'long-fill-in'],
      [`${p}.objectives.0.id`, i.objective],
      [`${p}.timestamp`, timestamp2004(new Date(i.shownAt ?? i.answeredAt))],
    ];
    if (i.kind === 'answer') {
      if (i.cmi.correct) w.push([`${p}.correct_responses.0.pattern`, i.cmi.correct['2004']]);
      w.push([`${p}.learner_response`, i.cmi.response['2004']]);
    } else {
      w.push([`${p}.learner_response`, cut(responseText(i.text), LONG_FILL_IN_MAX)]);
    }
    w.push([`${p}.result`, i.result]);
    if (i.shownAt !== undefined && i.answeredAt >= i.shownAt) w.push([`${p}.latency`, duration2004(i.answeredAt - i.shownAt)]);
    w.push([`${p}.description`, cut(responseText(i.description), 250)]);
    return w;
  },

  exitWrites(finished, sessionMs) {
    return [
      ['cmi.exit', finished ? 'normal' : 'suspend'],
      ['cmi.session_time', duration2004(sessionMs)],
    ];
  },

  languageWrite: (language) => ['cmi.learner_preference.language', language],
};
