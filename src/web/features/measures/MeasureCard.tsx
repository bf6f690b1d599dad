import { Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Measure } from '../../../contracts/measures.ts';
import { swissDay } from '../../../domain/consent/consent.ts';
import { post } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { kindName, STATUS_COLOR, statusKey, stepKey, useMeasuresAction } from './use-measures.ts';

type Pending = 'start' | 'interrupt' | 'complete' | 'escalate' | null;

// The SAS gives an opinion (préavis), the others a decision.
const decisionKey = (step: string, decision: 'approve' | 'refuse'): MessageKey =>
  step === 'sas'
    ? decision === 'approve'
      ? 'measures.favourable'
      : 'measures.unfavourable'
    : decision === 'approve'
      ? 'measures.approve'
      : 'measures.refuse';

/**
 * What the request says: kind, dates, provider, cost, route and each decision taken. Shared by the situation and the
 * inbox.
 */
export function MeasureSummary({ m }: { m: Measure }) {
  const { t, lang, date, chf } = useI18n();
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text fw={600}>{kindName(m.kind, lang)}</Text>
        <Badge color={STATUS_COLOR[m.status]}>{t(statusKey(m.status))}</Badge>
        {m.exception && <Badge color="orange.9">{t('measures.exception')}</Badge>}
      </Group>
      <Text size="sm">
        {t('measures.period', { from: date(m.startOn), to: date(m.endOn) })} · {m.provider || '—'} ·{' '}
        {t('measures.total')} {chf(m.totalCents / 100)}
        {m.allowancePercent !== null &&
          m.normalSalaryCents !== null &&
          ` · ${t('measures.ait', {
            percent: m.allowancePercent,
            salary: chf(m.normalSalaryCents / 100).replace('CHF ', ''),
          })}`}
      </Text>
      {m.goals && <Text size="sm">{m.goals}</Text>}
      <Text size="xs" c="gray.7">
        {t('measures.routeLine', {
          route: m.route.map((s) => t(stepKey(s))).join(' → '),
          ruleSet: t(`ruleSet.${m.ruleSet}` as MessageKey),
        })}{' '}
        · {t('measures.proposedBy', { name: m.proposedByName, date: date(m.proposedAt.slice(0, 10)) })}
      </Text>
      {m.escalationReason && <Text size="xs">{t('measures.escalationSent', { reason: m.escalationReason })}</Text>}
      {m.decisions.map((d) => (
        <Text size="xs" key={d.step} data-testid="measure-decision">
          {t('measures.decidedBy', {
            step: t(stepKey(d.step)),
            decision: t(decisionKey(d.step, d.decision)),
            name: d.decidedByName,
            date: date(d.decidedAt.slice(0, 10)),
          })}
          {d.reason && ` — ${d.reason}`}
        </Text>
      ))}
      {m.startedOn && <Text size="xs">{t('measures.started', { date: date(m.startedOn) })}</Text>}
      {m.endedOn && (
        <Text size="xs">
          {t('measures.ended', { date: date(m.endedOn) })}
          {m.endReason && ` — ${m.endReason}`}
        </Text>
      )}
      {m.status === 'withdrawn' && m.endReason && (
        <Text size="xs">{t('measures.withdrawnBecause', { reason: m.endReason })}</Text>
      )}
    </Stack>
  );
}

/** A measure on the situation, with the running actions the tandem may take. */
export function MeasureCard({
  situationId,
  m,
  coach,
  canRun,
}: {
  situationId: string;
  m: Measure;
  coach: boolean;
  canRun: boolean;
}) {
  const { t, lang } = useI18n();
  const [pending, setPending] = useState<Pending>(null);
  const [on, setOn] = useState(swissDay(new Date()));
  const [reason, setReason] = useState('');
  const { run, error, busy } = useMeasuresAction(situationId);
  const submit = async () => {
    const ok = await run(
      () =>
        pending === 'escalate'
          ? post(`/api/situations/${situationId}/measures/${m.id}/escalate`, { reason, version: m.version })
          : post(`/api/situations/${situationId}/measures/${m.id}/run`, {
              action: pending,
              on,
              reason,
              version: m.version,
            }),
      t('measures.done'),
    );
    if (ok) {
      setPending(null);
      setReason('');
    }
  };
  const actions: { key: Exclude<Pending, null>; label: MessageKey }[] = [];
  if (canRun && m.status === 'approved') actions.push({ key: 'start', label: 'measures.start' });
  if (canRun && m.status === 'running')
    actions.push({ key: 'interrupt', label: 'measures.interrupt' }, { key: 'complete', label: 'measures.complete' });
  if (coach && m.status === 'refused' && !m.escalationReason)
    actions.push({ key: 'escalate', label: 'measures.toCommission' });
  return (
    <Paper withBorder p="sm" data-testid="measure" aria-label={kindName(m.kind, lang)}>
      <MeasureSummary m={m} />
      {actions.length > 0 && pending === null && (
        <Group gap="xs" mt="xs">
          {actions.map((a) => (
            <Button key={a.key} size="xs" variant="light" onClick={() => setPending(a.key)}>
              {t(a.label)}
            </Button>
          ))}
        </Group>
      )}
      {pending && (
        <Stack gap="xs" mt="xs" data-testid="measure-action">
          <Group align="flex-end">
            {pending !== 'escalate' && (
              <DateField label={t('measures.on')} value={on} onChange={setOn} error={fieldError(error, 'on')} />
            )}
            {pending !== 'start' && pending !== 'complete' && (
              <TextInput
                w={420}
                label={pending === 'escalate' ? t('measures.escalationReason') : t('measures.endReason')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={fieldError(error, 'reason')}
              />
            )}
            <Button loading={busy} onClick={() => void submit()}>
              {t('measures.confirm')}
            </Button>
            <Button variant="subtle" onClick={() => setPending(null)}>
              {t('app.cancel')}
            </Button>
          </Group>
          <ErrorAlert error={error} />
        </Stack>
      )}
    </Paper>
  );
}
