import { Button, Group, Paper, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { AnnualReportTexts } from '../../../contracts/annual-report.ts';
import { REPORT_TEXT_KEYS, type ReportTextKey, emptyReportTexts } from '../../../domain/statistics/annual-report.ts';
import { get, put } from '../../api/client.ts';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/fr/index.ts';

/**
 * The annual report of the year (issue 13, seed 004 §2–§7): the cantonal CII officer writes its texts per language
 * and saves them (naming the version read); everyone who reads the canton's figures downloads the PDF in French or
 * German, its figures the published ones (small counts hidden).
 */
export function AnnualReportSection({ year, canEdit }: { year: number; canEdit: boolean }) {
  const { t, lang } = useI18n();
  const [language, setLanguage] = useState<'fr' | 'de'>(lang);
  const client = useQueryClient();
  const key = ['annual-report', year, language];
  const texts = useQuery({
    queryKey: key,
    queryFn: () => get<AnnualReportTexts>(`/api/figures/annual-report?year=${year}&lang=${language}`),
  });
  const [draft, setDraft] = useState<Record<ReportTextKey, string>>(emptyReportTexts());
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (texts.data) setDraft(Object.fromEntries(REPORT_TEXT_KEYS.map((k) => [k, texts.data[k]])) as typeof draft);
  }, [texts.data]);
  const save = useMutation({
    mutationFn: () =>
      put<AnnualReportTexts>(`/api/figures/annual-report?year=${year}&lang=${language}`, {
        ...draft,
        version: texts.data?.version ?? null,
      }),
    onSuccess: (data) => {
      client.setQueryData(key, data);
      setSaved(true);
    },
  });
  const pdf = (l: 'fr' | 'de') => `/api/figures/annual-report/pdf?year=${year}&lang=${l}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="annual-report-title" data-testid="annual-report">
      <Stack gap="sm">
        <Title order={3} size="h4" id="annual-report-title">
          {t('annualReport.title', { year })}
        </Title>
        <Text size="sm" c="gray.7">
          {t('annualReport.intro')}
        </Text>
        <Group gap="xs">
          <Button component="a" variant="light" href={pdf('fr')} data-testid="annual-report-pdf-fr">
            {t('annualReport.pdfFr')}
          </Button>
          <Button component="a" variant="light" href={pdf('de')} data-testid="annual-report-pdf-de">
            {t('annualReport.pdfDe')}
          </Button>
        </Group>
        <SegmentedControl
          aria-label={t('annualReport.language')}
          value={language}
          onChange={(v) => {
            setLanguage(v === 'de' ? 'de' : 'fr');
            setSaved(false);
          }}
          data={[
            { value: 'fr', label: t('annualReport.inFrench') },
            { value: 'de', label: t('annualReport.inGerman') },
          ]}
          w="fit-content"
          data-testid="annual-report-language"
        />
        <ErrorAlert error={texts.error} />
        {REPORT_TEXT_KEYS.map((k) =>
          canEdit ? (
            <Textarea
              key={k}
              label={t(`annualReport.section.${k}` as MessageKey)}
              description={t(`annualReport.hint.${k}` as MessageKey)}
              autosize
              minRows={2}
              maxRows={12}
              value={draft[k]}
              error={fieldError(save.error, k)}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setDraft((d) => ({ ...d, [k]: value }));
                setSaved(false);
              }}
              data-testid={`annual-report-${k}`}
            />
          ) : (
            <div key={k}>
              <Text fw={600} size="sm">
                {t(`annualReport.section.${k}` as MessageKey)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={draft[k] ? undefined : 'gray.7'}>
                {draft[k] || t('annualReport.empty')}
              </Text>
            </div>
          ),
        )}
        {texts.data?.updatedBy && texts.data.updatedAt && (
          <Text size="xs" c="gray.7" data-testid="annual-report-saved-by">
            {t('annualReport.savedBy', { name: texts.data.updatedBy, version: texts.data.version ?? 0 })}
          </Text>
        )}
        {canEdit && (
          <>
            <ErrorAlert error={save.error} />
            <Group>
              <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="annual-report-save">
                {t('annualReport.save')}
              </Button>
              {saved && (
                <Text size="sm" c="teal.8" role="status">
                  {t('app.saved')}
                </Text>
              )}
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
