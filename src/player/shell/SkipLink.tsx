/** The first tab stop: jumps past the header to the view's heading. */
import type { MouseEvent } from 'react';
import { focusMainHeading } from '../shared/focus.tsx';
import { useT } from '../shared/use-texts.ts';

export function SkipLink() {
  const { t } = useT();
  const skip = (e: MouseEvent) => {
    e.preventDefault(); // no hash change: inside an LMS frame the URL is not ours
    focusMainHeading();
  };
  return (
    <a className="skip-link" href="#main" onClick={skip}>
      {t('app.skipToContent')}
    </a>
  );
}
