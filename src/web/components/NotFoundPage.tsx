import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Stack maw={520} gap="md">
      <Title order={2}>{t('app.notFound.title')}</Title>
      <Text>{t('app.notFound.text')}</Text>
      <Button component={Link} to="/" variant="light" w="fit-content">
        {t('app.backHome')}
      </Button>
    </Stack>
  );
}
