import { Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Statement } from '../../../contracts/measures.ts';
import { get, query } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** Amounts stay on one line: the table scrolls in its box instead. */
const NOWRAP = { whiteSpace: 'nowrap' } as const;
import { CantonStatementView } from './CantonStatementView.tsx';

interface Choices {
  communes: { id: string; name: string; language: 'fr' | 'de' }[];
  /** Every quarter with data the caller may read, newest first (from the server: the earliest measure to today). */
  quarters: string[];
  canton: boolean;
}

/**
 * The communes' quarterly statements: the SAS chooses the commune, or sees every commune of the quarter in its canton
 * view; a commune sees its own. The tables scroll inside their own box on a phone.
 */
export function StatementsPage() {
  const { t, lang, date, chf } = useI18n();
  const choices = useQuery({
    queryKey: ['statement-choices'],
    queryFn: () => get<Choices>('/api/statements/communes'),
  });
  const [communeId, setCommuneId] = useState<string | null>(null);
  const [picked, setQuarter] = useState<string | null>(null);
  const [view, setView] = useState<'commune' | 'canton'>('commune');
  const chosen = communeId ?? choices.data?.communes[0]?.id ?? null;
  const quarter = picked ?? choices.data?.quarters[0] ?? null;
  const canton = view === 'canton' && choices.data?.canton === true;
  // The statement goes from the commune to the SAS in the commune's language.
  const communeLang = (choices.data?.communes.find((c) => c.id === chosen)?.language ?? 'fr').toUpperCase();
  const params = query({ communeId: chosen, quarter });
  const statement = useQuery({
    queryKey: ['statement', chosen, quarter],
    queryFn: () => get<Statement>(`/api/statements${params}`),
    enabled: chosen !== null && quarter !== null && !canton,
  });
  const money = (c: number) => chf(c / 100);
  const s = statement.data;
  return (
    <Stack>
      <Title order={2}>{t('statements.title')}</Title>
      <Text c="gray.7">{t('statements.intro')}</Text>
      <ErrorAlert error={choices.error} />
      {choices.data?.canton && (
        <SegmentedControl
          aria-label={t('statements.view')}
          data-testid="statement-view"
          style={{ alignSelf: 'flex-start' }}
          value={view}
          onChange={(v) => setView(v === 'canton' ? 'canton' : 'commune')}
          data={[
            { value: 'commune', label: t('statements.byCommune') },
            { value: 'canton', label: t('statements.cantonView') },
          ]}
        />
      )}
      <Group align="flex-end">
        {!canton && (
          <Select
            label={t('statements.commune')}
            w={260}
            maw="100%"
            allowDeselect={false}
            data={(choices.data?.communes ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={chosen}
            onChange={setCommuneId}
          />
        )}
        <Select
          label={t('statements.quarter')}
          w={160}
          allowDeselect={false}
          data={choices.data?.quarters ?? []}
          value={quarter}
          onChange={(v) => setQuarter(v ?? quarter)}
        />
        {!canton && chosen && quarter && (
          <Group gap="xs">
            <Button component="a" variant="light" href={`/api/statements/pdf${params}`} target="_blank">
              {t('statements.pdf')} ({communeLang})
            </Button>
            <Button component="a" variant="light" href={`/api/statements/csv${params}`}>
              {t('statements.csv')} ({communeLang})
            </Button>
            <Button component="a" variant="light" href={`/api/statements/xlsx${params}`}>
              {t('statements.xlsx')} ({communeLang})
            </Button>
          </Group>
        )}
      </Group>
      {canton && quarter && <CantonStatementView quarter={quarter} />}
      {!canton && <ErrorAlert error={statement.error} />}
      <Loading when={(!canton && statement.isLoading) || choices.isLoading} />
      {!canton && s && (
        <Paper withBorder p="md" data-testid="statement">
          {s.lines.length === 0 ? (
            <Text>{t('statements.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={1000} data-testid="statement-scroll">
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('statements.case')}</Table.Th>
                    <Table.Th>{t('statements.person')}</Table.Th>
                    <Table.Th>{t('statements.measure')}</Table.Th>
                    <Table.Th>{t('statements.period')}</Table.Th>
                    <Table.Th ta="right" style={NOWRAP}>
                      {t('statements.days')}
                    </Table.Th>
                    <Table.Th ta="right" style={NOWRAP}>
                      {t('statements.amount')}
                    </Table.Th>
                    <Table.Th ta="right" style={NOWRAP}>
                      {t('statements.canton')}
                    </Table.Th>
                    <Table.Th ta="right" style={NOWRAP}>
                      {t('statements.communeShare')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.lines.map((l) => (
                    <Table.Tr key={l.measureId}>
                      <Table.Td style={NOWRAP}>{l.situationNumber}</Table.Td>
                      <Table.Td style={NOWRAP}>{l.initials}</Table.Td>
                      <Table.Td>
                        {lang === 'de' ? l.kindNameDe : l.kindNameFr}
                        {l.mip && !(lang === 'de' ? l.kindNameDe : l.kindNameFr).includes('MIP') && ' (MIP)'}
                      </Table.Td>
                      <Table.Td style={NOWRAP}>
                        {date(l.from)} – {date(l.to)}
                        {l.months !== null && ` (${t('statements.months', { count: l.months })})`}
                      </Table.Td>
                      <Table.Td ta="right" style={NOWRAP}>
                        {l.days}
                      </Table.Td>
                      <Table.Td ta="right" style={NOWRAP}>
                        {money(l.cents)}
                      </Table.Td>
                      <Table.Td ta="right" style={NOWRAP}>
                        {money(l.cantonCents)}
                      </Table.Td>
                      <Table.Td ta="right" style={NOWRAP}>
                        {money(l.communeCents)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                  {(
                    [
                      ['statements.measures', s.measures],
                      ['statements.mip', s.mip],
                      ['statements.total', s.total],
                    ] as const
                  ).map(([label, totals]) => (
                    <Table.Tr key={label} data-testid={`statement-${label.split('.')[1]}`}>
                      <Table.Td colSpan={5} fw={700}>
                        {t(label)}
                      </Table.Td>
                      <Table.Td ta="right" fw={700} style={NOWRAP}>
                        {money(totals.cents)}
                      </Table.Td>
                      <Table.Td ta="right" fw={700} style={NOWRAP}>
                        {money(totals.cantonCents)}
                      </Table.Td>
                      <Table.Td ta="right" fw={700} style={NOWRAP}>
                        {money(totals.communeCents)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      )}
    </Stack>
  );
}
