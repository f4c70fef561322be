import { useQuery } from '@tanstack/react-query';
import { formatInstant } from '../format/dates';
import { useLocale } from '../i18n/locale';
import { COMMAND_LABELS } from '../i18n/vocabulary-labels';
import { useApi } from '../session/session';
import { evidenceOf } from './audit-trail';
import { QueryState } from './query-state';

/** Evidence references of the case (links to where the files are kept; the desk never holds files). */
export function EvidenceList({ caseId, version, timeZone }: { caseId: string; version: number; timeZone: string }) {
  const { t, lang, vocab } = useLocale();
  const api = useApi();
  const history = useQuery({ queryKey: ['case', caseId, 'history', version], queryFn: () => api.history(caseId) });
  return (
    <section aria-labelledby="evidence-title" className="card">
      <h2 id="evidence-title">{t('evidence')}</h2>
      <QueryState query={history}>
        {(entries) => {
          const items = evidenceOf(entries);
          if (items.length === 0) return <p className="muted">{t('noEvidence')}</p>;
          return (
            <ul className="evidence" data-testid="evidence-list">
              {items.map((item) => (
                <li key={item.key}>
                  <strong>{item.kind}</strong> <span className="mono small break">{item.uri}</span>
                  <div className="muted small">
                    {vocab(COMMAND_LABELS, item.command)} · {item.by} · {formatInstant(item.at, timeZone, lang)}
                    {item.sha256 ? ` · sha256 ${item.sha256.slice(0, 12)}…` : ''}
                  </div>
                </li>
              ))}
            </ul>
          );
        }}
      </QueryState>
    </section>
  );
}
