/**
 * The machine tested by its paths: @xstate/graph walks every state reachable with the events from
 * eventsFor() and we assert that every state node and every transition of the definition was taken.
 * The walk abstracts the context to what changes behaviour, so it stays finite and fast.
 */
import { getAdjacencyMap, getStateNodes } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine, AnyStateNode, SnapshotFrom } from 'xstate';
import { courseMachine } from '../../../src/engine/machine.ts';
import { finalStatus, questionIndex } from '../../../src/engine/progress.ts';
import { countCorrect, isSettled } from '../../../src/engine/scoring.ts';
import type { Course } from '../../../src/content-model/types.ts';
import type { EngineInput, ReadOnly } from '../../../src/engine/machine.ts';
import type { LearnerRecord } from '../../../src/engine/record.ts';
import fc from 'fast-check';
import { createActor } from 'xstate';
import { course, eventsFor, input } from './sample.ts';

type Snap = SnapshotFrom<typeof courseMachine>;

function behaviourKey(s: Snap): string {
  const c = s.context;
  const m = c.course.modules.find((x) => x.id === c.moduleId);
  const rec = m ? c.record.modules[m.id] : undefined;
  const answers = Object.values(rec?.answers ?? {});
  const f = finalStatus(c.course, c.record);
  const a = c.record.latest;
  return JSON.stringify({
    v: s.value,
    m: s.matches('module') ? c.moduleId : undefined,
    p: s.matches({ module: 'page' }) ? c.pageId : undefined,
    // How many modules are done, and whether the current one is (all that gating and completion read).
    done: c.course.modules.filter((x) => c.record.modules[x.id]?.done).length,
    here: !!rec?.done,
    settled:
      m && s.matches('module')
        ? m.questions.filter((q) => isSettled(q, rec?.answers[q.localId], c.course.settings.knowledgeCheck.attempts)).length
        : undefined,
    pending: answers.filter((x) => !x.submitted && x.choice.length > 0).length,
    tries: answers.reduce((n, x) => n + x.tries, 0),
    reflected: !!rec?.reflection,
    rated: rec?.rating !== undefined,
    final: [f.inProgress, f.passed, f.attemptsLeft],
    attempt: a ? [a.index, a.drawn.filter((id) => a.answers[id]?.length).length, countCorrect(a, questionIndex(c.course))] : undefined,
    plan: Object.values(c.record.modules).some((r) => r.plan),
  });
}

/** The guard is 'readOnly', or an and() of which it is a part. */
function requiresReadOnly(guard: unknown): boolean {
  if (guard === 'readOnly') return true;
  const g = guard as { name?: string; guards?: unknown[] } | undefined;
  return typeof guard === 'function' && g?.name === 'and' && !!g.guards?.some(requiresReadOnly);
}

/** The state node whose `on` handles `type` for this snapshot: the deepest active node that has it. */
function handlingNode(s: Snap, type: string): AnyStateNode | undefined {
  const active = [...s._nodes].sort((x, y) => y.path.length - x.path.length);
  return active.find((n) => n.transitions.has(type));
}

/**
 * The sample course, walked in parts so that the walk stays small: its first three modules (every
 * activity), its newer module on its own (a decision, ordering and matching, also in the final), and
 * a variant whose modules lack activities, so that every branch of the module sequence (page ->
 * reflection, page -> self-assessment, page -> finish, check -> finish, ...) exists.
 */
type M = Course['modules'][number];
const [intro, alpha, beta, omega] = course.modules as [M, M, M, M];
const only = (modules: M[]): Course => ({ ...course, modules, bank: modules.flatMap((m) => m.bank) });
const classic = only([intro, alpha, beta]);
const newer = only([omega]);
const sparse: Course = {
  ...classic,
  modules: [
    { ...intro, questions: [] }, // page -> reflection, reflection -> back to page
    { ...alpha, reflection: false, selfAssessment: false }, // check -> finish
    { ...beta, questions: [] }, // page -> self-assessment, self-assessment -> back to page
    { ...beta, id: 'delta', questions: [], selfAssessment: false }, // page -> finish
  ],
};

interface Edge {
  before: Snap;
  event: { type: string };
  after: Snap;
}

function walk(c: Course, extra: Partial<EngineInput> = {}): Edge[] {
  // @xstate/graph types its logic without emitted events; the machine is the same logic.
  const logic = courseMachine as unknown as AnyStateMachine;
  const adjacency = getAdjacencyMap(logic, {
    input: input({ course: c, ...extra }),
    events: (s) => eventsFor(s as Snap),
    serializeState: (s) => behaviourKey(s as Snap),
  });
  return Object.values(adjacency).flatMap(({ state, transitions }) =>
    Object.values(transitions as Record<string, { event: { type: string }; state: unknown }>).map(({ event, state: after }) => ({
      before: state as Snap,
      event,
      after: after as Snap,
    })),
  );
}

