import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { SituationSummary } from '../../../contracts/situations.ts';
import { get, post, query } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../auth/session.tsx';
import { useDirectory, useLocalName } from '../organisations/use-directory.ts';
import { PersonCell } from '../situations/SituationsPage.tsx';

interface Queue {
  announced: SituationSummary[];
  underReview: SituationSummary[];
}

/** The Bureau's queue per region: announced situations oldest first, with how long each has waited. */
export function TriagePage() {
  const { t, date } = useI18n();
  const { me } = useSession();
  const localName = useLocalName();
  const directory = useDirectory();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [regionId, setRegionId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const queue = useQuery({
    queryKey: ['triage', regionId],
    queryFn: () => get<Queue>(`/api/triage/queue${query({ regionId })}`),
  });
  const regionName = (id: string) => localName(directory.data?.regions.find((r) => r.id === id));
  // On a phone the queue is a list of cards: a wide table would put the take-up button off-screen.
  const narrow = useMediaQuery('(max-width: 48em)');

  const takeUp = async (s: SituationSummary) => {
    setError(null);
    try {
      const current = await get<{ version: number }>(`/api/situations/${s.id}`);
      await post(`/api/situations/${s.id}/take-up`, { version: current.version });
      await queryClient.invalidateQueries({ queryKey: ['triage'] });
      void navigate(`/situations/${s.id}`);
    } catch (e) {
      setError(e);
    }
  };

  const waiting = (s: SituationSummary) => (
    <Text size="sm" fw={(s.waitingDays ?? 0) > 14 ? 700 : 400} c={(s.waitingDays ?? 0) > 14 ? 'red.9' : undefined}>
      {t('sit.waitingDays', { days: s.waitingDays ?? 0 })}
    </Text>
  );
  const takeUpButton = (s: SituationSummary, fullWidth = false) => (
    <Button size="xs" fullWidth={fullWidth} onClick={() => takeUp(s)} aria-label={`${t('triage.takeUp')} ${s.number}`}>
      {t('triage.takeUp')}
    </Button>
  );
  const cards = (items: SituationSummary[], actions: boolean) => (
    <Stack gap="sm">
      {items.map((s) => (
        <Paper key={s.id} withBorder p="sm" data-testid="queue-card">
          <Stack gap={4}>
            <Group justify="space-between" gap="xs">
              <Anchor component={Link} to={`/situations/${s.id}`} fw={600}>
                {s.number}
              </Anchor>
              {waiting(s)}
            </Group>
            <PersonCell s={s} />
            <Text size="sm" c="gray.7">
              {regionName(s.regionId)} · {s.announcingInstitutionName} · {date(s.announcedAt)}
            </Text>
            {actions
              ? takeUpButton(s, true)
              : s.handledByName && (
                  <Text size="sm">
                    {t('sit.handledBy')} {s.handledByName}
                  </Text>
                )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );

  const table = (items: SituationSummary[], actions: boolean) =>
    items.length === 0 ? (
      <Text c="gray.7">{t('triage.empty')}</Text>
    ) : narrow ? (
      cards(items, actions)
    ) : (
      <Table.ScrollContainer minWidth={700}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('sit.number')}</Table.Th>
              <Table.Th scope="col">{t('sit.person')}</Table.Th>
              <Table.Th scope="col">{t('sit.region')}</Table.Th>
              <Table.Th scope="col">{t('sit.announcedBy')}</Table.Th>
              <Table.Th scope="col">{t('sit.announcedAt')}</Table.Th>
              <Table.Th scope="col">{t('sit.waiting')}</Table.Th>
              <Table.Th scope="col">{actions ? t('app.actions') : t('sit.handledBy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/situations/${s.id}`}>
                    {s.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <PersonCell s={s} />
                </Table.Td>
                <Table.Td>{regionName(s.regionId)}</Table.Td>
                <Table.Td>{s.announcingInstitutionName}</Table.Td>
                <Table.Td>{date(s.announcedAt)}</Table.Td>
                <Table.Td>{waiting(s)}</Table.Td>
                <Table.Td>{actions ? takeUpButton(s) : s.handledByName}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={2}>{t('triage.title')}</Title>
        {!me?.regionId && (
          <Select
            label={t('sit.region')}
            clearable
            w={{ base: '100%', xs: 260 }}
            data={(directory.data?.regions ?? []).map((r) => ({ value: r.id, label: localName(r) }))}
            value={regionId}
            onChange={setRegionId}
          />
        )}
      </Group>
      <ErrorAlert error={error ?? queue.error} />
      <Loading when={queue.isLoading} />
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t('triage.announced')}
        </Title>
        {queue.data && table(queue.data.announced, true)}
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t('triage.underReview')}
        </Title>
        {queue.data && table(queue.data.underReview, false)}
      </Paper>
    </Stack>
  );
}
