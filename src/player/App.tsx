/**
 * The course player. Props come from the bootstrap (src/app/start.tsx); the machine in `actor` is the
 * single truth of where the learner is and what they answered, and the view only reads it and sends the
 * learner's actions. The only React state here is about the screen itself (notices dismissed, exited).
 */
import { useSelector } from '@xstate/react';
import type { i18n as I18n } from 'i18next';
import { Suspense, useCallback, useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { CourseActor, Notice, Session } from '../session/index.ts';
import type { Course } from '../content-model/types.ts';
import type { TextLoaders } from '../i18n/create-i18n.ts';
import { MenuView } from './menu/MenuView.tsx';
import { ModuleView } from './module/ModuleView.tsx';
import { CompletedView, FinalView, ResultsView } from './lazy-views.ts';
import { LoadingState } from './shared/NamespaceGate.tsx';
import { FocusProvider } from './shared/focus.tsx';
import { useLaunched } from './shared/hydration.ts';
import { PlayerProvider, usePlayer, type DraftRegistry, type ReadingMinutes } from './shared/player-context.tsx';
import { useT } from './shared/use-texts.ts';
import { sameView, viewKey, viewOf, type View } from './shared/view.ts';
import { closedNotices, rememberClosed } from './shell/dismissed.ts';
import { ExitView } from './shell/ExitView.tsx';
import { Footer } from './shell/Footer.tsx';
import { Header } from './shell/Header.tsx';
import { Notices } from './shell/Notices.tsx';
import { ReadOnlyBanner } from './shell/ReadOnlyBanner.tsx';
import { SkipLink } from './shell/SkipLink.tsx';
import { useSaveState } from './shell/use-save-state.ts';
import { StartView } from './start/StartView.tsx';

export interface AppProps {
  actor: CourseActor;
  course: Course;
  i18n: I18n;
  textLoaders: TextLoaders;
  images: Record<string, string>;
  session: Session;
  notices: Notice[];
  /** Estimated minutes per language and module (`readingMinutes` of `virtual:course`). */
  readingMinutes: ReadingMinutes;
  /** Called once, after the first view is on screen with its handlers attached. */
  onReady?: () => void;
  /** The app's draft registry (shared with the page lifecycle). */
  drafts?: DraftRegistry;
}

export function App({ actor, course, i18n, textLoaders, images, session, notices, readingMinutes, onReady, drafts }: AppProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <PlayerProvider
        actor={actor}
        course={course}
        images={images}
        textLoaders={textLoaders}
        session={session}
        readingMinutes={readingMinutes}
        {...(drafts ? { drafts } : {})}
      >
        <Shell notices={notices} onReady={onReady} />
      </PlayerProvider>
    </I18nextProvider>
  );
}

/** Notices about the moment of arrival: gone once the learner moves on. */
const ARRIVAL_NOTICES = new Set(['welcomeBack']);

/** Views that offer no way to the menu of their own; elsewhere a notice need not offer one. */
const hasOwnMenuButton = (v: View) => v.at === 'module' || v.at === 'completed' || (v.at === 'final' && v.step !== 'taking');

function Shell({ notices, onReady }: { notices: Notice[]; onReady?: (() => void) | undefined }) {
  const { actor, course, session, send, flushDrafts } = usePlayer();
  const view = useSelector(actor, viewOf, sameView);
  const [exited, setExited] = useState(false);
  const save = useSaveState(session);
  const [dismissed, setDismissed] = useState<Notice[]>([]);
  const [closed, setClosed] = useState(() => closedNotices(course.id));
  const [arrival] = useState(() => viewKey(view));
  // Once the learner has left the screen of arrival, the moment has passed for good: coming back to
  // that screen later does not bring the welcome back (state updated during render, as React advises
  // for a value derived from earlier renders).
  const [moved, setMoved] = useState(false);
  if (!moved && viewKey(view) !== arrival) setMoved(true);
  const launched = useLaunched();
  useDocumentLanguage();
  useEffect(() => onReady?.(), [onReady]);

  const shown = (launched ? [...notices, ...(save.notice ? [save.notice] : [])] : []).filter(
    (n, i, all) =>
      !dismissed.includes(n) && !closed.has(n.key) && !(moved && ARRIVAL_NOTICES.has(n.key)) && all.findIndex((m) => m.key === n.key) === i,
  );
  const toMenu =
    view.at === 'menu' || hasOwnMenuButton(view) ? undefined : () => send(view.at === 'start' ? { type: 'START' } : { type: 'MENU' });
  const dismiss = (n: Notice) => {
    setDismissed((d) => [...d, n]);
    rememberClosed(course.id, n.key);
    setClosed(closedNotices(course.id));
  };

  const notices_ = <Notices notices={shown} onDismiss={dismiss} onMenu={toMenu} />;

  // The exit view says "saved" only when it is: if storing failed, the learner stays, is told once by
  // the session's notice, and may exit again.
  const exit = useCallback(async () => {
    flushDrafts();
    if (await session.exit()) setExited(true);
  }, [flushDrafts, session]);

  return (
    <FocusProvider viewKey={exited ? 'exit' : viewKey(view)}>
      <SkipLink />
      <Header saveState={save.state} onExit={exited ? undefined : () => void exit()} />
      <main id="main" tabIndex={-1} className="main">
        {/* On the start screen the notices follow it, so that those of the launch move nothing that is already painted */}
        {view.at !== 'start' && <ReadOnlyBanner />}
        {view.at !== 'start' && notices_}
        {exited ? <ExitView /> : <CurrentView view={view} />}
        {view.at === 'start' && <ReadOnlyBanner />}
        {view.at === 'start' && notices_}
      </main>
      <Footer />
    </FocusProvider>
  );
}

function CurrentView({ view }: { view: View }) {
  switch (view.at) {
    case 'start':
      return <StartView />;
    case 'menu':
      return <MenuView />;
    case 'module':
      return <ModuleView key={view.moduleId} view={view} />;
    case 'completed':
      return (
        <Suspense fallback={<LoadingState />}>
          <CompletedView key={view.moduleId} moduleId={view.moduleId} />
        </Suspense>
      );
    case 'final':
      return (
        <Suspense fallback={<LoadingState />}>
          <FinalView view={view} />
        </Suspense>
      );
    case 'results':
      return (
        <Suspense fallback={<LoadingState />}>
          <ResultsView />
        </Suspense>
      );
  }
}

/** `<html lang>` and the document title follow the UI language. */
function useDocumentLanguage() {
  const { t, i18n } = useT(['ui', 'course']);
  const lang = i18n.language;
  const title = t('course:title');
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = title;
  }, [lang, title]);
}