/** The events whose result would be stored (see the machine's `recordable` guard). */
const RECORDING = new Set([
  'SELECT',
  'SUBMIT_ANSWER',
  'DECIDE',
  'SET_REFLECTION',
  'RATE',
  'BEGIN_ATTEMPT',
  'ANSWER_FINAL',
  'SUBMIT_FINAL',
  'SET_PLAN',
]);

/** A record without where the learner is (resume step, furthest step, the final's current question). */
function withoutPlace(r: LearnerRecord): unknown {
  const modules = Object.fromEntries(
    Object.entries(r.modules)
      .map(([id, m]) => [id, { ...m, at: undefined, furthest: undefined }] as const)
      // A module only visited holds nothing but where the learner was.
      .filter(
        ([, m]) =>
          m.done ||
          Object.keys(m.answers).length ||
          Object.entries(m).some(([k, v]) => !['answers', 'done', 'at', 'furthest'].includes(k) && v !== undefined),
      ),
  );
  return { ...r, modules, latest: r.latest && { ...r.latest, index: 0 } };
}

const review = (record?: LearnerRecord): Partial<EngineInput> => ({
  readOnly: { mode: 'review', recorded: { status: 'failed', score: 0 } },
  ...(record ? { record, resumeAt: 'menu' } : {}),
});
const browse: Partial<EngineInput> = { readOnly: { mode: 'browse', recorded: {} } };

