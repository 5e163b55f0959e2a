/**
 * How answers are written in the two SCORM data models. Each question type (and the decision block)
 * says which interaction type it is and gives its response as keys; these helpers write them in both
 * versions' grammars:
 *
 *   type        SCORM 1.2 (RTE 3.4.2.7)        SCORM 2004 (RTE 4.1.6, C.1)
 *   choice      a,c                             a[,]c
 *   sequencing  c,a,b                           c[,]a[,]b
 *   matching    a.x,b.y                         a[.]x[,]b[.]y
 *
 * SCORM 1.2 allows only single characters 0-9 and a-z as keys; 2004 accepts the same as short
 * identifiers. So when every id of a list is already one such character it is its own key; otherwise
 * ids are lettered by position (a, b, c ...). The keys are the same in both versions, so reports from
 * a 1.2 and a 2004 package read alike.
 */

export type CmiVersion = '1.2' | '2004';

export type CmiInteractionType = 'choice' | 'sequencing' | 'matching';

/** One value, in each version's format. */
export type CmiPattern = Readonly<Record<CmiVersion, string>>;

export interface CmiAnswer {
  type: CmiInteractionType;
  /** The learner's response (`student_response` in 1.2, `learner_response` in 2004). */
  response: CmiPattern;
  /** The correct response's pattern; absent where nothing is correct (a decision). */
  correct?: CmiPattern;
  /** The same in xAPI's terms (cmi5): 2004's syntax, but the course's own ids, and the components. */
  xapi: XapiAnswer;
}

/** One component of an xAPI interaction: its id, and where its words are under the question's key. */
export interface XapiComponent {
  id: string;
  text: string[];
}

export interface XapiAnswer {
  response: string;
  correct?: string;
  /** choice and sequencing: the options or items. */
  choices?: XapiComponent[];
  /** matching: the items (source) and what they are matched with (target). */
  source?: XapiComponent[];
  target?: XapiComponent[];
}

/** Ids as xAPI components whose words are at `<field>.<id>.text`. */
export const components = (field: string, ids: readonly string[]): XapiComponent[] => ids.map((id) => ({ id, text: [field, id, 'text'] }));

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** The single character that stands for `id` among `ids` ('' for an id not in the list). */
export function keyOf(ids: readonly string[], id: string): string {
  if (ids.every((o) => /^[0-9a-z]$/.test(o))) return ids.includes(id) ? id : '';
  const i = ids.indexOf(id);
  return i >= 0 && i < LETTERS.length ? LETTERS[i]! : '';
}

/** Keys of a list of ids in the given order (choice, sequencing). */
export function listPattern(keys: readonly string[]): CmiPattern {
  return { '1.2': keys.join(','), '2004': keys.join('[,]') };
}

/** Keys of source-target pairs (matching). */
export function pairsPattern(pairs: ReadonlyArray<readonly [string, string]>): CmiPattern {
  return {
    '1.2': pairs.map(([s, t]) => `${s}.${t}`).join(','),
    '2004': pairs.map(([s, t]) => `${s}[.]${t}`).join('[,]'),
  };
}
