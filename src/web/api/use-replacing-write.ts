import { notifications } from '@mantine/notifications';
import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

/**
 * Runs a write whose answer is the whole record the screen shows: the answer
 * replaces the cached copy under `key`, the other queries named are refetched
 * (the home page's reminders always), and the server's translated error stays
 * on screen next to the form.
 */
export function useReplacingWrite<T>(key: QueryKey, alsoRefetch: QueryKey[] = []) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<T>, message: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      queryClient.setQueryData(key, await fn());
      notifications.show({ color: 'teal', message });
      for (const other of [...alsoRefetch, ['attention']]) await queryClient.invalidateQueries({ queryKey: other });
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
