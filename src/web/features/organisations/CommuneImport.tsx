import { Alert, Button, FileInput, List, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CommuneImportReport } from '../../../contracts/organisations.ts';
import { post } from '../../api/client.ts';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export function CommuneImport() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<CommuneImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      setReport(await post<CommuneImportReport>('/api/communes/import', { csv: await file.text() }));
      await queryClient.invalidateQueries({ queryKey: ['directory'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md" maw={720}>
      <Text>{t('org.importIntro')}</Text>
      <FileInput
        label={t('org.importFile')}
        accept=".csv,text/csv"
        value={file}
        onChange={setFile}
        error={fieldError(error, 'csv')}
        clearable
      />
      {!fieldError(error, 'csv') && <ErrorAlert error={error} />}
      <Button onClick={run} disabled={!file} loading={busy} w="fit-content">
        {t('org.importRun')}
      </Button>
      {report && (
        <Alert
          color={report.rejected.length ? 'orange' : 'teal'}
          title={t('org.importResult', {
            created: report.created,
            updated: report.updated,
            rejected: report.rejected.length,
          })}
        >
          {report.rejected.length > 0 && (
            <List size="sm" data-testid="import-rejections">
              {report.rejected.map((r) => (
                <List.Item key={r.line}>
                  {t('org.importLine', { line: r.line })}: {r.reasons.join(' ')}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </Stack>
  );
}
