import { Alert, List, NumberInput, Paper, Select, Stack, Text, TextInput, Textarea, Title, Group } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ClosurePreview, Mandate, TandemFile } from '../../../contracts/tandem.ts';
import { swissDay } from '../../../domain/consent/consent.ts';
import { CONTRACT_TYPES, OUTCOMES, type ContractType, type Outcome } from '../../../domain/tandem/closure.ts';
import { monthLabel } from '../../../domain/tandem/monthly-report.ts';
import { ApiError, get, post } from '../../api/client.ts';
import { useReplacingWrite } from '../../api/use-replacing-write.ts';
import { hasVisibleText } from '../../../domain/text/visible-text.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { kindName, stepKey } from '../measures/use-measures.ts';

/** An orange alert's title in the text colour: Mantine's orange on its light background falls short of 4.5:1. */
const AlertTitle = ({ children }: { children: string }) => (
  <Text span fw={700} size="sm" c="dark.9">
    {children}
  </Text>
);

const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/**
 * What closing on `outcomeOn` leaves open, from the server. Under the situation's key: every tandem write refetches
 * it; the reports' states are in the key so that a report sent above shows here at once.
 */
function useClosurePreview(situationId: string, outcomeOn: string, file: TandemFile) {
  const reports = file.monthlyReports.map((r) => `${r.month}:${r.status}`).join(',');
  return useQuery({
    queryKey: ['situation', situationId, 'closure-preview', outcomeOn, reports],
    queryFn: () =>
      get<ClosurePreview>(
        `/api/situations/${situationId}/mandate/closure-preview?outcomeOn=${encodeURIComponent(outcomeOn)}`,
      ),
    // Not once closed: the closure's own refetch would ask again, be refused and leave a false refusal in the log.
    enabled: isDay(outcomeOn) && !file.mandate?.closedAt,
  });
}

/**
 * Closing the mandate (issue 11): the outcome and, for an insertion, the job; needs the bilan final finalised. What
 * is still open is listed and settled in the same request — the waiting measures withdrawn with a reason (their
 * deciders are told), each unsent month skipped with a reason (or sent above first) — and the closure is confirmed
 * in a dialog that names all of it.
 */
