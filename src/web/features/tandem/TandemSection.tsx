import { Alert, Group, Paper, Stack } from '@mantine/core';
import { type ReactNode, useDeferredValue } from 'react';
import { Loading } from '../../components/Loading.tsx';
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
/** The place held for the file while it loads: taller than what is left of a screen under the situation's card. */
const FILE_PLACE_HEIGHT = 640;
// Under the shell's fixed 60-pixel header and the sticky section bar.
const SCROLL_MARGIN = 120;

/** One section of the file: a landmark the section bar jumps to, focused for keyboard and screen-reader users. */
function Section({ id, label, children }: { id: SectionId; label: string; children: ReactNode }) {
  return (
    <section
      id={anchor(id)}
      aria-label={label}
      tabIndex={-1}
      // Laid out only near the screen (global.css): the file's sections are long, and laying them all out at once
      // was most of the 130 ms the page blocked for (issue 10).
      className="near-screen tall"
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
  const query = useTandemFile(situation.id, relevant);
  // The file is the page's largest part: drawn at once when it arrived, it blocked the main thread for 130 ms and
  // pushed what follows it down (Lighthouse, issue 10). Its first arrival is drawn in the background (a transition,
  // in slices), in a place held for it meanwhile when a tandem is expected; a file a write replaced is drawn at once,
  // so that no form shows, nor sends, the version before.
  const deferred = useDeferredValue(query.data);
  const data = deferred === undefined ? undefined : query.data;
  if (!relevant) return null;
  if (!data) {
    // A file the caller may not read (an error, nothing loaded) is not shown, as before.
    if (query.isError) return null;
    const expected = situation.carePassages.some((p) => p.kind === 'tandem');
    return expected ? <Loading minHeight={FILE_PLACE_HEIGHT} /> : null;
  }
  const a = situation.abilities;
  if (!data.mandate) return situation.status === 'tandem' && a.assign ? <AssignPanel situation={situation} /> : null;
  const mandate = data.mandate;
  const open = !mandate.closedAt;
  const coaching = !data.coachingWithheld;
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
        {coaching && <NextPlannedMeeting file={data} />}
        <MandateCard
          situationId={situation.id}
          file={data}
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
          <PlannedMeetingsPanel situationId={situation.id} file={data} coach={a.coach} open={open} />
          <MeetingsPanel situationId={situation.id} file={data} coach={a.coach} />
        </Section>
      )}
      {coaching && (
        <Section id="objectives" label={label('objectives')}>
          <ObjectivesPanel situationId={situation.id} file={data} coach={a.coach} />
        </Section>
      )}
      <Section id="measures" label={label('measures')}>
        <MeasuresPanel situationId={situation.id} />
      </Section>
      {coaching && (
        <Section id="reports" label={label('reports')}>
          <ReportsPanel situationId={situation.id} file={data} coach={a.coach} />
          {(a.coach || data.finalReport) && (
            <FinalReportPanel
              key={data.finalReport?.version ?? 0}
              situationId={situation.id}
              file={data}
              coach={a.coach}
            />
          )}
        </Section>
      )}
      {closure && (
        <Section id="closure" label={label('closure')}>
          <ClosePanel situationId={situation.id} file={data} mandate={mandate} />
        </Section>
      )}
    </Stack>
  );
}
