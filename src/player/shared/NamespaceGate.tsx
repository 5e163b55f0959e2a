/** Renders its children once the namespaces they read are loaded; a small loading state until then. */
import type { ReactNode } from 'react';
import { DRAWING_ATTRIBUTE } from '../../session/index.ts';
import { useNamespaces, useT } from './use-texts.ts';

export function NamespaceGate({ ns, children }: { ns: readonly string[]; children: ReactNode }) {
  const { state, retry } = useNamespaces(ns);
  if (state === 'ready') return <>{children}</>;
  return <LoadingState failed={state === 'failed'} onRetry={retry} />;
}

export function LoadingState({ failed, onRetry }: { failed?: boolean; onRetry?: () => void }) {
  const { t } = useT();
  return (
    // While it loads, the view is still drawing: tracking holds its commit until the screen is there.
    <div className="loading" role="status" {...(failed ? {} : { [DRAWING_ATTRIBUTE]: '' })}>
      {failed ? (
        <>
          <p>{t('app.loadFailed')}</p>
          <button type="button" className="button" onClick={onRetry}>
            {t('app.retry')}
          </button>
        </>
      ) : (
        <p>
          <span className="spinner" aria-hidden="true" /> {t('app.loading')}
        </p>
      )}
    </div>
  );
}
