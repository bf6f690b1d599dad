import { Suspense, lazy } from 'react';
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { AttentionItem } from '../../../contracts/auth.ts';
import { monthLabel } from '../../../domain/tandem/monthly-report.ts';
import { get, post } from '../../api/client.ts';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../auth/session.tsx';
import { RoundTableInvitations } from '../round-tables/RoundTableInvitations.tsx';
import { AssessmentInvitations } from '../assessments/AssessmentInvitations.tsx';

// The statistics readers' key figures are a chunk of their own: every other home page stays within its script budget.
const HomeFigures = lazy(() => import('../figures/HomeFigures.tsx').then((m) => ({ default: m.HomeFigures })));

/** What needs the user's attention, by kind: each capability adds its own line here. */
const ATTENTION: Record<AttentionItem['kind'], { color: string; title: MessageKey; to: string; action: MessageKey }> = {
  change_password: {
    color: 'orange',
    title: 'home.changePassword',
    to: '/profile',
    action: 'home.changePasswordAction',
  },
  triage_queue: { color: 'blue', title: 'home.queue', to: '/triage', action: 'home.queueAction' },
  drafts: { color: 'gray', title: 'home.drafts', to: '/situations?mine=true', action: 'home.draftsAction' },
  locked_accounts: { color: 'orange', title: 'home.lockedAccounts', to: '/users', action: 'home.lockedAccountsAction' },
  tandem_to_assign: {
    color: 'blue',
    title: 'home.tandem_to_assign',
    to: '/situations?status=tandem',
    action: 'home.tandem_to_assignAction',
  },
  // Tandem reminders name one situation: the link opens it.
  intensity_behind: { color: 'orange', title: 'home.intensity_behind', to: '', action: 'home.openSituation' },
  months_missed: { color: 'red', title: 'home.months_missed', to: '', action: 'home.openSituation' },
  report_due: { color: 'orange', title: 'home.report_due', to: '', action: 'home.openSituation' },
  mandate_ending: { color: 'blue', title: 'home.mandate_ending', to: '', action: 'home.openSituation' },
  follow_up_due: { color: 'orange', title: 'home.follow_up_due', to: '', action: 'home.openSituation' },
  handed_back: { color: 'teal', title: 'home.handed_back', to: '', action: 'home.openSituation' },
  hand_back_due: { color: 'orange', title: 'home.hand_back_due', to: '', action: 'home.openSituation' },
  measures_to_decide: { color: 'blue', title: 'home.measures_to_decide', to: '/inbox', action: 'home.openInbox' },
  alerts: { color: 'red', title: 'home.alerts', to: '/alerts', action: 'home.alertsAction' },
};

function AttentionCard({ item }: { item: AttentionItem }) {
  const { t, lang, date } = useI18n();
  const shape = ATTENTION[item.kind];
  const params = {
    count: item.count ?? 0,
    number: item.situationNumber ?? '',
    months: (item.months ?? []).map((m) => monthLabel(m, lang)).join(', '),
    date: item.date ? date(item.date) : '',
  };
  return (
    <Alert color={shape.color} title={t(shape.title, params)} data-testid={`attention-${item.kind}`}>
      <Button component={Link} to={item.situationId ? `/situations/${item.situationId}` : shape.to} size="xs" mt="xs">
        {t(shape.action)}
      </Button>
    </Alert>
  );
}

interface Notification {
  id: string;
  kind: string;
  situationId: string | null;
  situationNumber: string | null;
  createdAt: string;
  read: boolean;
  details: Record<string, unknown>;
}

const useNotifications = () =>
  useQuery({
    queryKey: ['notifications'],
    queryFn: () => get<{ items: Notification[] }>('/api/notifications'),
  });

/** In-app notifications: new announcements for the Bureau, decisions for the announcer. */
function Notifications() {
  const { t, dateTime, lang } = useI18n();
  const queryClient = useQueryClient();
  const list = useNotifications();
  const unread = list.data?.items.filter((n) => !n.read) ?? [];
  if (unread.length === 0) return null;
  const open = async (n: Notification) => {
    await post(`/api/notifications/${n.id}/read`);
    await queryClient.invalidateQueries({ queryKey: ['notifications'] });
  };
  return (
    <section aria-labelledby="notifications-title">
      <Title order={3} size="h4" id="notifications-title" mb="sm">
        {t('notif.title')}
      </Title>
      <Stack gap="xs">
        {unread.map((n) => (
          <Group key={n.id} justify="space-between" wrap="nowrap" data-testid="notification">
            <Text size="sm">
              {t(`notif.${n.kind}` as MessageKey, {
                number: n.situationNumber ?? '',
                // A withdrawn measure says which and why (the decider reads no file to find out).
                name: String((lang === 'de' ? n.details.nameDe : n.details.nameFr) ?? ''),
                reason: String(n.details.reason ?? ''),
              })}{' '}
              <Text span size="xs" c="gray.7">
                · {dateTime(n.createdAt)}
              </Text>
            </Text>
            {n.situationId && (
              <Button
                component={Link}
                // A decider told of a withdrawn measure may not read the file: their decisions page instead.
                to={n.kind === 'measure_withdrawn' ? '/inbox' : `/situations/${n.situationId}`}
                size="xs"
                variant="light"
                onClick={() => void open(n)}
              >
                {t('notif.open')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </section>
  );
}

export function HomePage() {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const attention = useQuery({
    queryKey: ['attention'],
    queryFn: () => get<{ items: AttentionItem[] }>('/api/me/attention'),
  });
  const notifications = useNotifications();
  if (!me) return null;
  // The page appears whole once both lists are in: sections filling in one after the other pushed the ones
  // below them down (a layout shift of about 0.1).
  if (attention.isLoading || notifications.isLoading) {
    return (
      <Stack gap="lg" maw={900}>
        <Title order={2}>{t('home.title', { name: me.givenName })}</Title>
        <Loading minHeight={200} />
      </Stack>
    );
  }
  return (
    <Stack gap="lg" maw={900}>
      <Title order={2}>{t('home.title', { name: me.givenName })}</Title>
      <section aria-labelledby="attention-title">
        <Title order={3} size="h4" id="attention-title" mb="sm">
          {t('home.attention')}
        </Title>
        <Stack gap="sm">
          {attention.data?.items.length === 0 && <Text c="gray.7">{t('home.nothing')}</Text>}
          {attention.data?.items.map((item) => (
            <AttentionCard key={`${item.kind}-${item.situationId ?? ''}`} item={item} />
          ))}
        </Stack>
      </section>
      <RoundTableInvitations />
      <Notifications />
      <AssessmentInvitations />
      {me.abilities.readFigures && me.roles.includes('statistics_reader') && (
        <Suspense fallback={<Loading />}>
          <HomeFigures />
        </Suspense>
      )}
      <Card withBorder>
        <Stack gap="xs">
          <Text fw={600}>{t('home.yourInstitution')}</Text>
          <Text>{lang === 'de' ? me.institution.nameDe : me.institution.nameFr}</Text>
          <Text fw={600} mt="sm">
            {t('home.yourRoles')}
          </Text>
          <Group gap="xs">
            {me.roles.map((role) => (
              <Badge key={role} color="teal.9">
                {t(`role.${role}`)}
              </Badge>
            ))}
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
