import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSession } from './session';

/**
 * Follows the service's event stream and invalidates what an event changes: the case it
 * names, the lists and the assessment. TanStack Query refetches what is on screen.
 */
export function useLiveUpdates(): { connected: boolean } {
  const { api } = useSession();
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!api) return;
    const controller = new AbortController();
    void api.subscribe((event) => {
      setConnected(true);
      if (event.type === 'open') return;
      if (event.caseId) void queryClient.invalidateQueries({ queryKey: ['case', event.caseId] });
      else void queryClient.invalidateQueries({ queryKey: ['case'] });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      void queryClient.invalidateQueries({ queryKey: ['assessment'] });
    }, controller.signal);
    return () => {
      controller.abort();
      setConnected(false);
    };
  }, [api, queryClient]);
  return { connected };
}
