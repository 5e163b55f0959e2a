/**
 * A progress bar that is visible and announced: the text says what the bar shows. The fill is an SVG
 * rectangle whose width is an attribute, not an inline style, so the launch page's CSP can forbid
 * style attributes altogether.
 */
export function ProgressBar({ value, label, text, className }: { value: number; label: string; text: string; className?: string }) {
  const percent = Math.round(value * 100);
  return (
    <div className={className ? `progress ${className}` : 'progress'}>
      <div
        className="progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
      >
        <svg className="progress__fill" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true" focusable="false">
          <rect width={percent} height="1" />
        </svg>
      </div>
      <span className="progress__text" aria-hidden="true">
        {text}
      </span>
    </div>
  );
}

export const toPercent = (scaled: number) => Math.round(scaled * 100);
