import { Alert, List } from '@mantine/core';
import { useLayoutEffect, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * The server's translated message. Field messages are shown beside their
 * fields (`fieldError`); those no field on screen showed are listed here, so
 * that every problem of a form is seen at once, never one after the other.
 */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useI18n();
  const [unshown, setUnshown] = useState<string[]>([]);
  // After the whole form rendered: the fields have claimed their messages by then.
  useLayoutEffect(() => {
    setUnshown(error instanceof ApiError ? error.unshownFieldMessages() : []);
  }, [error]);
  if (!error) return null;
  const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" title={t('app.error')} role="alert">
      {message}
      {unshown.length > 0 && (
        <List size="sm" mt={4} data-testid="unshown-field-errors">
          {unshown.map((m) => (
            <List.Item key={m}>{m}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** The server's message for one field, which this field then shows (and the alert does not repeat). */
export const fieldError = (error: unknown, path: string) =>
  error instanceof ApiError ? error.fieldMessage(path) : undefined;
