import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { AttentionItem } from '../../../contracts/auth.ts';
import { get } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../auth/session.tsx';

/** What needs the user's attention; each capability adds its own kinds of item. */
function AttentionCard({ item }: { item: AttentionItem }) {
  const { t } = useI18n();
  switch (item.kind) {
    case 'change_password':
      return (
        <Alert color="orange" title={t('home.changePassword')}>
          <Button component={Link} to="/profile" size="xs" mt="xs">
            {t('home.changePasswordAction')}
          </Button>
        </Alert>
      );
    case 'locked_accounts':
      return (
        <Alert color="orange" title={t('home.lockedAccounts', { count: item.count ?? 0 })}>
          <Button component={Link} to="/users" size="xs" mt="xs">
            {t('home.lockedAccountsAction')}
          </Button>
        </Alert>
      );
  }
}

export function HomePage() {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const attention = useQuery({ queryKey: ['attention'], queryFn: () => get<{ items: AttentionItem[] }>('/api/me/attention') });
  if (!me) return null;
  return (
    <Stack gap="lg" maw={900}>
      <Title order={2}>{t('home.title', { name: me.givenName })}</Title>
      <section aria-labelledby="attention-title">
        <Title order={3} size="h4" id="attention-title" mb="sm">
          {t('home.attention')}
        </Title>
        <Stack gap="sm">
          {attention.isLoading && <Text>{t('app.loading')}</Text>}
          {attention.data?.items.length === 0 && <Text c="gray.7">{t('home.nothing')}</Text>}
          {attention.data?.items.map((item) => <AttentionCard key={item.kind} item={item} />)}
        </Stack>
      </section>
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
