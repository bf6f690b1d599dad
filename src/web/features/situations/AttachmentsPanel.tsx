import { Anchor, Button, FileInput, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Situation } from '../../../contracts/situations.ts';
import { upload } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export function AttachmentsPanel({ situation }: { situation: Situation }) {
  const { t, dateTime } = useI18n();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      await upload(`/api/situations/${situation.id}/attachments?filename=${encodeURIComponent(file.name)}`, file);
      notifications.show({ color: 'teal', message: t('att.uploaded') });
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: ['situation', situation.id] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('att.title')}
        </Title>
        {situation.attachments.length === 0 ? (
          <Text c="gray.7">{t('att.none')}</Text>
        ) : (
          <List size="sm">
            {situation.attachments.map((a) => (
              <List.Item key={a.id}>
                <Anchor
                  href={`/api/situations/${situation.id}/attachments/${a.id}`}
                  aria-label={t('att.download', { name: a.filename })}
                >
                  {a.filename}
                </Anchor>{' '}
                <Text span size="xs" c="gray.7">
                  · {t('att.size', { kb: Math.ceil(a.sizeBytes / 1024) })} · {dateTime(a.uploadedAt)} · SHA-256{' '}
                  {a.sha256.slice(0, 12)}…
                </Text>
              </List.Item>
            ))}
          </List>
        )}
        {situation.abilities.attach && (
          <Group align="flex-end">
            <FileInput
              label={t('att.add')}
              accept="application/pdf,image/png,image/jpeg"
              value={file}
              onChange={setFile}
              clearable
              w={360}
            />
            <Button onClick={send} disabled={!file} loading={busy}>
              {t('app.save')}
            </Button>
          </Group>
        )}
        <ErrorAlert error={error} />
      </Stack>
    </Paper>
  );
}
