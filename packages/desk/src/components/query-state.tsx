import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useLocale } from '../i18n/locale';
import { ProblemMessage } from './problem-message';

/** Loading, error (with retry) or the content of one query. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useLocale();
  if (query.isPending) return <p aria-busy="true">{t('loading')}</p>;
  if (query.isError) {
    return (
      <div>
        <ProblemMessage error={query.error} />
        <button type="button" onClick={() => query.refetch()}>
          {t('retry')}
        </button>
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
