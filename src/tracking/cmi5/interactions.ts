/**
 * What SCORM reports as interactions, as cmi5 allowed statements: each on an activity of its own (ids made
 * from the course IRI, src/targets/cmi5.ts) with a definition an LRS report can show: the question and its
 * options in the course's words, the correct answer, the learner's response and whether it was right.
 *
 *   knowledge-check answer   answered  <course>/kc/<question id>        its type (choice, sequencing, matching), response, success, duration
 *   final-assessment answer  answered  <course>/final/<question id>     likewise, grouped under the attempt
 *   decision                 answered  <course>/decision/<module>/<page>.<block>  choice over its options, named by its title,
 *                                     described by its question; response, no correct pattern and no success (nothing is right)
 *   reflection, action step  answered  <course>/reflection|plan/<module> long-fill-in, the text as response
 *   module finished          completed <course>/module/<module id>      completion
 *
 * The words come from the course's texts, loaded when the statement is about to be sent (`describe`), in
 * the course's default language and the learner's.
 */
import type { Course, Module, TextTree } from '../../content-model/types.ts';
import { components, type XapiAnswer, type XapiComponent } from '../../question-types/cmi.ts';
import { modelOf } from '../../question-types/index.ts';
import { childIri, courseIri } from '../../targets/cmi5.ts';
import type { InteractionReport } from '../report.ts';
import {
  allowedStatement,
  ASSESSMENT_TYPE,
  INTERACTION_TYPE,
  isoDuration,
  MODULE_TYPE,
  VERBS,
  type LanguageMap,
  type Statement,
  type StatementSession,
  type XapiActivity,
} from './statements.ts';

/** Loads a namespace of the course's texts in a language (the build's lazy text chunks). */
export type TextSource = (language: string, namespace: string) => Promise<TextTree | undefined>;

/**
 * The activity of an interaction. Its name and description here are the fallback (ids, in English)
 * that `describe` replaces with the course's words; neither says anything of the learner's response,
 * since every statement about the activity carries the same definition.
 */
export function interactionActivity(course: Course, i: InteractionReport): XapiActivity {
  const s = i.subject;
  const base = courseIri(course);
  if (!s)
    return {
      id: childIri(base, 'interaction', i.id),
      definition: {
        type: INTERACTION_TYPE,
        interactionType: i.kind === 'answer' ? i.cmi.type : 'long-fill-in',
        name: { en: i.id },
        description: { en: i.description },
      },
    };
  if (i.kind === 'answer') {
    const x = i.cmi.xapi;
    const listed = (list: XapiComponent[] | undefined) => list?.map(({ id }) => ({ id, description: { en: id } }));
    const decision = s.source === 'decision';
    const fallback = decision ? `Decision ${s.id} in module ${s.moduleId}` : i.description;
    return {
      id: decision ? childIri(base, 'decision', s.moduleId, s.id) : childIri(base, s.source, s.id),
      definition: {
        type: INTERACTION_TYPE,
        interactionType: i.cmi.type,
        name: { en: fallback },
        description: { en: fallback },
        ...(x.correct !== undefined ? { correctResponsesPattern: [x.correct] } : {}),
        ...(x.choices ? { choices: listed(x.choices) } : {}),
        ...(x.source ? { source: listed(x.source) } : {}),
        ...(x.target ? { target: listed(x.target) } : {}),
      },
    };
  }
  return {
    id: childIri(base, s.source, s.id),
    definition: {
      type: INTERACTION_TYPE,
      interactionType: 'long-fill-in',
      name: { en: i.description },
      description: { en: i.description },
    },
  };
}

export function interactionStatement(session: StatementSession, course: Course, i: InteractionReport, language?: string): Statement {
  const object = interactionActivity(course, i);
  const s = i.subject;
  const duration = i.shownAt !== undefined && i.answeredAt >= i.shownAt ? isoDuration(i.answeredAt - i.shownAt) : undefined;
  const result =
    i.kind === 'answer'
      ? {
          response: i.cmi.xapi.response,
          // A decision has no right answer: no success either way.
          ...(i.result !== 'neutral' ? { success: i.result === 'correct' } : {}),
          ...(duration ? { duration } : {}),
        }
      : { response: i.text, ...(duration ? { duration } : {}) };
  const st = allowedStatement(session, { verb: VERBS.answered, object, result, at: i.answeredAt, ...(language ? { language } : {}) });
  if (s?.source === 'final' && s.attempt !== undefined) {
    const grouping = st.context.contextActivities!.grouping ?? [];
    st.context.contextActivities!.grouping = [
      ...grouping,
      {
        objectType: 'Activity',
        id: childIri(courseIri(course), 'final', 'attempt', String(s.attempt)),
        definition: { type: ASSESSMENT_TYPE, name: { en: `Final assessment, attempt ${s.attempt}` } },
      },
    ];
  }
  return st;
}

