import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { createApiClient, defaultApiBase, fetchDemoLogins } from '../api/client';
import type { DemoLogin } from '../api/types';
import { ProblemMessage } from '../components/problem-message';
import { useLocale } from '../i18n/locale';
import { ROLE_LABELS } from '../i18n/vocabulary-labels';
import { navigate } from '../session/router';
import { type Session, useSession } from '../session/session';

/** Pick a demo login the service publishes, or paste a token; the token is checked before it is kept. */
export function LoginScreen() {
  const { t, pick, vocab } = useLocale();
  const { login } = useSession();
  const demo = useQuery({ queryKey: ['demo-logins'], queryFn: () => fetchDemoLogins() });
  const [token, setToken] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const tokenId = useId();

  async function tryLogin(session: Session) {
    setBusy(true);
    setError(null);
    try {
      await createApiClient({ baseUrl: defaultApiBase(), token: session.token }).packs();
      login(session);
      navigate('#/cases');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = token.trim();
    if (trimmed) void tryLogin({ token: trimmed, label: `…${trimmed.slice(-4)}` });
  }

  const logins: DemoLogin[] = demo.data ?? [];
  return (
    <section className="login" aria-labelledby="login-title">
      <h1 id="login-title">{t('loginTitle')}</h1>
      <p>{t('loginIntro')}</p>
      {error !== null && <ProblemMessage error={error} />}
      {logins.length > 0 && (
        <fieldset>
          <legend>{t('demoLogins')}</legend>
          <ul className="demo-logins">
            {logins.map((d) => (
              <li key={d.token}>
                <button
                  type="button"
                  disabled={busy}
                  data-actor={d.actor.id}
                  onClick={() => void tryLogin({ token: d.token, actor: d.actor, label: pick(d.label) })}
                >
                  <strong>{pick(d.label)}</strong>
                  <span className="muted">
                    {vocab(ROLE_LABELS, d.actor.role)}
                    {d.actor.org ? ` · ${d.actor.org}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <form onSubmit={onSubmit} className="token-form">
        <label htmlFor={tokenId}>{t('token')}</label>
        <input
          id={tokenId}
          type="password"
          autoComplete="off"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          required
        />
        <button type="submit" disabled={busy}>
          {t('loginButton')}
        </button>
      </form>
    </section>
  );
}
