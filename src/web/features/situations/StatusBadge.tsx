import { Badge } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { statusKey } from './labels.ts';

const COLORS: Record<string, string> = {
  draft: 'gray.7',
  announced: 'blue.8',
  under_review: 'violet.8',
  refused: 'red.9',
  closed: 'dark.6',
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return <Badge color={COLORS[status] ?? 'teal.9'}>{t(statusKey(status))}</Badge>;
}
