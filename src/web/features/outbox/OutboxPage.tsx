import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

interface OutboxItem {
  readable: boolean;
  id: string;
  messageId: string;
  to: string[];
  subject: string;
  status: 'pending' | 'sent';
  attempts: number;
  createdAt: string;
  nextAttemptAt: string;
  sentAt: string | null;
  lastError: string | null;
}

/** The status is read whole, in French as in German, at any width (issue 11: "EN AT…"). */
const WHOLE = { root: 'badge-whole', label: 'badge-whole-label' };

function Status({ m }: { m: OutboxItem }) {
  const { t, dateTime } = useI18n();
  return m.status === 'sent' ? (
    <Badge color="teal.9" classNames={WHOLE}>
      {t('outbox.sent', { time: dateTime(m.sentAt) })}
    </Badge>
  ) : (
    <Stack gap={2} align="flex-start">
      <Badge color="orange.9" classNames={WHOLE}>
        {t('outbox.pending')}
      </Badge>
      {m.attempts > 0 && (
        <Text size="xs" c="gray.7">
          {t('outbox.nextAttempt', { time: dateTime(m.nextAttemptAt) })}
          {m.lastError ? ` — ${m.lastError}` : ''}
        </Text>
      )}
    </Stack>
  );
}

function EmlCell({ m }: { m: OutboxItem }) {
  const { t } = useI18n();
  return m.readable ? (
    <Anchor href={`/api/outbox/${m.id}/eml`}>{t('outbox.download')}</Anchor>
  ) : (
    <Text size="xs" c="gray.7">
      {t('outbox.aboutSituation')}
    </Text>
  );
}

/** The e-mail outbox: what waits (without SMTP, every message), what left, and each as an .eml file. */
export function OutboxPage() {
  const { t, dateTime } = useI18n();
  const outbox = useQuery({ queryKey: ['outbox'], queryFn: () => get<{ items: OutboxItem[] }>('/api/outbox') });
  return (
    <Stack gap="md">
      <Title order={2}>{t('outbox.title')}</Title>
      <Text size="sm" c="gray.7" maw={900}>
        {t('outbox.intro')}
      </Text>
      <ErrorAlert error={outbox.error} />
      <Loading when={outbox.isLoading} />
      <Table.ScrollContainer minWidth={900} visibleFrom="md">
        <Table striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('outbox.created')}</Table.Th>
              <Table.Th scope="col">{t('outbox.to')}</Table.Th>
              <Table.Th scope="col">{t('outbox.subject')}</Table.Th>
              <Table.Th scope="col" miw={150}>
                {t('outbox.status')}
              </Table.Th>
              <Table.Th scope="col">{t('outbox.attempts')}</Table.Th>
              <Table.Th scope="col">{t('outbox.file')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {outbox.data?.items.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{dateTime(m.createdAt)}</Table.Td>
                <Table.Td>{m.to.join(', ')}</Table.Td>
                {/* As it was sent, in its recipient's language: not translated with the page. */}
                <Table.Td translate="no">{m.subject}</Table.Td>
                <Table.Td>
                  <Status m={m} />
                </Table.Td>
                <Table.Td>{m.attempts}</Table.Td>
                <Table.Td>
                  <EmlCell m={m} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {/* On a phone, one card per message, its status first: a wide table would hide it to the right. */}
      <Stack gap="xs" hiddenFrom="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {outbox.data?.items.map((m) => (
          <Card key={m.id} withBorder padding="sm" component="li">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Text size="xs" c="gray.7">
                {dateTime(m.createdAt)} · {t('outbox.attempts')} {m.attempts}
              </Text>
              <Status m={m} />
            </Group>
            <Text size="sm" fw={600}>
              {m.subject}
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {m.to.join(', ')}
            </Text>
            <EmlCell m={m} />
          </Card>
        ))}
      </Stack>
      {outbox.data?.items.length === 0 && <Text c="gray.7">{t('outbox.none')}</Text>}
    </Stack>
  );
}
