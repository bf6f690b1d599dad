import { useQuery } from '@tanstack/react-query';
import type { TandemFile } from '../../../contracts/tandem.ts';
import { get } from '../../api/client.ts';
import { useReplacingWrite } from '../../api/use-replacing-write.ts';

export const useTandemFile = (situationId: string, enabled = true) =>
  useQuery({
    queryKey: ['tandem', situationId],
    queryFn: () => get<TandemFile>(`/api/situations/${situationId}/tandem`),
    enabled,
  });

/** A write answering with the whole tandem file; the situation (status, timeline) is refetched too. */
export const useTandemAction = (situationId: string) =>
  useReplacingWrite<TandemFile>(['tandem', situationId], [['situation', situationId]]);
