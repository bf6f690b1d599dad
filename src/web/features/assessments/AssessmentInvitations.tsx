import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import type { AssessmentInvitationSchema } from '../../../contracts/assessments.ts';
import { get } from '../../api/client.ts';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Invitation = z.infer<typeof AssessmentInvitationSchema>;

/** The home page's block: the MAMAC assessments the user is invited to, with the meeting's date and place. */
export function AssessmentInvitations() {
  const { t, date } = useI18n();
  const list = useQuery({
    queryKey: ['assessment-invitations'],
    queryFn: () => get<{ items: Invitation[] }>('/api/me/assessment-invitations'),
  });
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="assessment-invitations-title" data-testid="assessment-invitations">
      <Title order={3} size="h4" id="assessment-invitations-title" mb="sm">
        {t('asm.invitationsHome')}
      </Title>
      <Stack gap="xs">
        {items.map((i) => (
          <Text key={i.situationId} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {/* The SMR doctor reads the assessment alone, not the file. */}
            <Anchor
              component={Link}
              to={i.role === 'smr_doctor' ? `/situations/${i.situationId}/assessment` : `/situations/${i.situationId}`}
            >
              {i.number}
            </Anchor>{' '}
            · {t(`asm.status.${i.status}` as MessageKey)} · {t(`asm.role.${i.role}` as MessageKey)} ·{' '}
            {i.meeting
              ? t('asm.invitationsHome.meeting', {
                  date: date(i.meeting.startOn),
                  time: i.meeting.startTime,
                  place: i.meeting.place,
                })
              : t('asm.invitationsHome.noDate')}
          </Text>
        ))}
      </Stack>
    </section>
  );
}
