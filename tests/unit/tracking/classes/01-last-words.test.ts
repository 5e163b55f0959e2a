// @vitest-environment happy-dom
/**
 * Issue 12, class 1: the last words are not lost. Text the learner typed a moment before the frame
 * closes or the tab is hidden is still a draft in the view (src/player/shared/use-draft.ts, debounced);
 * the page lifecycle (src/app/page-lifecycle.ts) brings the drafts to the machine BEFORE the session
 * stores, so the LMS receives them, committed before Terminate. Both SCORM versions, the real runtime.
 * (The commit policy's "hidden mid-typing" case is in ../session.test.ts.)
 */
import { describe, expect, test } from 'vitest';
import { createDrafts } from '../../../../src/app/page-lifecycle.ts';
import type { CourseActor } from '../../../../src/session/index.ts';
import type { TrackingSession } from '../../../../src/tracking/index.ts';
import { boot, createLms, firstLaunch, hidePage, interactionsOf, N, pageHide, savedIn, step, useSessions } from '../support.ts';

const open = useSessions();

/** A draft the view holds and has not yet sent to the machine (what useDraft keeps between keystrokes). */
function typing(drafts: ReturnType<typeof createDrafts>, send: () => void): void {
  let pending = true;
  drafts.register(() => {
    if (pending) send();
    pending = false;
  });
}

describe.each(['1.2', '2004'] as const)('SCORM %s', (version) => {
  const n = N[version];

  async function atReflection() {
    const lms = await createLms(version, firstLaunch(version));
    const session = await open(version);
    const drafts = createDrafts();
    const { actor } = boot(session, undefined, undefined, () => drafts.flush());
    step(actor, { type: 'START' });
    step(actor, { type: 'OPEN_MODULE', moduleId: 'intro' });
    for (let i = 0; i < 5 && !actor.getSnapshot().matches({ module: 'reflection' }); i++) {
      const s = actor.getSnapshot();
      if (s.matches({ module: 'check' }))
        for (const q of s.context.course.modules[0]!.questions) {
          step(actor, { type: 'SELECT', questionId: q.localId, choice: ['a'] });
          step(actor, { type: 'SUBMIT_ANSWER', questionId: q.localId });
        }
      step(actor, { type: 'NEXT' });
    }
    expect(actor.getSnapshot().matches({ module: 'reflection' })).toBe(true);
    return { lms, session, drafts, actor };
  }

  const reflection = (actor: CourseActor, text: string) => () => actor.send({ type: 'SET_REFLECTION', text });

  test('typed in a reflection, the frame closed at once: the LMS holds the words, committed before Finish', async () => {
    const { lms, drafts, actor } = await atReflection();
    const words = 'Jeg tager det her med mig: æøå, "citat" og {klammer}';
    typing(drafts, reflection(actor, words));
    pageHide(); // no time passes: the view's debounce never fired
    expect(savedIn(lms)?.record.modules.intro?.reflection).toBe(words);
    const names = lms.calls.map((c) => c.method);
    const lastCommit = names.lastIndexOf(n.commit);
    expect(lastCommit).toBeGreaterThan(names.lastIndexOf(n.set));
    expect(names.indexOf(n.finish)).toBeGreaterThan(lastCommit);
    expect(lms.errors()).toEqual([]);
  });

  test('typed in a reflection, the tab hidden at once: the words are committed then, the session stays open', async () => {
    const { lms, drafts, actor, session } = await atReflection();
    typing(drafts, reflection(actor, 'skrevet lige før fanen skjules'));
    const commits = lms.callsTo(n.commit).length;
    hidePage();
    expect(lms.callsTo(n.commit)).toHaveLength(commits + 1);
    expect(savedIn(lms)?.record.modules.intro?.reflection).toBe('skrevet lige før fanen skjules');
    expect(lms.callsTo(n.finish)).toHaveLength(0);
    expect((session as TrackingSession).debugState()).toMatchObject({ saveState: 'saved', closed: false });
  });

  test('an action-plan step typed and the frame closed at once: in the saved state and as its interaction', async () => {
    const lms = await createLms(version, firstLaunch(version));
    const session = await open(version);
    const drafts = createDrafts();
    const { actor } = boot(session, undefined, undefined, () => drafts.flush());
    step(actor, { type: 'START' });
    step(actor, { type: 'OPEN_RESULTS' });
    typing(drafts, () => actor.send({ type: 'SET_PLAN', moduleId: 'alpha', text: 'Første skridt: tal med teamet' }));
    pageHide();
    expect(savedIn(lms)?.record.modules.alpha?.plan).toBe('Første skridt: tal med teamet');
    const plan = interactionsOf(lms).find((i) => i.id === 'plan_alpha');
    expect(plan?.[version === '1.2' ? 'student_response' : 'learner_response']).toBe('Første skridt: tal med teamet');
  });
});
