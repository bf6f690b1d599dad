import { Alert, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { Mandate, TandemFile } from '../../../contracts/tandem.ts';
import { tandemMembers } from '../../../domain/access/institution-kind-labels.ts';
import { post } from '../../api/client.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DateField } from '../../components/DateField.tsx';
import { Field } from '../../components/Field.tsx';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { IntensityView } from './IntensityView.tsx';
import { useTandemAction } from './use-tandem-file.ts';

/** Extension: a later end with a justification; the server refuses beyond nine months and says until when. */
function ExtendForm({ situationId, m }: { situationId: string; m: Mandate }) {
  const { t, date } = useI18n();
  const [endOn, setEndOn] = useState('');
  const [justification, setJustification] = useState('');
  const { run, error, busy } = useTandemAction(situationId);
  const submit = async () => {
    const sent = { endOn, justification };
    if (
      await run(
        () => post(`/api/situations/${situationId}/mandate/extend`, { ...sent, version: m.version }),
        t('mandate.extended'),
      )
    ) {
      // Only what was sent is cleared: whatever the user typed meanwhile (the page refreshed first) stays.
      setEndOn((current) => (current === sent.endOn ? '' : current));
      setJustification((current) => (current === sent.justification ? '' : current));
    }
  };
  return (
    <Stack gap="xs" data-testid="extend-form">
      <Text fw={600} size="sm">
        {t('mandate.extendTitle')}
      </Text>
      <Text size="xs" c="gray.7">
        {t('mandate.limitHint', { latest: date(m.latestEndOn) })}
      </Text>
      <Group align="flex-start">
        <DateField label={t('mandate.newEnd')} value={endOn} onChange={setEndOn} error={fieldError(error, 'endOn')} />
        <Textarea
          label={t('mandate.justification')}
          autosize
          minRows={1}
          w={360}
          value={justification}
          onChange={(e) => setJustification(e.currentTarget.value)}
          error={fieldError(error, 'justification')}
        />
      </Group>
      <ErrorAlert error={error} />
      <Group>
        <Button variant="light" loading={busy} onClick={() => void submit()}>
          {t('mandate.extend')}
        </Button>
      </Group>
    </Stack>
  );
}

function HandBack({ situationId, m }: { situationId: string; m: Mandate }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const { run, error, busy } = useTandemAction(situationId);
  return (
    <Alert color="orange" title={t('mandate.handBackPending', { name: m.handBackTo?.name ?? '' })}>
      <Stack gap="xs">
        <Textarea
          label={t('mandate.handBackNote')}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <ErrorAlert error={error} />
        <Group>
          <ConfirmButton
            loading={busy}
            // The label names the person: on a phone it wraps instead of pushing the alert wider than the screen.
            styles={{
              root: { maxWidth: '100%', height: 'auto', minHeight: 36, paddingTop: 6, paddingBottom: 6 },
              label: { whiteSpace: 'normal', textAlign: 'left' },
            }}
            title={t('mandate.handBackConfirmTitle', { name: m.handBackTo?.name ?? '' })}
            consequences={[
              t('mandate.handBackConfirmHolder', { name: m.handBackTo?.name ?? '' }),
              t('mandate.handBackConfirmFinal'),
            ]}
            confirmLabel={t('mandate.handBack', { name: m.handBackTo?.name ?? '' })}
            onConfirm={() =>
              run(
                () => post(`/api/situations/${situationId}/mandate/hand-back`, { note, version: m.version }),
                t('mandate.handBackDone'),
              )
            }
          >
            {t('mandate.handBack', { name: m.handBackTo?.name ?? '' })}
          </ConfirmButton>
        </Group>
      </Stack>
    </Alert>
  );
}

export function MandateCard({
  situationId,
  file,
  mandate: m,
  coach,
  handBack,
  followUp,
}: {
  situationId: string;
  file: TandemFile;
  mandate: Mandate;
  coach: boolean;
  handBack: boolean;
  followUp: boolean;
}) {
  const { t, lang, date, dateTime } = useI18n();
  return (
    <Paper withBorder p="md" data-testid="mandate">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('mandate.title')}
          </Title>
          {m.overCapacity && <Badge color="orange.9">{t('mandate.overCapacity')}</Badge>}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Field label={t('mandate.tandem')}>{tandemMembers(m.tandem.orp.name, m.tandem.cms.name, lang)}</Field>
          {/* A closed mandate ran until its outcome: its planned end is no longer what the reader needs. */}
          <Field label={t('mandate.period', { start: date(m.startOn), end: date(m.outcomeOn ?? m.endOn) })}>
            {m.closedAt && m.outcomeOn
              ? t('mandate.endedOn', { date: date(m.outcomeOn) })
              : t('mandate.planned', { date: date(m.plannedEndOn), latest: date(m.latestEndOn) })}
          </Field>
          <Field label={t('mandate.lead')}>{m.lead.name}</Field>
          {m.budgetHolder && <Field label={t('mandate.budgetHolder')}>{m.budgetHolder.name}</Field>}
          {m.handBackTo && <Field label={t('mandate.handBackTo')}>{m.handBackTo.name}</Field>}
          <Field label={t('mandate.holder')}>{m.holder.name}</Field>
          <Field label={t('mandate.recipients')}>{m.reportRecipients.map((r) => r.name).join(', ')}</Field>
        </SimpleGrid>
        {m.closedAt && m.outcome && (
          <Alert color="teal" data-testid="mandate-closed">
            <Text size="sm">
              {t('mandate.closed', { date: date(m.outcomeOn), outcome: t(`outcome.${m.outcome}` as MessageKey) })}
            </Text>
            {m.insertion && (
              <Text size="sm">
                {t('close.insertionSummary', {
                  employer: m.insertion.employer,
                  date: date(m.insertion.startOn),
                  contract: t(`contract.${m.insertion.contractType}` as MessageKey),
                  rate: m.insertion.ratePercent,
                })}
              </Text>
            )}
          </Alert>
        )}
        {m.handedBackAt && (
          <Alert color="teal" data-testid="handed-back">
            {t('mandate.handedBack', { date: dateTime(m.handedBackAt), name: m.handedBackByName ?? '' })}
            {m.handBackNote && <Text size="sm">{m.handBackNote}</Text>}
          </Alert>
        )}
        {handBack && m.closedAt && m.handBackTo && !m.handedBackAt && <HandBack situationId={situationId} m={m} />}
        <IntensityView file={file} />
        {coach && <ExtendForm situationId={situationId} m={m} />}
        {file.followUps.length > 0 && <FollowUps situationId={situationId} file={file} canRecord={followUp} />}
      </Stack>
    </Paper>
  );
}

