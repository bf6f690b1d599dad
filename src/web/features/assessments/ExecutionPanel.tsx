import { Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { Assessment } from '../../../contracts/assessments.ts';
import { ASSESSMENT_OUTCOMES, type AssessmentOutcome } from '../../../domain/care/assessment.ts';
import { OBJECTIVE_STATUSES } from '../../../domain/care/objectives-contract.ts';
import { swissDay } from '../../../domain/consent/consent.ts';
import { post, put } from '../../api/client.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { assessmentPath, useAssessmentAction } from './use-assessment.ts';

/** Execution of the contract in force: each objective's state, the case manager's notes and review meetings. */
export function ExecutionPanel({ a }: { a: Assessment }) {
  const { t, date } = useI18n();
  const inForce = a.contracts.find((v) => v.status === 'in_force') ?? null;
  const [kind, setKind] = useState<'note' | 'review_meeting'>('note');
  const [at, setAt] = useState(swissDay(new Date()));
  const [text, setText] = useState('');
  const { run, error, busy } = useAssessmentAction(a.situationId);
  const manage = a.abilities.manage && a.status === 'in_execution';
  const setStatus = (objectiveId: string, status: string) =>
    inForce &&
    run(
      () =>
        put(assessmentPath(a.situationId, `/contract/${inForce.versionNo}/objectives/${objectiveId}`), {
          status,
          version: inForce.version,
        }),
      t('asm.objectiveSaved'),
    );
  const addNote = async () => {
    const ok = await run(() => post(assessmentPath(a.situationId, '/notes'), { kind, at, text }), t('asm.note.added'));
    if (ok) setText('');
  };
  return (
    <Paper withBorder p="md" data-testid="assessment-execution">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('asm.execution')}
        </Title>
        {inForce?.objectives.map((o) => (
          <Group key={o.id} justify="space-between" wrap="wrap" gap="xs" data-testid="execution-objective">
            <Text size="sm" style={{ flex: '1 1 200px', overflowWrap: 'anywhere' }}>
              {o.position}. {o.text}
              <Text span size="xs" c="gray.7">
                {' '}
                · {t('asm.contract.deadline')} {date(o.deadline)}
                {o.statusChangedAt ? ` · ${date(o.statusChangedAt)}` : ''}
              </Text>
            </Text>
            {manage ? (
              <Select
                aria-label={t('asm.objectiveStatus', { n: o.position })}
                data={OBJECTIVE_STATUSES.map((s) => ({ value: s, label: t(`asm.objectiveStatus.${s}` as MessageKey) }))}
                value={o.status}
                onChange={(v) => v && void setStatus(o.id, v)}
                w={160}
              />
            ) : (
              <Text size="sm">{t(`asm.objectiveStatus.${o.status}` as MessageKey)}</Text>
            )}
          </Group>
        ))}
        <Title order={4} size="h5">
          {t('asm.notes')}
        </Title>
        {a.notes.length === 0 && (
          <Text size="sm" c="gray.7">
            {t('asm.note.none')}
          </Text>
        )}
        {a.notes.map((n) => (
          <Stack key={n.id} gap={0} data-testid="assessment-note">
            <Text size="xs" c="gray.7">
              {date(n.at)} · {t(`asm.note.${n.kind}` as MessageKey)} · {n.author}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {n.text}
            </Text>
          </Stack>
        ))}
        {manage && (
          <Stack gap="xs">
            <Group align="flex-start" wrap="wrap">
              <Select
                label={t('asm.note.kind')}
                data={(['note', 'review_meeting'] as const).map((k) => ({ value: k, label: t(`asm.note.${k}`) }))}
                value={kind}
                onChange={(v) => v && setKind(v as typeof kind)}
                w={200}
              />
              <DateField label={t('asm.note.at')} value={at} onChange={setAt} error={fieldError(error, 'at')} />
            </Group>
            <Textarea
              label={t('asm.note.text')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              autosize
              minRows={2}
              error={fieldError(error, 'text')}
            />
            <Group>
              <Button variant="light" onClick={addNote} loading={busy}>
                {t('asm.note.add')}
              </Button>
            </Group>
          </Stack>
        )}
        <ErrorAlert error={error} />
      </Stack>
    </Paper>
  );
}

/** Closing with an outcome (DOMAIN.md §4.5): ends the assessment and closes the situation. */
export function CloseAssessmentPanel({ a }: { a: Assessment }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<AssessmentOutcome | null>(null);
  const [reason, setReason] = useState('');
  const { run, error } = useAssessmentAction(a.situationId);
  const label = outcome ? t(`asm.outcome.${outcome}` as MessageKey) : '';
  return (
    <Paper withBorder p="md" data-testid="assessment-close">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('asm.close')}
        </Title>
        <Select
          label={t('asm.close.outcome')}
          data={ASSESSMENT_OUTCOMES.map((o) => ({ value: o, label: t(`asm.outcome.${o}` as MessageKey) }))}
          value={outcome}
          onChange={(v) => setOutcome(v as AssessmentOutcome | null)}
          maw={420}
          error={fieldError(error, 'outcome')}
        />
        <Textarea
          label={t('asm.close.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          error={fieldError(error, 'reason')}
        />
        <ErrorAlert error={error} />
        <Group>
          <ConfirmButton
            color="red.9"
            disabled={!outcome}
            title={t('asm.close')}
            consequences={[t('asm.close.confirm', { outcome: label })]}
            confirmLabel={t('asm.close')}
            onConfirm={() =>
              run(
                () => post(assessmentPath(a.situationId, '/close'), { outcome, reason, version: a.version }),
                t('asm.close.done'),
              )
            }
          >
            {t('asm.close')}
          </ConfirmButton>
        </Group>
      </Stack>
    </Paper>
  );
}
