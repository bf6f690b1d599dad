import { Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Statement } from '../../../contracts/measures.ts';
import { get, query } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** The quarter of a day (yyyy-Qn). */
const quarterKey = (day: Date) => `${day.getFullYear()}-Q${Math.floor(day.getMonth() / 3) + 1}`;

/** The last eight quarters, newest first (yyyy-Qn). */
function recentQuarters(today: Date): string[] {
  const keys: string[] = [];
  let year = today.getFullYear();
  let q = Math.floor(today.getMonth() / 3) + 1;
  for (let i = 0; i < 8; i++) {
    keys.push(`${year}-Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  return keys;
}

/** The communes' quarterly statements: the SAS chooses the commune, a commune sees its own. */
export function StatementsPage() {
  const { t, lang, date, chf } = useI18n();
  const communes = useQuery({
    queryKey: ['statement-communes'],
    queryFn: () => get<{ communes: { id: string; name: string; language: 'fr' | 'de' }[] }>('/api/statements/communes'),
  });
  const [communeId, setCommuneId] = useState<string | null>(null);
  const [quarter, setQuarter] = useState(() => quarterKey(new Date()));
  const chosen = communeId ?? communes.data?.communes[0]?.id ?? null;
  // The statement goes from the commune to the SAS in the commune's language.
  const communeLang = (communes.data?.communes.find((c) => c.id === chosen)?.language ?? 'fr').toUpperCase();
  const params = query({ communeId: chosen, quarter });
  const statement = useQuery({
    queryKey: ['statement', chosen, quarter],
    queryFn: () => get<Statement>(`/api/statements${params}`),
    enabled: chosen !== null,
  });
  const money = (c: number) => chf(c / 100);
  const s = statement.data;
  return (
    <Stack>
      <Title order={2}>{t('statements.title')}</Title>
      <Text c="gray.7">{t('statements.intro')}</Text>
      <Group align="flex-end">
        <Select
          label={t('statements.commune')}
          w={260}
          allowDeselect={false}
          data={(communes.data?.communes ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={chosen}
          onChange={setCommuneId}
        />
        <Select
          label={t('statements.quarter')}
          w={160}
          allowDeselect={false}
          data={recentQuarters(new Date())}
          value={quarter}
          onChange={(v) => setQuarter(v ?? quarter)}
        />
        {chosen && (
          <>
            <Button component="a" variant="light" href={`/api/statements/pdf${params}`} target="_blank">
              {t('statements.pdf')} ({communeLang})
            </Button>
            <Button component="a" variant="light" href={`/api/statements/csv${params}`}>
              {t('statements.csv')} ({communeLang})
            </Button>
          </>
        )}
      </Group>
      <ErrorAlert error={statement.error} />
      <Loading when={statement.isLoading || communes.isLoading} />
      {s && (
        <Paper withBorder p="md" data-testid="statement">
          {s.lines.length === 0 ? (
            <Text>{t('statements.none')}</Text>
          ) : (
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('statements.case')}</Table.Th>
                  <Table.Th>{t('statements.person')}</Table.Th>
                  <Table.Th>{t('statements.measure')}</Table.Th>
                  <Table.Th>{t('statements.period')}</Table.Th>
                  <Table.Th ta="right">{t('statements.days')}</Table.Th>
                  <Table.Th ta="right">{t('statements.amount')}</Table.Th>
                  <Table.Th ta="right">{t('statements.canton')}</Table.Th>
                  <Table.Th ta="right">{t('statements.communeShare')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.lines.map((l) => (
                  <Table.Tr key={l.measureId}>
                    <Table.Td>{l.situationNumber}</Table.Td>
                    <Table.Td>{l.initials}</Table.Td>
                    <Table.Td>
                      {lang === 'de' ? l.kindNameDe : l.kindNameFr}
                      {l.mip && ` (${t('statements.mip')})`}
                    </Table.Td>
                    <Table.Td>
                      {date(l.from)} – {date(l.to)}
                    </Table.Td>
                    <Table.Td ta="right">{l.days}</Table.Td>
                    <Table.Td ta="right">{money(l.cents)}</Table.Td>
                    <Table.Td ta="right">{money(l.cantonCents)}</Table.Td>
                    <Table.Td ta="right">{money(l.communeCents)}</Table.Td>
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
                    <Table.Td ta="right" fw={700}>
                      {money(totals.cents)}
                    </Table.Td>
                    <Table.Td ta="right" fw={700}>
                      {money(totals.cantonCents)}
                    </Table.Td>
                    <Table.Td ta="right" fw={700}>
                      {money(totals.communeCents)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      )}
    </Stack>
  );
}
