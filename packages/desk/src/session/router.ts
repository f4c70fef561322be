import { useEffect, useState } from 'react';

/**
 * Hash routes (`#/cases/<id>`): the desk works under any mount path with no server-side
 * fallback and no router library for five screens.
 */
export type Route =
  | { name: 'login' }
  | { name: 'cases'; params: URLSearchParams }
  | { name: 'case'; id: string }
  | { name: 'report' }
  | { name: 'dashboard' };

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'login') return { name: 'login' };
  if (parts[0] === 'cases' && parts[1]) return { name: 'case', id: decodeURIComponent(parts[1]) };
  if (parts[0] === 'report') return { name: 'report' };
  if (parts[0] === 'dashboard') return { name: 'dashboard' };
  return { name: 'cases', params: new URLSearchParams(search) };
}

export function useRoute(): Route {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return parseRoute(hash);
}

export function navigate(hash: string): void {
  window.location.hash = hash;
}

export const caseHref = (id: string) => `#/cases/${encodeURIComponent(id)}`;
