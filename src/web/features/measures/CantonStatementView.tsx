import { Button, Group, Paper, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { CantonStatement } from '../../../contracts/measures.ts';
import { get, query } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** Amounts stay on one line: the table scrolls in its box instead. */
const NOWRAP = { whiteSpace: 'nowrap' } as const;

/**
 * The SAS's canton view of a quarter: every commune in one table with the canton's totals, each row the totals of
 * that commune's own statement (computed by the server the same way); CSV and Excel in the reader's language.
 */
export function CantonStatementView({ quarter }: { quarter: string }) {
  const { t, lang, chf } = useI18n();
  const params = query({ quarter, lang });
  const canton = useQuery({
    queryKey: ['canton-statement', quarter],
    queryFn: () => get<CantonStatement>(`/api/statements/canton${query({ quarter })}`),
  });
  const money = (c: number) => chf(c / 100);
  const c = canton.data;
  return (
    <>
      <Group gap="xs">
        <Button component="a" variant="light" href={`/api/statements/canton/csv${params}`}>
          {t('statements.csv')} ({lang.toUpperCase()})
        </Button>
        <Button component="a" variant="light" href={`/api/statements/canton/xlsx${params}`}>
          {t('statements.xlsx')} ({lang.toUpperCase()})
        </Button>
      </Group>
      <ErrorAlert error={canton.error} />
      {c && (
        <Paper withBorder p="md" data-testid="canton-statement">
          <Title order={3} size="h4" mb="sm">
            {t('statements.cantonTitle', { quarter: c.quarter.key })}
          </Title>
          <Table.ScrollContainer minWidth={820} data-testid="canton-scroll">
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('statements.commune')}</Table.Th>
                  <Table.Th ta="right" style={NOWRAP}>
                    {t('statements.lines')}
                  </Table.Th>
                  <Table.Th ta="right" style={NOWRAP}>
                    {t('statements.measures')}
                  </Table.Th>
                  <Table.Th ta="right" style={NOWRAP}>
                    {t('statements.mip')}
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
                {c.rows.map((r) => (
                  <Table.Tr key={r.commune.id}>
                    <Table.Td>{r.commune.name}</Table.Td>
                    <Table.Td ta="right" style={NOWRAP}>
                      {r.lines}
                    </Table.Td>
                    <Table.Td ta="right" style={NOWRAP}>
                      {money(r.measures.cents)}
                    </Table.Td>
                    <Table.Td ta="right" style={NOWRAP}>
                      {money(r.mip.cents)}
                    </Table.Td>
                    <Table.Td ta="right" style={NOWRAP}>
                      {money(r.total.cents)}
                    </Table.Td>
                    <Table.Td ta="right" style={NOWRAP}>
                      {money(r.total.cantonCents)}
                    </Table.Td>
                    <Table.Td ta="right" style={NOWRAP}>
                      {money(r.total.communeCents)}
                    </Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr data-testid="canton-total">
                  <Table.Td fw={700}>{t('statements.cantonTotal')}</Table.Td>
                  <Table.Td ta="right" fw={700} style={NOWRAP}>
                    {c.rows.reduce((n, r) => n + r.lines, 0)}
                  </Table.Td>
                  <Table.Td ta="right" fw={700} style={NOWRAP}>
                    {money(c.measures.cents)}
                  </Table.Td>
                  <Table.Td ta="right" fw={700} style={NOWRAP}>
                    {money(c.mip.cents)}
                  </Table.Td>
                  <Table.Td ta="right" fw={700} style={NOWRAP}>
                    {money(c.total.cents)}
                  </Table.Td>
                  <Table.Td ta="right" fw={700} style={NOWRAP}>
                    {money(c.total.cantonCents)}
                  </Table.Td>
                  <Table.Td ta="right" fw={700} style={NOWRAP}>
                    {money(c.total.communeCents)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </>
  );
}
