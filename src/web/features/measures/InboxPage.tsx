import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { InboxItem } from '../../../contracts/measures.ts';
import { get, post } from '../../api/client.ts';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { MeasureSummary } from './MeasureCard.tsx';
import { stepKey } from './use-measures.ts';

const LABELS: Record<string, [MessageKey, MessageKey]> = {
  sas: ['inbox.approveSas', 'inbox.refuseSas'],
  commission: ['inbox.approveCommission', 'inbox.refuseCommission'],
};

function InboxCard({ item }: { item: InboxItem }) {
  const { t, date } = useI18n();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [approve, refuse] = LABELS[item.step] ?? ['inbox.approve', 'inbox.refuse'];
  const decide = async (decision: 'approve' | 'refuse') => {
    setBusy(true);
    setError(null);
    try {
      await post(`/api/measures/${item.measure.id}/decision`, { decision, reason, version: item.measure.version });
      notifications.show({ color: 'teal', message: t('inbox.decided') });
      await queryClient.invalidateQueries({ queryKey: ['inbox'] });
      await queryClient.invalidateQueries({ queryKey: ['attention'] });
    } catch (e) {
      setError(e);
      // Someone else decided first: show the inbox as it is now.
      await queryClient.invalidateQueries({ queryKey: ['inbox'] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" data-testid="inbox-item">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text fw={700}>
              {item.person.identity
                ? `${item.person.identity.name} · ${t('inbox.birth', { date: date(item.person.identity.birthDate) })}`
                : t('inbox.anonymous', { age: item.person.age })}
            </Text>
            <Text size="sm" c="gray.7">
              {item.situationNumber}
              {item.person.commune && ` · ${t('inbox.commune', { commune: item.person.commune })}`} ·{' '}
              {t('inbox.tandem', { names: item.tandem })}
            </Text>
          </div>
          <Text fw={600} size="sm">
            {t(stepKey(item.step))}
          </Text>
        </Group>
        <MeasureSummary m={item.measure} />
        <TextInput
          label={t('inbox.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={fieldError(error, 'reason')}
        />
        <ErrorAlert error={error} />
        <Group>
          <Button loading={busy} onClick={() => void decide('approve')}>
            {t(approve)}
          </Button>
          <Button loading={busy} color="red.9" variant="outline" onClick={() => void decide('refuse')}>
            {t(refuse)}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The deciders' inbox: LMMT, SAS, commune approvers and the Commission droit's secretariat. */
export function InboxPage() {
  const { t } = useI18n();
  const inbox = useQuery({ queryKey: ['inbox'], queryFn: () => get<{ items: InboxItem[] }>('/api/inbox/measures') });
  return (
    <Stack>
      <Title order={2}>{t('inbox.title')}</Title>
      <Text c="gray.7">{t('inbox.intro')}</Text>
      <ErrorAlert error={inbox.error} />
      <Loading when={inbox.isLoading} />
      {inbox.data?.items.length === 0 && <Text>{t('inbox.none')}</Text>}
      {inbox.data?.items.map((item) => (
        <InboxCard key={`${item.measure.id}-${item.measure.version}`} item={item} />
      ))}
    </Stack>
  );
}
