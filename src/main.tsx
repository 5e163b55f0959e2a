import { startCourse } from './app/start.tsx';
import './player/theme.css';
// After the default theme, so an organisation's content/theme.css overrides its custom properties.
import 'virtual:course-theme.css';

const root = document.getElementById('root')!;
// The dev server adds the authors' inspector; a production build leaves it out entirely.
if (import.meta.env.DEV) void import('./inspector/start-preview.ts').then((m) => m.startPreview(root));
else void startCourse(root);