describe('course machine, by its paths', () => {
  const normal = { classic: walk(classic), newer: walk(newer), sparse: walk(sparse) };
  /** The record with the most modules finished, and one with the final in progress. */
  const mostDone = (edges: Edge[]) =>
    edges
      .map((e) => e.after.context.record)
      .reduce((a, b) =>
        Object.values(b.modules).filter((m) => m.done).length > Object.values(a.modules).filter((m) => m.done).length ? b : a,
      );
  const inProgress = normal.classic.find((e) => finalStatus(classic, e.after.context.record).inProgress)!.after.context.record;
  // Read-only walks: browsing from nothing, and reviewing a finished attempt and one left in the final.
  const readOnlyWalks = [
    { c: classic, record: mostDone(normal.classic) },
    { c: newer, record: mostDone(normal.newer) },
    { c: sparse, record: mostDone(normal.sparse) },
  ].flatMap(({ c, record }) => [...walk(c, browse), ...walk(c, review(record))]);
  const readOnlyEdges = [...readOnlyWalks, ...walk(classic, review(inProgress))];
  const edges = [...normal.classic, ...normal.newer, ...normal.sparse, ...readOnlyEdges];

  it('reaches every state node', () => {
    const reached = new Set<string>();
    for (const e of edges) for (const n of e.after._nodes) reached.add(n.id);
    const transient = new Set(['course.boot', 'course.module.resume', 'course.final.routing']);
    const all = getStateNodes(courseMachine.root)
      .map((n) => n.id)
      .filter((id) => !transient.has(id));
    expect(all.filter((id) => !reached.has(id))).toEqual([]);
    expect(all.length).toBeGreaterThan(10);
  });

  it('takes every transition of the definition', () => {
    const expected = new Set<string>();
    for (const node of getStateNodes(courseMachine.root))
      for (const [type, candidates] of node.transitions) candidates.forEach((_, i) => expected.add(`${node.id} ${type} #${i}`));

    const taken = new Set<string>();
    for (const { before, event, after } of edges) {
      const node = handlingNode(before, event.type);
      if (!node) continue;
      const candidates = node.transitions.get(event.type)!;
      // The candidate taken is the first whose guard passed; it shows in the result: a targeted one
      // led into its target, a targetless one changed the context but not the state.
      const index = candidates.findIndex((t) => {
        // A read-only branch is never what a normal attempt took (it may lead to the same place).
        if (!before.context.readOnly && requiresReadOnly(t.guard)) return false;
        if (!t.target?.length) return JSON.stringify(before.value) === JSON.stringify(after.value) && before.context !== after.context;
        return t.target.some((target) => after._nodes.includes(target));
      });
      if (index >= 0) taken.add(`${node.id} ${event.type} #${index}`);
    }
    expect([...expected].filter((t) => !taken.has(t))).toEqual([]);
  });

  it('refuses what the guards forbid: no state change and no context change', () => {
    const refused = edges.filter(({ event }) => event.type === 'RATE' || event.type === 'SET_REFLECTION' || event.type === 'GOTO_QUESTION');
    const invalid = refused.filter(
      ({ before, event }) =>
        ('value' in event && event.value === 9) ||
        ('index' in event && event.index === 99) ||
        ('text' in event && (event.text as string).length > before.context.limits.reflection),
    );
    expect(invalid.length).toBeGreaterThan(0);
    for (const { before, after } of invalid) expect(after.context.record).toBe(before.context.record);
  });

  it('finishing a module always leads to its moment of completion, and from there on to what comes next', () => {
    const into = edges.filter((e) => e.after.value === 'completed' && e.before.value !== 'completed');
    expect(into.length).toBeGreaterThan(0);
    for (const { before, after } of into) {
      // Only the module's last step leads here, and only with the module finished and its id kept.
      expect(before.matches('module')).toBe(true);
      expect(after.context.moduleId).toBe(before.context.moduleId);
      expect(after.context.record.modules[after.context.moduleId!]?.done).toBe(true);
    }
    const out = edges.filter((e) => e.before.value === 'completed' && e.after.value !== 'completed');
    const targets = new Set(out.map((e) => (typeof e.after.value === 'string' ? e.after.value : Object.keys(e.after.value)[0])));
    expect([...targets].sort()).toEqual(['final', 'menu', 'module', 'results']);
    // The next module opens straight from the moment of completion.
    expect(
      out.some(
        (e) =>
          e.event.type === 'OPEN_MODULE' &&
          e.after.context.moduleId === course.modules[course.modules.findIndex((m) => m.id === e.before.context.moduleId) + 1]?.id,
      ),
    ).toBe(true);
  });

  it('read-only: every event whose result would be stored is refused, and the record changes only in where the learner is', () => {
    const tried = readOnlyEdges.filter((e) => RECORDING.has(e.event.type));
    expect(new Set(tried.map((e) => e.event.type))).toEqual(RECORDING);
    for (const { before, after } of tried) {
      expect(after.value).toEqual(before.value);
      expect(after.context.record).toBe(before.context.record);
    }
    for (const { before, after } of readOnlyEdges) expect(withoutPlace(after.context.record)).toEqual(withoutPlace(before.context.record));
  });

  it('read-only: navigation stays free (every module, the final and the results, from nothing done)', () => {
    const browsed = walk(classic, browse);
    const modules = new Set(browsed.filter((e) => e.after.matches('module')).map((e) => e.after.context.moduleId));
    expect([...modules].sort()).toEqual(classic.modules.map((m) => m.id).sort());
    expect(browsed.some((e) => e.after.matches({ final: 'intro' }))).toBe(true);
    expect(browsed.some((e) => e.after.matches('results'))).toBe(true);
    // Reviewing an attempt left in the final: its questions may be looked through, not answered or submitted.
    const left = walk(classic, review(inProgress));
    expect(
      left.some((e) => e.event.type === 'GOTO_QUESTION' && e.after.context.record.latest?.index !== e.before.context.record.latest?.index),
    ).toBe(true);
    expect(left.some((e) => e.after.matches({ final: 'result' }))).toBe(false);
  });

  it('read-only, by property: random learners emit nothing for the tracker and keep the record they started with', () => {
    const starts: { c: Course; record?: LearnerRecord; readOnly: ReadOnly }[] = [
      { c: classic, readOnly: { mode: 'browse', recorded: {} } },
      { c: classic, record: mostDone(normal.classic), readOnly: { mode: 'review', recorded: { status: 'failed', score: 0 } } },
      { c: classic, record: inProgress, readOnly: { mode: 'review', recorded: {} } },
      { c: newer, record: mostDone(normal.newer), readOnly: { mode: 'review', recorded: {} } },
    ];
    fc.assert(
      fc.property(fc.constantFrom(...starts), fc.array(fc.nat(), { maxLength: 60 }), (start, picks) => {
        const actor = createActor(courseMachine, {
          input: input({ course: start.c, readOnly: start.readOnly, ...(start.record ? { record: start.record, resumeAt: 'menu' } : {}) }),
        });
        const emitted: string[] = [];
        actor.on('*', (e) => emitted.push(e.type));
        actor.start();
        const first = actor.getSnapshot().context.record;
        for (const pick of picks) {
          const events = eventsFor(actor.getSnapshot());
          actor.send(events[pick % events.length]!);
        }
        const last = actor.getSnapshot().context;
        actor.stop();
        expect(emitted).toEqual([]);
        expect(withoutPlace(last.record)).toEqual(withoutPlace(first));
        expect(last.readOnly).toEqual(start.readOnly);
      }),
      { numRuns: 200 },
    );
  });

  it('reaches the results with the final passed, and with every attempt failed', () => {
    const finals = edges.map((e) => finalStatus(e.after.context.course, e.after.context.record));
    expect(finals.some((f) => f.passed)).toBe(true);
    expect(finals.some((f) => !f.passed && f.attemptsLeft === 0 && !f.inProgress)).toBe(true);
  });
});
