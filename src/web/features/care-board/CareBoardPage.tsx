import { Alert, Anchor, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Board, BoardItem } from '../../../contracts/round-tables.ts';
import { get, query } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { passageStateKey } from '../situations/passage-labels.ts';
import { useDirectory, useLocalName } from '../organisations/use-directory.ts';
import { careKey } from '../situations/labels.ts';

const PASSAGE_STATES = ['to_organise', 'scheduled', 'held', 'in_execution', 'active'];
const KINDS = ['all', 'assessment', 'round_table', 'network_follow_up'] as const;

/** The state's label: each kind's own vocabulary where this screen has it, the raw state otherwise. */
function useStateLabel() {
  const { t } = useI18n();
  // Each kind's states are the foundation's passage labels (FR/DE); a round table's its own.
  return (i: BoardItem) =>
    i.kind === 'round_table' || i.kind === 'assessment' || PASSAGE_STATES.includes(i.status)
      ? t(passageStateKey(i))
      : i.status;
}

/** "Date to set — Bureau", "Contract acceptance — the parties": what the passage waits for, and on whom. */
function useWaitLabel() {
  const { t, date } = useI18n();
  return (i: BoardItem) => {
    const what = t(`board.what.${i.waitWhat}` as MessageKey, {
      date: date(i.waitWhat === 'meeting' ? i.meetingStart : i.reviewOn),
    });
    if (i.waitWho === 'none') return what;
    const who = i.waitingOn.length
      ? i.waitingOn.map((p) => (p === 'person' ? t('board.person') : p)).join(', ')
      : t(`board.who.${i.waitWho}` as MessageKey);
    return `${what} — ${who}`;
  };
}

/**
 * The Bureau's region view (issue 12): every assessment, round table and network follow-up still open in the
 * caller's regions, longest waiting first, with what waits on whom.
 */
export function CareBoardPage() {
  const { t } = useI18n();
  const localName = useLocalName();
  const directory = useDirectory();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('all');
  const board = useQuery({
    queryKey: ['care-board', kind],
    queryFn: () => get<Board>(`/api/care/board${query({ kind: kind === 'all' ? undefined : kind })}`),
  });
  const narrow = useMediaQuery('(max-width: 48em)');
  const stateLabel = useStateLabel();
  const waitLabel = useWaitLabel();
  const region = (id: string) => localName(directory.data?.regions.find((r) => r.id === id));
  // Past a month, a passage that has not started its work yet stands out; one in execution is not waiting.
  const late = (i: BoardItem) => i.daysWaiting > 30 && i.status !== 'in_execution' && i.status !== 'active';
  const days = (i: BoardItem) => (
    <Text size="sm" fw={late(i) ? 700 : 400} c={late(i) ? 'red.9' : undefined}>
      {t('board.days', { n: i.daysWaiting })}
    </Text>
  );
  const items = board.data?.items ?? [];
  return (
    <Stack gap="md">
      <Title order={2}>{t('board.title')}</Title>
      <Text size="sm">{t('board.intro')}</Text>
      <SegmentedControl
        value={kind}
        onChange={(v) => setKind(v as typeof kind)}
        data={KINDS.map((k) => ({ value: k, label: k === 'all' ? t('board.all') : t(careKey(k)) }))}
        // A phone stacks the choices: four labels side by side would not fit in 390 pixels.
        orientation={narrow ? 'vertical' : 'horizontal'}
        fullWidth={narrow}
        w={narrow ? '100%' : 'fit-content'}
        aria-label={t('board.kind')}
      />
      {board.data && !board.data.assessmentDetail && kind !== 'round_table' && kind !== 'network_follow_up' && (
        <Alert color="gray">{t('board.statusOnly')}</Alert>
      )}
      <ErrorAlert error={board.error} />
      {board.isLoading ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text>{t('board.none')}</Text>
      ) : (
        <>
          <Text size="sm" c="gray.7" data-testid="board-count">
            {t('board.count', { n: items.length })}
          </Text>
          {narrow ? (
            <Stack gap="sm">
              {items.map((i) => (
                <Paper key={i.passageId} withBorder p="sm" data-testid="board-card">
                  <Stack gap={4}>
                    <Group justify="space-between" gap="xs">
                      <Anchor component={Link} to={`/situations/${i.situationId}`} fw={600}>
                        {i.situationNumber}
                      </Anchor>
                      {days(i)}
                    </Group>
                    <Text size="sm">
                      {t(careKey(i.kind))} · {stateLabel(i)}
                    </Text>
                    <Text size="sm" fw={600}>
                      {waitLabel(i)}
                    </Text>
                    <Text size="xs" c="gray.7">
                      {[region(i.regionId), i.responsibleName].filter(Boolean).join(' · ')}
                    </Text>
                  </Stack>
                </Paper>
              ))}
            </Stack>
          ) : (
            <Table striped withTableBorder data-testid="board-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('board.situation')}</Table.Th>
                  <Table.Th>{t('board.kind')}</Table.Th>
                  <Table.Th>{t('board.state')}</Table.Th>
                  <Table.Th>{t('board.waiting')}</Table.Th>
                  <Table.Th>{t('board.waitsOn')}</Table.Th>
                  <Table.Th>{t('board.responsible')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((i) => (
                  <Table.Tr key={i.passageId} data-testid="board-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/situations/${i.situationId}`} style={{ whiteSpace: 'nowrap' }}>
                        {i.situationNumber}
                      </Anchor>
                      <Text size="xs" c="gray.7">
                        {region(i.regionId)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t(careKey(i.kind))}</Table.Td>
                    <Table.Td>{stateLabel(i)}</Table.Td>
                    <Table.Td>{days(i)}</Table.Td>
                    <Table.Td>{waitLabel(i)}</Table.Td>
                    <Table.Td>{i.responsibleName}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Stack>
  );
}
