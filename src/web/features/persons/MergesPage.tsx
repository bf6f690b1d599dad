import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { MergeRequestSchema } from '../../../contracts/situations.ts';
import { get, post } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type MergeRequest = z.infer<typeof MergeRequestSchema>;

/** The Bureau reviews each merge of two person records: nothing is merged silently. */
export function MergesPage() {
  const { t, date, colon } = useI18n();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const merges = useQuery({
    queryKey: ['merges'],
    queryFn: () => get<{ items: MergeRequest[] }>('/api/person-merges'),
  });
  const review = async (m: MergeRequest, approve: boolean) => {
    setError(null);
    try {
      await post(`/api/person-merges/${m.id}/review`, { version: m.version, approve });
      await queryClient.invalidateQueries({ queryKey: ['merges'] });
    } catch (e) {
      setError(e);
    }
  };
  const person = (p: MergeRequest['survivor']) =>
    p.visible
      ? [
          `${p.officialName} ${p.firstNames}`,
          date(p.birthDate),
          ...(p.navs13 ? [p.navs13] : []),
          p.createdByInstitutionName,
        ].join(' · ')
      : t('merge.notVisible');
  return (
    <Stack gap="md" maw={900}>
      <Title order={2}>{t('merge.title')}</Title>
      <Text size="sm" c="gray.7">
        {t('merge.intro')}
      </Text>
      <ErrorAlert error={error ?? merges.error} />
      <Loading when={merges.isLoading} />
      {merges.data?.items.length === 0 && <Text c="gray.7">{t('merge.none')}</Text>}
      {merges.data?.items.map((m) => (
        <Card key={m.id} withBorder>
          <Stack gap={4}>
            <Group justify="space-between">
              <Text size="sm" c="gray.7">
                {t('merge.requestedBy', { name: m.requestedByName, date: date(m.requestedAt) })}
              </Text>
              <Badge color={m.status === 'pending' ? 'orange.9' : m.status === 'approved' ? 'teal.9' : 'gray.7'}>
                {t(`merge.status.${m.status}` as MessageKey)}
              </Badge>
            </Group>
            <Text size="sm">
              <strong>{colon(t('merge.survivor'))}</strong> {person(m.survivor)}
            </Text>
            <Text size="sm">
              <strong>{colon(t('merge.duplicate'))}</strong> {person(m.duplicate)}
            </Text>
            <Text size="sm">
              <strong>{colon(t('merge.reason'))}</strong> {m.reason}
            </Text>
            {m.status === 'pending' && m.survivor.visible && m.duplicate.visible && (
              <Group mt="xs">
                <Button size="xs" onClick={() => review(m, true)}>
                  {t('merge.approve')}
                </Button>
                <Button size="xs" variant="default" onClick={() => review(m, false)}>
                  {t('merge.reject')}
                </Button>
              </Group>
            )}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
