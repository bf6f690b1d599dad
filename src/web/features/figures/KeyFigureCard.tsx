import { Card, Text, VisuallyHidden } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { type KeyFigureAnswer, formatValue } from './use-figures.ts';

/** One key figure: its value, the previous period's, and how it is counted (from the domain's definitions). */
export function KeyFigureCard({
  figure,
  previousYear,
  published = false,
}: {
  figure: KeyFigureAnswer;
  previousYear: number | null;
  /** Published figures: a missing value is a hidden one (x), not one that cannot be computed (—). */
  published?: boolean;
}) {
  const { t, lang } = useI18n();
  const value = formatValue(lang, figure.unit, figure.value);
  // Published: a previous value hidden for its small count is marked x, as this period's is — never left out.
  const previous = formatValue(lang, figure.unit, figure.previous) ?? (published ? 'x' : null);
  const id = `figure-${figure.key}`;
  return (
    <Card withBorder padding="sm" data-testid={id} aria-labelledby={`${id}-label`}>
      <Text size="sm" fw={600} id={`${id}-label`}>
        {figure.label[lang]}
      </Text>
      <Text size="xl" fw={700} data-testid={`${id}-value`}>
        {value ??
          (published ? (
            <>
              <span aria-hidden>x</span>
              <VisuallyHidden>{t('figures.hidden')}</VisuallyHidden>
            </>
          ) : (
            t('figures.none')
          ))}
      </Text>
      {!figure.key.startsWith('since_start') && previous !== null && (
        <Text size="xs" c="gray.7" data-testid={`${id}-previous`}>
          {previousYear
            ? t('figures.previous', { year: previousYear, value: previous })
            : t('figures.previousPeriod', { value: previous })}
          {figure.previous === null && <VisuallyHidden> ({t('figures.hidden')})</VisuallyHidden>}
        </Text>
      )}
      <Text size="xs" c="gray.7" mt={4}>
        <Text span size="xs" fw={600}>
          {t('figures.howCounted')}
        </Text>{' '}
        {figure.counted[lang]} {t('figures.source', { source: figure.source[lang] })}
      </Text>
    </Card>
  );
}
