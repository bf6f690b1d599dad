import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { Assessment } from '../../../contracts/assessments.ts';
import { ASSESSMENT_SECTIONS, type AssessmentSection } from '../../../domain/care/assessment.ts';
import { post, put } from '../../api/client.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { assessmentPath, useAssessmentAction } from './use-assessment.ts';

/**
 * The assessment's three parts (medical, professional, social), the person's resources and the SMR doctor's
 * conclusions; each shown only where the procuration gives its category to the reader's institution. The Bureau
 * records the meeting held with them, and keeps them up to date.
 */
export function SectionsPanel({ a }: { a: Assessment }) {
  const { t, date } = useI18n();
  const visible = ASSESSMENT_SECTIONS.filter((s) => !a.withheldSections.includes(s));
  const [draft, setDraft] = useState<Partial<Record<AssessmentSection, string>>>(() =>
    Object.fromEntries(visible.map((s) => [s, a.sections[s] ?? ''])),
  );
  const { run, error, busy } = useAssessmentAction(a.situationId);
  const canWrite =
    a.abilities.organise && (a.status === 'scheduled' || a.status === 'held' || a.status === 'in_execution');
  const holding = a.status === 'scheduled';
  const save = () =>
    run(
      () =>
        holding
          ? post(assessmentPath(a.situationId, '/hold'), { ...draft, version: a.version })
          : put(assessmentPath(a.situationId, '/sections'), { ...draft, version: a.sections.version }),
      t(holding ? 'asm.held' : 'asm.sectionsSaved'),
    );
  const withheld = a.withheldSections.map((s) => t(`asm.section.${s}` as MessageKey)).join(', ');
  // Before the meeting is held there is nothing to read; the Bureau writes the sections when it records it held.
  if (!canWrite && !a.sections.heldAt) return null;
  if (a.status === 'to_organise') return null;
  return (
    <Paper withBorder p="md" data-testid="assessment-sections">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('asm.sections')}
        </Title>
        {a.sections.heldAt && (
          <Text size="sm" c="gray.7">
            {t('asm.heldAt', { date: date(a.sections.heldAt) })}
          </Text>
        )}
        {a.abilities.smrOnly && <Text size="sm">{t('asm.smrOnly')}</Text>}
        {visible.map((s) =>
          canWrite ? (
            <Textarea
              key={s}
              label={t(`asm.section.${s}` as MessageKey)}
              value={draft[s] ?? ''}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setDraft((d) => ({ ...d, [s]: value }));
              }}
              autosize
              minRows={2}
              error={fieldError(error, s)}
            />
          ) : (
            <div key={s}>
              <Text fw={600} size="sm">
                {t(`asm.section.${s}` as MessageKey)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {a.sections[s] || t('app.none')}
              </Text>
            </div>
          ),
        )}
        {withheld && (
          <Text size="sm" c="gray.7" data-testid="assessment-withheld">
            {t('asm.withheld', { parts: withheld })}
          </Text>
        )}
        <ErrorAlert error={error} />
        {canWrite && (
          <Group>
            {holding ? (
              <ConfirmButton
                title={t('asm.hold')}
                consequences={[t('asm.holdConfirm')]}
                confirmLabel={t('asm.hold')}
                onConfirm={save}
              >
                {t('asm.hold')}
              </ConfirmButton>
            ) : (
              <Button onClick={save} loading={busy}>
                {t('asm.saveSections')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
