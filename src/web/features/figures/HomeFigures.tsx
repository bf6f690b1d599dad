import { Badge, Button, Group, SimpleGrid, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { KeyFigureCard } from './KeyFigureCard.tsx';
import { useFigures } from './use-figures.ts';

const HOME_KEYS = [
  'situations_announced',
  'taken_into_care_share',
  'tandem_situations',
  'insertion_rate_of_all',
  'insertion_rate_of_closed',
  'since_start_insertions',
];

/** The home page of those who read the figures: the current year's key figures (internal), and the way to the rest. */
export function HomeFigures() {
  const { t } = useI18n();
  const year = new Date().getFullYear();
  const figures = useFigures({ year, region: null, publication: 'internal' });
  return (
    <section aria-labelledby="home-figures-title" data-testid="home-figures">
      <Group gap="xs" mb="sm">
        <Title order={3} size="h4" id="home-figures-title">
          {t('figures.homeTitle', { year })}
        </Title>
        <Badge color="orange.9" variant="light" title={t('figures.internalNote')}>
          {t('figures.internal')}
        </Badge>
      </Group>
      <ErrorAlert error={figures.error} />
      <Loading when={figures.isLoading} minHeight={120} />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
        {HOME_KEYS.map((k) => figures.data?.keyFigures.find((f) => f.key === k))
          .filter((f) => f !== undefined)
          .map((f) => (
            <KeyFigureCard key={f.key} figure={f} previousYear={year - 1} />
          ))}
      </SimpleGrid>
      <Button component={Link} to="/figures" variant="light" mt="sm">
        {t('figures.homeOpen')}
      </Button>
    </section>
  );
}
