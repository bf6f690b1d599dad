import { Alert, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TandemFile } from '../../../contracts/tandem.ts';
import { monthLabel } from '../../../domain/tandem/monthly-report.ts';
import { hasVisibleText } from '../../../domain/text/visible-text.ts';
import { ApiError, post, put } from '../../api/client.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTandemAction } from './use-tandem-file.ts';

type Report = TandemFile['monthlyReports'][number];

function ReportDraft({ situationId, r, recipients }: { situationId: string; r: Report; recipients: string }) {
  const { t, lang } = useI18n();
  const [text, setText] = useState(r.significantElements);
  const { run, error, busy, setError } = useTandemAction(situationId);
  const queryClient = useQueryClient();
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
    // Whatever is on screen is what goes (issue 11): save first if it changed; a failed save sends nothing and says
    // why. The server sends only if the stored text is the one shown.
    let version = r.version;
    // A report without visible text is not sent, and its prepared draft is not overwritten by the empty one.
    if (!hasVisibleText(text)) {
      setError(
        new ApiError(400, {
          error: {
            code: 'invalid',
            message: t('reports.elementsRequired'),
            fields: [{ path: 'significantElements', message: t('reports.elementsRequired') }],
          },
        }),
      );
      return;
    }
    if (text !== r.significantElements) {
      try {
        const saved = await put<TandemFile>(`/api/situations/${situationId}/monthly-reports/${r.id}`, {
          significantElements: text,
          version,
        });
        // The saved version is the screen's from now on, even if the send below fails (else the next try is a 409).
        queryClient.setQueryData(['tandem', situationId], saved);
        version = saved.monthlyReports.find((x) => x.id === r.id)?.version ?? version;
      } catch (e) {
        setError(e);
        return;
      }
    }
    await run(
      () => post(`/api/situations/${situationId}/monthly-reports/${r.id}/send`, { significantElements: text, version }),
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
        <ConfirmButton
          loading={busy}
          title={t('reports.confirmTitle', { month: monthLabel(r.month, lang) })}
          consequences={[
            t('reports.confirmTo', { month: monthLabel(r.month, lang), names: recipients }),
            t('reports.confirmFinal'),
          ]}
          confirmLabel={t('reports.send')}
          onConfirm={send}
        >
          {t('reports.send')}
        </ConfirmButton>
      </Group>
    </Stack>
  );
}

/** One line per month of the mandate: to write, draft, or sent (to whom, in which language, delivered or queued). */
export function ReportsPanel({ situationId, file, coach }: { situationId: string; file: TandemFile; coach: boolean }) {
  const { t, lang, dateTime } = useI18n();
  const { run, error, busy } = useTandemAction(situationId);
  const recipients = file.mandate?.reportRecipients.map((r) => r.name).join(', ') ?? '';
  const color = { none: 'gray.7', draft: 'blue.9', sent: 'teal.9', skipped: 'gray.7' } as const;
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
                {r.due && r.status !== 'sent' && r.status !== 'skipped' && (
                  <Badge color="orange.9">{t('reports.due')}</Badge>
                )}
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
            {r.status === 'skipped' && (
              <Text size="sm" mt="xs" data-testid="report-skipped">
                {t('reports.skippedBecause', { reason: r.skipReason ?? '' })}
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
  const { run, error, busy, setError } = useTandemAction(situationId);
  const save = () =>
    run(
      () => put(`/api/situations/${situationId}/final-report`, { ...sections, version: report?.version ?? null }),
      t('final.saved'),
    );
  const finalise = async () => {
    let version = report?.version ?? null;
    const changed = !report || SECTIONS.some((k) => report[k] !== sections[k]);
    if (changed) {
      // A failed save finalises nothing: what is finalised is what is on screen.
      try {
        const saved = await put<TandemFile>(`/api/situations/${situationId}/final-report`, { ...sections, version });
        version = saved.finalReport?.version ?? version;
      } catch (e) {
        setError(e);
        return;
      }
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
              <ConfirmButton
                loading={busy}
                title={t('final.confirmTitle')}
                consequences={[t('final.confirmPdf', { lang: pdfLang.toUpperCase() }), t('final.confirmFinal')]}
                confirmLabel={t('final.finalise')}
                onConfirm={finalise}
              >
                {t('final.finalise')}
              </ConfirmButton>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
