/** The dev server's start: the course as an LMS would run it, plus the preview's URL options and the inspector. */
import { startCourse } from '../app/start.tsx';
import { mountInspector } from './mount.tsx';
import { applyJump, previewUrl, readPreviewParams } from './preview-url.ts';
import { keepScrollAcrossReloads } from './preview-scroll.ts';

const previewUrlWithout = (url: string, key: string) => previewUrl(url, { [key]: undefined });

export async function startPreview(root: HTMLElement): Promise<void> {
  keepScrollAcrossReloads();
  const params = readPreviewParams(window.location.search);
  const started = await startCourse(root, {
    ...(params.target ? { target: params.target } : {}),
    ...(params.lang ? { language: params.lang } : {}),
    adjustSaved: (saved, course) => applyJump(saved, course, params.jump),
  });
  // A jump is done once; a reload then resumes where the author is, like a learner's would.
  if (params.jump) history.replaceState(null, '', previewUrlWithout(window.location.href, 'jump'));
  mountInspector({ actor: started.actor, course: started.course, target: started.target, language: started.language });
}
