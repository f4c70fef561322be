import { useQuery } from '@tanstack/react-query';
import type { AuditEntry, Bilingual, EvidenceRef } from '../api/types';
import { formatInstant } from '../format/dates';
import { useLocale } from '../i18n/locale';
import { COMMAND_LABELS, ROLE_LABELS, STATUS_LABELS } from '../i18n/vocabulary-labels';
import { useApi } from '../session/session';
import { QueryState } from './query-state';
import { ScrollRegion } from './scroll-region';

/** The audit trail, oldest first, with the service's verdict on its hash chain. */
export function AuditTrail({
  caseId,
  version,
  timeZone,
  parties = {},
}: {
  caseId: string;
  version: number;
  timeZone: string;
  /** The case pack's parties: an actor of one shows the party's label, like a built-in role's. */
  parties?: Record<string, { label: Bilingual }> | undefined;
}) {
  const { t, lang, vocab } = useLocale();
  const api = useApi();
  const history = useQuery({ queryKey: ['case', caseId, 'history', version], queryFn: () => api.history(caseId) });
  return (
    <section aria-labelledby="audit-title" className="card wide">
      <div className="card-head">
        <h2 id="audit-title">{t('auditTrail')}</h2>
        <ChainBadge caseId={caseId} version={version} />
      </div>
      <QueryState query={history}>
        {(entries) => (
          <ScrollRegion labelledBy="audit-title">
            <table data-testid="audit-trail">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('time')}</th>
                  <th scope="col">{t('actor')}</th>
                  <th scope="col">{t('command')}</th>
                  <th scope="col">{t('transition')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.seq} data-command={e.command}>
                    <td>{e.seq}</td>
                    <td>{formatInstant(e.at, timeZone, lang)}</td>
                    <td>
                      {e.actor.id}
                      <div className="muted small">
                        {vocab({ ...ROLE_LABELS, ...partyLabels(parties) }, e.actor.role)}
                      </div>
                    </td>
                    <td>
                      {vocab(COMMAND_LABELS, e.command)}
                      {e.reasons.length > 0 && <div className="muted small">{e.reasons.join('; ')}</div>}
                    </td>
                    <td>
                      {e.fromStatus ? `${vocab(STATUS_LABELS, e.fromStatus)} → ` : ''}
                      {vocab(STATUS_LABELS, e.toStatus)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </QueryState>
    </section>
  );
}

function ChainBadge({ caseId, version }: { caseId: string; version: number }) {
  const { t } = useLocale();
  const api = useApi();
  const verdict = useQuery({
    queryKey: ['case', caseId, 'verification', version],
    queryFn: () => api.verifyHistory(caseId),
  });
  if (verdict.isPending) return <span className="badge">{t('chainChecking')}</span>;
  if (verdict.isError || !verdict.data.ok) {
    const message = verdict.data && !verdict.data.ok ? verdict.data.message : undefined;
    return (
      <span className="badge chain-broken" role="status" data-testid="chain-badge" title={message}>
        ✗ {t('chainBroken')}
        {message ? `: ${message}` : ''}
      </span>
    );
  }
  return (
    <span className="badge chain-ok" role="status" data-testid="chain-badge">
      ✓ {t('chainVerified')} · {t('entries', { n: verdict.data.length })}
    </span>
  );
}

/** Evidence references gathered from the trail (reports and commands carry them). */
export function evidenceOf(entries: readonly AuditEntry[]): (EvidenceRef & { command: string; key: string })[] {
  const out: (EvidenceRef & { command: string; key: string })[] = [];
  for (const entry of entries) {
    entry.evidence.forEach((item, i) => {
      if (isEvidence(item)) out.push({ ...item, command: entry.command, key: `${entry.seq}.${i}` });
    });
  }
  return out;
}

function isEvidence(item: unknown): item is EvidenceRef {
  return typeof item === 'object' && item !== null && 'kind' in item && 'uri' in item;
}

/** The parties' labels as a vocabulary table keyed by party id. */
function partyLabels(parties: Record<string, { label: Bilingual }>): Record<string, Bilingual> {
  return Object.fromEntries(Object.entries(parties).map(([id, party]) => [id, party.label]));
}
