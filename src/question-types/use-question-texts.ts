/** A question view's strings: the player's own (`ui`) and the question's, under its text key. */
import { useT } from '../player/shared/use-texts.ts';

export function useQuestionTexts(textKey: string) {
  const ns = textKey.slice(0, textKey.indexOf(':'));
  const { t, i18n } = useT(['ui', ns]);
  /** A string of the question, by its path under the question's key (`options.a.text`). */
  const text = (path: string) => t(`${textKey}.${path}`);
  return { t, i18n, text };
}
