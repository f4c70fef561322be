import type { CaseView } from '../api/types';
import { deadlineOf } from '../format/dates';
import { useLocale } from '../i18n/locale';
import { SEVERITY_LABELS, STATUS_LABELS } from '../i18n/vocabulary-labels';

export function StatusBadge({ status }: { status: string }) {
  const { vocab } = useLocale();
  return (
    <span className={`badge status-${status}`} data-status={status}>
      {vocab(STATUS_LABELS, status)}
    </span>
  );
}

export function SeverityBadge({ severity }: { severity: string | null }) {
  const { vocab } = useLocale();
  if (!severity) return <span className="muted">—</span>;
  return <span className={`badge severity-${severity}`}>{vocab(SEVERITY_LABELS, severity)}</span>;
}

/** "剩余 N 个工作日 / N working days left", or calendar days when the service sends no working days. */
export function DeadlineText({ view, timeZone, now }: { view: CaseView; timeZone: string; now?: Date }) {
  const { t } = useLocale();
  const ended = view.status === 'closed' || view.status === 'dismissed' || view.status === 'transferred';
  if (ended) return <span className="muted">—</span>;
  const d = deadlineOf(view, now ?? new Date(), timeZone);
  if (d.kind === 'none') return <span className="muted">{t('noDeadline')}</span>;
  const key =
    d.kind === 'workingDays'
      ? d.overdue
        ? 'workingDaysOverdue'
        : 'workingDaysLeft'
      : d.overdue
        ? 'calendarDaysOverdue'
        : 'calendarDaysLeft';
  return <span className={d.overdue ? 'overdue' : undefined}>{t(key, { n: d.days })}</span>;
}
