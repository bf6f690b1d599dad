import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { MeasureKind, MeasuresFile } from '../../../contracts/measures.ts';
import { get } from '../../api/client.ts';
import type { MessageKey } from '../../i18n/fr/index.ts';

export const useMeasuresFile = (situationId: string, enabled = true) =>
  useQuery({ queryKey: ['measures', situationId], queryFn: () => get<MeasuresFile>(`/api/situations/${situationId}/measures`), enabled });

export const kindName = (k: Pick<MeasureKind, 'nameFr' | 'nameDe'>, lang: string) => (lang === 'de' ? k.nameDe : k.nameFr);
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
};

/** A write answering with the measures file: the answer replaces the cached one; the server's translated error stays next to the form. */
export function useMeasuresAction(situationId: string) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<MeasuresFile>, message: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      queryClient.setQueryData(['measures', situationId], await fn());
      notifications.show({ color: 'teal', message });
      await queryClient.invalidateQueries({ queryKey: ['attention'] });
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { run, error, busy };
}
