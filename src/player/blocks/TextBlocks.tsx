/**
 * The blocks that set words apart: a key figure (a number set large, what it counts, its source), a
 * quote (a sentence set large, who said it) and a reveal (optional depth behind a native disclosure,
 * which every browser and screen reader knows, opened with Enter or Space).
 */
import { Html } from '../shared/Html.tsx';
import { useT } from '../shared/use-texts.ts';
import type { BlockProps } from './block-props.ts';
import './blocks.css';

export function KeyFigureBlock({ moduleId, blockKey }: BlockProps) {
  const { t, i18n } = useT(['ui', moduleId]);
  const source = i18n.exists(blockKey('source')) ? t(blockKey('source')) : undefined;
  return (
    <figure className="block keyfigure">
      <p className="keyfigure__text">
        <span className="keyfigure__value">{t(blockKey('value'))}</span> <span className="keyfigure__label">{t(blockKey('label'))}</span>
      </p>
      {source && <figcaption className="block__source">{t('blocks.source', { source })}</figcaption>}
    </figure>
  );
}

export function QuoteBlock({ moduleId, blockKey }: BlockProps) {
  const { t } = useT(['ui', moduleId]);
  return (
    <figure className="block quote">
      <blockquote className="quote__text">
        <p>{t(blockKey('text'))}</p>
      </blockquote>
      <figcaption className="block__source quote__source">{t(blockKey('source'))}</figcaption>
    </figure>
  );
}

export function RevealBlock({ moduleId, blockKey }: BlockProps) {
  const { t } = useT(['ui', moduleId]);
  return (
    <details className="block reveal">
      <summary className="reveal__summary">{t(blockKey('title'))}</summary>
      <Html className="reveal__body" html={t(blockKey('body'))} />
    </details>
  );
}
