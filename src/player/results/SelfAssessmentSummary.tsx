/** The self-assessment across the principles: a radar chart and the same data as a table. */
import { useSelector } from '@xstate/react';
import { useId } from 'react';
import type { Module } from '../../content-model/types.ts';
import { usePlayer } from '../shared/player-context.tsx';
import { useT } from '../shared/use-texts.ts';
import { RadarChart } from './RadarChart.tsx';

export function SelfAssessmentSummary({ modules }: { modules: Module[] }) {
  const { t, i18n } = useT();
  const { actor } = usePlayer();
  const captionId = useId();
  const ratings = useSelector(
    actor,
    (s) => modules.map((m) => s.context.record.modules[m.id]?.rating),
    (a, b) => a.length === b.length && a.every((x, i) => x === b[i]),
  );
  const rows = modules.map((m, i) => ({
    module: m,
    title: t(`${m.id}:title`),
    value: ratings[i],
    valueText: ratings[i] === undefined ? t('results.notRated') : t('results.ratingValue', { value: ratings[i] }),
  }));
  const list = new Intl.ListFormat(i18n.language, { type: 'unit' });
  return (
    <section className="results__section" aria-labelledby="results-self">
      <h2 id="results-self" className="section-title">
        {t('results.selfTitle')}
      </h2>
      {rows.length === 0 ? (
        <p>{t('results.noPrinciples')}</p>
      ) : (
        <div className="self-summary">
          <RadarChart
            title={t('results.chartTitle')}
            description={t('results.chartDesc', { values: list.format(rows.map((r) => `${r.title} ${r.valueText}`)) })}
            data={rows.map((r) => ({ axis: t('results.chartAxis', { principle: r.module.principle }), value: r.value }))}
          />
          {/* Words never break inside; where even whole words do not fit (large text), the table scrolls on its own */}
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard */}
          <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
            <table className="data-table">
              <caption id={captionId}>{t('results.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('results.principle')}</th>
                  <th scope="col">{t('results.module')}</th>
                  <th scope="col">{t('results.rating')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.module.id}>
                    <th scope="row">{t('results.chartAxis', { principle: r.module.principle })}</th>
                    <td>{r.title}</td>
                    <td>{r.valueText}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
