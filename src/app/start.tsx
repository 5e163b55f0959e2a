/**
 * Starts the course: opens the tracking session, prepares the launch from what it knows (the one pure
 * launch preparation in src/session), starts the machine, lets tracking follow it, and renders the
 * player. Data flows one way from here: machine -> view, and machine -> tracking.
 */
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createActor } from 'xstate';
import { course as builtCourse, images, readingMinutes, textLoaders } from 'virtual:course';
import { courseMachine, loadSavedState, whereIs } from '../engine/index.ts';
import { createI18n, ensureNamespaces } from '../i18n/create-i18n.ts';
import { openSession } from '../tracking/index.ts';
import { buildTarget, type TargetId } from '../targets/index.ts';
import type { Course } from '../content-model/types.ts';
import { prepareLaunch, type CourseActor, type LaunchOptions } from '../session/index.ts';
import { App } from '../player/App.tsx';
import { createDrafts, watchPageLifecycle } from './page-lifecycle.ts';
import { browserTimers } from '../tracking/scheduler.ts';
import type { EarlyTaps } from './early-taps.ts';
import { PRERENDERED_ATTRIBUTE, prerenderedMark } from './prerender-mark.ts';
import { FIRST_SCREEN_ATTRIBUTE, markReady } from './readiness.ts';

function pickLanguage(course: Course, preferred: string | undefined): string {
  if (!preferred) return course.defaultLanguage;
  const exact = course.languages.find((l) => l.toLowerCase() === preferred.toLowerCase());
  return exact ?? course.languages.find((l) => preferred.toLowerCase().startsWith(l.toLowerCase() + '-')) ?? course.defaultLanguage;
}

/** What the dev preview may change about a start; a package never passes any of it. */
export interface StartOptions extends Pick<LaunchOptions, 'adjustSaved'> {
  target?: TargetId;
  /** Overrides the learner's preferred language. */
  language?: string;
  /** Taps on the pre-rendered screen kept by the launch page's entry before the player ran. */
  early?: EarlyTaps;
}

export interface Started {
  actor: CourseActor;
  course: Course;
  language: string;
  target: TargetId;
}

export async function startCourse(container: HTMLElement, options: StartOptions = {}): Promise<Started> {
  const target = options.target ?? buildTarget();
  const session = await openSession(builtCourse, {
    target,
    timers: browserTimers(window),
    // cmi5 statements describe their activities in the course's words.
    texts: async (language, namespace) => (await textLoaders[`${language}/${namespace}`]?.())?.default,
  });
  const launch = prepareLaunch(builtCourse, session.start, options.adjustSaved ? { adjustSaved: options.adjustSaved } : {});
  // Support can recover the raw value from the console; the learner gets a plain notice and a fresh start.
  if (launch.unreadable)
    console.error('Saved progress could not be read and was set aside:', launch.unreadable.reason, launch.unreadable.raw);
  const { course } = launch;

  const actor = createActor(courseMachine, { input: launch.input });
  const language = pickLanguage(course, options.language ?? session.start.language);
  const i18n = await createI18n(language, course.defaultLanguage);
  const languages = [language, course.defaultLanguage];
  await ensureNamespaces(i18n, textLoaders, languages, ['ui', 'course']);
  // The entry shows the pre-rendered menu when the learner tapped Start meanwhile: its first render needs the titles.
  const menuShown = () => container.getAttribute(PRERENDERED_ATTRIBUTE) === prerenderedMark(language, 'menu');
  if (menuShown()) await ensureNamespaces(i18n, textLoaders, languages, ['modules']);
  session.attach(actor);
  actor.start();
  const drafts = createDrafts();
  watchPageLifecycle(window, { flushDrafts: drafts.flush, session });

  // From here to the render nothing waits, so no tap falls between the entry's keeping and React's.
  const tapped = options.early?.release() ?? { start: false };
  // A tap on Start made before the player ran: the machine acts on it first (tracking sees it as any
  // START), so the app's first view is the menu the entry may already show.
  if (tapped.start && whereIs(actor.getSnapshot()).at === 'start') actor.send({ type: 'START' });
  const at = whereIs(actor.getSnapshot()).at;
  // The launch page holds the start screen, and the menu once Start is tapped, pre-rendered in the
  // default language. When what it shows is what the learner gets, the app hydrates it: nothing is
  // redrawn, nothing moves, and the menu's neutral rows take the learner's status. Otherwise (a
  // resume elsewhere, another language) the app's first view replaces it.
  // (A read-only attempt says so on every screen, which the pre-rendered ones, built for any learner, do not.)
  const hydrate =
    (at === 'start' || at === 'menu') &&
    !actor.getSnapshot().context.readOnly &&
    container.getAttribute(PRERENDERED_ATTRIBUTE) === prerenderedMark(language, at);
  let ready = false;
  let recovered = false;
  const onReady = () => {
    if (ready) return;
    ready = true;
    document.documentElement.setAttribute(FIRST_SCREEN_ATTRIBUTE, hydrate && !recovered ? 'hydrated' : 'rendered');
    markReady(session.start);
    // The saved-state code (compression, the room of a text): a resumed learner has it already (the
    // tracking loaded it to read the stored state); a fresh learner's comes now, after the first screen
    // answers and long before anything is worth saving (a save asked for sooner waits for it).
    loadSavedState().catch(() => {}); // a failed load is tried again by the first save
    // A tap on a module in the pre-rendered menu: acted on now that the app has the screen (the
    // machine decides whether it may be opened, as for any tap).
    if (tapped.open && whereIs(actor.getSnapshot()).at === 'menu') actor.send({ type: 'OPEN_MODULE', moduleId: tapped.open });
  };
  const app = (
    <StrictMode>
      <App
        actor={actor}
        course={course}
        i18n={i18n}
        textLoaders={textLoaders}
        images={images}
        session={session}
        notices={launch.notices}
        readingMinutes={readingMinutes}
        onReady={onReady}
        drafts={drafts}
      />
    </StrictMode>
  );
  if (hydrate)
    hydrateRoot(container, app, {
      onRecoverableError: (error) => {
        // The pre-rendered screen did not match: React redraws it. Harmless, but it should not happen.
        recovered = true;
        console.error('The pre-rendered first screen was redrawn:', error);
      },
    });
  else createRoot(container).render(app);
  return { actor, course, language, target };
}
