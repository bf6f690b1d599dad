import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { RoundTableInvitation } from '../../../contracts/round-tables.ts';
import { zurichLocal } from '../../../domain/calendar/zurich-time.ts';
import { get } from '../../api/client.ts';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The round tables the signed-in user is invited to (issue 12), on the home page; nothing when there are none. */
export function RoundTableInvitations() {
  const { t, date } = useI18n();
  const invitations = useQuery({
    queryKey: ['round-table-invitations'],
    queryFn: () => get<{ items: RoundTableInvitation[] }>('/api/me/round-table-invitations'),
  });
  const items = invitations.data?.items ?? [];
  if (!items.length) return null;
  return (
    <section aria-labelledby="rt-invitations-title">
      <Title order={3} size="h4" id="rt-invitations-title" mb="sm">
        {t('home.rtInvitations')}
      </Title>
      <Stack gap="xs">
        {items.map((i) => {
          const local = i.meetingStart ? zurichLocal(new Date(i.meetingStart)) : null;
          return (
            <Paper key={i.passageId} withBorder p="sm" data-testid="rt-invitation">
              <Anchor component={Link} to={`/situations/${i.situationId}`} fw={600}>
                {t('home.rtInvitation', {
                  number: i.situationNumber,
                  when: local ? `${date(local.date)} ${local.time}` : t('home.rtNoDate'),
                  place: i.place || '—',
                })}
              </Anchor>
              <Text size="xs" c="gray.7">
                {t(`rt.status.${i.status}` as MessageKey)} · {t('rt.coordinator', { name: i.coordinatorName })}
              </Text>
            </Paper>
          );
        })}
      </Stack>
    </section>
  );
}
