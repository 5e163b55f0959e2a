/**
 * The launch page's first screen, rendered at build time (the content plugin loads this module with
 * Vite's SSR loader and writes the markup into index.html): the player's own start screen, header and
 * footer in the course's default language, for a learner the build knows nothing about. The app then
 * hydrates it (src/app/start.tsx) instead of replacing it, so nothing moves when the JavaScript arrives
 * and a tap made while it hydrates is replayed.
 *
 * Also the module menu, which is where a tap on Start leads: the page's entry shows it on that tap when
 * the player has not arrived yet (src/app/early-taps.ts), and the app hydrates it the same way. Its rows
 * are neutral (see MenuView): the build knows the modules, not the learner.
 */
import { renderToString } from 'react-dom/server';
import { createActor } from 'xstate';
import { course, images, readingMinutes, textLoaders } from 'virtual:course';
import { courseMachine } from '../engine/index.ts';
import { createI18n, ensureNamespaces } from '../i18n/create-i18n.ts';
import { App } from '../player/App.tsx';
import { prepareLaunch, type CourseActor, type Session, type SessionStart } from '../session/index.ts';
import { buildTarget } from '../targets/index.ts';
import { prerenderedMark } from './prerender-mark.ts';

export interface PrerenderedScreens {
  /** The start screen, in the launch page's root. */
  html: string;
  /** The menu, as the same root's content once Start is tapped. */
  menu: string;
  language: string;
  mark: string;
  menuMark: string;
}

export async function prerenderFirstScreen(): Promise<PrerenderedScreens> {
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
  const i18n = await createI18n(language, language);
  await ensureNamespaces(i18n, textLoaders, [language], ['ui', 'course', 'modules']);
  const render = (actor: CourseActor) =>
    renderToString(
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
  const actor = createActor(courseMachine, { input: launch.input });
  actor.start();
  const html = render(actor);
  // The menu exactly as the machine has it after the learner's START, so the app can hydrate it.
  actor.send({ type: 'START' });
  const menu = render(actor);
  actor.stop();
  return { html, menu: mainOf(html, menu), language, mark: prerenderedMark(language), menuMark: prerenderedMark(language, 'menu') };
}

const MAIN = /(<main\b[^>]*>)([\s\S]*)(<\/main>)/;

/**
 * What the entry swaps in on a tap on Start: only the content of `<main>`, as the header and footer
 * around it are the same on both screens (checked here at build time, so the swapped page is exactly
 * the menu's markup and the app hydrates it without a mismatch).
 */
export function mainOf(start: string, menu: string): string {
  const content = MAIN.exec(menu)?.[2];
  if (content === undefined || start.replace(MAIN, (_, open: string, _c: string, close: string) => open + content + close) !== menu)
    throw new Error(
      'The pre-rendered start screen and menu differ outside <main>: the entry could not show the menu as the app renders it',
    );
  return content;
}
