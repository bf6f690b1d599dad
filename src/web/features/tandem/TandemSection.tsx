import { Alert, Group, Paper, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/fr/index.ts';
import type { Situation } from '../../../contracts/situations.ts';
import { MeasuresPanel } from '../measures/MeasuresPanel.tsx';
import { AssignPanel } from './AssignPanel.tsx';
import { MeetingsPanel, ObjectivesPanel } from './JournalPanel.tsx';
import { MandateCard } from './MandateCard.tsx';
import { ClosePanel } from './ClosePanel.tsx';
import { NextPlannedMeeting, PlannedMeetingsPanel } from './PlannedMeetingsPanel.tsx';
import { FinalReportPanel, ReportsPanel } from './ReportsPanel.tsx';
import { useTandemFile } from './use-tandem-file.ts';

type SectionId = 'overview' | 'journal' | 'objectives' | 'measures' | 'reports' | 'closure';
const anchor = (id: SectionId) => `tandem-${id}`;
// Under the shell's fixed 60-pixel header and the sticky section bar.
const SCROLL_MARGIN = 120;

/** One section of the file: a landmark the section bar jumps to, focused for keyboard and screen-reader users. */
function Section({ id, label, children }: { id: SectionId; label: string; children: ReactNode }) {
  return (
    <section
      id={anchor(id)}
      aria-label={label}
      tabIndex={-1}
      style={{ scrollMarginTop: SCROLL_MARGIN, outline: 'none' }}
      data-testid={`section-${id}`}
    >
      <Stack gap="md">{children}</Stack>
    </section>
  );
}

/** The bar of the file's sections: in-page links, sticky under the header, scrolling sideways on a phone. */
function SectionBar({ sections }: { sections: SectionId[] }) {
  const { t } = useI18n();
  const jump = (id: SectionId) => (e: React.MouseEvent) => {
    const target = document.getElementById(anchor(id));
    if (!target) return;
    e.preventDefault();
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  };
  return (
    <Paper
      component="nav"
      aria-label={t('tandemFile.sections')}
      withBorder
      p={6}
      data-testid="tandem-sections"
      style={{ position: 'sticky', top: 60, zIndex: 50, overflowX: 'auto' }}
    >
      <Group gap={4} wrap="nowrap">
        {sections.map((id) => (
          <a
            key={id}
            href={`#${anchor(id)}`}
            onClick={jump(id)}
            className="mantine-focus-auto"
            style={{
              padding: '4px 10px',
              borderRadius: 4,
              whiteSpace: 'nowrap',
              color: 'var(--mantine-color-blue-9)',
              fontSize: 'var(--mantine-font-size-sm)',
              fontWeight: 600,
              textDecoration: 'none',
            }}
          >
            {t(`tandemFile.section.${id}` as MessageKey)}
          </a>
        ))}
      </Group>
    </Paper>
  );
}

/**
 * The tandem's part of the situation page: assignment for the Bureau, then the mandate's whole file in sections
 * (overview with the next planned meeting, journal, objectives, measures, reports, closure) that a bar jumps to.
 */
export function TandemSection({ situation }: { situation: Situation }) {
  const { t } = useI18n();
  const relevant = situation.status === 'tandem' || situation.status === 'closed';
  const file = useTandemFile(situation.id, relevant);
  if (!relevant || !file.data) return null;
  const a = situation.abilities;
  if (!file.data.mandate)
    return situation.status === 'tandem' && a.assign ? <AssignPanel situation={situation} /> : null;
  const mandate = file.data.mandate;
  const open = !mandate.closedAt;
  const coaching = !file.data.coachingWithheld;
  const closure = a.coach && open;
  const sections: SectionId[] = [
    'overview',
    ...(coaching ? (['journal', 'objectives'] as const) : []),
    'measures',
    ...(coaching ? (['reports'] as const) : []),
    ...(closure ? (['closure'] as const) : []),
  ];
  const label = (id: SectionId) => t(`tandemFile.section.${id}` as MessageKey);
  return (
    <Stack gap="md">
      <SectionBar sections={sections} />
      <Section id="overview" label={label('overview')}>
        {coaching && <NextPlannedMeeting file={file.data} />}
        <MandateCard
          situationId={situation.id}
          file={file.data}
          mandate={mandate}
          coach={a.coach}
          handBack={a.handBack}
          followUp={a.followUp}
        />
        {!coaching && (
          <Alert color="gray" data-testid="coaching-withheld">
            {t('tandemFile.coachingWithheld')}
          </Alert>
        )}
      </Section>
      {coaching && (
        <Section id="journal" label={label('journal')}>
          <PlannedMeetingsPanel situationId={situation.id} file={file.data} coach={a.coach} open={open} />
          <MeetingsPanel situationId={situation.id} file={file.data} coach={a.coach} />
        </Section>
      )}
      {coaching && (
        <Section id="objectives" label={label('objectives')}>
          <ObjectivesPanel situationId={situation.id} file={file.data} coach={a.coach} />
        </Section>
      )}
      <Section id="measures" label={label('measures')}>
        <MeasuresPanel situationId={situation.id} />
      </Section>
      {coaching && (
        <Section id="reports" label={label('reports')}>
          <ReportsPanel situationId={situation.id} file={file.data} coach={a.coach} />
          {(a.coach || file.data.finalReport) && (
            <FinalReportPanel
              key={file.data.finalReport?.version ?? 0}
              situationId={situation.id}
              file={file.data}
              coach={a.coach}
            />
          )}
        </Section>
      )}
      {closure && (
        <Section id="closure" label={label('closure')}>
          <ClosePanel situationId={situation.id} file={file.data} mandate={mandate} />
        </Section>
      )}
    </Stack>
  );
}
