import type { Situation } from '../../../contracts/situations.ts';
import { get } from '../../api/client.ts';

/**
 * The situation page's query, also sent as the app starts on a situation's address (`prefetchFor`, alongside the
 * session rather than after it: one round trip less before the page shows, issue 10). Fresh for a few seconds, so
 * that the page that opens on the prefetched answer does not ask again (each read of a file is audited).
 */
export const situationQuery = (id: string | undefined) => ({
  queryKey: ['situation', id],
  queryFn: () => get<Situation>(`/api/situations/${id}`),
  staleTime: 5_000,
});
