import { Alert, Button, Card, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { post } from '../../api/client.ts';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../auth/session.tsx';

export function ProfilePage() {
  const { t } = useI18n();
  const { me, refresh } = useSession();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (!me) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (newPassword !== confirm) {
      setError(new Error(t('profile.passwordsDiffer')));
      return;
    }
    setBusy(true);
    try {
      await post('/api/auth/password', { currentPassword, newPassword });
      notifications.show({ color: 'teal', message: t('profile.passwordChanged') });
      setCurrent('');
      setNew('');
      setConfirm('');
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const hasFieldErrors = fieldError(error, 'currentPassword') || fieldError(error, 'newPassword');

  return (
    <Stack gap="lg" maw={560}>
      <Title order={2}>{t('profile.title')}</Title>
      {me.mustChangePassword && <Alert color="orange">{t('profile.mustChange')}</Alert>}
      <Card withBorder>
        <Stack gap="xs">
          <Text fw={600} id="language-label">
            {t('profile.language')}
          </Text>
          <LanguageSwitch />
        </Stack>
      </Card>
      <Card withBorder component="form" onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={3} size="h4">
            {t('profile.password')}
          </Title>
          {!hasFieldErrors && <ErrorAlert error={error} />}
          <PasswordInput
            label={t('profile.currentPassword')}
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={fieldError(error, 'currentPassword')}
          />
          <PasswordInput
            label={t('profile.newPassword')}
            description={t('profile.newPasswordHint')}
            autoComplete="new-password"
            required
            value={newPassword}
            onChange={(e) => setNew(e.currentTarget.value)}
            error={fieldError(error, 'newPassword')}
          />
          <PasswordInput
            label={t('profile.confirmPassword')}
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
          />
          <Button type="submit" loading={busy} w="fit-content">
            {t('app.save')}
          </Button>
        </Stack>
      </Card>
    </Stack>
  );
}
