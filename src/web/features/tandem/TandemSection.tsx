import { Alert, Stack } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Situation } from '../../../contracts/situations.ts';
import { MeasuresPanel } from '../measures/MeasuresPanel.tsx';
import { AssignPanel } from './AssignPanel.tsx';
import { MeetingsPanel, ObjectivesPanel } from './JournalPanel.tsx';
import { MandateCard } from './MandateCard.tsx';
import { ClosePanel } from './ClosePanel.tsx';
import { FinalReportPanel, ReportsPanel } from './ReportsPanel.tsx';
import { useTandemFile } from './use-tandem-file.ts';

/** The tandem's part of the situation page: assignment for the Bureau, then the mandate's whole file. */
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
  return (
    <Stack gap="md">
      <MandateCard
        situationId={situation.id}
        file={file.data}
        mandate={mandate}
        coach={a.coach}
        handBack={a.handBack}
        followUp={a.followUp}
      />
      {file.data.coachingWithheld ? (
        <Alert color="gray" data-testid="coaching-withheld">
          {t('tandemFile.coachingWithheld')}
        </Alert>
      ) : (
        <>
          <MeetingsPanel situationId={situation.id} file={file.data} coach={a.coach} />
          <ObjectivesPanel situationId={situation.id} file={file.data} coach={a.coach} />
        </>
      )}
      <MeasuresPanel situationId={situation.id} />
      {!file.data.coachingWithheld && <ReportsPanel situationId={situation.id} file={file.data} coach={a.coach} />}
      {!file.data.coachingWithheld && (a.coach || file.data.finalReport) && (
        <FinalReportPanel
          key={file.data.finalReport?.version ?? 0}
          situationId={situation.id}
          file={file.data}
          coach={a.coach}
        />
      )}
      {a.coach && open && <ClosePanel situationId={situation.id} file={file.data} mandate={mandate} />}
    </Stack>
  );
}
