import { Center, Loader, Text } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * What a page shows while its first query loads, instead of a blank area: a centred loader announced to screen
 * readers ("Chargement…" / "Wird geladen…"), with room so that the content does not jump far when it arrives.
 * `when` is the query's `isLoading`: nothing once data or an error (ErrorAlert's) is there, nor for a query
 * that waits to be enabled.
 */
export function Loading({ when = true, minHeight = 160 }: { when?: boolean; minHeight?: number }) {
  const { t } = useI18n();
  if (!when) return null;
  return (
    <Center mih={minHeight} role="status" aria-live="polite" data-testid="loading">
      <Loader size="md" aria-hidden />
      <Text size="sm" c="gray.7" ml="sm">
        {t('app.loading')}
      </Text>
    </Center>
  );
}
