/**
 * SCORM 1.2: one `cmi.core.lesson_status` carries both completion and success; scores are percentages
 * (0-100) because that is what mastery_score is compared with; suspend data is at most 4,096 characters.
 */
import { TARGETS } from '../../targets/index.ts';
import { optional } from './shared.ts';
import { clamp, finite, type RecordedResult } from './recorded.ts';
import { cut, time12, timespan12 } from '../cmi/format.ts';
import type { InteractionReport, Report } from '../report.ts';
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

const LESSON_STATUS = 'cmi.core.lesson_status';
const SCORE = 'cmi.core.score.raw';
const RANK: Record<string, number> = { '': 0, 'not attempted': 0, browsed: 0, incomplete: 1, completed: 2, failed: 2, passed: 3 };
const OBJECTIVE_STATUS = /^cmi\.objectives\.\d+\.status$/;
const OBJECTIVE_SCORE = /^cmi\.objectives\.\d+\.score\.raw$/;

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

  suspendData: 'cmi.suspend_data',
  location: 'cmi.core.lesson_location',

  recorded(status) {
    // One vocabulary for completion and success; the score is a percentage.
    const out: RecordedResult = {};
    const lesson = status[LESSON_STATUS];
    if (lesson) out.status = lesson;
    const raw = finite(status[SCORE]);
    if (raw !== undefined) out.score = clamp(raw / 100);
    return out;
  },

  readStart(connection, logger): LmsStart {
    const r = new LaunchReader(connection);
    const entry = r.read('cmi.core.entry') ?? '';
    const mode = parseMode(r.optional('cmi.core.lesson_mode'));
    const status = r.read(LESSON_STATUS);
    const score = r.read(SCORE);
    const mastery = Number.parseFloat(r.optional('cmi.student_data.mastery_score') ?? '');
    const suspend = r.read('cmi.suspend_data');
    const location = r.read('cmi.core.lesson_location');
    const language = r.optional('cmi.student_preference.language')?.trim();
    // ab-initio is a new attempt: whatever suspend data an LMS still shows belongs to an old one.
    const restore = entry !== 'ab-initio';
    if (!restore && suspend) logger.info('entry is ab-initio: ignoring suspend data left from an earlier attempt');
    const interactionCount = r.count('cmi.interactions._count');
    const objectiveIds = r.objectiveIds('cmi.objectives._count');
    return {
      entry,
      mode,
      ...optional('learnerName', displayName(r.optional('cmi.core.student_name'))),
      ...optional('language', language || undefined),
      ...optional('masteryScore', Number.isFinite(mastery) && mastery >= 0 && mastery <= 100 ? mastery / 100 : undefined),
      ...optional('suspendData', restore && suspend ? suspend : undefined),
      ...optional('location', restore && location ? location : undefined),
      ...optional('interactionCount', interactionCount),
      ...optional('objectiveIds', objectiveIds),
      status: {
        ...(status !== undefined ? { [LESSON_STATUS]: status } : {}),
        ...(score !== undefined ? { [SCORE]: score } : {}),
      },
      unknown: restore ? r.unknown : r.unknown.filter((e) => e !== 'cmi.suspend_data' && e !== 'cmi.core.lesson_location'),
    };
  },

  rank(element, value) {
    if (element === LESSON_STATUS || OBJECTIVE_STATUS.test(element)) return RANK[value] ?? 0;
    if (element === SCORE || OBJECTIVE_SCORE.test(element)) return numericRank(value);
    return undefined;
  },

  launchWrites(held) {
    const w: Write[] = [];
    const status = held(LESSON_STATUS);
    if (status !== undefined && (RANK[status] ?? 0) === 0) w.push([LESSON_STATUS, 'incomplete']);
    w.push(['cmi.core.exit', 'suspend']);
    return w;
  },

  objectiveWrites(n, o) {
    const p = `cmi.objectives.${n}`;
    const w: Write[] = [[`${p}.id`, o.id]];
    if (o.score) w.push([`${p}.score.raw`, percent(o.score.scaled)], [`${p}.score.min`, '0'], [`${p}.score.max`, '100']);
    w.push([`${p}.status`, o.status === 'completed' ? 'completed' : o.status === 'in-progress' ? 'incomplete' : 'not attempted']);
    return w;
  },

  stateWrites(report) {
    const w: Write[] = [];
    if (report.score) w.push([SCORE, percent(report.score.scaled)], ['cmi.core.score.min', '0'], ['cmi.core.score.max', '100']);
    // Never lower than the LMS holds: the transport skips a status ranked below the held one.
    w.push([LESSON_STATUS, lessonStatus(report)]);
    w.push(['cmi.core.lesson_location', cut(report.location, 255)]);
    w.push(['cmi.suspend_data', report.suspendData]);
    w.push(['cmi.core.exit', report.finished ? '' : 'suspend']);
    return w;
  },

  interactionWrites(n, i: InteractionReport) {
    const p = `cmi.interactions.${n}`;
    const w: Write[] = [
      [`${p}.id`, i.id],
      [`${p}.type`, i.kind === 'answer' ? i.cmi.type : 'fill-in'],
      [`${p}.objectives.0.id`, i.objective],
      [`${p}.time`, time12(new Date(i.answeredAt))],
    ];
    if (i.kind === 'answer') {
      if (i.cmi.correct) w.push([`${p}.correct_responses.0.pattern`, i.cmi.correct['1.2']]);
      w.push([`${p}.student_response`, i.cmi.response['1.2']]);
    } else {
      w.push([`${p}.student_response`, cut(responseText(i.text), 255)]);
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
