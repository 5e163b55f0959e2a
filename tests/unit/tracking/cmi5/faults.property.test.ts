// @vitest-environment happy-dom
/**
 * The cmi5 promise, proven by property: random learner paths × random fault schedules of the LRS (no
 * answer, an answer lost after storing, 401, 429, 500, 503, an answer slower than the client waits).
 * The faults come while the learner works (from the first request after the launch). After they end and
 * the learner finishes, the LMS holds exactly what a fault-free run of the same
 * path holds: the same statements (verbs, activities, results, definitions; nothing missing, nothing
 * twice), the same defined statements in the same order with "terminated" last, and the same saved
 * state; the strict LMS saw no violation of xAPI or cmi5 at any moment (nothing reached it after
 * "terminated", not even a read), and no stored state was ever poorer than the one before it.
 * The "terminated" POST itself may fail too: it arrives unless the failure left open whether it had
 * (no answer, 500), in which case it is not sent again and is the only statement missing.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { Fault } from '../../../../scripts/harness/cmi5-lms.ts';
import type { Json } from '../../../../scripts/harness/cmi5-rules.ts';
import { decodeSnapshot } from '../../../../src/engine/index.ts';
import { boot, course, doAttempt, doModule, step } from '../support.ts';
import { definedVerbs, exitSession, isDefined, newLms, openCmi5, settle, verbName, useCmi5Clock } from './support.ts';

useCmi5Clock();

interface Path {
  modules: { wrongFirst: boolean; reflection: string }[];
  /** Correct answers (of 4) per final-assessment attempt (at most 2 attempts). */
  attempts: number[];
  /** Pauses (ms of fake time) between the learner's steps, letting sends and retries run. */
  pauses: number[];
}

type FaultKind = 'ok' | 'down' | 'lose' | 'slow' | 401 | 429 | 500 | 503;

const pathArb: fc.Arbitrary<Path> = fc.record({
  modules: fc.array(fc.record({ wrongFirst: fc.boolean(), reflection: fc.string({ minLength: 1, maxLength: 40 }) }), {
    minLength: 4,
    maxLength: 4,
  }),
  attempts: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 2 }),
  pauses: fc.array(fc.integer({ min: 0, max: 40_000 }), { minLength: 6, maxLength: 6 }),
});
const faultsArb = fc.array(fc.constantFrom<FaultKind>('ok', 'down', 'lose', 'slow', 401, 429, 500, 503), { minLength: 0, maxLength: 80 });

/** What a statement says, without what differs between two runs (ids, times, session, registration). */
function meaning(st: Json): string {
  const result = { ...((st.result as Json | undefined) ?? {}) };
  delete result.duration;
  return JSON.stringify([verbName(st), (st.object as Json).id, (st.object as Json).definition ?? null, result, isDefined(st)]);
}

/** Failures of the "terminated" POST after which it may have arrived: it is not sent again. */
const MAYBE_ARRIVED: FaultKind[] = ['down', 500];

