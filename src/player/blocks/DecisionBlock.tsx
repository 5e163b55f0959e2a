/**
 * A decision: the situation, the question and its 3-4 options as radio buttons, and "Decide". A
 * decision stands once made (as in life): then the block shows the choice and its consequence (focus
 * moves there, so a screen reader reads it), the debrief, and what the other options would have led to.
 * The choice is the machine's (DECIDE): kept, resumed, reported and shown again in the results.
 */
import { useSelector } from '@xstate/react';
import { useEffect, useId, useRef, useState } from 'react';
import type { Block } from '../../content-model/types.ts';
import { decisionKey } from '../../engine/record.ts';
import { Html } from '../shared/Html.tsx';
import { usePlayer } from '../shared/player-context.tsx';
import { useT } from '../shared/use-texts.ts';
import { useReadOnly } from '../shell/use-read-only.ts';
import type { BlockProps } from './block-props.ts';
import './blocks.css';

export type DecisionBlockData = Extract<Block, { type: 'decision' }>;

export function DecisionBlock({ moduleId, pageId, blockKey, block }: BlockProps & { block: DecisionBlockData }) {
  const { t } = useT(['ui', moduleId]);
  const { actor, send } = usePlayer();
  const decided = useSelector(actor, (s) => s.context.record.modules[moduleId]?.decisions?.[decisionKey(pageId, block.id)]);
  const [pending, setPending] = useState<string>();
  const readOnly = !!useReadOnly();
  const titleId = useId();
  const hintId = useId();
  const outcome = useRef<HTMLHeadingElement>(null);
  const justDecided = useRef(false);
  const option = (o: string, field: 'text' | 'consequence') => t(blockKey(`options.${o}.${field}`));

  // Once the decision is made, its outcome takes the focus that "Decide" (now gone) had.
  useEffect(() => {
    if (!decided || !justDecided.current) return;
    justDecided.current = false;
    outcome.current?.focus();
  }, [decided]);

  const decide = () => {
    if (!pending) return;
    justDecided.current = true;
    send({ type: 'DECIDE', blockId: block.id, option: pending });
  };

  return (
    <section className="block decision" aria-labelledby={titleId}>
      <h2 id={titleId} className="decision__title">
        {t(blockKey('title'))}
      </h2>
      <Html html={t(blockKey('body'))} />
      {decided ? (
        <>
          <p className="decision__question">{t(blockKey('question'))}</p>
          <div className="decision__outcome">
            <h3 ref={outcome} tabIndex={-1} className="decision__chosen">
              {t('blocks.decision.chosen', { option: option(decided, 'text') })}
            </h3>
            <Html html={option(decided, 'consequence')} />
          </div>
          <div className="decision__debrief">
            <h3>{t('blocks.decision.debrief')}</h3>
            <Html html={t(blockKey('debrief'))} />
          </div>
          <details className="decision__others">
            <summary className="reveal__summary">{t('blocks.decision.others')}</summary>
            {block.options
              .filter((o) => o !== decided)
              .map((o) => (
                <div key={o} className="decision__other">
                  <p className="decision__other-option">{option(o, 'text')}</p>
                  <Html html={option(o, 'consequence')} />
                </div>
              ))}
          </details>
        </>
      ) : readOnly ? (
        // Read-only (review, browse): a decision could not be stored, so it is not offered; the options are shown.
        <>
          <p className="decision__question">{t(blockKey('question'))}</p>
          <p className="hint">{t('readOnly.decision')}</p>
          <ul>
            {block.options.map((o) => (
              <li key={o}>{option(o, 'text')}</li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <fieldset className="question__fieldset decision__options" aria-describedby={hintId}>
            <legend className="decision__question">{t(blockKey('question'))}</legend>
            <p id={hintId} className="hint">
              {t('blocks.decision.hint')}
            </p>
            <div className="options">
              {block.options.map((o) => (
                <label key={o} className={`option${pending === o ? ' option--chosen' : ''}`}>
                  <input
                    type="radio"
                    name={`decision-${moduleId}-${pageId}-${block.id}`}
                    value={o}
                    checked={pending === o}
                    onChange={() => setPending(o)}
                  />
                  <span className="option__text">{option(o, 'text')}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="decision__actions">
            <button type="button" className="button" disabled={!pending} onClick={decide}>
              {t('blocks.decision.decide')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
