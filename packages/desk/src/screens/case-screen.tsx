import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { AuditTrail } from '../components/audit-trail';
import { DeadlineText, SeverityBadge, StatusBadge } from '../components/case-badges';
import { CommandPanel } from '../components/command-panel';
import { EscalationLadder } from '../components/escalation-ladder';
import { EvidenceList } from '../components/evidence-list';
import { QueryState } from '../components/query-state';
import { Statechart } from '../components/statechart';
import { TimersTable } from '../components/timers-table';
import { formatInstant } from '../format/dates';
import { useLocale } from '../i18n/locale';
import { INTERIM_CONTROL_LABELS } from '../i18n/vocabulary-labels';
import { rememberCase } from '../session/recent-cases';
import { useApi } from '../session/session';
import { usePacks } from '../session/use-packs';

/** One case: summary and deadline, what the user may do now, escalation, timers, evidence, trail, statechart. */
export function CaseScreen({ id }: { id: string }) {
  const api = useApi();
  const { t, pick, lang, vocab } = useLocale();
  const packs = usePacks();
  const view = useQuery({ queryKey: ['case', id], queryFn: () => api.getCase(id) });
  useEffect(() => {
    if (view.isSuccess) rememberCase(id);
  }, [view.isSuccess, id]);

  return (
    <section aria-labelledby="case-title" className="case-screen">
      <p>
        <a href="#/cases">← {t('back')}</a>
      </p>
      <QueryState query={view}>
        {(c) => {
          const tz = packs.timeZoneOf(c.packId);
          return (
            <>
              <h1 id="case-title">
                {c.siteName} <span className="muted mono small">{c.id}</span>
              </h1>
              <div className="case-grid">
                <section aria-labelledby="summary-title" className="card">
                  <h2 id="summary-title">{t('summary')}</h2>
                  <dl className="summary" data-testid="case-summary">
                    <dt>{t('status')}</dt>
                    <dd data-testid="case-status">
                      <StatusBadge status={c.status} />
                      {c.listedSupervision && <span className="badge listed">{t('listed')}</span>}
                    </dd>
                    <dt>{t('severity')}</dt>
                    <dd>
                      <SeverityBadge severity={c.severity} />
                    </dd>
                    <dt>{t('category')}</dt>
                    <dd>
                      {pick(packs.pack(c.packId)?.name, c.packId)} ·{' '}
                      {pick(packs.categoryName(c.packId, c.category), c.category)}
                    </dd>
                    <dt>{t('street')}</dt>
                    <dd>{c.territory}</dd>
                    <dt>{t('department')}</dt>
                    <dd>{pick(packs.regulatorName(c.regulator), c.regulator)}</dd>
                    <dt>{t('assignee')}</dt>
                    <dd data-testid="case-assignee">{c.assignee ?? t('unassigned')}</dd>
                    <dt>{t('responsible')}</dt>
                    <dd>{c.responsible}</dd>
                    <dt>{t('reportedAt')}</dt>
                    <dd>{formatInstant(c.reportedAt, tz, lang)}</dd>
                    <dt>{t('deadline')}</dt>
                    <dd data-testid="case-deadline">
                      {c.dueAt ? `${formatInstant(c.dueAt, tz, lang)} · ` : ''}
                      <DeadlineText view={c} timeZone={tz} />
                      {c.paused && <span className="badge">{t('paused')}</span>}
                    </dd>
                    <dt>{t('interimControls')}</dt>
                    <dd>
                      {c.interimControls.length === 0
                        ? t('none')
                        : c.interimControls.map((m) => vocab(INTERIM_CONTROL_LABELS, m)).join('、')}
                    </dd>
                    {c.closedAt && (
                      <>
                        <dt>{t('closedAt')}</dt>
                        <dd>
                          {formatInstant(c.closedAt, tz, lang)}
                          {c.closedOnTime !== null && ` · ${t('closedOnTime')}: ${c.closedOnTime ? t('yes') : t('no')}`}
                        </dd>
                      </>
                    )}
                    <dt>{t('version')}</dt>
                    <dd>{c.version}</dd>
                    <dt>{t('timeZone')}</dt>
                    <dd>{tz}</dd>
                  </dl>
                </section>
                <CommandPanel view={c} />
                <EscalationLadder view={c} />
                <TimersTable caseId={c.id} timeZone={tz} />
                <EvidenceList caseId={c.id} version={c.version} timeZone={tz} />
                <AuditTrail
                  caseId={c.id}
                  version={c.version}
                  timeZone={tz}
                  parties={packs.pack(c.packId)?.definition.parties}
                />
                <Statechart view={c} />
              </div>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
