import { Button, Group, List, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Situation } from '../../../contracts/situations.ts';
import { get, post } from '../../api/client.ts';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

interface Candidate {
  userId: string;
  name: string;
  institutionName: string;
}

/**
 * The case team: the professionals who follow the person. A procuration opens
 * the file to its named institutions' members on this team (and their
 * répondants CII), not to every employee. The announcer and the Bureau of the
 * region change it; a member who leaves keeps reading for a grace period.
 */
export function CaseTeamPanel({ situation }: { situation: Situation }) {
  const { t, date } = useI18n();
  const queryClient = useQueryClient();
  const manage = situation.abilities.manageCaseTeam;
  const [userId, setUserId] = useState<string | null>(null);
  const candidates = useQuery({
    queryKey: ['situation', situation.id, 'case-team-candidates'],
    queryFn: () => get<Candidate[]>(`/api/situations/${situation.id}/case-team/candidates`),
    enabled: manage,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['situation', situation.id] });
  const add = useMutation({
    mutationFn: (id: string) => post(`/api/situations/${situation.id}/case-team`, { userId: id }),
    onSuccess: async () => {
      setUserId(null);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (m: Situation['caseTeam'][number]) =>
      post(`/api/situations/${situation.id}/case-team/${m.userId}/remove`, { version: m.version }),
    onSuccess: refresh,
  });
  if (!manage && situation.caseTeam.length === 0) return null;
  return (
    <Paper withBorder p="md" data-testid="case-team">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('caseTeam.title')}
        </Title>
        <Text size="sm" c="gray.7">
          {t('caseTeam.intro')}
        </Text>
        {situation.caseTeam.length === 0 ? (
          <Text size="sm">{t('caseTeam.none')}</Text>
        ) : (
          <List size="sm" spacing={4}>
            {situation.caseTeam.map((m) => (
              <List.Item key={m.userId}>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {m.name}
                  </Text>
                  <Text size="sm">· {m.institutionName}</Text>
                  <Text size="xs" c="gray.7">
                    ·{' '}
                    {m.removedAt
                      ? t('caseTeam.left', { date: date(m.removedAt), until: date(m.accessUntil) })
                      : t('caseTeam.addedBy', { name: m.addedByName, date: date(m.addedAt) })}
                  </Text>
                  {manage && !m.removedAt && (
                    <Button
                      size="xs"
                      variant="outline"
                      color="red.9"
                      loading={remove.isPending && remove.variables?.userId === m.userId}
                      onClick={() => remove.mutate(m)}
                    >
                      {t('caseTeam.remove')}
                    </Button>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {manage && (
          <Group align="flex-end">
            <Select
              label={t('caseTeam.candidate')}
              placeholder={candidates.data && candidates.data.length === 0 ? t('caseTeam.noCandidate') : undefined}
              searchable
              clearable
              w={380}
              data={(candidates.data ?? []).map((c) => ({
                value: c.userId,
                label: `${c.name} · ${c.institutionName}`,
              }))}
              value={userId}
              onChange={setUserId}
              error={fieldError(add.error, 'userId')}
            />
            <Button disabled={!userId} loading={add.isPending} onClick={() => userId && add.mutate(userId)}>
              {t('caseTeam.add')}
            </Button>
          </Group>
        )}
        <ErrorAlert error={add.error && !fieldError(add.error, 'userId') ? add.error : remove.error} />
      </Stack>
    </Paper>
  );
}
