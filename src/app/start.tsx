/**
 * Starts the course: opens the tracking session, restores the saved state, starts the machine, lets
 * tracking follow it, and renders the player. Data flows one way from here: machine -> view, and
 * machine -> tracking.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createActor } from 'xstate';
import { course as baseCourse, images, readingMinutes, textLoaders } from 'virtual:course';
import { courseMachine, decodeSnapshot, SnapshotError, type Saved } from '../engine';
import { createI18n, ensureNamespaces } from '../i18n/create-i18n';
import { openSession, type ScormVersion } from '../tracking';
import { buildScormVersion } from '../tracking/scorm-version';
import type { Course } from '../content-model/types';
import type { CourseActor, Notice } from './session';
import { App } from '../player/App';

function pickLanguage(course: Course, preferred: string | undefined): string {
  if (!preferred) return course.defaultLanguage;
  const exact = course.languages.find((l) => l.toLowerCase() === preferred.toLowerCase());
  return exact ?? course.languages.find((l) => preferred.toLowerCase().startsWith(l.toLowerCase() + '-')) ?? course.defaultLanguage;
}

/** What the dev preview may change about a start; a package never passes any of it. */
export interface StartOptions {
  scormVersion?: ScormVersion;
  /** Overrides the learner's preferred language. */
  language?: string;
  /** Changes the restored state before the machine starts (the preview's "jump to"). */
  adjustSaved?: (saved: Saved | undefined, course: Course) => Saved | undefined;
}

export interface Started {
  actor: CourseActor;
  course: Course;
  language: string;
  scormVersion: ScormVersion;
}

export async function startCourse(container: HTMLElement, options: StartOptions = {}): Promise<Started> {
  const scormVersion = options.scormVersion ?? buildScormVersion();
  const session = await openSession(baseCourse, { version: scormVersion });
  const { start } = session;
  const course: Course =
    start.masteryScore === undefined
      ? baseCourse
      : { ...baseCourse, settings: { ...baseCourse.settings, final: { ...baseCourse.settings.final, masteryScore: start.masteryScore } } };

  const notices: Notice[] = [...start.notices];
  let saved: Saved | undefined;
  if (start.saved) {
    try {
      saved = decodeSnapshot(start.saved, course);
      notices.push({ key: 'welcomeBack', tone: 'info' });
    } catch (e) {
      if (!(e instanceof SnapshotError)) throw e;
      // Support can recover the raw value from the console; the learner gets a plain notice and a fresh start.
      console.error('Saved progress could not be read and was set aside:', e.message, start.saved);
      notices.push({ key: 'unreadableSave', tone: 'warning' });
    }
  }

  if (options.adjustSaved) saved = options.adjustSaved(saved, course);

  const limits = course.settings.limits[start.kind === 'scorm12' ? 'scorm12' : 'scorm2004'];
  const actor = createActor(courseMachine, { input: { course, limits, record: saved?.record, resumeAt: saved?.location } });
  const language = pickLanguage(course, options.language ?? start.language);
  const i18n = await createI18n(language, course.defaultLanguage);
  await ensureNamespaces(i18n, textLoaders, [language, course.defaultLanguage], ['ui', 'course']);
  session.attach(actor);
  actor.start();

  createRoot(container).render(
    <StrictMode>
      <App
        actor={actor}
        course={course}
        i18n={i18n}
        textLoaders={textLoaders}
        images={images}
        session={session}
        notices={notices}
        readingMinutes={readingMinutes}
      />
    </StrictMode>,
  );
  // For the benchmark: the first screen is rendered and its handlers are attached.
  requestAnimationFrame(() => setTimeout(() => performance.mark('course:interactive')));
  return { actor, course, language, scormVersion };
}
