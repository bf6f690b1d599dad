import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import type { Me } from '../../../contracts/auth.ts';
import { post } from '../../api/client.ts';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from './session.tsx';

export function SignInPage() {
  const { t, setLang } = useI18n();
  const { me } = useSession();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (me) return <Navigate to="/" replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const profile = await post<Me>('/api/auth/sign-in', { username, password });
      setLang(profile.language);
      queryClient.setQueryData(['me'], profile);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/sign-in' ? from : '/', { replace: true });
    } catch (e) {
      setError(e);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper component="main" withBorder shadow="sm" p="xl" w={420} maw="100%">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={1} c="teal.9">
                  {t('app.name')}
                </Title>
                <Text size="sm" c="gray.7">
                  {t('app.tagline')}
                </Text>
              </div>
              <LanguageSwitch />
            </Group>
            <Title order={2} size="h3">
              {t('signIn.title')}
            </Title>
            <Text size="sm">{t('signIn.intro')}</Text>
            {params.get('signedOut') && <Alert color="teal">{t('signIn.signedOut')}</Alert>}
            <ErrorAlert error={error && !fieldError(error, 'username') ? error : null} />
            <TextInput
              label={t('signIn.username')}
              autoComplete="username"
              required
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              error={fieldError(error, 'username')}
              data-autofocus
            />
            <PasswordInput
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fieldError(error, 'password')}
            />
            <Button type="submit" loading={busy}>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
