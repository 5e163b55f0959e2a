/**
 * SCORM 2004 4th edition: completion and success are separate, with a progress_measure that agrees with
 * completion (and stays below the LMS's completion_threshold while incomplete, since an LMS that has
 * one decides completion from progress_measure); scores are scaled 0..1 with raw/min/max as a
 * percentage; suspend data is at most 64,000 characters.
 */
import { TARGETS } from '../../targets/index.ts';
import { choiceKeysOrEmpty, optional } from './shared.ts';
import { cut, decimal, duration2004, timestamp2004 } from '../cmi/format.ts';
import type { InteractionReport } from '../report.ts';
import {
  displayName,
  parseMode,
  percent,
  readCount,
  readObjectiveIds,
  readOptional,
  responseText,
  type Dialect,
  type LmsStart,
  type Write,
} from './dialect.ts';

const COMPLETION = 'cmi.completion_status';
const SUCCESS = 'cmi.success_status';
const COMPLETION_RANK: Record<string, number> = { '': 0, unknown: 0, 'not attempted': 0, incomplete: 1, completed: 2 };
const SUCCESS_RANK: Record<string, number> = { '': 0, unknown: 0, failed: 1, passed: 2 };

/** The learner_response of a long-fill-in holds at most 4,000 characters (RTE 4.1.1.8 SPM). */
const LONG_FILL_IN_MAX = 4000;

export const scorm2004: Dialect = {
  version: '2004',
  target: 'scorm2004',
  suspendDataLimit: TARGETS.scorm2004.suspendDataLimit,
  interactionCount: 'cmi.interactions._count',
  objectiveCount: 'cmi.objectives._count',

  readStart(connection, logger): LmsStart {
    const get = (e: string) => readOptional(connection, e);
    const entry = get('cmi.entry') ?? '';
    const mode = parseMode(get('cmi.mode'));
    const passing = Number.parseFloat(get('cmi.scaled_passing_score') ?? '');
    const threshold = Number.parseFloat(get('cmi.completion_threshold') ?? '');
    const language = get('cmi.learner_preference.language')?.trim();
    // ab-initio is a new attempt, which has no suspend data or location: don't ask (the LMS would answer 403).
    const restore = entry !== 'ab-initio';
    const suspend = restore ? (get('cmi.suspend_data') ?? '') : '';
    const location = restore ? (get('cmi.location') ?? '') : '';
    if (!restore) logger.debug('entry is ab-initio: a new attempt, nothing to restore');
    return {
      entry,
      mode,
      ...optional('learnerName', displayName(get('cmi.learner_name'))),
      ...optional('language', language || undefined),
      ...optional('masteryScore', Number.isFinite(passing) && passing >= 0 && passing <= 1 ? passing : undefined),
      ...optional('completionThreshold', Number.isFinite(threshold) && threshold > 0 && threshold <= 1 ? threshold : undefined),
      ...optional('suspendData', suspend || undefined),
      ...optional('location', location || undefined),
      interactionCount: readCount(connection, 'cmi.interactions._count'),
      objectiveIds: readObjectiveIds(connection, 'cmi.objectives._count'),
      status: { [COMPLETION]: get(COMPLETION) ?? '', [SUCCESS]: get(SUCCESS) ?? '' },
    };
  },

  launchWrites(start) {
    const w: Write[] = [];
    if ((COMPLETION_RANK[start.status[COMPLETION] ?? ''] ?? 0) === 0) w.push([COMPLETION, 'incomplete']);
    w.push(['cmi.exit', 'suspend']);
    return w;
  },

  stateWrites(report, objectiveIndex, start) {
    const w: Write[] = [];
    for (const o of report.objectives) {
      const p = `cmi.objectives.${objectiveIndex(o.id)}`;
      w.push([`${p}.id`, o.id]);
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
    }
    if (report.score)
      w.push(
        ['cmi.score.scaled', decimal(report.score.scaled)],
        ['cmi.score.raw', percent(report.score.scaled)],
        ['cmi.score.min', '0'],
        ['cmi.score.max', '100'],
      );

    // Never report less than the LMS already holds (a lost or older snapshot must not undo a completion).
    const heldCompletion = COMPLETION_RANK[start.status[COMPLETION] ?? ''] ?? 0;
    const completed = report.completion === 'completed' || heldCompletion === 2;
    const threshold = start.completionThreshold;
    const progress = completed ? 1 : Math.min(report.progress, threshold !== undefined ? Math.max(0, threshold - 0.0001) : 0.9999);
    w.push(['cmi.progress_measure', decimal(progress)]);
    w.push([COMPLETION, completed ? 'completed' : 'incomplete']);
    if (report.success !== 'unknown' && (SUCCESS_RANK[report.success] ?? 0) >= (SUCCESS_RANK[start.status[SUCCESS] ?? ''] ?? 0))
      w.push([SUCCESS, report.success]);

    w.push(['cmi.location', cut(report.location, 1000)]);
    w.push(['cmi.suspend_data', report.suspendData]);
    w.push(['cmi.exit', report.finished ? 'normal' : 'suspend']);
    return w;
  },

  interactionWrites(n, i: InteractionReport) {
    const p = `cmi.interactions.${n}`;
    const w: Write[] = [
      [`${p}.id`, i.id],
      [`${p}.type`, i.kind === 'choice' ? 'choice' : 'long-fill-in'],
      [`${p}.objectives.0.id`, i.objective],
      [`${p}.timestamp`, timestamp2004(new Date(i.shownAt ?? i.answeredAt))],
    ];
    if (i.kind === 'choice') {
      w.push([`${p}.correct_responses.0.pattern`, choiceKeysOrEmpty(i.correct).join('[,]')]);
      w.push([`${p}.learner_response`, choiceKeysOrEmpty(i.response).join('[,]')]);
    } else {
      w.push([`${p}.learner_response`, cut(responseText(i.text ?? ''), LONG_FILL_IN_MAX)]);
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
