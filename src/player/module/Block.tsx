/** One content block of a page. Text comes from the module's namespace at pages.<page>.blocks.<block>. */
import { Suspense } from 'react';
import type { Block } from '../../content-model/types.ts';
import { DecisionBlock } from '../blocks/DecisionBlock.tsx';
import { LazyFigureBlock, usePrefetchFigures } from '../blocks/figure-loading.tsx';
import { KeyFigureBlock, QuoteBlock, RevealBlock } from '../blocks/TextBlocks.tsx';
import { Html } from '../shared/Html.tsx';
import { usePlayer } from '../shared/player-context.tsx';
import { useT } from '../shared/use-texts.ts';

export function BlockView({ moduleId, pageId, block }: { moduleId: string; pageId: string; block: Block }) {
  const { t, i18n } = useT(['ui', moduleId]);
  const { images } = usePlayer();
  const key = (field: string) => `${moduleId}:pages.${pageId}.blocks.${block.id}.${field}`;
  const optional = (field: string) => (i18n.exists(key(field)) ? t(key(field)) : undefined);
  const where = { moduleId, pageId, blockKey: key };
  usePrefetchFigures(moduleId);

  switch (block.type) {
    case 'text':
      return <Html className="block block--text" html={t(key('body'))} />;
    case 'callout': {
      const title = optional('title');
      return (
        <div className={`block callout callout--${block.tone}`} role="note">
          <p className="callout__title">
            <span className="callout__icon" aria-hidden="true" />
            {/* The tone is shown by colour and icon; the hidden label says it in words. */}
            <span className="visually-hidden">{t(`module.callout.${block.tone}`)} </span>
            {title}
          </p>
          <Html html={t(key('body'))} />
        </div>
      );
    }
    case 'image': {
      const caption = optional('caption');
      return (
        <figure className="block figure">
          <img src={images[block.src] ?? block.src} alt={t(key('alt'))} />
          {caption && <figcaption>{caption}</figcaption>}
        </figure>
      );
    }
    case 'case':
      return (
        <section className="block case" aria-labelledby={`case-${block.id}`}>
          <h2 id={`case-${block.id}`} className="case__title">
            {t(key('title'))}
          </h2>
          <Html html={t(key('body'))} />
          <div className="case__decision">
            <p className="case__decision-label">{t('module.decision')}</p>
            <p>{t(key('decision'))}</p>
          </div>
        </section>
      );
    case 'keyfigure':
      return <KeyFigureBlock {...where} />;
    case 'quote':
      return <QuoteBlock {...where} />;
    case 'reveal':
      return <RevealBlock {...where} />;
    case 'decision':
      return <DecisionBlock {...where} block={block} />;
    case 'figure':
      return (
        <Suspense fallback={null}>
          <LazyFigureBlock {...where} block={block} />
        </Suspense>
      );
  }
}
