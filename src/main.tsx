/**
 * The launch page's entry: small on purpose. It keeps taps on the pre-rendered first screen while the
 * player's code loads (the launch page preloads that code in parallel, see the content plugin), then
 * starts the player, which hydrates the pre-rendered screen.
 */
import { keepEarlyTaps } from './app/early-taps.ts';
import './player/theme.css';
// After the default theme, so an organisation's content/theme.css overrides its custom properties.
import 'virtual:course-theme.css';

const root = document.getElementById('root')!;
// The dev server adds the authors' inspector; a production build leaves it out entirely.
if (import.meta.env.DEV) void import('./inspector/start-preview.ts').then((m) => m.startPreview(root));
else {
  const early = keepEarlyTaps(root);
  void import('./app/start.tsx').then((m) => m.startCourse(root, { early }));
}
