import { Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { CoFollowUpCounts } from '../../../contracts/alerts.ts';
import { monthLabel } from '../../../domain/tandem/monthly-report.ts';
import { get } from '../../api/client.ts';
import { useLocalName } from '../organisations/use-directory.ts';
import { useAlertsText } from './alerts-text.ts';

/**
 * The figures page's co-follow-ups per institution pair and month (issue 14), for the year and publication chosen
 * there: no person; internal: exact counts; public: small counts hidden.
 */
export function CoFollowUpFigures({ year, publication }: { year: number; publication: 'internal' | 'public' }) {
  const { a, lang } = useAlertsText();
  const localName = useLocalName();
  const counts = useQuery({
    queryKey: ['figures', 'co-follow-ups', year, publication],
    queryFn: () => get<CoFollowUpCounts>(`/api/figures/co-follow-ups?year=${year}&publication=${publication}`),
  });
  const data = counts.data;
  if (!data || data.rows.length === 0) return null;
  return (
    <section aria-labelledby="co-follow-ups-title" data-testid="figures-co-follow-ups">
      <Title order={3} size="h4" id="co-follow-ups-title" mb="xs">
        {a('figures.coFollowUps')}
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        {data.publication === 'internal'
          ? a('figures.coFollowUpsExact')
          : a('figures.coFollowUpsHint', { threshold: data.threshold })}
      </Text>
      <Table.ScrollContainer minWidth={360}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{a('figures.month')}</Table.Th>
              <Table.Th>{a('figures.pair')}</Table.Th>
              <Table.Th ta="right">{a('figures.count')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rows.map((r) => (
              <Table.Tr key={`${r.month}${r.institutionA.nameFr}${r.institutionB.nameFr}`}>
                <Table.Td>{monthLabel(r.month, lang)}</Table.Td>
                <Table.Td>
                  {localName(r.institutionA)} · {localName(r.institutionB)}
                </Table.Td>
                <Table.Td ta="right">{r.count ?? `< ${data.threshold}`}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
