/**
 * The launch page's first screen, rendered at build time (the content plugin loads this module with
 * Vite's SSR loader and writes the markup into index.html): the player's own start screen, header and
 * footer in the course's default language, for a learner the build knows nothing about. The app then
 * hydrates it (src/app/start.tsx) instead of replacing it, so nothing moves when the JavaScript arrives
 * and a tap made while it hydrates is replayed.
 */
import { renderToString } from 'react-dom/server';
import { createActor } from 'xstate';
import { course, images, readingMinutes, textLoaders } from 'virtual:course';
import { courseMachine } from '../engine/index.ts';
import { createI18n, ensureNamespaces } from '../i18n/create-i18n.ts';
import { App } from '../player/App.tsx';
import { prepareLaunch, type Session, type SessionStart } from '../session/index.ts';
import { buildTarget } from '../targets/index.ts';
import { prerenderedMark } from './prerender-mark.ts';

export async function prerenderFirstScreen(): Promise<{ html: string; language: string; mark: string }> {
  const language = course.defaultLanguage;
  const start: SessionStart = { mode: 'normal', target: buildTarget(), store: 'none', notices: [] };
  const session: Session = {
    start,
    attach: () => () => {},
    setLanguage: () => {},
    onSaveState: () => () => {},
    exit: async () => false,
    flush: () => {},
    leave: () => {},
    returned: () => {},
  };
  const launch = prepareLaunch(course, start);
  const actor = createActor(courseMachine, { input: launch.input });
  actor.start();
  const i18n = await createI18n(language, language);
  await ensureNamespaces(i18n, textLoaders, [language], ['ui', 'course']);
  const html = renderToString(
    <App
      actor={actor}
      course={launch.course}
      i18n={i18n}
      textLoaders={textLoaders}
      images={images}
      session={session}
      notices={[]}
      readingMinutes={readingMinutes}
    />,
  );
  actor.stop();
  return { html, language, mark: prerenderedMark(language) };
}
