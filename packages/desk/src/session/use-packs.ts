import { useQuery } from '@tanstack/react-query';
import type { PackSummary } from '../api/types';
import { useApi } from './session';

const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** The packs the service runs, by id, with helpers for their labels and time zones. */
export function usePacks() {
  const api = useApi();
  const query = useQuery({ queryKey: ['packs'], queryFn: () => api.packs(), staleTime: Number.POSITIVE_INFINITY });
  const packs = query.data?.packs ?? [];
  const byId = new Map<string, PackSummary>(packs.map((p) => [p.id, p]));
  return {
    query,
    packs,
    pack: (id: string) => byId.get(id),
    timeZoneOf: (id: string) => byId.get(id)?.definition.timeZone ?? DEFAULT_TIME_ZONE,
    categoryName: (packId: string, category: string) =>
      byId.get(packId)?.definition.categories?.find((c) => c.id === category)?.name,
    regulatorName: (id: string) => packs.find((p) => p.definition.regulator?.id === id)?.definition.regulator?.name,
    ladder: (packId: string) => byId.get(packId)?.definition.escalation?.ladder ?? [],
  };
}
