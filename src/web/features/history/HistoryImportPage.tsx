import { Alert, Button, Checkbox, FileInput, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { HistoryImportResult } from '../../../contracts/history.ts';
import { upload } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { RejectedRows } from '../../components/RejectedRows.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * The history import (issue 13): the administrator downloads the template, fills it from the former records (ASGAL),
 * checks the file (dry run: every refused row with its reason, nothing changed), then imports it. Importing the same
 * file again changes nothing (each row's external key) — unless "correct" is ticked: then a row imported before whose
 * values changed replaces it (decision 025), the check listing which ones first.
 */
export function HistoryImportPage() {
  const { t, lang } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<HistoryImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [correct, setCorrect] = useState(false);
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await upload<HistoryImportResult>(`/api/history/import?dryRun=${dryRun}&correct=${correct}`, file));
    } catch (e) {
      setError(e);
      setResult(null);
    } finally {
      setBusy(false);
    }
  };
  // A dry run's list says "would be corrected" until the import applies it.
  const correctedCaption = t(result?.dryRun ? 'history.wouldCorrectCaption' : 'history.correctedCaption');
  return (
    <Stack maw={1000}>
      <Title order={2}>{t('history.title')}</Title>
      <Text>{t('history.intro')}</Text>
      <Alert color="blue">{t('history.anonymous')}</Alert>
      <Group gap="xs">
        <Button component="a" variant="light" href={`/api/history/template?format=xlsx&lang=${lang}`}>
          {t('history.templateXlsx')}
        </Button>
        <Button component="a" variant="light" href="/api/history/template?format=csv">
          {t('history.templateCsv')}
        </Button>
      </Group>
      <FileInput
        label={t('history.file')}
        description={t('history.fileHint')}
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        value={file}
        onChange={(f) => {
          setFile(f);
          setResult(null);
        }}
        clearable
        maw={480}
        data-testid="history-file"
      />
      <Checkbox
        label={t('history.correct')}
        description={t('history.correctHint')}
        checked={correct}
        onChange={(e) => {
          setCorrect(e.currentTarget.checked);
          setResult(null);
        }}
        maw={640}
        data-testid="history-correct"
      />
      <Group>
        <Button variant="light" disabled={!file} loading={busy} onClick={() => run(true)} data-testid="history-check">
          {t('history.check')}
        </Button>
        <Button
          disabled={!file || !result?.dryRun || (result.imported === 0 && result.corrected.length === 0)}
          loading={busy}
          onClick={() => run(false)}
          data-testid="history-import"
        >
          {t('history.import')}
        </Button>
      </Group>
      <ErrorAlert error={error} />
      {result && (
        <Stack gap="sm" data-testid="history-result">
          <Alert color={result.fileProblems.length || result.rejected.length ? 'orange' : 'teal'} role="status">
            {t(result.dryRun ? 'history.dryRunResult' : 'history.importResult', {
              rows: result.rows,
              imported: result.imported,
              unchanged: result.unchanged,
              rejected: result.rejected.length,
            })}
            {result.corrected.length > 0 &&
              ` ${t(result.dryRun ? 'history.wouldCorrect' : 'history.correctedResult', {
                corrected: result.corrected.length,
              })}`}
            {result.differing.length > 0 && ` ${t('history.differing', { differing: result.differing.length })}`}
          </Alert>
          {[
            { rows: result.corrected, id: 'history-corrected', caption: correctedCaption },
            { rows: result.differing, id: 'history-differing', caption: t('history.differingCaption') },
          ].map(
            (list) =>
              list.rows.length > 0 && (
                <Table.ScrollContainer minWidth={360} key={list.id}>
                  <Table striped withTableBorder data-testid={list.id}>
                    <Table.Caption>{list.caption}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('history.key')}</Table.Th>
                        <Table.Th>{t('history.columns')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {list.rows.map((c) => (
                        <Table.Tr key={c.externalKey}>
                          <Table.Td>{c.externalKey}</Table.Td>
                          <Table.Td>{c.columns.join(', ')}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              ),
          )}
          <RejectedRows
            fileProblems={result.fileProblems}
            rejected={result.rejected.map((r) => ({ line: r.line, key: r.externalKey, reasons: r.reasons }))}
            labels={{
              caption: t('history.rejectedCaption'),
              line: t('history.line'),
              key: t('history.key'),
              reasons: t('history.reasons'),
            }}
            testIds={{ fileProblems: 'history-file-problems', rejected: 'history-rejected' }}
          />
        </Stack>
      )}
    </Stack>
  );
}
