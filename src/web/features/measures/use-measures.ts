import { useQuery } from '@tanstack/react-query';
import type { MeasureKind, MeasuresFile } from '../../../contracts/measures.ts';
import { get } from '../../api/client.ts';
import { useReplacingWrite } from '../../api/use-replacing-write.ts';
import type { MessageKey } from '../../i18n/fr/index.ts';

export const useMeasuresFile = (situationId: string, enabled = true) =>
  useQuery({
    queryKey: ['measures', situationId],
    queryFn: () => get<MeasuresFile>(`/api/situations/${situationId}/measures`),
    enabled,
  });

export const kindName = (k: Pick<MeasureKind, 'nameFr' | 'nameDe'>, lang: string) =>
  lang === 'de' ? k.nameDe : k.nameFr;
export const stepKey = (s: string) => `step.${s}` as MessageKey;
export const statusKey = (s: string) => `measureStatus.${s}` as MessageKey;
export const STATUS_COLOR: Record<string, string> = {
  proposed: 'blue.9',
  approved: 'teal.9',
  refused: 'red.9',
  escalated: 'orange.9',
  running: 'teal.9',
  interrupted: 'gray.7',
  completed: 'gray.7',
  withdrawn: 'gray.7',
};

/** A write answering with the measures file. */
export const useMeasuresAction = (situationId: string) => useReplacingWrite<MeasuresFile>(['measures', situationId]);
