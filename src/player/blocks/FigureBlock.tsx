/**
 * A figure: an SVG diagram drawn with React elements from the tree the build made of its file
 * (src/content-model/svg-tree.ts: checked against an allow-list, so no string becomes markup here), its
 * words from the locale (`labels.<key>`), its `alt` as the image's accessible name, the caption below it
 * and the figure in words behind a native disclosure.
 *
 * The figure scales with the page down to the width at which its smallest text is still readable
 * (`minWidth`, computed at build time); below that, on a phone, it keeps that width inside a region
 * that scrolls sideways, which then takes the focus (so the keyboard can scroll it), is named by the
 * figure and says how to see the rest. The page itself never scrolls sideways.
 */
import { createElement, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { SvgElement, SvgFigure } from '../../content-model/svg-tree.ts';
import type { Block } from '../../content-model/types.ts';
import { Html } from '../shared/Html.tsx';
import type { TextLoaders } from '../../i18n/create-i18n.ts';
import { usePlayer } from '../shared/player-context.tsx';
import { useT } from '../shared/use-texts.ts';
import type { BlockProps } from './block-props.ts';
import './blocks.css';

export type FigureBlockData = Extract<Block, { type: 'figure' }>;

/** Figures already drawn once, by `src` (the same in every language): a page shown again draws at once. */
const loaded = new Map<string, SvgFigure>();

/** The figure's tree, which comes with its module's text chunk (already loaded when the page shows). */
function useFigure(loaders: TextLoaders, language: string, moduleId: string, src: string): SvgFigure | undefined {
  const load = loaders[`${language}/${moduleId}`];
  // Bumped when the tree arrives, so the figure draws.
  const [, arrived] = useState(0);
  useEffect(() => {
    if (!load || loaded.has(src)) return;
    let live = true;
    load().then(
      (m) => {
        const figure = m.figures?.[src];
        if (!figure) return console.error(`The module "${moduleId}" brings no figure "${src}".`);
        loaded.set(src, figure);
        if (live) arrived((n) => n + 1);
      },
      // The words (caption, text version) stay; the drawing comes on the next visit.
      (e: unknown) => console.error(`The figure "${src}" could not be loaded:`, e),
    );
    return () => void (live = false);
  }, [load, moduleId, src]);
  return loaded.get(src);
}

/** `true` while the region is narrower than what it holds (then it scrolls and takes the focus). */
function useOverflow(ref: React.RefObject<HTMLElement | null>, ready: boolean): boolean {
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setOverflowing(el.scrollWidth > el.clientWidth + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, [ref, ready]);
  return overflowing;
}

/** An element's attributes as React props, its ids (and references to them) made unique on the page. */
function propsOf(node: SvgElement, prefix: string): Record<string, string> {
  const props: Record<string, string> = {};
  for (const [name, value] of Object.entries(node.attributes))
    props[name] =
      name === 'id'
        ? `${prefix}${value}`
        : name === 'href'
          ? `#${prefix}${value.slice(1)}`
          : value.includes('url(#')
            ? value.replace(/url\(\s*['"]?#([^'")\s]+)['"]?\s*\)/g, (_, id: string) => `url(#${prefix}${id})`)
            : value;
  return props;
}

/** The tree as React elements, labels filled with their words. */
function draw(node: SvgElement, prefix: string, words: (label: string) => string, key: number): ReactNode {
  const props = { ...propsOf(node, prefix), key };
  const children = node.label !== undefined ? [words(node.label)] : node.children.map((c, i) => draw(c, prefix, words, i));
  return createElement(node.name, props, ...children);
}

export function FigureBlock({ moduleId, pageId, blockKey, block }: BlockProps & { block: FigureBlockData }) {
  const { t, i18n } = useT(['ui', moduleId]);
  const { textLoaders } = usePlayer();
  const figure = useFigure(textLoaders, i18n.language, moduleId, block.src);
  const optional = (field: string) => (i18n.exists(blockKey(field)) ? t(blockKey(field)) : undefined);
  const caption = optional('caption');
  const description = optional('description');
  const titleId = useId();
  const hintId = useId();
  const canvas = useRef<HTMLDivElement>(null);
  const overflowing = useOverflow(canvas, !!figure);
  const prefix = `figure-${moduleId}-${pageId}-${block.id}-`;
  const root = figure?.root;

  return (
    <figure className="block figure figure--svg">
      <p id={hintId} className="figure__hint" hidden={!overflowing}>
        {t('blocks.figure.scroll')}
      </p>
      <div
        ref={canvas}
        className="figure__canvas"
        {...(overflowing ? { tabIndex: 0, role: 'region', 'aria-labelledby': titleId, 'aria-describedby': hintId } : {})}
      >
        <svg
          {...(root ? propsOf(root, prefix) : {})}
          className={`figure__svg${figure ? ` figure__svg--min-${figure.minWidth}` : ''}`}
          viewBox={root?.attributes.viewBox}
          role="img"
          aria-labelledby={titleId}
          aria-busy={root ? undefined : true}
          data-figure={root ? 'drawn' : 'loading'}
        >
          <title id={titleId}>{t(blockKey('alt'))}</title>
          {root?.children.map((c, i) => draw(c, prefix, (label) => t(blockKey(`labels.${label}`)), i))}
        </svg>
      </div>
      {caption && <figcaption>{caption}</figcaption>}
      {description && (
        <details className="reveal figure__words">
          <summary className="reveal__summary">{t('blocks.figure.textVersion')}</summary>
          <Html className="reveal__body" html={description} />
        </details>
      )}
    </figure>
  );
}
