import { useQuery } from '@tanstack/react-query';
import { formatInstant } from '../format/dates';
import { useLocale } from '../i18n/locale';
import { useApi } from '../session/session';
import { QueryState } from './query-state';
import { ScrollRegion } from './scroll-region';

/** The case's pending timers (deadline, warnings, escalation steps), by due time. */
export function TimersTable({ caseId, timeZone }: { caseId: string; timeZone: string }) {
  const { t, lang } = useLocale();
  const api = useApi();
  const timers = useQuery({ queryKey: ['case', caseId, 'timers'], queryFn: () => api.timers(caseId) });
  return (
    <section aria-labelledby="timers-title" className="card">
      <h2 id="timers-title">{t('timers')}</h2>
      <QueryState query={timers}>
        {(rows) =>
          rows.length === 0 ? (
            <p className="muted">{t('noTimers')}</p>
          ) : (
            <ScrollRegion labelledBy="timers-title">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('timerEvent')}</th>
                    <th scope="col">{t('dueAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.timerId}>
                      <td className="mono small">{row.event.type}</td>
                      <td>{formatInstant(row.dueAt, timeZone, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )
        }
      </QueryState>
    </section>
  );
}
