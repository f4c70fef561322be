import { lazy, Suspense, useEffect, useRef } from 'react';
import { useLocale } from './i18n/locale';
import { ROLE_LABELS } from './i18n/vocabulary-labels';
import { CaseListScreen } from './screens/case-list-screen';
import { CaseScreen } from './screens/case-screen';

import { LoginScreen } from './screens/login-screen';
import { ReportScreen } from './screens/report-screen';
import { type Route, useRoute } from './session/router';
import { useSession } from './session/session';
import { useLiveUpdates } from './session/use-live-updates';

/** The dashboard brings ECharts; it loads when opened, so the case list renders without it. */
const DashboardScreen = lazy(() => import('./screens/dashboard-screen'));

/** The shell: a skip link, the navigation, the language switch, and the current screen. */
export function App() {
  const route = useRoute();
  const { session } = useSession();
  const { t, lang, setLang } = useLocale();
  const main = useRef<HTMLElement>(null);
  const routeKey = JSON.stringify(route.name === 'cases' ? { ...route, params: String(route.params) } : route);

  // Moving between screens moves focus to the new screen's content; a fresh page load leaves
  // focus at the top, where the skip link is the first stop.
  const firstRoute = useRef(routeKey);
  useEffect(() => {
    if (routeKey !== firstRoute.current) {
      firstRoute.current = '';
      main.current?.focus({ preventScroll: true });
    }
  }, [routeKey]);

  const screen = !session ? <LoginScreen /> : <Screen route={route} />;

  return (
    <>
      {/* A button, not a link: the desk's routes live in the URL's hash. */}
      <button type="button" className="skip-link" onClick={() => main.current?.focus()}>
        {t('skipToContent')}
      </button>
      <header className="app-header">
        <span className="app-title">{t('appTitle')}</span>
        {session && <Navigation route={route} />}
        <div className="header-tools">
          {session && <LiveIndicator />}
          <button
            type="button"
            className="lang-switch"
            lang={lang === 'zh' ? 'en' : 'zh-CN'}
            aria-label={`${t('language')}: ${t('switchLanguage')}`}
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          >
            {t('switchLanguage')}
          </button>
          {session && <Who />}
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {screen}
      </main>
    </>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'login':
      return <LoginScreen />;
    case 'case':
      return <CaseScreen key={route.id} id={route.id} />;
    case 'report':
      return <ReportScreen />;
    case 'dashboard':
      return (
        <Suspense fallback={<p aria-busy="true">…</p>}>
          <DashboardScreen />
        </Suspense>
      );
    default:
      return <CaseListScreen params={route.params} />;
  }
}

function Navigation({ route }: { route: Route }) {
  const { t } = useLocale();
  const links = [
    { href: '#/cases', label: t('navCases'), current: route.name === 'cases' || route.name === 'case' },
    { href: '#/report', label: t('navReport'), current: route.name === 'report' },
    { href: '#/dashboard', label: t('navDashboard'), current: route.name === 'dashboard' },
  ];
  return (
    <nav aria-label={t('appTitle')}>
      <ul className="nav-list">
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href} aria-current={link.current ? 'page' : undefined}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Who() {
  const { session, logout } = useSession();
  const { t, vocab } = useLocale();
  if (!session) return null;
  const actor = session.actor;
  return (
    <span className="who">
      <span className="visually-hidden">{t('loggedInAs')}: </span>
      <span data-testid="who">
        {actor ? `${actor.id} · ${vocab(ROLE_LABELS, actor.role)}${actor.org ? ` · ${actor.org}` : ''}` : session.label}
      </span>
      <button type="button" onClick={logout}>
        {t('logout')}
      </button>
    </span>
  );
}

function LiveIndicator() {
  const { connected } = useLiveUpdates();
  const { t } = useLocale();
  return connected ? (
    <span className="live" title={t('live')}>
      <span aria-hidden="true">●</span>
      <span className="visually-hidden">{t('live')}</span>
    </span>
  ) : null;
}
