import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { type ApiClient, createApiClient, defaultApiBase } from '../api/client';
import type { Actor } from '../api/types';

/** Who is logged in: the bearer token, and the actor when a demo login named it. */
export interface Session {
  token: string;
  actor?: Actor;
  label?: string;
}

interface SessionValue {
  session: Session | null;
  api: ApiClient | null;
  login(session: Session): void;
  logout(): void;
}

const SessionContext = createContext<SessionValue | null>(null);
/** sessionStorage: a token lives as long as the tab, never across browser restarts. */
const STORAGE_KEY = 'hazardflow.desk.session';

function load(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function SessionProvider({ children, apiBase }: { children: ReactNode; apiBase?: string }) {
  const [session, setSession] = useState<Session | null>(load);
  const base = apiBase ?? defaultApiBase();
  const queryClient = useQueryClient();
  const api = useMemo(
    () => (session ? createApiClient({ baseUrl: base, token: session.token }) : null),
    [session, base],
  );
  // What one user was shown (their commands, their cases) is never shown to the next.
  const login = useCallback(
    (next: Session) => {
      queryClient.clear();
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      setSession(next);
    },
    [queryClient],
  );
  const logout = useCallback(() => {
    queryClient.clear();
    sessionStorage.removeItem(STORAGE_KEY);
    setSession(null);
  }, [queryClient]);
  const value = useMemo(() => ({ session, api, login, logout }), [session, api, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The API client of the logged-in user (screens behind the login only). */
export function useApi(): ApiClient {
  const { api } = useSession();
  if (!api) throw new Error('not logged in');
  return api;
}
