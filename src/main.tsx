/**
 * The launch page's entry: small on purpose. It answers taps on the pre-rendered screens while the
 * player's code loads (the launch page preloads that code in parallel, see the content plugin): Start
 * shows the pre-rendered menu at once, a tap on a module's row is kept. Then it starts the player,
 * which hydrates whichever pre-rendered screen is showing and acts on the taps.
 */
import { keepEarlyTaps } from './app/early-taps.ts';
import { MENU_TEMPLATE_ID } from './app/prerender-mark.ts';
import './player/theme.css';
// After the default theme, so an organisation's content/theme.css overrides its custom properties.
import 'virtual:course-theme.css';

const root = document.getElementById('root')!;
// The dev server adds the authors' inspector; a production build leaves it out entirely.
if (import.meta.env.DEV) void import('./inspector/start-preview.ts').then((m) => m.startPreview(root));
else {
  // The menu a tap on Start leads to, pre-rendered beside the start screen: shown at once on that tap.
  const early = keepEarlyTaps(root, document.getElementById(MENU_TEMPLATE_ID) as HTMLTemplateElement | null);
  void import('./app/start.tsx').then((m) => m.startCourse(root, { early }));
}
