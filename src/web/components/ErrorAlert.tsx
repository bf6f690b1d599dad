import { Alert } from '@mantine/core';
import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** The server's translated message; field messages are shown beside their fields instead. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" title={t('app.error')} role="alert">
      {message}
    </Alert>
  );
}

export const fieldError = (error: unknown, path: string) =>
  error instanceof ApiError ? error.fields[path] : undefined;
