import { Alert, Box, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import {
  AUDIT_EXPORT_MAX_ROWS,
  type AuditEntry,
  type AuditPage as Page,
  type ChainReport,
} from '../../../contracts/audit.ts';
import type { User } from '../../../contracts/users.ts';
import { AUDIT_ACTION_LABELS } from '../../../domain/audit/action-labels.ts';
import { AUDIT_ACTIONS } from '../../../domain/audit/actions.ts';
import { get, post, query } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

const PAGE_SIZE = 50;

/** Who acted, for which institution. */
function Actor({ e }: { e: AuditEntry }) {
  const { t } = useI18n();
  return (
    <>
      {e.actorName ?? t('audit.system')}
      {e.actorInstitutionName && (
        <Text size="xs" c="gray.7">
          {e.actorInstitutionName}
        </Text>
      )}
    </>
  );
}

/** The situation's number and the person where this reader may see who it is; otherwise the record's kind and id. */
function Subject({ e }: { e: AuditEntry }) {
  const { t } = useI18n();
  return (
    <Stack gap={0}>
      {e.situationNumber ? (
        <Text size="sm" fw={600}>
          {e.situationNumber}
        </Text>
      ) : e.recordTypeLabel ? (
        <Text size="xs">
          {e.recordTypeLabel} {e.recordName ?? <code>{e.recordId ?? ''}</code>}
        </Text>
      ) : (
        <Text size="sm">{t('app.none')}</Text>
      )}
      {e.personName ? (
        <Text size="sm">{e.personName}</Text>
      ) : (
        e.subjectPersonId && (
          <Text size="xs" c="gray.7">
            {t('audit.personHidden')}
          </Text>
        )
      )}
    </Stack>
  );
}

function Outcome({ allowed }: { allowed: boolean }) {
  const { t } = useI18n();
  return allowed ? (
    <Text size="sm" c="teal.9">
      {t('audit.allowed')}
    </Text>
  ) : (
    <Text size="sm" c="red.9" fw={700}>
      {t('audit.denied')}
    </Text>
  );
}

function ActionCell({ e }: { e: AuditEntry }) {
  const { t } = useI18n();
  return (
    <>
      {e.actionLabel}
      <Text size="xs" c="gray.7">
        {t('audit.code', { code: e.action })}
      </Text>
    </>
  );
}

/**
 * The audit log for administrators: labels in the reader's language, who acted and where, the situation's number
 * and the person where the policy lets this reader see them; filters, "show more" after the last row, the same
 * filters exported as CSV.
 */
export function AuditPage() {
  const { t, lang, dateTime } = useI18n();
  const [actorUserId, setActor] = useState<string | null>(null);
  const [person, setPerson] = useState('');
  const [subject, setSubject] = useState('');
  const [action, setAction] = useState<string | null>(null);
  const [allowed, setAllowed] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [filters] = useDebouncedValue({ actorUserId, person, subject, action, allowed, from, to }, 300);
  const [report, setReport] = useState<ChainReport | null>(null);
  const [verifyError, setVerifyError] = useState<unknown>(null);
  const [verifying, setVerifying] = useState(false);

  const users = useQuery({
    queryKey: ['users', 'all-for-audit'],
    queryFn: () => get<{ items: User[] }>('/api/users?pageSize=200&includeDisabled=true'),
  });
  const entries = useInfiniteQuery({
    // The server labels in the reader's language: another language is another list.
    queryKey: ['audit', filters, lang],
    queryFn: ({ pageParam }) =>
      get<Page>(`/api/audit${query({ ...filters, pageSize: PAGE_SIZE, cursor: pageParam ?? undefined })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  const items = entries.data?.pages.flatMap((p) => p.items) ?? [];
  const actions = useMemo(
    () =>
      [...new Set(AUDIT_ACTIONS)]
        .map((a) => ({ value: a, label: AUDIT_ACTION_LABELS[a][lang] }))
        .sort((a, b) => a.label.localeCompare(b.label, lang)),
    [lang],
  );
  const verify = async () => {
    setVerifying(true);
    setVerifyError(null);
    try {
      setReport(await post<ChainReport>('/api/audit/verify'));
    } catch (e) {
      setVerifyError(e);
    } finally {
      setVerifying(false);
    }
  };
  // The export asks for what the screen shows now (not the debounced filters a keystroke behind).
  const exportHref = `/api/audit/export${query({ actorUserId, person, subject, action, allowed, from, to })}`;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('audit.title')}</Title>
        <Button onClick={verify} loading={verifying} variant="outline">
          {t('audit.verify')}
        </Button>
      </Group>
      <Text size="sm" c="gray.7" maw={900}>
        {t('audit.intro')}
      </Text>
      <ErrorAlert error={verifyError} />
      {report && (
        <Alert color={report.ok ? 'teal' : 'red'} role="status" data-testid="chain-report">
          <Stack gap={4}>
            <Text size="sm">
              {report.ok
                ? t('audit.chainOk', { checked: report.checked })
                : report.reason === 'checkpoint_invalid'
                  ? t('audit.checkpointInvalid', { lines: report.invalidCheckpointLines.join(', ') })
                  : t('audit.chainBroken', {
                      seq: report.brokenAtSeq ?? 0,
                      reason: t(`audit.reason.${report.reason ?? 'hash_mismatch'}`),
                    })}
            </Text>
            <Text size="sm">
              {report.checkpoint
                ? t('audit.checkpointCompared', { seq: report.checkpoint.seq, at: dateTime(report.checkpoint.at) })
                : t('audit.noCheckpoint')}
            </Text>
          </Stack>
        </Alert>
      )}
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('audit.filterPerson')}
          // Only persons the reader may see are searched (decision 021): an administrator alone finds none.
          description={t('audit.filterPersonHint')}
          w={240}
          value={person}
          onChange={(e) => setPerson(e.currentTarget.value)}
        />
        <Select
          label={t('audit.filterUser')}
          clearable
          searchable
          w={240}
          data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.familyName} ${u.givenName}` }))}
          value={actorUserId}
          onChange={setActor}
        />
        <TextInput
          label={t('audit.filterRecord')}
          w={240}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
        />
        <Select
          label={t('audit.filterActionLabel')}
          clearable
          searchable
          w={280}
          data={actions}
          value={action}
          onChange={setAction}
        />
        <Select
          label={t('audit.filterResult')}
          clearable
          w={160}
          data={[
            { value: 'true', label: t('audit.allowed') },
            { value: 'false', label: t('audit.denied') },
          ]}
          value={allowed}
          onChange={setAllowed}
        />
        <DateField label={t('audit.from')} value={from} onChange={setFrom} />
        <DateField label={t('audit.to')} value={to} onChange={setTo} />
      </Group>
      <Group gap="sm">
        <Button component="a" href={exportHref} download variant="default">
          {t('audit.exportCsv')}
        </Button>
        <Text size="xs" c="gray.7">
          {t('audit.exportHint', { max: AUDIT_EXPORT_MAX_ROWS.toLocaleString('de-CH') })}
        </Text>
      </Group>
      <ErrorAlert error={entries.error} />
      <Loading when={entries.isLoading} />
      <Table.ScrollContainer minWidth={900} visibleFrom="md">
        <Table striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('audit.when')}</Table.Th>
              <Table.Th scope="col">{t('audit.who')}</Table.Th>
              <Table.Th scope="col">{t('audit.action')}</Table.Th>
              <Table.Th scope="col">{t('audit.record')}</Table.Th>
              <Table.Th scope="col">{t('audit.ip')}</Table.Th>
              <Table.Th scope="col">{t('audit.result')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((e) => (
              <Table.Tr key={e.id} data-testid="audit-entry">
                <Table.Td>{dateTime(e.at)}</Table.Td>
                <Table.Td>
                  <Actor e={e} />
                </Table.Td>
                <Table.Td>
                  <ActionCell e={e} />
                </Table.Td>
                <Table.Td>
                  <Subject e={e} />
                </Table.Td>
                <Table.Td>{e.ip}</Table.Td>
                <Table.Td>
                  <Outcome allowed={e.allowed} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {/* On a phone, one card per entry: six columns do not fit 390 pixels. */}
      <Stack gap="xs" hiddenFrom="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((e) => (
          <Card key={e.id} withBorder padding="sm" component="li" data-testid="audit-entry">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Text size="xs" c="gray.7">
                {dateTime(e.at)} · {e.ip}
              </Text>
              <Outcome allowed={e.allowed} />
            </Group>
            <Box fz="sm" fw={600}>
              <ActionCell e={e} />
            </Box>
            <Box fz="sm">
              <Actor e={e} />
            </Box>
            <Subject e={e} />
          </Card>
        ))}
      </Stack>
      {entries.data && items.length === 0 && <Text c="gray.7">{t('audit.none')}</Text>}
      <Group justify="space-between">
        <Text size="sm" c="gray.7" aria-live="polite">
          {items.length > 0 && t(entries.hasNextPage ? 'audit.shownMore' : 'audit.shownAll', { n: items.length })}
        </Text>
        {entries.hasNextPage && (
          <Button variant="default" onClick={() => void entries.fetchNextPage()} loading={entries.isFetchingNextPage}>
            {t('audit.showMore')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
