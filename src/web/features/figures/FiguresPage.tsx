import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import {
  Alert,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useSession } from '../auth/session.tsx';
import { AnnualReportSection } from './AnnualReportSection.tsx';
import { FOCUSABLE_SCROLL, FigureTableView } from './FigureTableView.tsx';
import { KeyFigureCard } from './KeyFigureCard.tsx';
import { CoFollowUpFigures } from '../alerts/CoFollowUpFigures.tsx';
import { type TableAnswer, figuresSearch, formatValue, useFigures } from './use-figures.ts';

const FIRST_YEAR = 2011; // seed 000: the CII's records start in 2011
const COLORS = ['teal.7', 'blue.6', 'orange.6', 'grape.6', 'red.6', 'cyan.6', 'lime.7', 'gray.6', 'indigo.5', 'pink.6'];
const PAYERS = [
  'laciCents',
  'lemcCents',
  'liasCantonCents',
  'liasCommuneCents',
  'mipCantonCents',
  'mipCommuneCents',
  'tandemOrpCents',
  'tandemCmsCents',
  'totalCents',
  'perInsertionCents',
] as const;

/**
 * The figures (issue 13): a year and a region, internal (exact) or for publication (small counts hidden); the key
 * figures with how each is counted and the previous year; the tables; charts drawn from the same tables, each with
 * its table and a text alternative; the time-to-insertion curve; the files.
 */
export function FiguresPage() {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [region, setRegion] = useState<string | null>(null);
  const [publication, setPublication] = useState<'internal' | 'public'>('internal');
  // Published figures are the canton's (each region a row of its tables): a region's own would let one subtract.
  const params = { year, region: publication === 'public' ? null : region, publication };
  const figures = useFigures(params);
  // The regions the reader may pick come from the canton's figures (a coordinator: their own).
  const canton = useFigures({ year, region: null, publication: 'internal' });
  const regionOptions = (canton.data?.tables.find((x) => x.key === 'situations_by_region')?.rows ?? [])
    .filter((r) => r.key !== 'other_regions')
    .map((r) => ({ value: r.key, label: r.label[lang] }));
  const f = figures.data;
  const table = (key: string) => f?.tables.find((x) => x.key === key);
  const years = Array.from({ length: Math.max(1, thisYear - FIRST_YEAR + 1) }, (_, i) => String(thisYear - i));
  const search = figuresSearch(params);
  return (
    <Stack maw={1100}>
      <Title order={2}>{t('figures.title')}</Title>
      <Text c="gray.7">{t('figures.intro')}</Text>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('figures.year')}
          w={120}
          allowDeselect={false}
          data={years}
          value={String(year)}
          onChange={(v) => v && setYear(Number(v))}
          data-testid="figures-year"
        />
        <Select
          label={t('figures.region')}
          w={220}
          maw="100%"
          allowDeselect={false}
          data={[{ value: '', label: t('figures.canton') }, ...regionOptions]}
          value={params.region ?? ''}
          onChange={(v) => setRegion(v ? v : null)}
          disabled={publication === 'public'}
          description={publication === 'public' ? t('figures.publicCantonOnly') : undefined}
          data-testid="figures-region"
        />
        <SegmentedControl
          aria-label={t('figures.view')}
          value={publication}
          onChange={(v) => setPublication(v === 'public' ? 'public' : 'internal')}
          data={[
            { value: 'internal', label: t('figures.internal') },
            { value: 'public', label: t('figures.public') },
          ]}
          data-testid="figures-publication"
        />
      </Group>
      <Group gap="xs">
        <Button component="a" variant="light" href={`/api/figures/xlsx${search}`} data-testid="figures-xlsx">
          {t('figures.xlsx')}
        </Button>
        <Button component="a" variant="light" href={`/api/figures/csv${search}`}>
          {t('figures.csv')}
        </Button>
      </Group>
      <ErrorAlert error={figures.error} />
      <Loading when={figures.isLoading} />
      {f && (
        <>
          <Alert color={f.publication === 'internal' ? 'orange' : 'blue'} data-testid="figures-status">
            {f.publication === 'internal'
              ? t('figures.internalNote')
              : t('figures.publicNote', { threshold: f.threshold ?? 0 })}
          </Alert>
          <section aria-labelledby="key-title">
            <Title order={3} size="h4" id="key-title" mb="sm">
              {t('figures.key')} {f.period.year ?? `${f.period.from} – ${f.period.to}`}
            </Title>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
              {f.keyFigures
                .filter((k) => !k.key.startsWith('since_start'))
                .map((k) => (
                  <KeyFigureCard
                    key={k.key}
                    figure={k}
                    previousYear={f.period.year ? f.period.year - 1 : null}
                    published={f.publication === 'public'}
                  />
                ))}
            </SimpleGrid>
            <Title order={4} size="h5" mt="md" mb="sm">
              {t('figures.sinceStart')}
            </Title>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
              {f.keyFigures
                .filter((k) => k.key.startsWith('since_start'))
                .map((k) => (
                  <KeyFigureCard key={k.key} figure={k} previousYear={null} published={f.publication === 'public'} />
                ))}
            </SimpleGrid>
          </section>
          <Comparison f={f} />
          {table('tandem_by_region') && (
            <TableChart table={table('tandem_by_region') as TableAnswer} title={t('figures.chartTandem')} />
          )}
          {table('situations_by_region') && (
            <TableChart table={table('situations_by_region') as TableAnswer} title={t('figures.chartSituations')} />
          )}
          <section aria-labelledby="tables-title">
            <Title order={3} size="h4" id="tables-title" mb="sm">
              {t('figures.tables')}
            </Title>
            <Stack gap="lg">
              {f.tables
                .filter((x) => !['tandem_by_region', 'situations_by_region'].includes(x.key))
                .map((x) => (
                  <FigureTableView key={x.key} table={x} />
                ))}
            </Stack>
          </section>
          <Indicators f={f} />
          <CoFollowUpFigures year={year} publication={publication} />
        </>
      )}
      {!region && <AnnualReportSection year={year} canEdit={Boolean(me?.abilities.editAnnualReport)} />}
    </Stack>
  );
}