async function run(path: Path, faults: FaultKind[], atTerminated: FaultKind = 'ok') {
  const lms = newLms();
  const launch = lms.launch({ masteryScore: 0.75 });
  // Faults begin once the session is open (a launch the LRS does not answer is tested on its own) and
  // are numbered from there.
  let faulting = false;
  let first = 0;
  const docs: string[] = [];
  let terminatedFaulted = false;
  const fault = (f: FaultKind | undefined): Fault | undefined => {
    if (f === undefined || f === 'ok') return undefined;
    if (f === 'down') return { kind: 'down' } satisfies Fault;
    if (f === 'lose') return { kind: 'lose-answer' } satisfies Fault;
    if (f === 'slow') return { kind: 'hold', release: new Promise<void>((r) => setTimeout(r, 45_000)) } satisfies Fault; // past the client's 30 s
    return { kind: 'status', status: f } satisfies Fault;
  };
  lms.fault = ({ n: count, resource, method, body }) => {
    if (!terminatedFaulted && resource === 'statements' && method === 'POST' && body?.includes('/verbs/terminated')) {
      terminatedFaulted = true;
      return fault(atTerminated);
    }
    if (!faulting) return undefined;
    const n = count - first;
    if (resource === 'activities/state' && method === 'PUT') {
      const d = lms.stateOf(launch, 'course-state');
      if (d) docs.push(JSON.stringify(d));
    }
    return fault(faults[n]);
  };
  const { session } = await openCmi5(lms, launch);
  first = lms.requests.length;
  faulting = true;
  const { actor } = boot(session);
  let pause = 0;
  const rest = () => settle(path.pauses[pause++ % path.pauses.length]!);
  step(actor, { type: 'START' });
  await rest();
  for (const [i, id] of ['intro', 'alpha', 'beta', 'omega'].entries()) {
    doModule(actor, id, path.modules[i]!);
    await rest();
  }
  step(actor, { type: 'OPEN_FINAL' });
  for (const correct of path.attempts) {
    doAttempt(actor, correct);
    await rest();
  }
  // The faults end; the learner waits for "saved" and leaves.
  faulting = false;
  await settle(120_000);
  await exitSession(session);
  return { lms, launch, docs, terminatedFaulted };
}

test('whatever the LRS does while the learner works, it ends up holding what a fault-free run holds', async () => {
  let runs = 0;
  let faultsInjected = 0;
  await fc.assert(
    fc.asyncProperty(
      pathArb,
      faultsArb,
      fc.constantFrom<FaultKind>('ok', 'down', 'lose', 'slow', 401, 429, 500, 503),
      async (path, faults, atEnd) => {
        sessionStorage.clear();
        const clean = await run(path, []);
        sessionStorage.clear();
        const faulty = await run(path, faults, atEnd);
        runs++;
        faultsInjected += faults.filter((f) => f !== 'ok').length;

        expect(clean.lms.violations).toEqual([]);
        expect(faulty.lms.violations).toEqual([]);
        expect(faulty.terminatedFaulted).toBe(true);
        const all = clean.lms.statementsOf(clean.launch.facts.registration);
        // Only a "terminated" that may have arrived, but did not, is missing.
        const a = MAYBE_ARRIVED.includes(atEnd) ? all.filter((s) => verbName(s) !== 'terminated') : all;
        const b = faulty.lms.statementsOf(faulty.launch.facts.registration);
        // Nothing lost, nothing twice.
        expect(b.map(meaning).sort()).toEqual(a.map(meaning).sort());
        expect(new Set(b.map((s) => s.id)).size).toBe(b.length);
        // The defined statements in the same order, "terminated" last of all.
        expect(definedVerbs(b)).toEqual(definedVerbs(a));
        if (!MAYBE_ARRIVED.includes(atEnd)) expect(verbName(b[b.length - 1]!)).toBe('terminated');
        // Nothing at all reached the LMS after "terminated".
        expect(faulty.launch.progress.terminated === !MAYBE_ARRIVED.includes(atEnd)).toBe(true);
        // The same saved state.
        expect(faulty.lms.stateOf(faulty.launch, 'course-state')).toEqual(clean.lms.stateOf(clean.launch, 'course-state'));
        // No stored state was ever poorer than the one before it.
        let done = 0;
        let passed = false;
        for (const text of faulty.docs) {
          const doc = JSON.parse(text) as { saved: string; sent: { passed?: boolean } };
          const record = decodeSnapshot(doc.saved, course).record;
          const now = Object.values(record.modules).filter((m) => m.done).length;
          expect(now).toBeGreaterThanOrEqual(done);
          expect(!!doc.sent.passed || !passed).toBe(true);
          done = now;
          passed = !!doc.sent.passed;
        }
      },
    ),
    { numRuns: 60, seed: 20260302, endOnFailure: true },
  );
  expect(runs).toBe(60);
  expect(faultsInjected).toBeGreaterThan(runs * 3);
  console.log(`cmi5 fault property: ${runs} learner paths × fault schedules, ${faultsInjected} faults injected`);
}, 240_000);
