import { Badge, Group } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { statusKey } from './labels.ts';

const COLORS: Record<string, string> = {
  draft: 'gray.7',
  announced: 'blue.8',
  under_review: 'violet.8',
  refused: 'red.9',
  closed: 'dark.6',
};

/** The situation's status; an imported one (issue 13, the CII history) also says so. */
export function StatusBadge({ status, imported = false }: { status: string; imported?: boolean }) {
  const { t } = useI18n();
  const badge = <Badge color={COLORS[status] ?? 'teal.9'}>{t(statusKey(status))}</Badge>;
  if (!imported) return badge;
  return (
    <Group gap={4} wrap="wrap">
      {badge}
      <Badge color="grape.9" variant="outline" title={t('history.importedHint')} data-testid="imported-badge">
        {t('history.imported')}
      </Badge>
    </Group>
  );
}
