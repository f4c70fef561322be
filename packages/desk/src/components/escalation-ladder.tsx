import type { CaseView } from '../api/types';
import { useLocale } from '../i18n/locale';
import { usePacks } from '../session/use-packs';

/** The pack's ladder with the case's rung marked (level 0: the responsible party alone). */
export function EscalationLadder({ view }: { view: CaseView }) {
  const { t, pick } = useLocale();
  const ladder = usePacks().ladder(view.packId);
  const top = Math.max(view.maxEscalationLevel, ladder.length, view.escalationLevel);
  return (
    <section aria-labelledby="escalation-title" className="card">
      <h2 id="escalation-title">{t('escalation')}</h2>
      <p data-testid="escalation-rung">{t('escalationRung', { n: view.escalationLevel, max: top })}</p>
      {ladder.length > 0 && (
        <ol className="ladder">
          {ladder.map((rung) => {
            const current = rung.level === view.escalationLevel;
            return (
              <li
                key={rung.level}
                className={current ? 'current' : rung.level < view.escalationLevel ? 'passed' : undefined}
                aria-current={current ? 'step' : undefined}
              >
                <strong>{t('level', { n: rung.level })}</strong> {pick(rung.name)}
                {rung.action && <span className="muted small"> — {pick(rung.action)}</span>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