/** A finished module, as an allowed "completed" on the module's activity (never the AU's). */
export function moduleCompletedStatement(
  session: StatementSession,
  course: Course,
  moduleId: string,
  at: number,
  language?: string,
): Statement {
  return allowedStatement(session, {
    verb: VERBS.completed,
    object: { id: childIri(courseIri(course), 'module', moduleId), definition: { type: MODULE_TYPE, name: { en: `Module ${moduleId}` } } },
    result: { completion: true },
    at,
    ...(language ? { language } : {}),
  });
}

const leaf = (tree: TextTree | undefined, path: string[]): string | undefined => {
  let node: string | TextTree | undefined = tree;
  for (const k of path) node = node && typeof node === 'object' ? node[k] : undefined;
  return typeof node === 'string' && node.trim() ? node.trim() : undefined;
};

/**
 * Gives each statement's activity (and the attempt's) the course's words: names, descriptions and
 * choices in every language given. Missing texts leave the English fallback in place.
 */
export async function describe(statements: Statement[], course: Course, languages: string[], texts: TextSource | undefined): Promise<void> {
  if (!texts) return;
  const base = courseIri(course);
  /**
   * Everything answered, by activity: its module, where its strings are, the fields of its name and its
   * description (a question's prompt is both; a decision is named by its title and asks its question),
   * its components.
   */
  interface Answerable {
    moduleId: string;
    at: string[];
    name: string;
    prompt: string;
    parts: Omit<XapiAnswer, 'response' | 'correct'>;
  }
  const questions = new Map<string, Answerable>();
  const modules = new Map<string, { m: Module; kind: 'reflection' | 'plan' | 'module' }>();
  for (const m of course.modules) {
    const question = (q: Course['bank'][number], at: string[]): Answerable => ({
      moduleId: m.id,
      at,
      name: 'prompt',
      prompt: 'prompt',
      parts: modelOf(q).cmi(q, []).xapi,
    });
    for (const q of m.questions) questions.set(childIri(base, 'kc', q.id), question(q, ['knowledgeCheck', 'questions', q.localId]));
    for (const q of m.bank) questions.set(childIri(base, 'final', q.id), question(q, ['bank', q.localId]));
    for (const p of m.pages)
      for (const b of p.blocks)
        if (b.type === 'decision')
          questions.set(childIri(base, 'decision', m.id, `${p.id}.${b.id}`), {
            moduleId: m.id,
            at: ['pages', p.id, 'blocks', b.id],
            name: 'title',
            prompt: 'question',
            parts: { choices: components('options', b.options) },
          });
    for (const kind of ['reflection', 'plan', 'module'] as const) modules.set(childIri(base, kind, m.id), { m, kind });
  }
  const cache = new Map<string, Promise<TextTree | undefined>>();
  const load = (lang: string, ns: string) => {
    const key = `${lang}/${ns}`;
    if (!cache.has(key))
      cache.set(
        key,
        texts(lang, ns).catch(() => undefined),
      );
    return cache.get(key)!;
  };
  for (const st of statements) {
    const def = st.object.definition;
    if (!def) continue;
    const q = questions.get(st.object.id);
    const m = modules.get(st.object.id);
    const name: LanguageMap = {};
    const description: LanguageMap = {};
    /** The words of each component, by list (choices, source, target) and id. */
    const partText = new Map<string, LanguageMap>();
    for (const lang of languages) {
      const ns = q ? q.moduleId : m?.m.id;
      if (!ns) continue;
      const tree = await load(lang, ns);
      if (!tree) continue;
      if (q) {
        const prompt = leaf(tree, [...q.at, q.prompt]);
        const title = leaf(tree, [...q.at, q.name]) ?? prompt;
        if (title) name[lang] = title;
        if (prompt) description[lang] = prompt;
        for (const list of ['choices', 'source', 'target'] as const)
          for (const part of q.parts[list] ?? []) {
            const t = leaf(tree, [...q.at, ...part.text]);
            const key = `${list}/${part.id}`;
            if (t) partText.set(key, { ...(partText.get(key) ?? {}), [lang]: t });
          }
      } else if (m) {
        const title = leaf(tree, ['title']);
        if (m.kind === 'reflection') {
          const prompt = leaf(tree, ['reflection', 'prompt']);
          if (title) name[lang] = title;
          if (prompt) description[lang] = prompt;
        } else if (m.kind === 'plan') {
          if (title) name[lang] = title;
          const hint = leaf(tree, ['actionPlan', 'hint']);
          if (hint) description[lang] = hint;
        } else if (title) name[lang] = title;
      }
    }
    if (Object.keys(name).length) def.name = name;
    if (Object.keys(description).length) def.description = description;
    for (const list of ['choices', 'source', 'target'] as const) {
      const parts = def[list];
      if (parts) def[list] = parts.map((c) => ({ id: c.id, description: partText.get(`${list}/${c.id}`) ?? c.description }));
    }
  }
}
