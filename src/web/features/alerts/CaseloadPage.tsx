import { Alert, Button, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { CaseloadUploadResult } from '../../../contracts/alerts.ts';
import { upload } from '../../api/client.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { RejectedRows } from '../../components/RejectedRows.tsx';
import { useAlertsText } from './alerts-text.ts';

/**
 * The correspondent declares the institution's caseload (issue 14): downloads the template, checks the file (dry run:
 * every refused row with its reason, nothing changed), then replaces the list. The AVS numbers are never stored.
 */
export function CaseloadPage() {
  const { a, lang } = useAlertsText();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<CaseloadUploadResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await upload<CaseloadUploadResult>(`/api/caseload/upload?dryRun=${dryRun}`, file));
      if (!dryRun) await queryClient.invalidateQueries();
    } catch (e) {
      setError(e);
      setResult(null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack maw={1000}>
      <Title order={2}>{a('caseload.title')}</Title>
      <Text>{a('caseload.intro')}</Text>
      <Alert color="blue">{a('caseload.privacy')}</Alert>
      <Group gap="xs">
        <Button component="a" variant="light" href={`/api/caseload/template?format=xlsx&lang=${lang}`}>
          {a('caseload.templateXlsx')}
        </Button>
        <Button component="a" variant="light" href="/api/caseload/template?format=csv">
          {a('caseload.templateCsv')}
        </Button>
      </Group>
      <FileInput
        label={a('caseload.file')}
        description={a('caseload.fileHint')}
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        value={file}
        onChange={(f) => {
          setFile(f);
          setResult(null);
        }}
        clearable
        maw={480}
        data-testid="caseload-file"
      />
      <Group>
        <Button variant="light" disabled={!file} loading={busy} onClick={() => run(true)} data-testid="caseload-check">
          {a('caseload.check')}
        </Button>
        <ConfirmButton
          disabled={!file || !result?.dryRun || result.accepted === 0 || result.fileProblems.length > 0}
          loading={busy}
          title={a('caseload.confirmTitle')}
          consequences={
            result?.dryRun
              ? [
                  a('caseload.confirmKept', { accepted: result.accepted }),
                  a('caseload.confirmRejected', { rejected: result.rejected.length }),
                  a('caseload.confirmLeft', { left: result.left }),
                ]
              : []
          }
          confirmLabel={a('caseload.upload')}
          onConfirm={() => run(false)}
          data-testid="caseload-upload"
        >
          {a('caseload.upload')}
        </ConfirmButton>
        <Button component={Link} to="/alerts" variant="subtle">
          {a('caseload.backToAlerts')}
        </Button>
      </Group>
      <ErrorAlert error={error} />
      {result && (
        <Stack gap="sm" data-testid="caseload-result">
          <Alert color={result.fileProblems.length || result.rejected.length ? 'orange' : 'teal'} role="status">
            {a(result.dryRun ? 'caseload.dryRunResult' : 'caseload.uploadResult', {
              rows: result.rows,
              accepted: result.accepted,
              rejected: result.rejected.length,
              left: result.left,
              raised: result.alertsRaised,
              closed: result.alertsClosed,
            })}
          </Alert>
          <RejectedRows
            fileProblems={result.fileProblems}
            rejected={result.rejected.map((r) => ({ line: r.line, key: r.reference, reasons: r.reasons }))}
            labels={{
              caption: a('caseload.rejectedCaption'),
              line: a('caseload.line'),
              key: a('caseload.reference'),
              reasons: a('caseload.reasons'),
            }}
            testIds={{ rejected: 'caseload-rejected' }}
          />
        </Stack>
      )}
    </Stack>
  );
}
