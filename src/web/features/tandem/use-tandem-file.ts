import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TandemFile } from '../../../contracts/tandem.ts';
import { get } from '../../api/client.ts';

export const useTandemFile = (situationId: string, enabled = true) =>
  useQuery({ queryKey: ['tandem', situationId], queryFn: () => get<TandemFile>(`/api/situations/${situationId}/tandem`), enabled });

/**
 * Runs a write that answers with the whole tandem file: the answer replaces
 * the cached file, the situation (status, timeline) is refetched, and the
 * server's translated error stays on screen next to the form.
 */
export function useTandemAction(situationId: string) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<TandemFile>, message: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      queryClient.setQueryData(['tandem', situationId], await fn());
      notifications.show({ color: 'teal', message });
      await queryClient.invalidateQueries({ queryKey: ['situation', situationId] });
      await queryClient.invalidateQueries({ queryKey: ['attention'] });
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { run, error, busy, setError };
}