/** The key figures of the period beside those of the period before (a year: the year before). */
function Comparison({ f }: { f: NonNullable<ReturnType<typeof useFigures>['data']> }) {
  const { t, lang } = useI18n();
  const hidden = f.publication === 'public' ? 'x' : t('figures.none');
  const now = f.period.year ? String(f.period.year) : `${f.period.from} – ${f.period.to}`;
  const before = f.period.year ? String(f.period.year - 1) : `${f.period.previousFrom} – ${f.period.previousTo}`;
  return (
    <section aria-labelledby="comparison-title" data-testid="figures-comparison">
      <Title order={3} size="h4" id="comparison-title" mb="sm">
        {t('figures.comparison', { period: before })}
      </Title>
      <Table.ScrollContainer minWidth={360} scrollAreaProps={FOCUSABLE_SCROLL}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('figures.figure')}</Table.Th>
              <Table.Th ta="right">{before}</Table.Th>
              <Table.Th ta="right">{now}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {f.keyFigures
              .filter((k) => !k.key.startsWith('since_start'))
              .map((k) => (
                <Table.Tr key={k.key}>
                  <Table.Th scope="row" fw={500}>
                    {k.label[lang]}
                  </Table.Th>
                  <Table.Td ta="right">{formatValue(lang, k.unit, k.previous) ?? hidden}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {formatValue(lang, k.unit, k.value) ?? hidden}
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}

/** A stacked bar chart of a table's cells by row, with its text alternative, then the table it is drawn from. */
function TableChart({ table, title }: { table: TableAnswer; title: string }) {
  const { t, lang } = useI18n();
  const data = table.rows.map((r, i) => ({
    row: r.label[lang],
    ...Object.fromEntries(table.columns.map((c, j) => [c.key, table.cells[i]?.[j] ?? 0])),
  }));
  const series = table.columns.map((c, j) => ({ name: c.key, label: c.label[lang], color: COLORS[j % COLORS.length] }));
  const rows = table.rows
    .map((r, i) => {
      const parts = table.columns
        .map((c, j) => [c.label[lang], table.cells[i]?.[j]] as const)
        .filter(([, v]) => v !== 0)
        .map(([label, v]) => `${label} ${v === null ? 'x' : v}`);
      return `${r.label[lang]} ${table.rowTotals[i] ?? 'x'} (${parts.join(', ')})`;
    })
    .join('; ');
  const id = `chart-${table.key}`;
  return (
    <Paper withBorder p="md" component="figure" m={0} aria-labelledby={`${id}-title`}>
      <Title order={3} size="h4" id={`${id}-title`} mb="sm">
        {title}
      </Title>
      {table.hidden > 0 ? (
        // A hidden count cannot be drawn without drawing a false bar: the published table alone says what is known.
        <Text size="sm" c="gray.7" mb="sm" data-testid={`${id}-hidden`}>
          {t('figures.chartHidden')}
        </Text>
      ) : (
        <>
          <div role="img" aria-label={title} aria-describedby={`${id}-alt`} data-testid={id}>
            <BarChart h={220} data={data} dataKey="row" series={series} type="stacked" withLegend />
          </div>
          <Text component="figcaption" id={`${id}-alt`} size="xs" c="gray.7" mt="xs" mb="sm">
            {t('figures.chartAlt', { rows })}
          </Text>
        </>
      )}
      <FigureTableView table={table} caption={table.label[lang]} />
    </Paper>
  );
}

function Indicators({ f }: { f: NonNullable<ReturnType<typeof useFigures>['data']> }) {
  const { t, lang, chf } = useI18n();
  const pct = (v: number | null) => formatValue(lang, 'share', v) ?? t('figures.none');
  const points = f.timeToInsertion.points;
  // The curve starts at 0 % when coaching starts.
  const curveData = [
    ...(points[0]?.months === 0 ? [] : [{ months: 0, inserted: 0 }]),
    ...points.map((p) => ({ months: p.months, inserted: Math.round(p.inserted * 1000) / 10 })),
  ];
  const curveText = points.map((p) => t('figures.curvePoint', { months: p.months, share: pct(p.inserted) })).join(', ');
  return (
    <section aria-labelledby="indicators-title">
      <Title order={3} size="h4" id="indicators-title" mb="sm">
        {t('figures.indicators')}
      </Title>
      <Stack gap="lg">
        <Paper withBorder p="md" component="figure" m={0} aria-labelledby="curve-title" data-testid="figures-curve">
          <Title order={4} size="h5" id="curve-title">
            {t('figures.curve')}
          </Title>
          <Text size="xs" c="gray.7" mb="sm">
            <Text span size="xs" fw={600}>
              {t('figures.howCounted')}
            </Text>{' '}
            {f.definitions.time_to_insertion?.counted[lang]}
          </Text>
          {f.timeToInsertion.hidden ? (
            <Text>{t('figures.tooSmall')}</Text>
          ) : (
            <>
              <div role="img" aria-label={t('figures.curve')} aria-describedby="curve-alt">
                <LineChart
                  h={220}
                  data={curveData}
                  dataKey="months"
                  curveType="stepAfter"
                  unit=" %"
                  series={[{ name: 'inserted', label: t('figures.insertedShare'), color: 'teal.7' }]}
                  xAxisLabel={t('figures.months')}
                />
              </div>
              <Text component="figcaption" id="curve-alt" size="xs" c="gray.7" mt="xs">
                {t('figures.curveAlt', { n: f.timeToInsertion.situations, points: curveText })}
              </Text>
              <Table.ScrollContainer minWidth={320} scrollAreaProps={FOCUSABLE_SCROLL}>
                <Table striped withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('figures.months')}</Table.Th>
                      <Table.Th ta="right">{t('figures.insertedShare')}</Table.Th>
                      <Table.Th ta="right">{t('figures.atRisk')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {points.map((p) => (
                      <Table.Tr key={p.months}>
                        <Table.Td>{p.months}</Table.Td>
                        <Table.Td ta="right">{pct(p.inserted)}</Table.Td>
                        <Table.Td ta="right">{p.atRisk}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          )}
        </Paper>
        <Paper withBorder p="md">
          <Title order={4} size="h5">
            {t('figures.intensity')}
          </Title>
          <Text size="xs" c="gray.7" mb="xs">
            <Text span size="xs" fw={600}>
              {t('figures.howCounted')}
            </Text>{' '}
            {f.definitions.tandem_intensity?.counted[lang]}
          </Text>
          <Text data-testid="figures-intensity">
            {f.intensity.hidden
              ? t('figures.tooSmall')
              : t('figures.intensityText', {
                  meeting: f.intensity.meetingRule,
                  mandates: f.intensity.mandates,
                  share: pct(f.intensity.shareMeetingRule),
                })}
          </Text>
        </Paper>
        <Paper withBorder p="md">
          <Title order={4} size="h5">
            {t('figures.durations')}
          </Title>
          <Text size="xs" c="gray.7" mb="xs">
            <Text span size="xs" fw={600}>
              {t('figures.howCounted')}
            </Text>{' '}
            {f.definitions.duration_decision_to_start?.counted[lang]} {f.definitions.duration_length?.counted[lang]}
          </Text>
          <Table.ScrollContainer minWidth={360} scrollAreaProps={FOCUSABLE_SCROLL}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  <Table.Th ta="right">{t('figures.durationN')}</Table.Th>
                  <Table.Th ta="right">{t('figures.median')}</Table.Th>
                  <Table.Th ta="right">{t('figures.mean')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {f.durations.map((d) => (
                  <Table.Tr key={d.key}>
                    <Table.Th scope="row" fw={500}>
                      {d.label[lang]}
                    </Table.Th>
                    <Table.Td ta="right">{d.n}</Table.Td>
                    <Table.Td ta="right">{formatValue(lang, 'days', d.median) ?? t('figures.none')}</Table.Td>
                    <Table.Td ta="right">{formatValue(lang, 'days', d.mean) ?? t('figures.none')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
        <Paper withBorder p="md">
          <Title order={4} size="h5">
            {t('figures.costs')}
          </Title>
          <Text size="xs" c="gray.7" mb="xs">
            <Text span size="xs" fw={600}>
              {t('figures.howCounted')}
            </Text>{' '}
            {f.definitions.costs?.counted[lang]}
          </Text>
          <Text size="xs" c="gray.7" mb="xs" data-testid="figures-tandem-time-counted">
            <Text span size="xs" fw={600}>
              {t('figures.payer.tandemTime')}
            </Text>{' '}
            {f.definitions.tandem_time?.counted[lang]}{' '}
            {t('figures.source', { source: f.definitions.tandem_time?.source[lang] ?? '' })}
          </Text>
          <Table.ScrollContainer minWidth={320} scrollAreaProps={FOCUSABLE_SCROLL}>
            <Table striped withTableBorder data-testid="figures-costs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('figures.payer')}</Table.Th>
                  <Table.Th ta="right">{t('figures.amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {PAYERS.map((k) => (
                  <Table.Tr key={k}>
                    <Table.Th scope="row" fw={k === 'totalCents' ? 700 : 500}>
                      {t(`figures.payer.${k}` as MessageKey)}
                    </Table.Th>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {f.costs[k] === null ? (f.costs.hidden ? 'x' : t('figures.none')) : chf(f.costs[k] / 100)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      </Stack>
    </section>
  );
}
