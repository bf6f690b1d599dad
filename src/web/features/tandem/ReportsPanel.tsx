import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { Mandate, TandemFile } from '../../../contracts/tandem.ts';
import { CONTRACT_TYPES, OUTCOMES, type ContractType, type Outcome } from '../../../domain/tandem/closure.ts';
import { swissDay } from '../../../domain/consent/consent.ts';
import { monthLabel } from '../../../domain/tandem/monthly-report.ts';
import { post, put } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTandemAction } from './use-tandem-file.ts';

type Report = TandemFile['monthlyReports'][number];

function ReportDraft({ situationId, r, recipients }: { situationId: string; r: Report; recipients: string }) {
  const { t } = useI18n();
  const [text, setText] = useState(r.significantElements);
  const { run, error, busy } = useTandemAction(situationId);
  const save = () =>
    run(
      () =>
        put(`/api/situations/${situationId}/monthly-reports/${r.id}`, {
          significantElements: text,
          version: r.version,
        }),
      t('app.saved'),
    );
  const send = async () => {
    // Whatever is on screen is what goes: save first if it changed.
    let version = r.version;
    if (text !== r.significantElements) {
      const saved = await put<TandemFile>(`/api/situations/${situationId}/monthly-reports/${r.id}`, {
        significantElements: text,
        version,
      }).catch(() => null);
      version = saved?.monthlyReports.find((x) => x.id === r.id)?.version ?? version;
    }
    await run(
      () => post(`/api/situations/${situationId}/monthly-reports/${r.id}/send`, { version }),
      t('reports.sent'),
    );
  };
  return (
    <Stack gap="xs">
      <Textarea
        label={t('reports.elements')}
        autosize
        minRows={3}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={fieldError(error, 'significantElements')}
      />
      <Text size="xs" c="gray.7">
        {t('reports.willReceive', { names: recipients })}
      </Text>
      <ErrorAlert error={error} />
      <Group>
        <Button variant="light" loading={busy} onClick={() => void save()}>
          {t('reports.saveDraft')}
        </Button>
        <Button loading={busy} onClick={() => void send()}>
          {t('reports.send')}
        </Button>
      </Group>
    </Stack>
  );
}

/** One line per month of the mandate: to write, draft, or sent (to whom, in which language, delivered or queued). */
export function ReportsPanel({ situationId, file, coach }: { situationId: string; file: TandemFile; coach: boolean }) {
  const { t, lang, dateTime } = useI18n();
  const { run, error, busy } = useTandemAction(situationId);
  const recipients = file.mandate?.reportRecipients.map((r) => r.name).join(', ') ?? '';
  const color = { none: 'gray.7', draft: 'blue.9', sent: 'teal.9' } as const;
  return (
    <Paper withBorder p="md" data-testid="monthly-reports">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('reports.title')}
        </Title>
        <Text size="sm" c="gray.7">
          {t('reports.intro')}
        </Text>
        <ErrorAlert error={error} />
        {[...file.monthlyReports].reverse().map((r) => (
          <Paper key={r.month} withBorder p="sm" data-testid={`report-${r.month}`}>
            <Group justify="space-between">
              <Group gap="xs">
                <Text fw={600}>{monthLabel(r.month, lang)}</Text>
                <Badge color={color[r.status]}>{t(`reports.status.${r.status}` as MessageKey)}</Badge>
                {r.due && r.status !== 'sent' && <Badge color="orange.9">{t('reports.due')}</Badge>}
              </Group>
              {coach && r.status === 'none' && (
                <Button
                  size="xs"
                  loading={busy}
                  onClick={() =>
                    void run(
                      () => post(`/api/situations/${situationId}/monthly-reports`, { month: r.month }),
                      t('app.saved'),
                    )
                  }
                >
                  {t('reports.draft')}
                </Button>
              )}
            </Group>
            {r.status === 'draft' && coach && (
              <ReportDraft key={r.version} situationId={situationId} r={r} recipients={recipients} />
            )}
            {r.status === 'draft' && !coach && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {r.significantElements}
              </Text>
            )}
            {r.status === 'sent' && (
              <Stack gap={2} mt="xs">
                <Text size="xs" c="gray.7">
                  {t('reports.sentOn', { date: dateTime(r.sentAt), name: r.sentByName ?? '' })}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {r.significantElements}
                </Text>
                {r.recipients.map((x) => (
                  <Text key={x.messageId} size="xs" data-testid="report-recipient">
                    {t('reports.recipient', {
                      name: x.name,
                      email: x.email,
                      lang: x.language.toUpperCase(),
                      state: t(x.delivered ? 'reports.delivered' : 'reports.queued'),
                    })}{' '}
                    · {t('reports.messageId')} {x.messageId}
                  </Text>
                ))}
              </Stack>
            )}
          </Paper>
        ))}
      </Stack>
    </Paper>
  );
}

const SECTIONS = ['workDone', 'obstacles', 'strengths', 'stepsTaken', 'stepsToTake'] as const;