export function ClosePanel({
  situationId,
  file,
  mandate: m,
}: {
  situationId: string;
  file: TandemFile;
  mandate: Mandate;
}) {
  const { t, lang, date } = useI18n();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [outcomeOn, setOutcomeOn] = useState(swissDay(new Date()));
  const [employer, setEmployer] = useState('');
  const [startOn, setStartOn] = useState('');
  const [contractType, setContractType] = useState<ContractType>('permanent');
  const [ratePercent, setRate] = useState<number>(100);
  const [withdrawReason, setWithdrawReason] = useState('');
  const [skipReasons, setSkipReasons] = useState<Record<string, string>>({});
  // The closure withdraws measures too: their panel is refetched with the situation.
  const { run, error, busy, setError } = useReplacingWrite<TandemFile>(
    ['tandem', situationId],
    [
      ['situation', situationId],
      ['measures', situationId],
    ],
  );
  // The server wrote its refusal in the language of the request: one in the language left behind is dropped (the
  // next submit says again what is missing, in the new one).
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on a change of language only
  useEffect(() => setError(null), [lang]);
  const preview = useClosurePreview(situationId, outcomeOn, file);
  const ready = file.finalReport?.status === 'final';
  const open = preview.data;
  const waiting = open?.waitingMeasures ?? [];
  const unsent = open?.unsentReports ?? [];
  const months = unsent.map((r) => monthLabel(r.month, lang)).join(', ');
  const submit = () =>
    run(
      () =>
        post(`/api/situations/${situationId}/mandate/close`, {
          outcome,
          outcomeOn,
          insertion: outcome === 'inserted' ? { employer, startOn, contractType, ratePercent } : null,
          withdrawMeasureIds: waiting.map((w) => w.id),
          withdrawReason,
          skipReports: unsent.map((r) => ({ month: r.month, reason: skipReasons[r.month] ?? '' })),
          version: m.version,
        }),
      t('close.done'),
    );
  // The dialog says the reasons are recorded: it opens only once each is written (the server checks again).
  const reasonsGiven = () => {
    const fields = [
      ...(waiting.length && !hasVisibleText(withdrawReason)
        ? [{ path: 'withdrawReason', message: t('close.withdrawReasonRequired') }]
        : []),
      ...unsent.flatMap((r, i) =>
        hasVisibleText(skipReasons[r.month] ?? '')
          ? []
          : [{ path: `skipReports.${i}.reason`, message: t('close.skipReasonRequired') }],
      ),
    ];
    if (fields.length)
      setError(new ApiError(400, { error: { code: 'invalid', message: t('close.reasonsMissing'), fields } }));
    return fields.length === 0;
  };
  const consequences = [
    t('close.confirmClosed', {
      outcome: outcome ? t(`outcome.${outcome}` as MessageKey) : '',
      date: date(outcomeOn),
    }),
    ...(waiting.length ? [t('close.confirmWithdraw', { n: waiting.length })] : []),
    ...(unsent.length ? [t('close.confirmSkip', { months })] : []),
    ...(m.handBackTo ? [t('close.confirmHandBack', { name: m.handBackTo.name })] : []),
  ];
  return (
    <Paper withBorder p="md" data-testid="close-panel">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('close.title')}
        </Title>
        {!ready && <Alert color="orange">{t('final.required')}</Alert>}
        <Group align="flex-start">
          <Select
            label={t('close.outcome')}
            w={420}
            maw="100%"
            data={OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}` as MessageKey) }))}
            value={outcome}
            onChange={(v) => setOutcome(v as Outcome | null)}
          />
          <DateField
            label={t('close.outcomeOn')}
            value={outcomeOn}
            onChange={setOutcomeOn}
            error={fieldError(error, 'outcomeOn')}
          />
        </Group>
        {outcome === 'inserted' && (
          <Group align="flex-start">
            <TextInput
              label={t('close.employer')}
              value={employer}
              onChange={(e) => setEmployer(e.currentTarget.value)}
              error={fieldError(error, 'insertion.employer')}
            />
            <DateField
              label={t('close.insertionStart')}
              value={startOn}
              onChange={setStartOn}
              error={fieldError(error, 'insertion.startOn')}
            />
            <Select
              label={t('close.contractType')}
              w={260}
              allowDeselect={false}
              data={CONTRACT_TYPES.map((c) => ({ value: c, label: t(`contract.${c}` as MessageKey) }))}
              value={contractType}
              onChange={(v) => setContractType((v ?? 'permanent') as ContractType)}
            />
            <NumberInput
              label={t('close.rate')}
              w={120}
              min={1}
              max={100}
              value={ratePercent}
              onChange={(v) => setRate(Number(v) || 0)}
              error={fieldError(error, 'insertion.ratePercent')}
            />
          </Group>
        )}
        {outcome === 'inserted' && (
          <Text size="xs" c="gray.7">
            {t('close.followUps')}
          </Text>
        )}
        <div data-testid="closure-loose-ends">
          <Text fw={600} size="sm">
            {t('close.openTitle')}
          </Text>
          {open && !waiting.length && !unsent.length && (
            <Text size="sm" c="gray.7">
              {t('close.nothingOpen')}
            </Text>
          )}
          {waiting.length > 0 && (
            <Alert
              color="orange"
              mt="xs"
              title={<AlertTitle>{t('close.waitingTitle')}</AlertTitle>}
              data-testid="closure-waiting"
            >
              <List size="sm">
                {waiting.map((w) => (
                  <List.Item key={w.id}>
                    {w.status === 'approved'
                      ? t('close.approvedItem', { name: kindName(w, lang), date: date(w.startOn) })
                      : t('close.waitingItem', {
                          name: kindName(w, lang),
                          date: date(w.startOn),
                          step: w.pendingStep ? t(stepKey(w.pendingStep)) : '—',
                        })}
                  </List.Item>
                ))}
              </List>
              <Text size="sm" mt="xs">
                {t('close.waitingHint')}
              </Text>
              <Textarea
                mt="xs"
                label={t('close.withdrawReason')}
                autosize
                minRows={1}
                value={withdrawReason}
                onChange={(e) => setWithdrawReason(e.currentTarget.value)}
                error={fieldError(error, 'withdrawReason')}
              />
            </Alert>
          )}
          {unsent.length > 0 && (
            <Alert
              color="orange"
              mt="xs"
              title={<AlertTitle>{t('close.unsentTitle')}</AlertTitle>}
              data-testid="closure-unsent"
            >
              <Text size="sm">{t('close.unsentHint')}</Text>
              <Stack gap="xs" mt="xs">
                {unsent.map((r, i) => (
                  <Textarea
                    key={r.month}
                    label={t('close.skipReason', {
                      month: monthLabel(r.month, lang),
                      status: t(`reports.status.${r.status}` as MessageKey),
                    })}
                    autosize
                    minRows={1}
                    value={skipReasons[r.month] ?? ''}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setSkipReasons((s) => ({ ...s, [r.month]: value }));
                    }}
                    error={fieldError(error, `skipReports.${i}.reason`)}
                  />
                ))}
              </Stack>
            </Alert>
          )}
        </div>
        <ErrorAlert error={error} />
        <Group>
          <ConfirmButton
            color="teal.9"
            loading={busy}
            disabled={!outcome || !open}
            title={t('close.confirmTitle')}
            consequences={consequences}
            confirmLabel={t('close.submit')}
            onConfirm={submit}
            beforeOpen={reasonsGiven}
          >
            {t('close.submit')}
          </ConfirmButton>
        </Group>
      </Stack>
    </Paper>
  );
}
