import { Alert, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AuditEntry, ChainReport } from '../../../contracts/audit.ts';
import type { User } from '../../../contracts/users.ts';
import { get, post, query } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Pager } from '../../components/Pager.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

const PAGE_SIZE = 50;

export function AuditPage() {
  const { t, dateTime } = useI18n();
  const [actorUserId, setActor] = useState<string | null>(null);
  const [subject, setSubject] = useState('');
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const [filters] = useDebouncedValue({ actorUserId, subject, action, from, to }, 300);
  const [report, setReport] = useState<ChainReport | null>(null);
  const [verifyError, setVerifyError] = useState<unknown>(null);
  const [verifying, setVerifying] = useState(false);

  const users = useQuery({
    queryKey: ['users', 'all-for-audit'],
    queryFn: () => get<{ items: User[] }>('/api/users?pageSize=200&includeDisabled=true'),
  });
  const entries = useQuery({
    queryKey: ['audit', filters, page],
    queryFn: () =>
      get<{ items: AuditEntry[]; total: number }>(`/api/audit${query({ ...filters, page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
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
  const reset = (fn: (v: string) => void) => (v: string) => {
    fn(v);
    setPage(1);
  };

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
        <Select
          label={t('audit.filterUser')}
          clearable
          searchable
          w={240}
          data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.familyName} ${u.givenName}` }))}
          value={actorUserId}
          onChange={(v) => {
            setActor(v);
            setPage(1);
          }}
        />
        <TextInput
          label={t('audit.filterSubject')}
          w={300}
          value={subject}
          onChange={(e) => reset(setSubject)(e.currentTarget.value)}
        />
        <TextInput
          label={t('audit.filterAction')}
          w={180}
          value={action}
          onChange={(e) => reset(setAction)(e.currentTarget.value)}
          placeholder="user."
        />
        <DateField label={t('audit.from')} value={from} onChange={reset(setFrom)} />
        <DateField label={t('audit.to')} value={to} onChange={reset(setTo)} />
      </Group>
      <ErrorAlert error={entries.error} />
      <Table.ScrollContainer minWidth={900}>
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
            {entries.data?.items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{dateTime(e.at)}</Table.Td>
                <Table.Td>
                  {e.actorName ?? t('audit.system')}
                  {e.actorInstitutionName && (
                    <Text size="xs" c="gray.7">
                      {e.actorInstitutionName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <code>{e.action}</code>
                </Table.Td>
                <Table.Td>
                  {e.recordType ? (
                    <Text size="xs">
                      {e.recordType} <code>{e.recordId ?? ''}</code>
                    </Text>
                  ) : (
                    t('app.none')
                  )}
                </Table.Td>
                <Table.Td>{e.ip}</Table.Td>
                <Table.Td>
                  {e.allowed ? (
                    <Text size="sm" c="teal.9">
                      {t('audit.allowed')}
                    </Text>
                  ) : (
                    <Text size="sm" c="red.9" fw={700}>
                      {t('audit.denied')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {entries.data?.items.length === 0 && <Text c="gray.7">{t('audit.none')}</Text>}
      <Pager page={page} total={entries.data?.total ?? 0} pageSize={PAGE_SIZE} onChange={setPage} />
    </Stack>
  );
}
