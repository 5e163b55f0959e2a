/**
 * SCORM 1.2: one `cmi.core.lesson_status` carries both completion and success; scores are percentages
 * (0-100) because that is what mastery_score is compared with; suspend data is at most 4,096 characters.
 */
import { TARGETS } from '../../targets/index.ts';
import { choiceKeysOrEmpty, optional } from './shared.ts';
import { cut, time12, timespan12 } from '../cmi/format.ts';
import type { InteractionReport, Report } from '../report.ts';
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

const LESSON_STATUS = 'cmi.core.lesson_status';
const RANK: Record<string, number> = { '': 0, 'not attempted': 0, browsed: 0, incomplete: 1, completed: 2, failed: 2, passed: 3 };

/** The course's status in 1.2's single vocabulary: incomplete until complete, then passed/failed/completed. */
export function lessonStatus(report: Pick<Report, 'completion' | 'success'>): string {
  if (report.completion !== 'completed') return 'incomplete';
  return report.success === 'passed' ? 'passed' : report.success === 'failed' ? 'failed' : 'completed';
}

export const scorm12: Dialect = {
  version: '1.2',
  target: 'scorm12',
  suspendDataLimit: TARGETS.scorm12.suspendDataLimit,
  interactionCount: 'cmi.interactions._count',
  objectiveCount: 'cmi.objectives._count',

  readStart(connection, logger): LmsStart {
    const get = (e: string) => readOptional(connection, e);
    const entry = get('cmi.core.entry') ?? '';
    const mode = parseMode(get('cmi.core.lesson_mode'));
    const status = get(LESSON_STATUS) ?? '';
    const mastery = Number.parseFloat(get('cmi.student_data.mastery_score') ?? '');
    const suspend = get('cmi.suspend_data') ?? '';
    const location = get('cmi.core.lesson_location') ?? '';
    const language = get('cmi.student_preference.language')?.trim();
    // ab-initio is a new attempt: whatever suspend data an LMS still shows belongs to an old one.
    const restore = entry !== 'ab-initio';
    if (!restore && suspend) logger.info('entry is ab-initio: ignoring suspend data left from an earlier attempt');
    return {
      entry,
      mode,
      ...optional('learnerName', displayName(get('cmi.core.student_name'))),
      ...optional('language', language || undefined),
      ...optional('masteryScore', Number.isFinite(mastery) && mastery >= 0 && mastery <= 100 ? mastery / 100 : undefined),
      ...optional('suspendData', restore && suspend ? suspend : undefined),
      ...optional('location', restore && location ? location : undefined),
      interactionCount: readCount(connection, 'cmi.interactions._count'),
      objectiveIds: readObjectiveIds(connection, 'cmi.objectives._count'),
      status: { [LESSON_STATUS]: status },
    };
  },

  launchWrites(start) {
    const w: Write[] = [];
    if ((RANK[start.status[LESSON_STATUS] ?? ''] ?? 0) === 0) w.push([LESSON_STATUS, 'incomplete']);
    w.push(['cmi.core.exit', 'suspend']);
    return w;
  },

  stateWrites(report, objectiveIndex, start) {
    const w: Write[] = [];
    for (const o of report.objectives) {
      const p = `cmi.objectives.${objectiveIndex(o.id)}`;
      w.push([`${p}.id`, o.id]);
      if (o.score) w.push([`${p}.score.raw`, percent(o.score.scaled)], [`${p}.score.min`, '0'], [`${p}.score.max`, '100']);
      w.push([`${p}.status`, o.status === 'completed' ? 'completed' : o.status === 'in-progress' ? 'incomplete' : 'not attempted']);
    }
    if (report.score)
      w.push(['cmi.core.score.raw', percent(report.score.scaled)], ['cmi.core.score.min', '0'], ['cmi.core.score.max', '100']);
    const status = lessonStatus(report);
    if ((RANK[status] ?? 0) >= (RANK[start.status[LESSON_STATUS] ?? ''] ?? 0)) w.push([LESSON_STATUS, status]);
    w.push(['cmi.core.lesson_location', cut(report.location, 255)]);
    w.push(['cmi.suspend_data', report.suspendData]);
    w.push(['cmi.core.exit', report.finished ? '' : 'suspend']);
    return w;
  },

  interactionWrites(n, i: InteractionReport) {
    const p = `cmi.interactions.${n}`;
    const w: Write[] = [
      [`${p}.id`, i.id],
      [`${p}.type`, i.kind === 'choice' ? 'choice' : 'fill-in'],
      [`${p}.objectives.0.id`, i.objective],
      [`${p}.time`, time12(new Date(i.answeredAt))],
    ];
    if (i.kind === 'choice') {
      w.push([`${p}.correct_responses.0.pattern`, choiceKeysOrEmpty(i.correct).join(',')]);
      w.push([`${p}.student_response`, choiceKeysOrEmpty(i.response).join(',')]);
    } else {
      w.push([`${p}.student_response`, cut(responseText(i.text ?? ''), 255)]);
    }
    w.push([`${p}.result`, i.result === 'incorrect' ? 'wrong' : i.result]);
    if (i.shownAt !== undefined && i.answeredAt >= i.shownAt) w.push([`${p}.latency`, timespan12(i.answeredAt - i.shownAt)]);
    return w;
  },

  exitWrites(finished, sessionMs) {
    return [
      ['cmi.core.exit', finished ? '' : 'suspend'],
      ['cmi.core.session_time', timespan12(sessionMs)],
    ];
  },

  languageWrite: (language) => ['cmi.student_preference.language', cut(language, 255)],
};
