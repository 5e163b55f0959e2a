/**
 * A progress bar that is visible and announced: the text says what the bar shows. The fill is an SVG
 * rectangle whose width is an attribute, not an inline style, so the launch page's CSP can forbid
 * style attributes altogether.
 *
 * The launch page's pre-rendered screens are the same for every learner, so there (and in the first
 * render of a hydration, which must equal them) the bar keeps its room but shows and announces no value:
 * "0 %" would be untrue for a learner who resumes.
 */
import { useLaunched } from './hydration.ts';

export function ProgressBar({ value, label, text, className }: { value: number; label: string; text: string; className?: string }) {
  const known = useLaunched();
  const percent = known ? Math.round(value * 100) : 0;
  return (
    <div className={`progress${className ? ` ${className}` : ''}${known ? '' : ' progress--unknown'}`}>
      <div
        className="progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={known ? percent : undefined}
        aria-valuetext={known ? text : undefined}
      >
        <svg className="progress__fill" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true" focusable="false">
          <rect width={percent} height="1" />
        </svg>
      </div>
      <span className="progress__text" aria-hidden="true">
        {known ? text : '\u00a0'}
      </span>
    </div>
  );
}

export const toPercent = (scaled: number) => Math.round(scaled * 100);