function FollowUps({ situationId, file, canRecord }: { situationId: string; file: TandemFile; canRecord: boolean }) {
  const { t, date } = useI18n();
  return (
    <div data-testid="follow-ups">
      <Text fw={600} size="sm">
        {t('followUp.title')}
      </Text>
      <List size="sm">
        {file.followUps.map((f) => (
          <List.Item key={f.id}>
            {t('followUp.item', { months: f.months, date: date(f.dueOn) })} —{' '}
            {f.recordedAt ? (
              t('followUp.recorded', {
                answer: t(f.stillInWork ? 'followUp.stillInWork' : 'followUp.notInWork'),
                date: date(f.recordedAt),
                name: f.recordedByName ?? '',
              })
            ) : canRecord ? (
              <FollowUpForm situationId={situationId} f={f} />
            ) : (
              t('followUp.pending')
            )}
          </List.Item>
        ))}
      </List>
    </div>
  );
}

function FollowUpForm({ situationId, f }: { situationId: string; f: TandemFile['followUps'][number] }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const { run, error, busy } = useTandemAction(situationId);
  const record = (stillInWork: boolean) =>
    run(
      () => post(`/api/situations/${situationId}/follow-ups/${f.id}`, { stillInWork, note, version: f.version }),
      t('followUp.saved'),
    );
  return (
    <span>
      {t('followUp.pending')}
      <Group gap="xs" mt={4}>
        <Textarea
          aria-label={t('followUp.note')}
          placeholder={t('followUp.note')}
          autosize
          minRows={1}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Button size="xs" loading={busy} onClick={() => void record(true)}>
          {t('followUp.stillInWork')}
        </Button>
        <Button size="xs" variant="light" loading={busy} onClick={() => void record(false)}>
          {t('followUp.notInWork')}
        </Button>
      </Group>
      <ErrorAlert error={error} />
    </span>
  );
}
