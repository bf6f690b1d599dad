import { Group, Pagination, Text } from '@mantine/core';
import type { MessageKey } from '../i18n/fr/index.ts';
import { useI18n } from '../i18n/i18n.tsx';

const CONTROL_LABELS: Record<string, MessageKey> = {
  previous: 'app.previousPage',
  next: 'app.nextPage',
  first: 'app.firstPage',
  last: 'app.lastPage',
};

/** Page count and pagination, with the arrow buttons named for screen readers. */
export function Pager(props: { page: number; total: number; pageSize: number; onChange(page: number): void }) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  return (
    <Group justify="space-between">
      <Text size="sm" c="gray.7">
        {t('app.pageOf', { page: props.page, pages, total: props.total })}
      </Text>
      <Pagination
        total={pages}
        value={props.page}
        onChange={props.onChange}
        getControlProps={(control) => ({ 'aria-label': t(CONTROL_LABELS[control] ?? 'app.nextPage') })}
        getItemProps={(page) => ({ 'aria-label': t('app.goToPage', { page }) })}
      />
    </Group>
  );
}
