/**
 * One button per course language, each labelled with the language's own name (and marked with its
 * `lang`). Buttons rather than a select: choosing is an explicit action, never a side effect of arrowing.
 */
import { useId } from 'react';
import { usePlayer } from '../shared/player-context.tsx';
import { useT } from '../shared/use-texts.ts';
import { ownName, switchLanguage } from './language.ts';

export function LanguagePicker() {
  const { t, i18n } = useT();
  const { course, textLoaders, session, flushDrafts } = usePlayer();
  const labelId = useId();
  if (course.languages.length < 2) return null;

  const choose = async (lang: string) => {
    if (lang === i18n.language) return;
    flushDrafts();
    await switchLanguage(i18n, textLoaders, lang, course.defaultLanguage);
    session.setLanguage(lang);
  };

  return (
    <div className="language-picker" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="language-picker__label">
        {t('header.language')}
      </span>
      {course.languages.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className="language-picker__option"
          aria-pressed={lang === i18n.language}
          onClick={() => void choose(lang)}
        >
          {ownName(lang)}
        </button>
      ))}
    </div>
  );
}
