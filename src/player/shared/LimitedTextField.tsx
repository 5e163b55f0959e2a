/**
 * A text area with a hard limit the learner can see coming: the limit is stated up front, a count
 * follows the text, and a status message speaks up near the limit. Pasting text that would not fit is
 * refused with a message instead of being cut silently (which `maxLength` alone would do).
 */
import { useId, useState, type ClipboardEvent } from 'react';
import { useT } from './use-texts.ts';

export interface LimitedTextFieldProps {
  label: string;
  hint?: string;
  value: string;
  max: number;
  rows?: number;
  onChange(text: string): void;
  onBlur(): void;
  /** Whether the text may become this (the saved state's room); a longer text it refuses is not taken. */
  accepts?: (text: string) => boolean;
  /** Why `max` is below the field's usual cap, said with the limit (and read with the field). */
  limitNote?: string | undefined;
}

/** From this share of the limit on, the learner is warned. */
const NEAR = 0.9;

export function LimitedTextField({ label, hint, value, max, rows = 6, onChange, onBlur, accepts, limitNote }: LimitedTextFieldProps) {
  const { t } = useT();
  const id = useId();
  const [pasteRefused, setPasteRefused] = useState(false);
  const [full, setFull] = useState(false);
  const left = full ? 0 : Math.max(0, max - value.length);
  const warning = pasteRefused
    ? t('text.pasteTooLong', { max })
    : full
      ? t('text.atLimit', { max: value.length })
      : left <= 0
        ? t('text.atLimit', { max })
        : value.length >= Math.floor(max * NEAR)
          ? t('text.nearLimit', { max, left })
          : '';

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = e.clipboardData.getData('text');
    const area = e.currentTarget;
    const replaced = Math.abs((area.selectionEnd ?? 0) - (area.selectionStart ?? 0));
    const next = value.slice(0, area.selectionStart ?? value.length) + pasted + value.slice(area.selectionEnd ?? value.length);
    if (value.length - replaced + pasted.length > max || (accepts && next.length > value.length && !accepts(next))) {
      e.preventDefault();
      setPasteRefused(true);
    }
  };

  return (
    <div className="text-field">
      <label htmlFor={`${id}-input`} className="text-field__label">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <p id={`${id}-limit`} className="hint">
        {t('text.limit', { max })}
        {limitNote && ` ${limitNote}`}
      </p>
      <textarea
        id={`${id}-input`}
        className="text-field__input"
        rows={rows}
        maxLength={max}
        value={value}
        aria-describedby={[hint && `${id}-hint`, `${id}-limit`, `${id}-count`].filter(Boolean).join(' ')}
        onChange={(e) => {
          const next = e.target.value;
          // Past the room: refused, as `maxLength` refuses past the cap (the field keeps its text).
          if (accepts && next.length > value.length && !accepts(next)) return setFull(true);
          setFull(false);
          setPasteRefused(false);
          onChange(next);
        }}
        onPaste={onPaste}
        onBlur={onBlur}
      />
      <p id={`${id}-count`} className="text-field__count">
        {t('text.count', { used: value.length, max: full ? value.length : max })}
      </p>
      <p role="status" className={warning ? 'text-field__warning' : 'text-field__warning text-field__warning--empty'}>
        {warning}
      </p>
    </div>
  );
}