/** The bilan final: five sections, then finalised as a PDF in FR or DE, kept on the situation. */
export function FinalReportPanel({
  situationId,
  file,
  coach,
}: {
  situationId: string;
  file: TandemFile;
  coach: boolean;
}) {
  const { t, lang, dateTime } = useI18n();
  const report = file.finalReport;
  const [sections, setSections] = useState<Record<(typeof SECTIONS)[number], string>>({
    workDone: report?.workDone ?? '',
    obstacles: report?.obstacles ?? '',
    strengths: report?.strengths ?? '',
    stepsTaken: report?.stepsTaken ?? '',
    stepsToTake: report?.stepsToTake ?? '',
  });
  const [pdfLang, setPdfLang] = useState<string>(lang);
  const { run, error, busy } = useTandemAction(situationId);
  const save = () =>
    run(
      () => put(`/api/situations/${situationId}/final-report`, { ...sections, version: report?.version ?? null }),
      t('final.saved'),
    );
  const finalise = async () => {
    let version = report?.version ?? null;
    const changed = !report || SECTIONS.some((k) => report[k] !== sections[k]);
    if (changed) {
      const saved = await put<TandemFile>(`/api/situations/${situationId}/final-report`, {
        ...sections,
        version,
      }).catch(() => null);
      version = saved?.finalReport?.version ?? version;
    }
    await run(
      () => post(`/api/situations/${situationId}/final-report/finalise`, { language: pdfLang, version }),
      t('final.done'),
    );
  };
  return (
    <Paper withBorder p="md" data-testid="final-report">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('final.title')}
          </Title>
          {report && (
            <Group gap="xs">
              {(['fr', 'de'] as const).map((l) => (
                <Button
                  key={l}
                  component="a"
                  size="xs"
                  variant="subtle"
                  href={`/api/situations/${situationId}/final-report.pdf?lang=${l}`}
                  target="_blank"
                >
                  {t('final.print', { lang: l.toUpperCase() })}
                </Button>
              ))}
            </Group>
          )}
        </Group>
        {report?.status === 'final' && (
          <Alert color="teal" data-testid="final-done">
            {t('final.finalised', { date: dateTime(report.finalisedAt), name: report.finalisedByName ?? '' })}{' '}
            {report.pdfAttachmentId && (
              <a href={`/api/situations/${situationId}/attachments/${report.pdfAttachmentId}`}>
                {t('final.pdf')} ({report.language?.toUpperCase()})
              </a>
            )}
          </Alert>
        )}
        {SECTIONS.map((k) =>
          coach ? (
            <Textarea
              key={k}
              label={t(`final.${k}` as MessageKey)}
              autosize
              minRows={2}
              value={sections[k]}
              onChange={(e) => {
                // Read now: React clears currentTarget before a deferred updater runs.
                const value = e.currentTarget.value;
                setSections((s) => ({ ...s, [k]: value }));
              }}
              error={fieldError(error, k)}
            />
          ) : (
            <div key={k}>
              <Text size="xs" fw={600} c="gray.7">
                {t(`final.${k}` as MessageKey)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {sections[k] || '—'}
              </Text>
            </div>
          ),
        )}
        <ErrorAlert error={error} />
        {coach && (
          <>
            {report?.status === 'final' && (
              <Text size="xs" c="gray.7">
                {t('final.reopenHint')}
              </Text>
            )}
            <Group>
              <Button variant="light" loading={busy} onClick={() => void save()}>
                {t('final.save')}
              </Button>
              <Text size="sm">{t('final.finaliseIn')}</Text>
              <SegmentedControl
                data={[
                  { value: 'fr', label: 'FR' },
                  { value: 'de', label: 'DE' },
                ]}
                value={pdfLang}
                onChange={setPdfLang}
                aria-label={t('final.finaliseIn')}
              />
              <Button loading={busy} onClick={() => void finalise()}>
                {t('final.finalise')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** Closing the mandate: the outcome and, for an insertion, the job; needs the bilan final finalised. */
export function ClosePanel({
  situationId,
  file,
  mandate: m,
}: {
  situationId: string;
  file: TandemFile;
  mandate: Mandate;
}) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [outcomeOn, setOutcomeOn] = useState(swissDay(new Date()));
  const [employer, setEmployer] = useState('');
  const [startOn, setStartOn] = useState('');
  const [contractType, setContractType] = useState<ContractType>('permanent');
  const [ratePercent, setRate] = useState<number>(100);
  const { run, error, busy } = useTandemAction(situationId);
  const ready = file.finalReport?.status === 'final';
  const submit = () =>
    run(
      () =>
        post(`/api/situations/${situationId}/mandate/close`, {
          outcome,
          outcomeOn,
          insertion: outcome === 'inserted' ? { employer, startOn, contractType, ratePercent } : null,
          version: m.version,
        }),
      t('close.done'),
    );
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
        <ErrorAlert error={error} />
        <Group>
          <Button color="teal.9" loading={busy} disabled={!outcome} onClick={() => void submit()}>
            {t('close.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
