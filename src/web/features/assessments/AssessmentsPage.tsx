import { Anchor, Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { AssessmentRow } from '../../../contracts/assessments.ts';
import { ASSESSMENT_STATUSES } from '../../../domain/care/assessment.ts';
import { get } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** Whom an assessment waits on, in words: the parties by name. */
function WaitsOn({ row }: { row: AssessmentRow }) {
  const { t, date } = useI18n();
  if (row.waitsOn === 'meeting' && row.meeting)
    return <>{t('asm.waitsOn.meeting', { date: date(row.meeting.startOn), time: row.meeting.startTime })}</>;
  if (row.waitsOn === 'parties')
    return (
      <>
        {t('asm.waitsOn.parties', {
          parties: row.missingParties.map((p) => (p === 'person' ? t('asm.waitsOn.person') : p)).join(', '),
        })}
      </>
    );
  return <>{t(`asm.waitsOn.${row.waitsOn}` as MessageKey)}</>;
}

/**
 * The Bureau's assessments (issue 12): the open MAMAC assessments of its regions by state, the days each has waited
 * since the orientation (004 §6: "quatre sont en attente d'organisation") and whom it waits on.
 */
export function AssessmentsPage() {
  const { t } = useI18n();
  const list = useQuery({
    queryKey: ['assessments'],
    queryFn: () => get<{ items: AssessmentRow[] }>('/api/assessments'),
  });
  if (list.isLoading) return <Loading />;
  if (list.error) return <ErrorAlert error={list.error} />;
  const items = list.data?.items ?? [];
  return (
    <Stack gap="md" maw={1100}>
      <Title order={2}>{t('asm.list.title')}</Title>
      <Text size="sm" c="gray.7">
        {t('asm.list.intro')}
      </Text>
      {items.length === 0 && <Text>{t('asm.list.none')}</Text>}
      {ASSESSMENT_STATUSES.filter((s) => s !== 'closed').map((status) => {
        const rows = items.filter((i) => i.status === status);
        if (!rows.length) return null;
        return (
          <Paper key={status} withBorder p="sm" data-testid={`assessments-${status}`}>
            <Title order={3} size="h4" mb="xs">
              {t(`asm.status.${status}` as MessageKey)} <Badge color="gray.7">{rows.length}</Badge>
            </Title>
            <Table.ScrollContainer minWidth={560}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('asm.list.number')}</Table.Th>
                    <Table.Th>{t('asm.list.region')}</Table.Th>
                    <Table.Th>{t('asm.list.waiting')}</Table.Th>
                    <Table.Th>{t('asm.responsible')}</Table.Th>
                    <Table.Th>{t('asm.list.waitsOn')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.situationId} data-testid="assessment-row">
                      <Table.Td>
                        <Anchor component={Link} to={`/situations/${r.situationId}`} style={{ whiteSpace: 'nowrap' }}>
                          {r.number}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{r.region}</Table.Td>
                      <Table.Td>{t('asm.list.days', { n: r.waitingDays })}</Table.Td>
                      <Table.Td>{r.responsible ?? t('app.none')}</Table.Td>
                      <Table.Td>
                        <WaitsOn row={r} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        );
      })}
    </Stack>
  );
}
