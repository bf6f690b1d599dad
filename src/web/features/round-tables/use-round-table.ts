import { useQuery } from '@tanstack/react-query';
import type { NetworkFollowUp, RoundTable, RoundTableCandidate } from '../../../contracts/round-tables.ts';
import { get } from '../../api/client.ts';
import { useReplacingWrite } from '../../api/use-replacing-write.ts';

/** Query keys of the feature, in one place. */
export const roundTableKeys = {
  roundTable: (situationId: string) => ['round-table', situationId] as const,
  candidates: (situationId: string) => ['round-table', situationId, 'candidates'] as const,
  network: (situationId: string) => ['network-follow-up', situationId] as const,
};

export const useRoundTable = (situationId: string, enabled: boolean) =>
  useQuery({
    queryKey: roundTableKeys.roundTable(situationId),
    queryFn: () => get<{ roundTable: RoundTable | null }>(`/api/situations/${situationId}/round-table`),
    enabled,
  });

export const useRoundTableCandidates = (situationId: string, enabled: boolean) =>
  useQuery({
    queryKey: roundTableKeys.candidates(situationId),
    queryFn: () =>
      get<{ items: RoundTableCandidate[] }>(`/api/situations/${situationId}/round-table/candidates`).then(
        (r) => r.items,
      ),
    enabled,
  });

export const useNetworkFollowUp = (situationId: string, enabled: boolean) =>
  useQuery({
    queryKey: roundTableKeys.network(situationId),
    queryFn: () => get<{ networkFollowUp: NetworkFollowUp | null }>(`/api/situations/${situationId}/network-follow-up`),
    enabled,
  });

/** A write answering with the whole round table; the situation (status, timeline) is refetched too. */
export const useRoundTableAction = (situationId: string) =>
  useReplacingWrite<{ roundTable: RoundTable | null }>(roundTableKeys.roundTable(situationId), [
    ['situation', situationId],
    roundTableKeys.network(situationId),
    ['tandem', situationId],
  ]);

export const useNetworkAction = (situationId: string) =>
  useReplacingWrite<{ networkFollowUp: NetworkFollowUp | null }>(roundTableKeys.network(situationId), [
    ['situation', situationId],
  ]);
